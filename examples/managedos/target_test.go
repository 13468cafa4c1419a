package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fixtureFeed is Apple's feed as SOFA cached it; see compat/testdata/SOURCES.md.
const fixtureFeed = "../../compat/testdata/gdmf_pmv_sofa_cached.json"

func TestTargetJSON(t *testing.T) {
	feed := []string{"-feed", fixtureFeed, "-now", "2026-08-27T00:00:00Z"}
	twoStep := filepath.Join(t.TempDir(), "feed.json")
	require.NoError(t, os.WriteFile(twoStep, []byte(`{"AssetSets":{"macOS":[
		{"ProductVersion":"26.3.1","Build":"25D2128","PostingDate":"2026-03-04","SupportedDevices":["J413AP"]}]},
		"PublicBackgroundSecurityImprovements":{"macOS":[
		{"ProductVersion":"26.3.1","ProductVersionExtra":"(a)","Build":"25D771280a","PrerequisiteBuild":"25D2128","PostingDate":"2026-03-17","SupportedDevices":["J413AP"]}]}}`), 0o600))
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"the newest release a week old", append([]string{"-model", "Mac14,2", "-device-id", "J413AP", "-current", "15.7.7", "-latest", "-delay-days", "7"}, feed...),
			`{"compliant":false,"target":"26.6.2","build":"25G83","posted":"2026-08-17","kind":"major","delivery":"ddm","installer":"software-update","reason":"the newest release this Mac can run among releases posted at least 7 days ago; hardware support from Apple's catalogue (device ID \"J413AP\")"}`},
		{"an iMac 2019 goes no further than Sequoia", append([]string{"-model", "iMac19,1", "-device-id", "Mac-63001698E7A34814", "-current", "14.8.7", "-latest"}, feed...),
			`{"compliant":false,"target":"15.7.9","build":"24G830","posted":"2026-08-06","kind":"major","delivery":"ddm","installer":"software-update","reason":"the newest release this Mac can run; hardware support from Apple's catalogue (device ID \"Mac-63001698E7A34814\")"}`},
		{"compliant above the minimum", append([]string{"-model", "Mac14,2", "-current", "26.6.2", "-minimum", "15.7.9"}, feed...),
			`{"compliant":true,"reason":"macOS 26.6.2 is at or past the minimum 15.7.9"}`},
		{"a floor", append([]string{"-model", "Mac14,2", "-device-id", "J413AP", "-current", "14.8.7", "-minimum", "26.6.2", "-floor", "14=14.8.9", "-floor", "15=15.7.9"}, feed...),
			`{"compliant":false,"target":"14.8.9","build":"23J631","posted":"2026-08-06","kind":"minor","delivery":"ddm","installer":"software-update","reason":"below the floor 14.8.9 for macOS 14; hardware support from Apple's catalogue (device ID \"J413AP\")"}`},
		{"a two-step improvement", []string{"-feed", twoStep, "-model", "Mac14,2", "-device-id", "J413AP", "-current", "26.2", "-minimum", "26.3.1 (a)"},
			`{"compliant":false,"target":"26.3.1","build":"25D2128","posted":"2026-03-04","step":"1/2","kind":"minor","delivery":"ddm","installer":"software-update","reason":"step 1 of 2: the background security improvement 26.3.1 (a) installs only on 26.3.1 (25D2128), so this Mac reaches 26.3.1 first and the improvement second; hardware support from Apple's catalogue (device ID \"J413AP\")"}`},
		{"the improvement on its base", []string{"-feed", twoStep, "-model", "Mac14,2", "-device-id", "J413AP", "-current", "26.3.1", "-build", "25D2128", "-minimum", "26.3.1 (a)"},
			`{"compliant":false,"target":"26.3.1 (a)","build":"25D771280a","posted":"2026-03-17","kind":"rsr","delivery":"ddm","installer":"rapid-security-response","reason":"the background security improvement 26.3.1 (a) installs on the build this Mac runs (25D2128); hardware support from Apple's catalogue (device ID \"J413AP\")"}`},
		{"without a feed, from built-in knowledge", []string{"-model", "MacBookPro14,1", "-current", "12.7.6", "-minimum", "13.7.8"},
			`{"compliant":false,"target":"13.7.8","kind":"major","delivery":"startosinstall","installer":"install-assistant","reason":"below the minimum 13.7.8; hardware support from the built-in model table for \"MacBookPro14,1\" (knowledge of 2026-08-22); without Apple's catalogue, so no build or posting date"}`},
		{"an unknown model with a chip falls back and says so", []string{"-model", "Mac99,9", "-chip", "apple", "-current", "26.5", "-minimum", "26.6"},
			`{"compliant":false,"target":"26.6","kind":"minor","delivery":"ddm","installer":"software-update","reason":"below the minimum 26.6; chip rules only: model \"Mac99,9\" is unknown to the library; without Apple's catalogue, so no build or posting date"}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := runTool(t, "", append([]string{"target", "-json"}, tt.args...)...)
			require.Equal(t, exitOK, code, stderr)
			assert.JSONEq(t, tt.want, stdout)
			assert.Equal(t, 1, strings.Count(stdout, "\n"), "one JSON object")
		})
	}
}

func TestTargetText(t *testing.T) {
	code, stdout, stderr := runTool(t, "", "target", "-feed", fixtureFeed, "-model", "Mac14,2", "-device-id", "J413AP", "-current", "15.7.7", "-latest", "-now", "2026-08-27T00:00:00Z")
	require.Equal(t, exitOK, code, stderr)
	assert.Contains(t, stdout, "target:    26.6.2 (25G83, posted 2026-08-17)\n")
	assert.Contains(t, stdout, "delivery:  ddm\n")

	code, stdout, _ = runTool(t, "", "target", "-model", "Mac14,2", "-current", "26.6.2", "-minimum", "15.7.9")
	require.Equal(t, exitOK, code)
	assert.Equal(t, "compliant: macOS 26.6.2 is at or past the minimum 15.7.9\n", stdout)
}

func TestTargetRefusals(t *testing.T) {
	bad := filepath.Join(t.TempDir(), "bad.json")
	require.NoError(t, os.WriteFile(bad, []byte(`{"AssetSets":{"macOS":[{"ProductVersion":"26.6","Build":"25G72","PostingDate":"yesterday"}]}}`), 0o600))
	tests := []struct {
		name string
		args []string
		code string
		says string
	}{
		{"Tahoe on an iMac 2019", []string{"-feed", fixtureFeed, "-model", "iMac19,1", "-device-id", "Mac-63001698E7A34814", "-current", "15.7.8", "-minimum", "26"}, "unsupported-hardware", "the newest it can run is macOS 15.7.9"},
		{"macOS 27 on an Intel Mac", []string{"-chip", "intel", "-current", "26.6.2", "-minimum", "27"}, "unsupported-hardware", "this Intel Mac cannot run macOS 27"},
		{"neither chip nor a known model", []string{"-model", "iPhone15,2", "-current", "18.0", "-minimum", "18.1"}, "unknown-chip", `"iPhone15,2"`},
		{"a device ID alone", []string{"-device-id", "J413AP", "-current", "26.5", "-minimum", "26.6"}, "unknown-chip", ""},
		{"a malformed feed", []string{"-feed", bad, "-model", "Mac14,2", "-current", "26.5", "-minimum", "26.6"}, "invalid-payload", "AssetSets.macOS[0].PostingDate"},
		{"a bad minimum", []string{"-model", "Mac14,2", "-current", "26.5", "-minimum", "26.x"}, "invalid-version", "-minimum"},
		{"a bad floor version", []string{"-model", "Mac14,2", "-current", "26.5", "-floor", "26=26.x"}, "invalid-version", "-floor 26"},
		{"a bad build", []string{"-model", "Mac14,2", "-current", "26.5", "-build", "x", "-minimum", "26.6"}, "invalid-version", "-build"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, _ := runTool(t, "", append([]string{"target", "-json"}, tt.args...)...)
			require.Equal(t, exitRefused, code, stdout)
			refusalCode, message := readRefusal(t, stdout)
			assert.Equal(t, tt.code, refusalCode)
			assert.Contains(t, message, tt.says)
		})
	}
}

func TestTargetBadUsageNamesTheFlags(t *testing.T) {
	mac := []string{"target", "-model", "Mac14,2", "-current", "26.5"}
	tests := []struct {
		name string
		args []string
		says string
	}{
		{"latest with latest in major", []string{"-feed", fixtureFeed, "-latest", "-latest-in-major"}, "-latest, -latest-in-major:"},
		{"latest patch without a minimum", []string{"-feed", fixtureFeed, "-latest-patch", "-latest"}, "-latest-patch, -minimum: -latest-patch picks the newest patch of -minimum's major"},
		{"a floor outside its major", []string{"-floor", "14=15.7.9"}, "-floor: the floor 15.7.9 for major 14 is not in its own major"},
		{"max major without latest", []string{"-minimum", "26.6", "-max-major", "26"}, "-max-major, -latest"},
		{"a delay with nothing to delay", []string{"-minimum", "26.6", "-delay-days", "7"}, "-delay-days"},
		{"no policy", nil, "-minimum, -latest, -latest-in-major, -floor"},
		{"latest without a feed", []string{"-latest"}, "give -feed FILE"},
		{"a floor without its major", []string{"-floor", "15.7.9"}, `-floor "15.7.9": want MAJOR=VERSION`},
		{"a bad time", []string{"-minimum", "26.6", "-now", "tomorrow"}, `-now "tomorrow"`},
		{"a missing feed file", []string{"-latest", "-feed", "/nonexistent/feed.json"}, "-feed:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := runTool(t, "", append(append([]string{}, mac...), tt.args...)...)
			assert.Equal(t, exitUsage, code)
			assert.Empty(t, stdout)
			assert.Contains(t, stderr, tt.says)
		})
	}
	for _, args := range [][]string{
		{"target", "-minimum", "26.6", "-current", "26.5"},
		{"target", "-minimum", "26.6", "-model", "Mac14,2"},
	} {
		code, _, _ := runTool(t, "", args...)
		assert.Equal(t, exitUsage, code, args)
	}
}

func TestResolveByModel(t *testing.T) {
	code, stdout, _ := runTool(t, "", "resolve", "-json", "-model", "MacBookPro16,1", "-current", "26.6.2", "-target", "27.0")
	require.Equal(t, exitRefused, code)
	refusalCode, message := readRefusal(t, stdout)
	assert.Equal(t, "unsupported-hardware", refusalCode)
	assert.Contains(t, message, `model "MacBookPro16,1") cannot run macOS 27.0: the newest it can run is macOS 26`)

	code, stdout, _ = runTool(t, "", "resolve", "-json", "-model", "MacBookPro14,1", "-current", "13.7.8", "-target", "14.8.9")
	require.Equal(t, exitRefused, code)
	refusalCode, _ = readRefusal(t, stdout)
	assert.Equal(t, "unsupported-hardware", refusalCode)

	code, stdout, stderr := runTool(t, "", "resolve", "-json", "-model", "MacBookPro16,1", "-current", "15.7.9", "-target", "26.6.2")
	require.Equal(t, exitOK, code, stderr)
	assert.JSONEq(t, `{"chip":"intel","current":"15.7.9","target":"26.6.2","kind":"major","delivery":"ddm","installer":"software-update","requires":"supervised","rule":"macOS 14.0 and later, major upgrade: DDM software update enforcement declaration"}`, stdout)

	code, stdout, _ = runTool(t, "", "resolve", "-json", "-model", "iPhone15,2", "-current", "15.7.9", "-target", "26.6.2")
	require.Equal(t, exitRefused, code)
	refusalCode, _ = readRefusal(t, stdout)
	assert.Equal(t, "unknown-chip", refusalCode)

	code, _, stderr = runTool(t, "", "resolve", "-model", "MacBookPro16,1", "-chip", "intel", "-current", "15.7.9", "-target", "26.6.2")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, stderr, "give one of -chip or -model")

	code, stdout, _ = runTool(t, "", "resolve", "-json", "-chip", "intel", "-current", "26.6.2", "-target", "27.0")
	require.Equal(t, exitRefused, code)
	refusalCode, message = readRefusal(t, stdout)
	assert.Equal(t, "unsupported", refusalCode, "by chip alone the table refuses")
	assert.Contains(t, message, "Tahoe 26 is the last Intel release")
}
