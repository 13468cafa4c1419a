package mdmcmd

import (
	"encoding/json"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/managedos/managedos/compat"
	"github.com/managedos/managedos/internal/golden"
)

func TestCommandJSONGolden(t *testing.T) {
	c, err := NewScheduleOSUpdate("0007-json", compat.MustParseVersion("13.1"), Update{ProductVersion: compat.MustParseVersion("13.6"), InstallAction: InstallLater, MaxUserDeferrals: 3, Priority: High})
	require.NoError(t, err)
	back := golden.JSON(t, "testdata/command.golden.json", c)
	assert.Equal(t, c, back)
}

func TestZeroCommandDoesNotMarshal(t *testing.T) {
	b, err := json.Marshal(Command{})
	assert.ErrorIs(t, err, ErrInvalidCommand)
	assert.Nil(t, b)
	b, err = json.Marshal(struct {
		C Command `json:"c"`
	}{})
	assert.Error(t, err, "not {} inside another value either")
	assert.Nil(t, b)
}

// TestCommandJSONRoundTripsRandomCommands is the property that every command a
// builder makes reads back from its JSON as the same value.
func TestCommandJSONRoundTripsRandomCommands(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 8))
	v13 := compat.MustParseVersion("13.1")
	builders := []func(uuid string) (Command, error){
		func(uuid string) (Command, error) {
			return NewScheduleOSUpdate(uuid, v13, Update{ProductVersion: compat.MustParseVersion("13.6"), InstallAction: []InstallAction{InstallASAP, Default, DownloadOnly}[r.IntN(3)]})
		},
		func(uuid string) (Command, error) {
			return NewScheduleOSUpdate(uuid, v13, Update{ProductKey: "MSU_UPDATE_22G313_patch_13.6.1_minor", InstallAction: InstallLater, MaxUserDeferrals: 1 + r.IntN(9)})
		},
		func(uuid string) (Command, error) { return NewScheduleOSUpdateScan(uuid, v13, r.IntN(2) == 0) },
		func(uuid string) (Command, error) { return NewOSUpdateStatus(uuid, v13) },
		func(uuid string) (Command, error) { return NewAvailableOSUpdates(uuid, v13) },
		func(uuid string) (Command, error) { return NewDeviceInformation(uuid) },
	}
	for i := range 300 {
		uuid := strings.Repeat("A", 1+r.IntN(8)) + "-<&>-" + string(rune('a'+i%26))
		c, err := builders[r.IntN(len(builders))](uuid)
		require.NoError(t, err)
		b, err := json.Marshal(c)
		require.NoError(t, err)
		var back Command
		require.NoError(t, json.Unmarshal(b, &back), string(b))
		assert.Equal(t, c, back)
	}
}

func TestCommandJSONRefusesWhatItDidNotWrite(t *testing.T) {
	c, err := NewOSUpdateStatus("U-1", compat.Version{})
	require.NoError(t, err)
	plist, err := c.Plist()
	require.NoError(t, err)
	var quoted strings.Builder
	enc := json.NewEncoder(&quoted)
	enc.SetEscapeHTML(false)
	require.NoError(t, enc.Encode(string(plist)))
	p := strings.TrimSpace(quoted.String())
	tests := []struct {
		name, in, says string
	}{
		{"empty object", `{}`, "not an XML or binary property list"},
		{"a key this package does not write", `{"command_uuid":"U-1","request_type":"OSUpdateStatus","plist":` + strings.Replace(p, `<key>RequestType</key>`, `<key>Extra</key><true/><key>RequestType</key>`, 1) + `}`, "not the XML this package writes"},
		{"unknown key", `{"command_uuid":"U-1","request_type":"OSUpdateStatus","plist":` + p + `,"queued":true}`, `"queued": unknown field`},
		{"another uuid", `{"command_uuid":"U-2","request_type":"OSUpdateStatus","plist":` + p + `}`, `command_uuid "U-2": the plist's CommandUUID is "U-1"`},
		{"another request type", `{"command_uuid":"U-1","request_type":"DeviceInformation","plist":` + p + `}`, "request_type"},
		{"not a plist", `{"command_uuid":"U-1","request_type":"OSUpdateStatus","plist":"<?xml version=\"1.0\"?><html/>"}`, "plist:"},
		{"a request type it does not build", `{"command_uuid":"U-1","request_type":"RestartDevice","plist":` + strings.Replace(p, "OSUpdateStatus", "RestartDevice", 1) + `}`, "not a command this package builds"},
		{"plist as a number", `{"command_uuid":"U-1","request_type":"OSUpdateStatus","plist":1}`, "plist: want a string"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var back Command
			err := json.Unmarshal([]byte(tt.in), &back)
			require.ErrorIs(t, err, ErrInvalidCommand)
			assert.Contains(t, err.Error(), tt.says)
			assert.Equal(t, Command{}, back)
		})
	}
}

// TestCommandJSONRefusesDataOverTheLimits nests the stored JSON deeper than
// compat's default MaxDepth: refused as too large before the strict reader sees it.
func TestCommandJSONRefusesDataOverTheLimits(t *testing.T) {
	deep := `{"command_uuid":"u","request_type":"OSUpdateStatus","plist":"","x":` + strings.Repeat("[", 100) + strings.Repeat("]", 100) + `}`
	var c Command
	err := c.UnmarshalJSON([]byte(deep))
	require.ErrorIs(t, err, compat.ErrTooLarge)
	assert.ErrorIs(t, err, ErrInvalidCommand)
	assert.Equal(t, Command{}, c)
}
