package main

import (
	"encoding/json"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// parsed is the part of parse's JSON the tests read.
type parsed struct {
	Type string `json:"type"`
	Mac  *struct {
		Model      string `json:"model"`
		Chip       string `json:"chip"`
		Version    string `json:"version"`
		Build      string `json:"build"`
		Supervised *bool  `json:"supervised"`
	} `json:"mac"`
	Problems []string `json:"problems"`
}

func parseFile(t *testing.T, path string) parsed {
	t.Helper()
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	code, stdout, stderr := runTool(t, string(data), "parse", "-json")
	require.Equal(t, exitOK, code, stderr)
	var got parsed
	require.NoError(t, json.Unmarshal([]byte(stdout), &got))
	return got
}

func TestParsePrintsTheDerivedSnapshot(t *testing.T) {
	got := parseFile(t, "../../mdmcmd/testdata/deviceinformation_macos_rsr.plist")
	require.NotNil(t, got.Mac)
	assert.Equal(t, "apple-silicon", got.Mac.Chip)
	assert.Equal(t, "13.4.1 (c)", got.Mac.Version, "the version with its extra")
	assert.Equal(t, "22F770820d", got.Mac.Build, "the supplemental build")
	assert.Equal(t, "MacBookPro18,3", got.Mac.Model)

	got = parseFile(t, "../../mdmcmd/testdata/deviceinformation_macos_supervised.plist")
	require.NotNil(t, got.Mac)
	assert.Equal(t, "intel", got.Mac.Chip)
	require.NotNil(t, got.Mac.Supervised)
	assert.True(t, *got.Mac.Supervised)

	got = parseFile(t, "../../ddm/testdata/status_snapshot_macos26.json")
	assert.Equal(t, "ddm-status-report", got.Type)
	require.NotNil(t, got.Mac)
	assert.Equal(t, "26.3 (a)", got.Mac.Version)
	assert.Equal(t, "25D771280a", got.Mac.Build)

	got = parseFile(t, "../../mdmcmd/testdata/osupdatestatus_fraction_real.plist")
	assert.Nil(t, got.Mac, "an answer that does not describe the Mac has no snapshot")
}

func TestParseKeepsTheGoodItemsOfAnAnswer(t *testing.T) {
	answer := `<?xml version="1.0" encoding="UTF-8"?><plist version="1.0"><dict>
		<key>CommandUUID</key><string>c</string><key>Status</key><string>Acknowledged</string>
		<key>AvailableOSUpdates</key><array>
			<dict><key>ProductKey</key><string>k</string><key>DownloadSize</key><string>big</string></dict>
			<dict><key>ProductKey</key><string>MSU_UPDATE_22G313_patch_13.6.1_minor</string></dict>
		</array></dict></plist>`
	code, stdout, stderr := runTool(t, answer, "parse", "-json")
	require.Equal(t, exitOK, code, stderr)
	var got struct {
		Answer struct {
			Available []struct {
				ProductKey string `json:"product_key"`
			} `json:"available_os_updates"`
		} `json:"answer"`
		Problems []string `json:"problems"`
	}
	require.NoError(t, json.Unmarshal([]byte(stdout), &got))
	require.Len(t, got.Answer.Available, 1)
	assert.Equal(t, "MSU_UPDATE_22G313_patch_13.6.1_minor", got.Answer.Available[0].ProductKey)
	require.Len(t, got.Problems, 1)
	assert.Contains(t, got.Problems[0], "AvailableOSUpdates[0].DownloadSize")
}
