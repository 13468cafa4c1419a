package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/managedos/managedos/internal/hostile"
)

// runToolFrom is runTool with a reader for stdin, for input too large to hold.
func runToolFrom(stdin *filler, args ...string) (code int, stdout, stderr string) {
	var out, errOut bytes.Buffer
	code = run(args, stdin, &out, &errOut)
	return code, out.String(), errOut.String()
}

// TestParseRefusesHostileAnswers runs the hostile catalogue through parse -json:
// each exits 1 with one small JSON error of the right code.
func TestParseRefusesHostileAnswers(t *testing.T) {
	codes := map[hostile.Want]string{hostile.TooLarge: "too-large", hostile.Malformed: "invalid-payload", hostile.Invalid: "invalid-payload"}
	for _, c := range append(hostile.Plists(), hostile.JSON()...) {
		if c.Large && len(c.Build()) > 20<<20 {
			continue // the 100 MB case: TestParseReadsAtMostTheLimit covers input that size
		}
		t.Run(c.Name, func(t *testing.T) {
			code, stdout, _ := runTool(t, string(c.Build()), "parse", "-json")
			if c.Want == hostile.Invalid && code == exitOK {
				// An answer or status report whose envelope reads is printed with the
				// items that read, and the bad items listed.
				assert.Contains(t, stdout, `"problems":[`)
				assert.Less(t, len(stdout), 8<<10)
				return
			}
			require.Equal(t, exitRefused, code, stdout)
			got, message := readRefusal(t, stdout)
			assert.Equal(t, codes[c.Want], got, message)
			assert.Less(t, len(stdout), 2<<10)
			assert.Equal(t, 1, strings.Count(stdout, "\n"), "one JSON object")
		})
	}
}

// TestParseReadsAtMostTheLimit gives parse 500 MB of white space, made on the
// fly: it stops reading after the limit, says which, and allocates a bounded
// amount.
func TestParseReadsAtMostTheLimit(t *testing.T) {
	in := &filler{n: 500 << 20, c: ' '}
	var code int
	var stdout string
	used := hostile.Allocated(func() { code, stdout, _ = runToolFrom(in, "parse", "-json") })
	require.Equal(t, exitRefused, code)
	got, message := readRefusal(t, stdout)
	assert.Equal(t, "too-large", got)
	assert.Equal(t, "stdin: more than 16777216 bytes, over MaxBytes 16777216 (the rest was not read): too large", message)
	assert.Greater(t, in.n, int64(400<<20), "the rest is not read")
	assert.Less(t, used, uint64(80<<20), "bytes allocated")
}

// TestInferReadsAtMostTheLimit gives infer 500 MB of blank lines: the observations
// are held in memory, so it stops reading after 16 MiB and says so.
func TestInferReadsAtMostTheLimit(t *testing.T) {
	in := &filler{n: 500 << 20, c: '\n'}
	code, stdout, _ := runToolFrom(in, "infer", "-json", "-now", "2026-11-27T14:00:00Z")
	require.Equal(t, exitRefused, code)
	got, message := readRefusal(t, stdout)
	assert.Equal(t, "too-large", got)
	assert.Equal(t, "stdin: more than 16777216 bytes, over MaxBytes 16777216 (the rest was not read): too large", message)
	assert.Greater(t, in.n, int64(400<<20), "the rest is not read")
}

func TestPlanReportsBadLinesAndGoesOn(t *testing.T) {
	input := `{"id":"a","chip":"intel","current":"12.7.1"}
not json
{"id":"c","current":"13.1"}
{"id":"d","chip":"apple","current":"13.6","model":"x"}
` + `{"id":"e","chip":"apple","current":"` + strings.Repeat("9", maxLineBytes) + `"}
{"id":"f","chip":"apple","current":"13.6"}
`
	code, stdout, stderr := runTool(t, input, "plan", "-json", "-target", "14.2.1")
	require.Equal(t, exitRefused, code, "some lines failed")
	assert.Contains(t, stderr, "2 lines could not be read")
	assert.Contains(t, stderr, "1 refused: invalid-input")
	got := readPlanLines(t, stdout)
	require.Len(t, got, 6, "one entry per line, in input order")
	assert.Equal(t, "startosinstall", got[0].Delivery)
	assert.Equal(t, "mdm-commands", got[3].Delivery, "an unknown model falls back to the chip")
	assert.Equal(t, "mdm-commands", got[5].Delivery)
	for _, want := range []struct {
		i              int
		id, code, says string
		line           int
	}{
		{1, "", "invalid-input", "line 2: not a JSON object of strings", 2},
		{2, "c", "invalid-input", `want "chip" or "model"`, 3},
		{4, "", "too-large", "line 5: longer than the limit of 1048576 bytes", 5},
	} {
		e := got[want.i]
		require.NotNil(t, e.Error, want.says)
		assert.Equal(t, want.id, e.ID)
		assert.Equal(t, want.line, e.Line)
		assert.Equal(t, want.code, e.Error.Code)
		assert.Contains(t, e.Error.Message, want.says)
	}
}

func TestDeclarationRefusesABuildOfAnotherVersion(t *testing.T) {
	code, stdout, _ := runTool(t, "", "declaration", "-json", "-target", "13.4.1 (a)", "-build", "22F770820d", "-deadline", "2026-12-01T18:00:00")
	require.Equal(t, exitRefused, code)
	got, message := readRefusal(t, stdout)
	assert.Equal(t, "invalid-version", got)
	assert.Contains(t, message, "build 22F770820d is macOS 13.4.1 (c), not 13.4.1 (a)")

	code, _, stderr := runTool(t, "", "declaration", "-json", "-target", "13.4.1 (c)", "-build", "22F770820d", "-deadline", "2026-12-01T18:00:00")
	assert.Equal(t, exitOK, code, stderr)
}

func TestDeclarationRefusesAMacBelow14(t *testing.T) {
	code, stdout, _ := runTool(t, "", "declaration", "-json", "-chip", "apple", "-current", "13.6", "-target", "14.2.1", "-deadline", "2026-12-01T18:00:00")
	require.Equal(t, exitRefused, code)
	got, _ := readRefusal(t, stdout)
	assert.Equal(t, "unsupported", got)

	code, _, stderr := runTool(t, "", "declaration", "-h")
	assert.Equal(t, exitOK, code)
	assert.Contains(t, stderr, "Without -chip and -current the Mac's version is unknown, so the tool cannot check\n  that it runs macOS 14 or later")
}

func TestRefusalMessagesAreBounded(t *testing.T) {
	huge := strings.Repeat("9", 10<<20)
	code, stdout, _ := runTool(t, "", "resolve", "-json", "-chip", huge, "-current", "14.1", "-target", "14.2")
	require.Equal(t, exitRefused, code)
	assert.Less(t, len(stdout), 1<<10)
	assert.Less(t, len(boundedMessage(stringError(huge))), maxMessage+4)
	assert.True(t, strings.HasSuffix(boundedMessage(stringError(huge)), "…"))

	// Usage errors too, the flag package's included, and each is printed once.
	for _, args := range [][]string{
		{huge},
		{"table", huge},
		{"table", "-" + huge},
		{"command", "-target", "14.2", "-max-deferrals", huge},
	} {
		code, stdout, stderr := runTool(t, "", args...)
		assert.Equal(t, exitUsage, code)
		assert.Empty(t, stdout)
		assert.Less(t, len(stderr), 6<<10, "%.100s", stderr)
		assert.Equal(t, 1, strings.Count(stderr, "managedos: "), "the error once: %.300s", stderr)
	}
}

type stringError string

func (s stringError) Error() string { return string(s) }
