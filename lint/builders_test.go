package lint_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/managedos/managedos/compat"
	"github.com/managedos/managedos/ddm"
	"github.com/managedos/managedos/lint"
	"github.com/managedos/managedos/mdmcmd"
)

// What the builders build, the lint reads without a finding: the lint and the
// builders share their rules.
func TestCheckAcceptsWhatTheBuildersBuild(t *testing.T) {
	var docs []lint.Document
	add := func(name string, data []byte, err error) {
		t.Helper()
		require.NoError(t, err, name)
		docs = append(docs, lint.Document{Name: name, Data: data})
	}
	deadline := ddm.MustParseLocalDateTime("2026-12-01T18:00:00")
	for _, p := range []ddm.EnforcementPayload{
		{TargetOSVersion: compat.MustParseVersion("14.2.1"), TargetLocalDateTime: deadline},
		{TargetOSVersion: compat.MustParseVersion("26.1"), TargetBuildVersion: compat.MustParseBuild("25B78"), TargetLocalDateTime: deadline, DetailsURL: "https://example.com/26.1?a=1&b=<2>"},
	} {
		e, err := ddm.NewEnforcement("", p)
		require.NoError(t, err)
		b, err := e.MarshalJSON()
		add(e.Identifier(), b, err)
	}
	s, err := ddm.NewSettings("", ddm.SettingsPayload{
		Notifications:    new(false),
		Deferrals:        &ddm.Deferrals{MajorPeriodInDays: 90, MinorPeriodInDays: 1, SystemPeriodInDays: 30},
		AutomaticActions: &ddm.AutomaticActions{Download: ddm.AlwaysOff, InstallOSUpdates: ddm.Allowed, InstallSecurityUpdate: ddm.AlwaysOn},
	})
	require.NoError(t, err)
	b, err := s.MarshalJSON()
	add("settings", b, err)
	for i, u := range []mdmcmd.Update{
		{ProductKey: "MSU_UPDATE_22F770820d_patch_13.4.1_rsr", InstallAction: mdmcmd.InstallASAP},
		{ProductVersion: compat.MustParseVersion("13.6"), InstallAction: mdmcmd.InstallLater, MaxUserDeferrals: 3, Priority: mdmcmd.High, Kind: compat.Minor},
		{ProductKey: "_MACOS_14.7.3", InstallAction: mdmcmd.InstallASAP},
	} {
		c, err := mdmcmd.NewScheduleOSUpdate("cmd-"+string(rune('a'+i)), compat.Version{}, u)
		require.NoError(t, err)
		b, err := c.Plist()
		add(c.UUID(), b, err)
	}
	// Each alone: together they would be several enforcement declarations and
	// commands beside them.
	for _, d := range docs {
		assert.Empty(t, lint.Check(d), d.Name)
	}
}
