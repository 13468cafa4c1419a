package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/managedos/managedos/internal/errtext"
)

const stalledInput = `{"at":"2026-11-27T09:00:00Z","status":"Downloading","percent":0.3}
{"at":"2026-11-27T09:30:00Z","status":"Downloading","percent":0.3}

{"at":"2026-11-27T10:00:00Z","status":"DownloadFailed"}
`

func TestInferVerdicts(t *testing.T) {
	tests := []struct {
		name  string
		input string
		args  []string
		want  string
	}{
		{"assumed cached after the window", stalledInput, []string{"-now", "2026-11-27T13:00:00Z"},
			`{"verdict":"assumed-cached","since":"2026-11-27T12:30:00Z","enforce_at":"2026-11-27T12:30:00Z","observations":3,"reason":"DownloadFailed"}`},
		{"stalled within the window", stalledInput, []string{"-now", "2026-11-27T11:00:00Z"},
			`{"verdict":"stalled","since":"2026-11-27T09:30:00Z","enforce_at":"2026-11-27T12:30:00Z","observations":3,"reason":"DownloadFailed"}`},
		{"custom window", stalledInput, []string{"-now", "2026-11-27T11:00:00Z", "-window", "1h"},
			`{"verdict":"assumed-cached","since":"2026-11-27T10:30:00Z","enforce_at":"2026-11-27T10:30:00Z","observations":3,"reason":"DownloadFailed"}`},
		{"custom min stalls", stalledInput, []string{"-now", "2026-11-27T13:00:00Z", "-min-stalls", "3"},
			`{"verdict":"stalled","since":"2026-11-27T09:30:00Z","enforce_at":"2026-11-27T12:30:00Z","observations":3,"reason":"DownloadFailed"}`},
		{"downloaded", `{"at":"2026-11-27T09:00:00+01:00","status":"Idle","percent":1,"downloaded":true}`, []string{"-now", "2026-11-27T13:00:00Z"},
			`{"verdict":"cached","since":"2026-11-27T08:00:00Z","observations":1}`},
		{"nothing", "", []string{"-now", "2026-11-27T13:00:00Z"}, `{"verdict":"unknown","observations":0}`},
		{"installed is compliant", stalledInput, []string{"-now", "2026-11-27T13:00:00Z", "-target", "14.2.1", "-current", "14.2.1"},
			`{"verdict":"compliant","observations":0}`},
		{"ahead of the target is compliant", stalledInput, []string{"-now", "2026-11-27T13:00:00Z", "-target", "14.2.1", "-current", "15.0"},
			`{"verdict":"compliant","observations":0}`},
		{"below the target the lines decide", stalledInput, []string{"-now", "2026-11-27T13:00:00Z", "-target", "14.2.1", "-current", "14.1"},
			`{"verdict":"assumed-cached","since":"2026-11-27T12:30:00Z","enforce_at":"2026-11-27T12:30:00Z","observations":3,"reason":"DownloadFailed"}`},
		{"lines about another target are ignored", targetedInput, []string{"-now", "2026-11-27T13:00:00Z", "-target", "14.3"},
			`{"verdict":"downloading","since":"2026-11-27T12:00:00Z","observations":2}`},
		{"without -target every line counts", targetedInput, []string{"-now", "2026-11-27T13:00:00Z"},
			`{"verdict":"stalled","since":"2026-11-27T12:00:00Z","enforce_at":"2026-11-27T15:00:00Z","observations":6}`},
		{"restart after failure is downloading", restartInput, []string{"-now", "2026-11-27T11:30:00Z"},
			`{"verdict":"downloading","since":"2026-11-27T11:00:00Z","observations":5}`},
		{"a DDM Mac downloading for 5 hours", ddmDownloadingInput, []string{"-now", "2026-11-27T14:00:00Z", "-target", "14.2.1"},
			`{"verdict":"downloading","since":"2026-11-27T14:00:00Z","observations":6}`},
		{"DDM failures carry the reason and count", `{"at":"2026-11-27T09:00:00Z","status":"failed","reason":"not enough space","failure_count":1}
{"at":"2026-11-27T12:30:00Z","status":"failed","reason":"not enough space","failure_count":2}`, []string{"-now", "2026-11-27T13:00:00Z"},
			`{"verdict":"assumed-cached","since":"2026-11-27T12:30:00Z","enforce_at":"2026-11-27T12:30:00Z","observations":2,"reason":"not enough space","failure_count":2}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := runTool(t, tt.input, append([]string{"infer", "-json"}, tt.args...)...)
			require.Equal(t, exitOK, code, stderr)
			assert.JSONEq(t, tt.want, stdout)
		})
	}
	code, stdout, _ := runTool(t, stalledInput, "infer", "-now", "2026-11-27T13:00:00Z")
	require.Equal(t, exitOK, code)
	assert.Equal(t, "assumed-cached since 2026-11-27T12:30:00Z, last failure: DownloadFailed (3 observations)\n", stdout)
}

// targetedInput is a stall about 14.2.1, then progress about 14.3.
const targetedInput = `{"at":"2026-11-27T09:00:00Z","status":"Downloading","percent":0.3,"target":"14.2.1"}
{"at":"2026-11-27T09:30:00Z","status":"Downloading","percent":0.3,"target":"14.2.1"}
{"at":"2026-11-27T10:00:00Z","status":"DownloadFailed","target":"14.2.1"}
{"at":"2026-11-27T11:00:00Z","status":"Downloading","percent":0.1,"target":"14.3"}
{"at":"2026-11-27T12:00:00Z","status":"Downloading","percent":0.2,"target":"MSU_UPDATE_23D56_patch_14.3_minor"}
{"at":"2026-11-27T12:00:00Z","status":"Downloading","percent":0.2}
`

// restartInput is a download that failed and restarted.
const restartInput = `{"at":"2026-11-27T09:00:00Z","status":"Downloading","percent":0.1}
{"at":"2026-11-27T09:30:00Z","status":"Downloading","percent":0.5}
{"at":"2026-11-27T10:00:00Z","status":"DownloadFailed"}
{"at":"2026-11-27T10:30:00Z","status":"Downloading","percent":0.1}
{"at":"2026-11-27T11:00:00Z","status":"Downloading","percent":0.45}
`

// ddmDownloadingInput is a DDM Mac reporting downloading every hour.
const ddmDownloadingInput = `{"at":"2026-11-27T09:00:00Z","status":"downloading","target":"14.2.1"}
{"at":"2026-11-27T10:00:00Z","status":"downloading","target":"14.2.1"}
{"at":"2026-11-27T11:00:00Z","status":"downloading","target":"14.2.1"}
{"at":"2026-11-27T12:00:00Z","status":"downloading","target":"14.2.1"}
{"at":"2026-11-27T13:00:00Z","status":"downloading","target":"14.2.1"}
{"at":"2026-11-27T14:00:00Z","status":"downloading","target":"14.2.1"}
`

func TestInferSkipsAndNamesTheBadLine(t *testing.T) {
	good := `{"at":"2026-11-27T09:00:00Z","status":"Downloading","percent":0.3}` + "\n"
	for name, tt := range map[string]struct {
		input string
		line  int
		says  string
	}{
		"not json":        {good + "nope\n", 2, "line 2"},
		"no time":         {`{"status":"Downloading"}` + "\n" + good, 1, `line 1: "at" is required`},
		"bad time":        {`{"at":"yesterday"}` + "\n" + good, 1, "line 1"},
		"percent string":  {`{"at":"2026-11-27T09:00:00Z","percent":"30%"}` + "\n" + good, 1, "line 1"},
		"two values":      {`{"at":"2026-11-27T09:00:00Z"} {}` + "\n" + good, 1, "line 1: compat: JSON at byte 30: data after the top-level value"},
		"target a number": {`{"at":"2026-11-27T09:00:00Z","target":14.2}` + "\n" + good, 1, "line 1"},
		"a long bad time": {`{"at":"` + strings.Repeat("9", 100000) + `"}` + "\n" + good, 1, `line 1: "parsing time`},
	} {
		code, stdout, _ := runTool(t, tt.input, "infer", "-json", "-now", "2026-11-27T13:00:00Z")
		require.Equal(t, exitRefused, code, name)
		var got inferRead
		require.NoError(t, json.Unmarshal([]byte(stdout), &got), name)
		assert.Equal(t, 1, got.Observations, "%s: the good line is read", name)
		assert.Equal(t, 1, got.SkippedLines, name)
		require.Len(t, got.LineErrors, 1, name)
		assert.Equal(t, tt.line, got.LineErrors[0].Line, name)
		assert.Equal(t, "invalid-input", got.LineErrors[0].Error.Code, name)
		assert.Contains(t, got.LineErrors[0].Error.Message, tt.says, name)
		assert.Less(t, len(got.LineErrors[0].Error.Message), 400, "%s: the message quotes no more than a bit of the line", name)
	}
}

func TestInferRefusesABadVersion(t *testing.T) {
	for _, args := range [][]string{{"-target", "14.x"}, {"-target", "14.2", "-current", "fourteen"}} {
		code, stdout, _ := runTool(t, "", append([]string{"infer", "-json"}, args...)...)
		require.Equal(t, exitRefused, code, args)
		refusalCode, _ := readRefusal(t, stdout)
		assert.Equal(t, "invalid-version", refusalCode, args)
	}
}

func TestInferTextReportsSkippedLinesOnStderr(t *testing.T) {
	code, stdout, stderr := runTool(t, "nope\n"+stalledInput, "infer", "-now", "2026-11-27T13:00:00Z")
	assert.Equal(t, exitRefused, code)
	assert.Equal(t, "assumed-cached since 2026-11-27T12:30:00Z, last failure: DownloadFailed (3 observations)\n", stdout)
	assert.Contains(t, stderr, "managedos: skipped: line 1:")
}

func TestInferSkipsAnOverLongLineWithoutLosingTheRun(t *testing.T) {
	long := `{"at":"2026-11-27T09:00:00Z","status":"` + strings.Repeat("x", maxLineBytes) + `"}`
	code, stdout, _ := runTool(t, stalledInput+long+"\n"+stalledInput, "infer", "-json", "-now", "2026-11-27T13:00:00Z")
	require.Equal(t, exitRefused, code)
	var got inferRead
	require.NoError(t, json.Unmarshal([]byte(stdout), &got))
	assert.Equal(t, 6, got.Observations, "the lines around the long one are read")
	require.Len(t, got.LineErrors, 1)
	assert.Equal(t, 5, got.LineErrors[0].Line)
	assert.Equal(t, "too-large", got.LineErrors[0].Error.Code)
	assert.Contains(t, got.LineErrors[0].Error.Message, "line 5:")
	assert.Contains(t, got.LineErrors[0].Error.Message, "over the limit of 1048576 bytes per line")
}

func TestInferReportsAtMostAFewBadLines(t *testing.T) {
	code, stdout, _ := runTool(t, strings.Repeat("nope\n", 1000)+stalledInput, "infer", "-json", "-now", "2026-11-27T13:00:00Z")
	require.Equal(t, exitRefused, code)
	var got inferRead
	require.NoError(t, json.Unmarshal([]byte(stdout), &got))
	assert.Equal(t, 1000, got.SkippedLines)
	assert.Len(t, got.LineErrors, errtext.MaxErrors)
	assert.Less(t, len(stdout), 4<<10)
}

func TestInferUsage(t *testing.T) {
	for _, args := range [][]string{{"-now", "today"}, {"-window", "forever"}, {"-window", "-1h"}, {"-min-stalls", "0"}, {"-current", "14.1"}} {
		code, _, _ := runTool(t, "", append([]string{"infer"}, args...)...)
		assert.Equal(t, exitUsage, code, args)
	}
}

// FuzzReadObservations checks that no input panics the reader, that every line
// it skips is named with an invalid-input or too-large refusal, and that a read
// never fails as a whole.
func FuzzReadObservations(f *testing.F) {
	f.Add(stalledInput)
	f.Add(`{"at":"2026-11-27T09:00:00Z","percent":1e308,"downloaded":true}`)
	f.Add("{}\n\n{")
	f.Add("[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\n\xff\n")
	f.Fuzz(func(t *testing.T, input string) {
		obs, skipped, err := readObservations(strings.NewReader(input))
		if err != nil {
			t.Fatalf("readObservations: %v", err)
		}
		for _, l := range skipped.kept {
			if (l.Error.Code != "invalid-input" && l.Error.Code != "too-large") || !strings.Contains(l.Error.Message, "line") {
				t.Fatalf("line %d: %+v", l.Line, l.Error)
			}
		}
		if len(obs)+skipped.count > strings.Count(input, "\n")+1 {
			t.Fatalf("%d observations and %d skipped from %d lines", len(obs), skipped.count, strings.Count(input, "\n")+1)
		}
	})
}

// inferRead is infer's JSON output as the tests read it back (inferOutput embeds the
// verdict, whose strict UnmarshalJSON would refuse the line fields).
type inferRead struct {
	Observations int         `json:"observations"`
	SkippedLines int         `json:"skipped_lines"`
	LineErrors   []lineError `json:"line_errors"`
}
