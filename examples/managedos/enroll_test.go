package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/managedos/managedos/compat"
	"github.com/managedos/managedos/mdmcmd"
)

// machineInfoDir holds mdmcmd's MachineInfo samples; see mdmcmd/testdata/SOURCES.md.
const machineInfoDir = "../../mdmcmd/testdata/"

// enrollArgs is an enroll command line for one MachineInfo sample with the feed,
// judged a day after the feed's newest posting.
func enrollArgs(sample string, more ...string) []string {
	return append([]string{"enroll", "-machine-info", machineInfoDir + sample, "-feed", fixtureFeed, "-now", "2026-08-27T00:00:00Z"}, more...)
}

// The exact output of enroll for each kind of answer, JSON and text
// (`go test ./examples/managedos -run EnrollGolden -update` rewrites them).
func TestEnrollGolden(t *testing.T) {
	tests := []struct {
		golden string
		args   []string
	}{
		{"enroll_below_minimum.golden.json", enrollArgs("machineinfo_mac14_2_macos14_4.plist", "-json", "-minimum", "15.7.9")},
		{"enroll_below_minimum_plist.golden.json", enrollArgs("machineinfo_mac14_2_macos14_4.plist", "-json", "-minimum", "15.7.9", "-format", "plist")},
		{"enroll_below_minimum.golden.txt", enrollArgs("machineinfo_mac14_2_macos14_4.plist", "-minimum", "15.7.9")},
		{"enroll_before_macos14.golden.json", enrollArgs("machineinfo_macos13_6_build_only.plist", "-json", "-minimum", "15.7.9")},
		{"enroll_before_macos14.golden.txt", enrollArgs("machineinfo_macos13_6_build_only.plist", "-minimum", "15.7.9")},
		{"enroll_cannot_request.golden.json", enrollArgs("machineinfo_mac15_3_flag_false.plist", "-json", "-minimum", "15.7.9")},
		{"enroll_unsupported_hardware.golden.json", enrollArgs("machineinfo_imac19_1_macos15.plist", "-json", "-minimum", "26")},
		{"enroll_unsupported_hardware.golden.txt", enrollArgs("machineinfo_imac19_1_macos15.plist", "-minimum", "26")},
		{"enroll_unknown_product.golden.json", enrollArgs("machineinfo_unknown_product.plist", "-json", "-minimum", "26.6.2")},
		{"enroll_compliant.golden.json", enrollArgs("machineinfo_mac16_1_bsi_26_3_1a.plist", "-json", "-minimum", "15.7.9")},
		{"enroll_latest.golden.json", enrollArgs("machineinfo_mac16_1_bsi_26_3_1a.plist", "-json", "-latest", "-delay-days", "7")},
	}
	for _, tt := range tests {
		t.Run(tt.golden, func(t *testing.T) {
			code, stdout, stderr := runTool(t, "", tt.args...)
			require.Equal(t, exitOK, code, stderr)
			path := "testdata/" + tt.golden
			if *updateGolden {
				require.NoError(t, os.WriteFile(path, []byte(stdout), 0o644))
			}
			want, err := os.ReadFile(path)
			require.NoError(t, err)
			assert.Equal(t, string(want), stdout)
		})
	}
}

// enrollJSON is what a test reads back from enroll -json.
type enrollJSON struct {
	RequireUpdate bool   `json:"require_update"`
	Code          string `json:"code"`
	Target        string `json:"target"`
	Build         string `json:"build"`
	Delivery      string `json:"delivery"`
	Reason        string `json:"reason"`
	ContentType   string `json:"content_type"`
	Body          json.RawMessage
	Warning       *struct{ Code, Message string }
}

func runEnrollJSON(t *testing.T, stdin string, args ...string) enrollJSON {
	t.Helper()
	code, stdout, stderr := runTool(t, stdin, args...)
	require.Equal(t, exitOK, code, stderr)
	require.Equal(t, 1, strings.Count(stdout, "\n"), "one JSON object")
	var got enrollJSON
	require.NoError(t, json.Unmarshal([]byte(stdout), &got), stdout)
	return got
}

func TestEnrollAnswers(t *testing.T) {
	t.Run("a Mac below the minimum gets the 403 with the feed's build", func(t *testing.T) {
		got := runEnrollJSON(t, "", enrollArgs("machineinfo_mac14_2_macos14_4.plist", "-json", "-minimum", "15.7.9")...)
		assert.True(t, got.RequireUpdate)
		assert.Equal(t, "application/json", got.ContentType)
		body, err := mdmcmd.ParseSoftwareUpdateRequired(got.Body)
		require.NoError(t, err)
		assert.Equal(t, compat.MustParseVersion("15.7.9"), body.OSVersion)
		assert.Equal(t, compat.MustParseBuild("24G830"), body.BuildVersion)
		assert.Nil(t, got.Warning)
	})
	t.Run("the plist body is one JSON string that reads back", func(t *testing.T) {
		got := runEnrollJSON(t, "", enrollArgs("machineinfo_mac14_2_macos14_4.plist", "-json", "-minimum", "15.7.9", "-format", "plist")...)
		assert.Equal(t, "application/xml", got.ContentType)
		var plistText string
		require.NoError(t, json.Unmarshal(got.Body, &plistText))
		assert.True(t, strings.HasPrefix(plistText, "<?xml"), plistText)
		body, err := mdmcmd.ParseSoftwareUpdateRequired([]byte(plistText))
		require.NoError(t, err)
		assert.Equal(t, compat.MustParseVersion("15.7.9"), body.OSVersion)
	})
	t.Run("a 13.6 Mac enrolls and MDM commands update it afterwards", func(t *testing.T) {
		got := runEnrollJSON(t, "", enrollArgs("machineinfo_macos13_6_build_only.plist", "-json", "-minimum", "15.7.9")...)
		assert.False(t, got.RequireUpdate)
		assert.Equal(t, "before-macos-14", got.Code)
		assert.Equal(t, "mdm-commands", got.Delivery)
		assert.Nil(t, got.Body, "no body for a Mac that enrolls")
		assert.Empty(t, got.ContentType)
	})
	t.Run("an Intel iMac asked for 26 enrolls with a warning naming 15.7.9", func(t *testing.T) {
		got := runEnrollJSON(t, "", enrollArgs("machineinfo_imac19_1_macos15.plist", "-json", "-minimum", "26")...)
		assert.False(t, got.RequireUpdate)
		require.NotNil(t, got.Warning)
		assert.Equal(t, "unsupported-hardware", got.Warning.Code)
		assert.Contains(t, got.Warning.Message, "macOS 15.7.9")
		assert.Nil(t, got.Body)
	})
	t.Run("a binary plist on stdin reads like the file", func(t *testing.T) {
		data, err := os.ReadFile(machineInfoDir + "machineinfo_mac16_1_bsi_26_3_1a.bplist")
		require.NoError(t, err)
		fromStdin := runEnrollJSON(t, string(data), "enroll", "-json", "-machine-info", "-", "-minimum", "26.6.2")
		fromFile := runEnrollJSON(t, "", "enroll", "-json", "-machine-info", machineInfoDir+"machineinfo_mac16_1_bsi_26_3_1a.bplist", "-minimum", "26.6.2")
		assert.Equal(t, fromFile, fromStdin)
		assert.True(t, fromStdin.RequireUpdate)
	})
}

func TestEnrollRefusesMachineInfoItCannotRead(t *testing.T) {
	withoutProduct := `<?xml version="1.0" encoding="UTF-8"?><plist version="1.0"><dict><key>VERSION</key><string>23E214</string></dict></plist>`
	tests := []struct {
		name  string
		stdin string
		code  string
		says  string
	}{
		{"not a plist", "hello", "invalid-payload", "mdmcmd: machine info"},
		{"no PRODUCT", withoutProduct, "invalid-payload", "PRODUCT"},
		{"over the size limit", strings.Repeat(" ", compat.DefaultMaxBytes+1), "too-large", "over MaxBytes"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, _ := runTool(t, tt.stdin, "enroll", "-json", "-machine-info", "-", "-minimum", "15.7.9")
			require.Equal(t, exitRefused, code)
			refusal, message := readRefusal(t, stdout)
			assert.Equal(t, tt.code, refusal)
			assert.Contains(t, message, tt.says)
		})
	}
}

func TestFilesNamedByFlagsAreReadWithinTheLimit(t *testing.T) {
	huge := filepath.Join(t.TempDir(), "huge")
	require.NoError(t, os.WriteFile(huge, bytes.Repeat([]byte(" "), compat.DefaultMaxBytes+1), 0o600))
	for _, args := range [][]string{
		{"enroll", "-json", "-machine-info", huge, "-minimum", "15.7.9"},
		{"target", "-json", "-feed", huge, "-chip", "intel", "-current", "14.1", "-minimum", "15.7.9"},
	} {
		t.Run(args[0], func(t *testing.T) {
			code, stdout, _ := runTool(t, "", args...)
			require.Equal(t, exitRefused, code)
			refusal, message := readRefusal(t, stdout)
			assert.Equal(t, "too-large", refusal)
			assert.Contains(t, message, args[2]+" "+huge+": more than 16777216 bytes", "names the flag and the file")
		})
	}
}

func TestEnrollBadUsageExitsTwo(t *testing.T) {
	for _, args := range [][]string{
		{"enroll", "-minimum", "15.7.9"},
		{"enroll", "-machine-info", "-"},
		{"enroll", "-machine-info", "-", "-minimum", "15.7.9", "-format", "xml"},
		{"enroll", "-machine-info", "-", "-minimum", "15.7.9", "-format", "none"},
		{"enroll", "-machine-info", "-", "-latest"},
		{"enroll", "-machine-info", "testdata/no-such-file.plist", "-minimum", "15.7.9"},
		{"enroll", "-machine-info", "-", "-minimum", "15.7.9", "extra"},
	} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			code, stdout, stderr := runTool(t, "", args...)
			assert.Equal(t, exitUsage, code)
			assert.Empty(t, stdout)
			assert.NotEmpty(t, stderr)
		})
	}
}

// At the door: a Mac in Setup Assistant on 14.4 below the minimum gets Apple's 403.
func Example_enroll() {
	run(enrollArgs("machineinfo_mac14_2_macos14_4.plist", "-json", "-minimum", "15.7.9"), nil, os.Stdout, os.Stderr)
	// Output:
	// {"require_update":true,"code":"below-target","target":"15.7.9","build":"24G830","reason":"macOS 14.4 (23E214) must update to 15.7.9 (24G830) before it enrolls: below the minimum 15.7.9; hardware support from Apple's catalogue (device ID \"J413AP\")","content_type":"application/json","body":{"code":"com.apple.softwareupdate.required","details":{"OSVersion":"15.7.9","BuildVersion":"24G830"}}}
}
