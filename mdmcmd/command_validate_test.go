package mdmcmd

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/managedos/managedos/compat"
	"github.com/managedos/managedos/internal/errtext"
)

// keyErrors returns the keys of the problems joined in err, each a *KeyError.
func keyErrors(t *testing.T, err error) []string {
	t.Helper()
	var keys []string
	errtext.EachProblem(err, func(key string, err error) {
		if key == "" {
			t.Errorf("a problem without a key: %v", err)
		}
		keys = append(keys, key)
	})
	return keys
}

// scheduleCommand is a ScheduleOSUpdate command plist with uuid and updates.
func scheduleCommand(uuid, updates string) []byte {
	return []byte(`<?xml version="1.0" encoding="UTF-8"?><plist version="1.0"><dict><key>CommandUUID</key><string>` + uuid +
		`</string><key>Command</key><dict><key>RequestType</key><string>ScheduleOSUpdate</string><key>Updates</key><array>` + updates + `</array></dict></dict></plist>`)
}

func TestCommandContentValidateAppliesTheBuildersRules(t *testing.T) {
	const minor = `<key>ProductKey</key><string>MSU_UPDATE_22G120_patch_13.6_minor</string>`
	tests := []struct {
		name     string
		deviceOS compat.Version
		data     []byte
		keys     []string
	}{
		{"a command the builder builds", compat.Version{}, scheduleCommand("u", `<dict><key>InstallAction</key><string>InstallASAP</string>`+minor+`</dict>`), nil},
		{"an InstallAction not in Apple's list", compat.Version{}, scheduleCommand("u", `<dict><key>InstallAction</key><string>Bogus</string>`+minor+`</dict>`),
			[]string{"Command.Updates[0].InstallAction"}},
		{"Error is only an answer", compat.Version{}, scheduleCommand("u", `<dict><key>InstallAction</key><string>Error</string>`+minor+`</dict>`),
			[]string{"Command.Updates[0].InstallAction"}},
		{"deferrals without InstallLater", compat.Version{}, scheduleCommand("u", `<dict><key>InstallAction</key><string>InstallASAP</string><key>MaxUserDeferrals</key><integer>2</integer>`+minor+`</dict>`),
			[]string{"Command.Updates[0].MaxUserDeferrals"}},
		{"a priority for a major upgrade", compat.Version{}, scheduleCommand("u", `<dict><key>InstallAction</key><string>InstallASAP</string><key>Priority</key><string>High</string><key>ProductKey</key><string>_MACOS_14.7.3</string></dict>`),
			[]string{"Command.Updates[0].Priority"}},
		{"every bad update is named", compat.Version{}, scheduleCommand("u",
			`<dict><key>InstallAction</key><string>Now</string>`+minor+`</dict><dict><key>InstallAction</key><string>InstallASAP</string>`+minor+`</dict><dict><key>InstallAction</key><string>InstallASAP</string></dict>`),
			[]string{"Command.Updates[0].InstallAction", "Command.Updates[2].ProductKey"}},
		{"deferrals on an update of unknown kind", compat.Version{}, scheduleCommand("u", `<dict><key>InstallAction</key><string>InstallLater</string><key>MaxUserDeferrals</key><integer>2</integer><key>ProductVersion</key><string>13.6</string></dict>`), nil},
		{"deferrals on an update that cannot be minor", compat.MustParseVersion("13.1"), scheduleCommand("u", `<dict><key>InstallAction</key><string>InstallLater</string><key>MaxUserDeferrals</key><integer>2</integer><key>ProductVersion</key><string>14.2</string></dict>`),
			[]string{"Command.Updates[0].InstallAction", "Command.Updates[0].MaxUserDeferrals"}}, // InstallLater is not for a major upgrade before 14 either
		{"every problem of an update", compat.Version{}, scheduleCommand("u", `<dict><key>InstallAction</key><string>Now</string><key>MaxUserDeferrals</key><integer>-1</integer><key>Priority</key><string>Urgent</string></dict>`),
			[]string{"Command.Updates[0].InstallAction", "Command.Updates[0].MaxUserDeferrals", "Command.Updates[0].Priority", "Command.Updates[0].ProductKey"}},
		{"no updates", compat.Version{}, scheduleCommand("u", ``), []string{"Command.Updates"}},
		{"no CommandUUID and no updates", compat.Version{}, scheduleCommand("", ``), []string{"CommandUUID", "Command.Updates"}},
		{"a Mac without the command", compat.MustParseVersion("27.0"), scheduleCommand("u", `<dict><key>InstallAction</key><string>InstallASAP</string>`+minor+`</dict>`),
			[]string{"Command.RequestType"}},
		{"a Mac too old for the key", compat.MustParseVersion("11.7"), scheduleCommand("u", `<dict><key>InstallAction</key><string>InstallASAP</string><key>ProductVersion</key><string>12.6</string></dict>`),
			[]string{"Command.Updates[0].ProductVersion"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := ParseCommand(tt.data)
			require.NoError(t, err)
			err = c.Validate(tt.deviceOS)
			assert.Equal(t, tt.keys, keyErrors(t, err))
			// What the builder builds, Validate accepts.
			if _, built := NewScheduleOSUpdate(c.UUID, tt.deviceOS, c.Updates...); built == nil {
				assert.NoError(t, err)
			}
		})
	}
}

func TestCommandContentValidateOtherRequestTypes(t *testing.T) {
	scan, err := NewScheduleOSUpdateScan("u", compat.Version{}, true)
	require.NoError(t, err)
	b, err := scan.Plist()
	require.NoError(t, err)
	c, err := ParseCommand(b)
	require.NoError(t, err)
	assert.NoError(t, c.Validate(compat.Version{}))
	assert.Equal(t, []string{"Command.RequestType"}, keyErrors(t, c.Validate(compat.MustParseVersion("27"))))
	assert.NoError(t, CommandContent{UUID: "", RequestType: "InstallProfile"}.Validate(compat.Version{}), "request types this package does not build are not checked")
}

func TestParseCommandNamesTheKey(t *testing.T) {
	_, err := ParseCommand(scheduleCommand("u", `<dict><key>ProductVersion</key><string>banana</string></dict>`))
	require.ErrorIs(t, err, ErrInvalidAnswer)
	assert.Equal(t, []string{"Command.Updates[0].InstallAction", "Command.Updates[0].ProductVersion"}, keyErrors(t, err))
}
