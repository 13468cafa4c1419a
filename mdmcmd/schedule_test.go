package mdmcmd

import (
	"errors"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"howett.net/plist"

	"github.com/managedos/managedos/compat"
	"github.com/managedos/managedos/internal/golden"
)

var (
	v11  = compat.MustParseVersion("11.7")
	v12  = compat.MustParseVersion("12.0")
	v122 = compat.MustParseVersion("12.2")
	v13  = compat.MustParseVersion("13.1")
	v14  = compat.MustParseVersion("14.1")
	v27  = compat.MustParseVersion("27.0")
)

func TestScheduleOSUpdateRules(t *testing.T) {
	minor := func(u Update) Update { u.Kind = compat.Minor; return u }
	tests := []struct {
		name     string
		deviceOS compat.Version
		update   Update
		key      string // "" means the update is valid
	}{
		// InstallAction.
		{"install action is required", v13, Update{ProductKey: "k"}, "InstallAction"},
		{"install action from Apple's list", v13, Update{ProductKey: "k", InstallAction: "Now"}, "InstallAction"},
		{"Error is only an answer", v13, Update{ProductKey: "k", InstallAction: ActionError}, "InstallAction"},
		{"every action Apple lists is accepted", v13, minor(Update{ProductKey: "k", InstallAction: InstallForceRestart}), ""},
		// ProductKey or ProductVersion.
		{"product key or version is required", v13, Update{InstallAction: InstallASAP}, "ProductKey"},
		{"product version alone is enough", v13, Update{ProductVersion: compat.MustParseVersion("13.6"), InstallAction: InstallASAP}, ""},
		{"product key must be text", v13, Update{ProductKey: "k\x00", InstallAction: InstallASAP, Kind: compat.Minor}, "ProductKey"},
		{"product key must be UTF-8", v13, Update{ProductKey: "\xbe", InstallAction: InstallASAP, Kind: compat.Minor}, "ProductKey"},
		{"product key alone is enough", v13, Update{ProductKey: "MSU_UPDATE_22G120_patch_13.6_minor", InstallAction: InstallASAP}, ""},
		// Rapid security responses.
		{"rsr needs a product key", v13, Update{ProductVersion: compat.MustParseVersion("13.4.1 (c)"), InstallAction: InstallASAP}, "ProductVersion"},
		{"rsr by kind needs a product key", compat.Version{}, Update{ProductVersion: compat.MustParseVersion("13.4.1"), InstallAction: InstallASAP, Kind: compat.RSR}, "ProductVersion"},
		{"rsr by product key is fine", v13, Update{ProductKey: "MSU_UPDATE_22F770820d_patch_13.4.1_rsr", InstallAction: InstallASAP}, ""},
		// MaxUserDeferrals.
		{"deferrals only with InstallLater", v13, minor(Update{ProductKey: "k", InstallAction: InstallASAP, MaxUserDeferrals: 3}), "MaxUserDeferrals"},
		{"deferrals only for minor updates", v13, Update{ProductKey: "k", InstallAction: InstallLater, MaxUserDeferrals: 3, Kind: compat.RSR}, "MaxUserDeferrals"},
		{"deferrals need a known kind", v13, Update{ProductKey: "k", InstallAction: InstallLater, MaxUserDeferrals: 3}, "MaxUserDeferrals"},
		{"deferrals at least 1", v13, minor(Update{ProductKey: "k", InstallAction: InstallLater, MaxUserDeferrals: -1}), "MaxUserDeferrals"},
		{"deferrals with InstallLater on a minor update", v13, Update{ProductVersion: compat.MustParseVersion("13.6"), InstallAction: InstallLater, MaxUserDeferrals: 3}, ""},
		{"deferrals need macOS 12", v11, minor(Update{ProductKey: "k", InstallAction: InstallLater, MaxUserDeferrals: 3}), "MaxUserDeferrals"},
		// Priority.
		{"priority Low or High", v13, minor(Update{ProductKey: "k", InstallAction: InstallASAP, Priority: "Urgent"}), "Priority"},
		{"priority only for minor updates", v13, Update{ProductVersion: compat.MustParseVersion("14.2"), InstallAction: InstallASAP, Priority: High}, "Priority"},
		{"priority needs macOS 12.3", v122, minor(Update{ProductKey: "k", InstallAction: InstallASAP, Priority: High}), "Priority"},
		{"priority on a minor update on 12.3", compat.MustParseVersion("12.3"), minor(Update{ProductKey: "k", InstallAction: InstallASAP, Priority: High}), ""},
		// OS gating.
		{"product version needs macOS 12", v11, Update{ProductVersion: compat.MustParseVersion("12.6"), InstallAction: InstallASAP}, "ProductVersion"},
		{"product version on 12.0", v12, Update{ProductVersion: compat.MustParseVersion("12.6"), InstallAction: InstallASAP}, ""},
		{"DownloadOnly needs macOS 11", compat.MustParseVersion("10.15.7"), minor(Update{ProductKey: "k", InstallAction: DownloadOnly}), "InstallAction"},
		{"InstallForceRestart needs macOS 11", compat.MustParseVersion("10.15.7"), minor(Update{ProductKey: "k", InstallAction: InstallForceRestart}), "InstallAction"},
		{"unknown Mac version skips gating", compat.Version{}, Update{ProductVersion: compat.MustParseVersion("12.6"), InstallAction: DownloadOnly}, ""},
		// Major upgrades before 14.
		{"no NotifyOnly for a major upgrade before 14", v13, Update{ProductVersion: compat.MustParseVersion("14.2"), InstallAction: NotifyOnly}, "InstallAction"},
		{"no InstallLater for a major upgrade before 14", v13, Update{ProductKey: "_MACOS_14.7.3", InstallAction: InstallLater}, "InstallAction"},
		{"no NotifyOnly for a major upgrade on an unknown Mac", compat.Version{}, Update{ProductKey: "_OSX_23A344", InstallAction: NotifyOnly}, "InstallAction"},
		{"NotifyOnly for a major upgrade from 14", v14, Update{ProductVersion: compat.MustParseVersion("15.1"), InstallAction: NotifyOnly}, ""},
		{"InstallASAP for a major upgrade before 14", v13, Update{ProductVersion: compat.MustParseVersion("14.2"), InstallAction: InstallASAP}, ""},
		// Product version against the Mac.
		{"product version older than the Mac", v14, Update{ProductVersion: compat.MustParseVersion("14.0"), InstallAction: InstallASAP}, "ProductVersion"},
		{"product version the Mac already runs", v14, Update{ProductVersion: compat.MustParseVersion("14.1"), InstallAction: InstallASAP}, "ProductVersion"},
		{"kind out of range", v13, Update{ProductKey: "k", InstallAction: InstallASAP, Kind: 9}, "Kind"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := NewScheduleOSUpdate("uuid-1", tt.deviceOS, tt.update)
			if tt.key == "" {
				require.NoError(t, err)
				_, err := c.Plist()
				require.NoError(t, err)
				return
			}
			require.ErrorIs(t, err, ErrInvalidCommand)
			assert.Contains(t, err.Error(), "Updates[0]."+tt.key+":")
			assert.Contains(t, keyErrors(t, err), "Command.Updates[0]."+tt.key, "a problem under its key")
			assert.Equal(t, Command{}, c)
		})
	}
}

func TestScheduleOSUpdateNamesEveryProblemOnce(t *testing.T) {
	tests := []struct {
		name     string
		deviceOS compat.Version
		uuid     string
		updates  []Update
		keys     []string
	}{
		{"every key of one update", v13, "u",
			[]Update{{InstallAction: "Bogus", ProductKey: "k\x00", MaxUserDeferrals: -1, Priority: "Urgent", Kind: compat.Minor}},
			[]string{"Command.Updates[0].InstallAction", "Command.Updates[0].MaxUserDeferrals", "Command.Updates[0].Priority", "Command.Updates[0].ProductKey"}},
		{"no rule that follows from a problem already named", v13, "u",
			[]Update{{InstallAction: "Later", ProductKey: "k", MaxUserDeferrals: 3, Kind: compat.Minor}},
			[]string{"Command.Updates[0].InstallAction"}},
		{"two rules a major upgrade breaks", v13, "u",
			[]Update{{ProductVersion: compat.MustParseVersion("14.2"), InstallAction: InstallLater, MaxUserDeferrals: 3}},
			[]string{"Command.Updates[0].InstallAction", "Command.Updates[0].MaxUserDeferrals"}},
		{"no rule of the kind when the kind is wrong", v14, "u",
			[]Update{{ProductVersion: compat.MustParseVersion("14.0"), InstallAction: InstallLater, MaxUserDeferrals: 3, Priority: High}},
			[]string{"Command.Updates[0].ProductVersion"}},
		{"the envelope and every update", v13, "",
			[]Update{{InstallAction: InstallASAP}, {ProductKey: "k", InstallAction: InstallASAP, Kind: compat.Minor}, {ProductKey: "k", Priority: "Urgent", Kind: compat.Minor}},
			[]string{"CommandUUID", "Command.Updates[0].ProductKey", "Command.Updates[2].InstallAction", "Command.Updates[2].Priority"}},
		{"no updates on a Mac without the command", v27, "u", nil, []string{"Command.RequestType", "Command.Updates"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := NewScheduleOSUpdate(tt.uuid, tt.deviceOS, tt.updates...)
			require.ErrorIs(t, err, ErrInvalidCommand)
			assert.Equal(t, tt.keys, keyErrors(t, err))
		})
	}
}

func TestScheduleOSUpdateRefusals(t *testing.T) {
	_, err := NewScheduleOSUpdate("uuid-1", v13)
	assert.ErrorIs(t, err, ErrInvalidCommand, "no updates")
	_, err = NewScheduleOSUpdate("", v13, Update{ProductKey: "k", InstallAction: InstallASAP})
	assert.ErrorIs(t, err, ErrInvalidCommand, "no CommandUUID")
	_, err = NewScheduleOSUpdate("uuid-1", v14, Update{ProductVersion: compat.MustParseVersion("14.0"), InstallAction: InstallASAP})
	assert.ErrorIs(t, err, compat.ErrDowngrade)
	_, err = NewScheduleOSUpdate("uuid-1", v13, Update{ProductKey: "k", InstallAction: InstallASAP}, Update{InstallAction: InstallASAP})
	require.ErrorIs(t, err, ErrInvalidCommand)
	assert.Contains(t, err.Error(), "Updates[1].ProductKey")
}

func TestCommandsRemovedInMacOS27(t *testing.T) {
	builders := map[string]func() (Command, error){
		"ScheduleOSUpdate": func() (Command, error) {
			return NewScheduleOSUpdate("u", v27, Update{ProductKey: "k", InstallAction: InstallASAP})
		},
		"ScheduleOSUpdateScan": func() (Command, error) { return NewScheduleOSUpdateScan("u", v27, true) },
		"OSUpdateStatus":       func() (Command, error) { return NewOSUpdateStatus("u", v27) },
		"AvailableOSUpdates":   func() (Command, error) { return NewAvailableOSUpdates("u", v27) },
	}
	for name, build := range builders {
		_, err := build()
		require.ErrorIs(t, err, ErrRemoved, name)
		assert.Contains(t, err.Error(), "deprecated in macOS 26.0", name)
	}
	_, err := NewOSUpdateStatus("u", compat.MustParseVersion("26.6.2"))
	assert.NoError(t, err, "deprecated but still there in 26")
}

func TestGoldenCommands(t *testing.T) {
	tests := []struct {
		golden string
		build  func() (Command, error)
	}{
		{"scheduleosupdate_installlater.golden.plist", func() (Command, error) {
			return NewScheduleOSUpdate("0001-schedule", v13, Update{ProductVersion: compat.MustParseVersion("13.6"), InstallAction: InstallLater, MaxUserDeferrals: 3, Priority: High})
		}},
		{"scheduleosupdate_rsr.golden.plist", func() (Command, error) {
			return NewScheduleOSUpdate("0002-schedule", v13, Update{ProductKey: "MSU_UPDATE_22F770820d_patch_13.4.1_rsr", InstallAction: InstallASAP})
		}},
		{"scheduleosupdatescan.golden.plist", func() (Command, error) { return NewScheduleOSUpdateScan("0003-scan", v13, true) }},
		{"osupdatestatus.golden.plist", func() (Command, error) { return NewOSUpdateStatus("0004-status", v13) }},
		{"availableosupdates.golden.plist", func() (Command, error) { return NewAvailableOSUpdates("0005-available", v13) }},
		{"deviceinformation.golden.plist", func() (Command, error) { return NewDeviceInformation("0006-info") }},
	}
	for _, tt := range tests {
		t.Run(tt.golden, func(t *testing.T) {
			c, err := tt.build()
			require.NoError(t, err)
			got, err := c.Plist()
			require.NoError(t, err)
			golden.Bytes(t, "testdata/"+tt.golden, got)

			back, err := ParseCommand(got)
			require.NoError(t, err)
			assert.Equal(t, c.UUID(), back.UUID)
			assert.Equal(t, c.RequestType(), back.RequestType)
		})
	}
}

// TestScheduleRoundTrip builds random valid commands and checks that every one
// parses back to the updates it was built from.
func TestScheduleRoundTrip(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	actions := []InstallAction{Default, DownloadOnly, InstallASAP, NotifyOnly, InstallLater, InstallForceRestart}
	built := 0
	for range 2000 {
		var updates []Update
		for range 1 + r.IntN(3) {
			u := Update{InstallAction: actions[r.IntN(len(actions))], Kind: []compat.Kind{compat.Minor, compat.Major, compat.RSR}[r.IntN(3)]}
			if r.IntN(2) == 0 {
				u.ProductKey = []string{"MSU_UPDATE_22G120_patch_13.6_minor", "_OSX_23A344", "041-14451", "k<&>\"'"}[r.IntN(4)]
			}
			if r.IntN(2) == 0 {
				u.ProductVersion = compat.MustParseVersion([]string{"13.6", "13.6.1", "14", "14.2.1"}[r.IntN(4)])
			}
			if r.IntN(3) == 0 {
				u.MaxUserDeferrals = 1 + r.IntN(10)
			}
			if r.IntN(3) == 0 {
				u.Priority = []Priority{Low, High}[r.IntN(2)]
			}
			updates = append(updates, u)
		}
		deviceOS := []compat.Version{{}, v12, v13, v14}[r.IntN(4)]
		c, err := NewScheduleOSUpdate("uuid", deviceOS, updates...)
		if err != nil {
			require.ErrorIs(t, err, ErrInvalidCommand)
			continue
		}
		built++
		for _, format := range []int{plist.XMLFormat, plist.BinaryFormat} {
			data, err := c.Plist()
			require.NoError(t, err)
			if format == plist.BinaryFormat {
				data = reencode(t, data, format)
			}
			back, err := ParseCommand(data)
			require.NoError(t, err)
			want := make([]Update, len(updates))
			for i, u := range updates {
				u.Kind = compat.NoUpdate
				want[i] = u
			}
			assert.Equal(t, want, back.Updates)
		}
	}
	assert.Greater(t, built, 200, "enough random commands were valid")
}

// reencode converts a plist into another format.
func reencode(t *testing.T, data []byte, format int) []byte {
	t.Helper()
	var v any
	_, err := plist.Unmarshal(data, &v)
	require.NoError(t, err)
	out, err := plist.Marshal(v, format)
	require.NoError(t, err)
	return out
}

// TestZeroWireValuesEncode guards against howett.net/plist's nil-pointer crash and
// dangling keys: every wire type's zero value encodes in XML and binary.
func TestZeroWireValuesEncode(t *testing.T) {
	for _, v := range []any{
		wireCommand[wireSchedule]{}, wireCommand[wireScan]{}, wireCommand[wireRequest]{},
		wireCommand[wireDeviceInformation]{}, wireSchedule{}, wireUpdate{}, wireScan{}, wireRequest{}, wireDeviceInformation{},
	} {
		for _, format := range []int{plist.XMLFormat, plist.BinaryFormat} {
			data, err := plist.Marshal(v, format)
			require.NoError(t, err, "%T", v)
			var back any
			_, err = plist.Unmarshal(data, &back)
			require.NoError(t, err, "%T re-reads", v)
		}
	}
	_, err := Command{}.Plist()
	assert.True(t, errors.Is(err, ErrInvalidCommand))
}

func TestDeviceInformationQueriesIsACopy(t *testing.T) {
	q := DeviceInformationQueries()
	q[0] = "Changed"
	assert.Equal(t, "OSVersion", DeviceInformationQueries()[0])
	c, err := NewDeviceInformation("u")
	require.NoError(t, err)
	data, err := c.Plist()
	require.NoError(t, err)
	back, err := ParseCommand(data)
	require.NoError(t, err)
	assert.Equal(t, DeviceInformationQueries(), back.Queries)
}
