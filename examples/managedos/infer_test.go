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
			`{"verdict":"assumed-cached","since":"2026-11-27T12:30:00Z","observations":3}`},
		{"stalled within the window", stalledInput, []string{"-now", "2026-11-27T11:00:00Z"},
			`{"verdict":"stalled","since":"2026-11-27T09:30:00Z","enforce_at":"2026-11-27T12:30:00Z","observations":3}`},
		{"custom window", stalledInput, []string{"-now", "2026-11-27T11:00:00Z", "-window", "1h"},
			`{"verdict":"assumed-cached","since":"2026-11-27T10:30:00Z","observations":3}`},
		{"custom min stalls", stalledInput, []string{"-now", "2026-11-27T13:00:00Z", "-min-stalls", "3"},
			`{"verdict":"stalled","since":"2026-11-27T09:30:00Z","enforce_at":"2026-11-27T12:30:00Z","observations":3}`},
		{"downloaded", `{"at":"2026-11-27T09:00:00+01:00","status":"Idle","percent":1,"downloaded":true}`, []string{"-now", "2026-11-27T13:00:00Z"},
			`{"verdict":"cached","since":"2026-11-27T08:00:00Z","observations":1}`},
		{"nothing", "", []string{"-now", "2026-11-27T13:00:00Z"}, `{"verdict":"unknown","observations":0}`},
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
	assert.Equal(t, "assumed-cached since 2026-11-27T12:30:00Z (3 observations)\n", stdout)
}

func TestInferNamesTheBadLine(t *testing.T) {
	for name, tt := range map[string]struct{ input, says string }{
		"not json":       {`{"at":"2026-11-27T09:00:00Z"}` + "\nnope\n", "line 2"},
		"no time":        {`{"status":"Downloading"}`, `line 1: "at" is required`},
		"bad time":       {`{"at":"yesterday"}`, "line 1"},
		"percent string": {`{"at":"2026-11-27T09:00:00Z","percent":"30%"}`, "line 1"},
		"two values":     {`{"at":"2026-11-27T09:00:00Z"} {}`, "line 1: more than one"},
	} {
		code, stdout, _ := runTool(t, tt.input, "infer", "-json", "-now", "2026-11-27T13:00:00Z")
		require.Equal(t, exitRefused, code, name)
		refusalCode, message := readRefusal(t, stdout)
		assert.Equal(t, "invalid-input", refusalCode, name)
		assert.Contains(t, message, tt.says, name)
	}
}

func TestInferUsage(t *testing.T) {
	for _, args := range [][]string{{"-now", "today"}, {"-window", "forever"}, {"-window", "-1h"}, {"-min-stalls", "0"}} {
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
