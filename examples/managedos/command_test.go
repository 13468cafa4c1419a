package main

import (
	"encoding/json"
	"os"
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/managedos/managedos/compat"
	"github.com/managedos/managedos/mdmcmd"
)

func TestCommandPrintsAScheduleOSUpdate(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want mdmcmd.Update
	}{
		{"by target", []string{"-target", "14.2.1"}, mdmcmd.Update{ProductVersion: compat.MustParseVersion("14.2.1"), InstallAction: mdmcmd.InstallASAP}},
		{"by product key", []string{"-product-key", "MSU_UPDATE_22G313_patch_13.6.1_minor", "-action", "InstallLater", "-max-deferrals", "3"},
			mdmcmd.Update{ProductKey: "MSU_UPDATE_22G313_patch_13.6.1_minor", InstallAction: mdmcmd.InstallLater, MaxUserDeferrals: 3}},
		{"resolved minor with priority", []string{"-chip", "intel", "-current", "12.6", "-target", "12.7.6", "-priority", "High"},
			mdmcmd.Update{ProductVersion: compat.MustParseVersion("12.7.6"), InstallAction: mdmcmd.InstallASAP, Priority: mdmcmd.High}},
		{"resolved apple silicon upgrade", []string{"-chip", "apple", "-current", "12.6", "-target", "13.6"},
			mdmcmd.Update{ProductVersion: compat.MustParseVersion("13.6"), InstallAction: mdmcmd.InstallASAP}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := runTool(t, "", append([]string{"command", "-uuid", "U-1"}, tt.args...)...)
			require.Equal(t, exitOK, code, stderr)
			c, err := mdmcmd.ParseCommand([]byte(stdout))
			require.NoError(t, err)
			assert.Equal(t, "U-1", c.UUID)
			assert.Equal(t, []mdmcmd.Update{tt.want}, c.Updates)
		})
	}
}

func TestCommandMakesAFreshUUID(t *testing.T) {
	code, stdout, _ := runTool(t, "", "command", "-json", "-target", "14.2.1")
	require.Equal(t, exitOK, code)
	var got struct {
		CommandUUID string `json:"command_uuid"`
		RequestType string `json:"request_type"`
		Plist       string `json:"plist"`
	}
	require.NoError(t, json.Unmarshal([]byte(stdout), &got))
	assert.Regexp(t, regexp.MustCompile(`^[0-9A-F]{8}-[0-9A-F]{4}-4[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}$`), got.CommandUUID)
	assert.Equal(t, "ScheduleOSUpdate", got.RequestType)
	c, err := mdmcmd.ParseCommand([]byte(got.Plist))
	require.NoError(t, err)
	assert.Equal(t, got.CommandUUID, c.UUID)
}

func TestCommandRefusals(t *testing.T) {
	tests := []struct {
		name string
		args []string
		code string
		says string
	}{
		{"Mac on 14 needs DDM", []string{"-chip", "apple", "-current", "14.1", "-target", "14.2"}, "unsupported", "needs delivery ddm"},
		{"Intel upgrade from 12 needs startosinstall", []string{"-chip", "intel", "-current", "12.7", "-target", "14.2"}, "unsupported", "startosinstall"},
		{"unknown action", []string{"-target", "14.2", "-action", "Now"}, "invalid-payload", "InstallAction"},
		{"deferrals without InstallLater", []string{"-chip", "intel", "-current", "13.1", "-target", "13.6", "-max-deferrals", "2"}, "invalid-payload", "MaxUserDeferrals: only with InstallLater"},
		{"NotifyOnly on a major before 14", []string{"-chip", "intel", "-current", "13.6", "-target", "14.2", "-action", "NotifyOnly"}, "invalid-payload", "12008"},
		{"priority on a major", []string{"-chip", "intel", "-current", "13.6", "-target", "14.2", "-priority", "High"}, "invalid-payload", "Priority"},
		{"rsr without a key", []string{"-chip", "intel", "-current", "13.4.1", "-target", "13.4.1 (a)"}, "invalid-payload", "ProductKey"},
		{"bad target", []string{"-target", "14.x"}, "invalid-version", `"14.x"`},
		{"downgrade", []string{"-chip", "intel", "-current", "13.6", "-target", "13.1"}, "downgrade", "13.6"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, _ := runTool(t, "", append([]string{"command", "-json"}, tt.args...)...)
			require.Equal(t, exitRefused, code, stdout)
			refusalCode, message := readRefusal(t, stdout)
			assert.Equal(t, tt.code, refusalCode)
			assert.Contains(t, message, tt.says)
		})
	}
}

func TestCommandUsage(t *testing.T) {
	for name, args := range map[string][]string{
		"nothing to install":  {},
		"chip without target": {"-product-key", "k", "-chip", "intel", "-current", "13.1"},
		"chip alone":          {"-target", "14.2", "-chip", "intel"},
		"not a number":        {"-target", "14.2", "-max-deferrals", "x"},
	} {
		code, stdout, _ := runTool(t, "", append([]string{"command"}, args...)...)
		assert.Equal(t, exitUsage, code, name)
		assert.Empty(t, stdout, name)
	}
}

func TestParseReadsMDMAnswers(t *testing.T) {
	data, err := os.ReadFile("../../mdmcmd/testdata/osupdatestatus_integer_quirks.plist")
	require.NoError(t, err)
	code, stdout, stderr := runTool(t, string(data), "parse", "-json")
	require.Equal(t, exitOK, code, stderr)
	var got struct {
		Type   string
		Answer struct {
			Status         string
			OSUpdateStatus []struct {
				IsDownloaded     bool    `json:"is_downloaded"`
				DownloadFraction float64 `json:"download_fraction"`
			} `json:"os_update_status"`
		}
	}
	require.NoError(t, json.Unmarshal([]byte(stdout), &got))
	assert.Equal(t, "mdm-answer", got.Type)
	assert.True(t, got.Answer.OSUpdateStatus[0].IsDownloaded)
	assert.Equal(t, 1.0, got.Answer.OSUpdateStatus[0].DownloadFraction)

	data, err = os.ReadFile("../../mdmcmd/testdata/scheduleosupdate_error_12008.plist")
	require.NoError(t, err)
	code, stdout, _ = runTool(t, string(data), "parse", "-json")
	require.Equal(t, exitOK, code)
	assert.Contains(t, stdout, "MCMDMErrorDomain:12008")

	code, stdout, _ = runTool(t, "hello", "parse", "-json")
	assert.Equal(t, exitRefused, code)
	assert.Contains(t, stdout, `"invalid-payload"`)
}

func TestCommandOptionalFlags(t *testing.T) {
	for name, args := range map[string][]string{
		"explicit zero deferrals": {"-target", "13.6", "-action", "InstallLater", "-max-deferrals", "0"},
		"negative deferrals":      {"-target", "13.6", "-action", "InstallLater", "-max-deferrals", "-2"},
		"empty priority":          {"-target", "13.6", "-priority", ""},
	} {
		code, stdout, _ := runTool(t, "", append([]string{"command", "-json"}, args...)...)
		require.Equal(t, exitRefused, code, name)
		refusalCode, message := readRefusal(t, stdout)
		assert.Equal(t, "invalid-payload", refusalCode, name)
		assert.Contains(t, message, "leave the flag out", name)
	}
	code, stdout, stderr := runTool(t, "", "command", "-uuid", "U-2", "-target", "13.6", "-action", "InstallLater")
	require.Equal(t, exitOK, code, stderr)
	assert.NotContains(t, stdout, "MaxUserDeferrals", "a flag not given stays absent")
	assert.NotContains(t, stdout, "Priority")
}
