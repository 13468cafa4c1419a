package mdmcmd

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/managedos/managedos/compat"
	"github.com/managedos/managedos/mechanism"
)

func resolve(t *testing.T, chip compat.Chip, current, target string) compat.Decision {
	t.Helper()
	d, err := compat.Resolve(chip, compat.MustParseVersion(current), compat.MustParseVersion(target))
	require.NoError(t, err)
	return d
}

func TestFromDecision(t *testing.T) {
	tests := []struct {
		name     string
		decision compat.Decision
		opts     Options
		want     Update
	}{
		{"apple silicon upgrade: InstallASAP with ProductVersion", resolve(t, compat.AppleSilicon, "12.6", "13.6"), Options{},
			Update{ProductVersion: compat.MustParseVersion("13.6"), InstallAction: InstallASAP}},
		{"apple silicon from Big Sur: InstallASAP with the ProductKey", resolve(t, compat.AppleSilicon, "11.7", "12.6"), Options{ProductKey: "_MACOS_12.6"},
			Update{ProductKey: "_MACOS_12.6", InstallAction: InstallASAP}},
		{"minor update: InstallASAP by default", resolve(t, compat.Intel, "13.1", "13.6"), Options{},
			Update{ProductVersion: compat.MustParseVersion("13.6"), InstallAction: InstallASAP}},
		{"minor update: the caller's action with deferrals", resolve(t, compat.Intel, "12.6", "12.7.6"), Options{Action: InstallLater, MaxUserDeferrals: 3, Priority: High},
			Update{ProductVersion: compat.MustParseVersion("12.7.6"), InstallAction: InstallLater, MaxUserDeferrals: 3, Priority: High}},
		{"rsr: the ProductKey", resolve(t, compat.AppleSilicon, "13.4.1", "13.4.1 (c)"), Options{ProductKey: "MSU_UPDATE_22F770820d_patch_13.4.1_rsr"},
			Update{ProductKey: "MSU_UPDATE_22F770820d_patch_13.4.1_rsr", InstallAction: InstallASAP}},
		{"intel major on 13: MDM commands", resolve(t, compat.Intel, "13.6", "14.2.1"), Options{},
			Update{ProductVersion: compat.MustParseVersion("14.2.1"), InstallAction: InstallASAP}},
		{"the item's AllowsInstallLater decides the 12008 rule", resolve(t, compat.Intel, "13.6", "14.2"),
			Options{Action: NotifyOnly, Available: &AvailableOSUpdate{ProductKey: "_MACOS_14.2", IsMajorOSUpdate: compat.FlagTrue, AllowsInstallLater: compat.FlagTrue}},
			Update{ProductKey: "_MACOS_14.2", InstallAction: NotifyOnly}},
		{"an explicit key wins over the item's", resolve(t, compat.Intel, "13.1", "13.6"),
			Options{ProductKey: "MSU_UPDATE_22G120_patch_13.6_minor", Available: &AvailableOSUpdate{ProductKey: "MSU_UPDATE_22G121_patch_13.6_minor"}},
			Update{ProductKey: "MSU_UPDATE_22G120_patch_13.6_minor", InstallAction: InstallASAP}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.opts.UUID = "uuid-1"
			c, err := FromDecision(tt.decision, tt.opts)
			require.NoError(t, err)
			data, err := c.Plist()
			require.NoError(t, err)
			back, err := ParseCommand(data)
			require.NoError(t, err)
			assert.Equal(t, "ScheduleOSUpdate", back.RequestType)
			assert.Equal(t, []Update{tt.want}, back.Updates)
		})
	}
}

func TestFromDecisionRefuses(t *testing.T) {
	tests := []struct {
		name     string
		decision compat.Decision
		opts     Options
		err      error
		says     string
	}{
		{"DDM decision names DDM", resolve(t, compat.Intel, "14.1", "14.2"), Options{}, mechanism.ErrWrongDelivery, "needs delivery ddm"},
		{"startosinstall decision names startosinstall", resolve(t, compat.Intel, "12.6", "14.2"), Options{}, mechanism.ErrWrongDelivery, "needs delivery startosinstall"},
		{"no update", resolve(t, compat.Intel, "13.6", "13.6"), Options{}, mechanism.ErrNoUpdate, "already at 13.6"},
		{"rsr without ProductKey", resolve(t, compat.Intel, "13.4.1", "13.4.1 (a)"), Options{}, ErrInvalidCommand, "ProductKey"},
		{"Big Sur without ProductKey", resolve(t, compat.AppleSilicon, "11.7", "12.6"), Options{}, ErrInvalidCommand, "cannot read ProductVersion"},
		{"apple silicon upgrade with DownloadOnly", resolve(t, compat.AppleSilicon, "12.6", "13.6"), Options{Action: DownloadOnly}, ErrInvalidCommand, "InstallASAP only"},
		{"intel major before 14 with NotifyOnly", resolve(t, compat.Intel, "13.6", "14.2"), Options{Action: NotifyOnly}, ErrInvalidCommand, "12008"},
		{"deferrals on a major upgrade", resolve(t, compat.Intel, "13.6", "14.2"), Options{Action: InstallLater, MaxUserDeferrals: 2}, ErrInvalidCommand, "MaxUserDeferrals: only for minor updates"},
		{"no uuid", resolve(t, compat.Intel, "13.1", "13.6"), Options{}, ErrInvalidCommand, "CommandUUID"},
		{"the item does not allow installing later", resolve(t, compat.Intel, "13.1", "13.6"),
			Options{Action: InstallLater, Available: &AvailableOSUpdate{ProductKey: "MSU_UPDATE_22G120_patch_13.6_minor", AllowsInstallLater: compat.FlagFalse}}, ErrInvalidCommand, "AllowsInstallLater false (the Mac answers error 12008)"},
		{"an item that is not macOS", resolve(t, compat.Intel, "13.1", "13.6"),
			Options{Available: &AvailableOSUpdate{ProductKey: "zzzz091-81933", VersionText: "12.7.5"}}, ErrInvalidCommand, `"zzzz091-81933" is other, not a macOS update`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.name != "no uuid" {
				tt.opts.UUID = "uuid-1"
			}
			_, err := FromDecision(tt.decision, tt.opts)
			require.ErrorIs(t, err, tt.err)
			assert.Contains(t, err.Error(), tt.says)
		})
	}
}
