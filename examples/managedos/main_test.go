package main

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/managedos/managedos/compat"
)

// refusal reads the {"error":{"code","message"}} object a refused -json run prints.
func readRefusal(t *testing.T, stdout string) (code, message string) {
	t.Helper()
	var got struct {
		Error struct{ Code, Message string }
	}
	require.NoError(t, json.Unmarshal([]byte(stdout), &got), stdout)
	return got.Error.Code, got.Error.Message
}

// runTool runs one command line in process and returns its exit status and output.
func runTool(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = run(args, strings.NewReader(stdin), &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestResolveJSON(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"intel upgrade from 12 uses startosinstall",
			[]string{"-chip", "intel", "-current", "12.7.1", "-target", "14.2.1"},
			`{"chip":"intel","current":"12.7.1","target":"14.2.1","kind":"major","delivery":"startosinstall","installer":"install-assistant","requires":"cached-installer","rule":"Intel upgrading from macOS before 13.0: cache the full installer locally and run startosinstall"}`},
		{"apple silicon rsr on 13 uses MDM commands",
			[]string{"-chip", "ARM64", "-current", "13.4.1", "-target", "13.4.1(c)"},
			`{"chip":"apple-silicon","current":"13.4.1","target":"13.4.1 (c)","kind":"rsr","delivery":"mdm-commands","installer":"rapid-security-response","requires":"supervised+bootstrap-token","rule":"macOS 13.x, rapid security response: ScheduleOSUpdate with the ProductKey from AvailableOSUpdates"}`},
		{"already there",
			[]string{"-chip", "apple", "-current", "14.2", "-target", "14.2"},
			`{"chip":"apple-silicon","current":"14.2","target":"14.2","kind":"none","delivery":"none","installer":"none","requires":"none","rule":"the Mac is already at the target version"}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := runTool(t, "", append([]string{"resolve", "-json"}, tt.args...)...)
			require.Equal(t, exitOK, code, stderr)
			assert.JSONEq(t, tt.want, stdout)
			assert.Equal(t, 1, strings.Count(stdout, "\n"), "one JSON object")
		})
	}
}

func TestResolveText(t *testing.T) {
	code, stdout, _ := runTool(t, "", "resolve", "-chip", "intel", "-current", "12.7.1", "-target", "14.2.1")
	require.Equal(t, exitOK, code)
	assert.Contains(t, stdout, "intel 12.7.1 → 14.2.1: major")
	assert.Contains(t, stdout, "delivery:  startosinstall")
	assert.Contains(t, stdout, "requires:  cached-installer")
}

func TestRefusalsExitOneWithACode(t *testing.T) {
	tests := []struct {
		name string
		args []string
		code string
		says string
	}{
		{"downgrade", []string{"-chip", "intel", "-current", "14.7.1", "-target", "14.2.1"}, "downgrade", "14.7.1 → 14.2.1"},
		{"rsr rollback", []string{"-chip", "intel", "-current", "13.4.1 (c)", "-target", "13.4.1 (a)"}, "downgrade", "13.4.1 (c)"},
		{"unknown chip", []string{"-chip", "m9", "-current", "14.1", "-target", "14.2"}, "unknown-chip", `"m9"`},
		{"bad current", []string{"-chip", "intel", "-current", "14.x", "-target", "14.2"}, "invalid-version", `-current: compat: version "14.x"`},
		{"bad target", []string{"-chip", "intel", "-current", "14.1", "-target", "v15"}, "invalid-version", `-target: compat: version "v15"`},
		{"rsr on 12", []string{"-chip", "apple", "-current", "12.6", "-target", "12.6 (a)"}, "unsupported", "rapid security responses began with macOS 13"},
		{"apple silicon on 10.15", []string{"-chip", "apple", "-current", "10.15.7", "-target", "14"}, "unsupported", "never ran macOS before 11.0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, _ := runTool(t, "", append([]string{"resolve", "-json"}, tt.args...)...)
			require.Equal(t, exitRefused, code)
			refusalCode, message := readRefusal(t, stdout)
			assert.Equal(t, tt.code, refusalCode)
			assert.Contains(t, message, tt.says)

			code, stdout, stderr := runTool(t, "", append([]string{"resolve"}, tt.args...)...)
			assert.Equal(t, exitRefused, code)
			assert.Empty(t, stdout, "no half decision")
			assert.Contains(t, stderr, tt.says)
		})
	}
}

func TestBadUsageExitsTwo(t *testing.T) {
	for _, args := range [][]string{
		{},
		{"frobnicate"},
		{"resolve"},
		{"resolve", "-chip", "intel", "-current", "14.1"},
		{"resolve", "-chip", "intel", "-current", "14.1", "-target", "14.2", "extra"},
		{"resolve", "-bogus"},
		{"table", "-json", "x"},
	} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			code, stdout, stderr := runTool(t, "", args...)
			assert.Equal(t, exitUsage, code)
			assert.Empty(t, stdout)
			assert.NotEmpty(t, stderr)
		})
	}
}

func TestHelpExitsZero(t *testing.T) {
	code, _, stderr := runTool(t, "", "resolve", "-h")
	assert.Equal(t, exitOK, code)
	assert.Contains(t, stderr, "-target")
	code, _, stderr = runTool(t, "", "help")
	assert.Equal(t, exitOK, code)
	assert.Contains(t, stderr, "resolve")
}

func TestTablePrintsTheMatrix(t *testing.T) {
	code, stdout, _ := runTool(t, "", "table")
	require.Equal(t, exitOK, code)
	assert.Equal(t, compat.DefaultTable().Markdown(), stdout)

	code, stdout, _ = runTool(t, "", "table", "-json")
	require.Equal(t, exitOK, code)
	var tb compat.Table
	require.NoError(t, json.Unmarshal([]byte(stdout), &tb))
	assert.Equal(t, compat.DefaultTable(), &tb)
}

// TestReadmeShowsTheTable keeps the README's matrix equal to what `table` prints.
func TestReadmeShowsTheTable(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	require.NoError(t, err)
	const begin, end = "<!-- table:begin -->\n", "<!-- table:end -->"
	_, rest, ok := strings.Cut(string(readme), begin)
	require.True(t, ok, "README has %q", begin)
	shown, _, ok := strings.Cut(rest, end)
	require.True(t, ok, "README has %q", end)
	_, stdout, _ := runTool(t, "", "table")
	assert.Equal(t, stdout, shown, "run `go run ./examples/managedos table` and paste its output into README.md")
}
