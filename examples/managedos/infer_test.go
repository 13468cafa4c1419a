package main

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
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

func TestInferNamesTheBadLine(t *testing.T) {
	for name, tt := range map[string]struct{ input, says string }{
		"not json":        {`{"at":"2026-11-27T09:00:00Z"}` + "\nnope\n", "line 2"},
		"no time":         {`{"status":"Downloading"}`, `line 1: "at" is required`},
		"bad time":        {`{"at":"yesterday"}`, "line 1"},
		"percent string":  {`{"at":"2026-11-27T09:00:00Z","percent":"30%"}`, "line 1"},
		"two values":      {`{"at":"2026-11-27T09:00:00Z"} {}`, "line 1: more than one"},
		"target a number": {`{"at":"2026-11-27T09:00:00Z","target":14.2}`, "line 1"},
	} {
		code, stdout, _ := runTool(t, tt.input, "infer", "-json", "-now", "2026-11-27T13:00:00Z")
		require.Equal(t, exitRefused, code, name)
		refusalCode, message := readRefusal(t, stdout)
		assert.Equal(t, "invalid-input", refusalCode, name)
		assert.Contains(t, message, tt.says, name)
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

func TestInferUsage(t *testing.T) {
	for _, args := range [][]string{{"-now", "today"}, {"-window", "forever"}, {"-window", "-1h"}, {"-min-stalls", "0"}, {"-current", "14.1"}} {
		code, _, _ := runTool(t, "", append([]string{"infer"}, args...)...)
		assert.Equal(t, exitUsage, code, args)
	}
}

// FuzzReadObservations checks that no input panics the reader and that every
// failure is an invalid-input error naming a line.
func FuzzReadObservations(f *testing.F) {
	f.Add(stalledInput)
	f.Add(`{"at":"2026-11-27T09:00:00Z","percent":1e308,"downloaded":true}`)
	f.Add("{}\n\n{")
	f.Fuzz(func(t *testing.T, input string) {
		_, err := readObservations(strings.NewReader(input))
		if err != nil && (!errors.Is(err, errInvalidInput) || !strings.Contains(err.Error(), "line")) {
			t.Fatalf("readObservations: %v", err)
		}
	})
}
