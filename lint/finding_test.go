package lint_test

import (
	"encoding/json"
	"flag"
	"math/rand/v2"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/managedos/managedos/lint"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

func TestFindingJSONGolden(t *testing.T) {
	fs := lint.Check(file(t, "block_pane.mobileconfig"), file(t, "enforcement_banana.json"), file(t, "softwareupdate_defaults.mobileconfig"))
	got, err := json.MarshalIndent(fs, "", "  ")
	require.NoError(t, err)
	if *update {
		require.NoError(t, os.WriteFile("testdata/findings.golden.json", append(got, '\n'), 0o644))
	}
	want, err := os.ReadFile("testdata/findings.golden.json")
	require.NoError(t, err)
	assert.Equal(t, string(want), string(got)+"\n")

	var back []lint.Finding
	require.NoError(t, json.Unmarshal(got, &back))
	assert.Equal(t, fs, back)
}

func TestFindingJSONRoundTripsRandomValues(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	alphabet := []rune("aZ .:_\"\\é—<&\n\x00")
	text := func() string {
		b := make([]rune, rng.IntN(12))
		for i := range b {
			b[i] = alphabet[rng.IntN(len(alphabet))]
		}
		return string(b)
	}
	for range 500 {
		f := lint.Finding{
			Severity: lint.Severity(rng.IntN(3)), Rule: lint.Rule(rng.IntN(11)),
			Document: text(), PayloadType: text(), PayloadIdentifier: text(), Key: text(), Message: text(), Fix: text(),
		}
		b, err := json.Marshal(f)
		require.NoError(t, err)
		var back lint.Finding
		require.NoError(t, json.Unmarshal(b, &back), "%s", b)
		require.Equal(t, f, back, "%s", b)
	}
}

func TestFindingJSONRefusesWhatItCannotHold(t *testing.T) {
	tests := []struct {
		name, data, want string
	}{
		{"unknown field", `{"severity":"error","rule":"unreadable","document":"d","message":"m","fix":"f","line":3}`, `"line"`},
		{"unknown severity", `{"severity":"fatal","rule":"unreadable","document":"d","message":"m","fix":"f"}`, "fatal"},
		{"unknown rule", `{"severity":"error","rule":"style","document":"d","message":"m","fix":"f"}`, "style"},
		{"wrong type", `{"severity":"error","rule":"unreadable","document":3,"message":"m","fix":"f"}`, "document"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var f lint.Finding
			err := json.Unmarshal([]byte(tt.data), &f)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
	_, err := json.Marshal(lint.Finding{Severity: 9})
	assert.ErrorIs(t, err, lint.ErrUnknownToken, "a severity outside the constants fails loudly")
}

func TestSeverityAndRuleText(t *testing.T) {
	for s := lint.SeverityNone; s <= lint.Error; s++ {
		b, err := s.MarshalText()
		require.NoError(t, err)
		assert.Equal(t, s.String(), string(b))
		var back lint.Severity
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, s, back)
	}
	for r := lint.RuleNone; r <= lint.Truncated; r++ {
		b, err := r.MarshalText()
		require.NoError(t, err)
		assert.Equal(t, r.String(), string(b))
		var back lint.Rule
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, r, back)
	}
	var s lint.Severity
	assert.ErrorIs(t, s.UnmarshalText([]byte("fatal")), lint.ErrUnknownToken)
	var r lint.Rule
	assert.ErrorIs(t, r.UnmarshalText([]byte("Unreadable")), lint.ErrUnknownToken)
	assert.Equal(t, "too-large", lint.TooLarge.String())
}
