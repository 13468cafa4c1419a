package mdmcmd

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/managedos/managedos/compat"
	"github.com/managedos/managedos/internal/hostile"
)

// wantError is the sentinel a hostile case must produce here.
func wantError(w hostile.Want) error {
	switch w {
	case hostile.TooLarge:
		return compat.ErrTooLarge
	case hostile.Malformed:
		return compat.ErrMalformed
	}
	return ErrInvalidAnswer
}

// TestHostileCatalogueIsCurrent checks testdata/hostile against package hostile
// (regenerate with go run ./internal/hostile/write_catalogue.go).
func TestHostileCatalogueIsCurrent(t *testing.T) {
	assert.Empty(t, hostile.Stale("testdata/hostile", hostile.Plists()))
}

// TestParseAnswerRefusesHostileInput feeds every hostile plist to ParseAnswer and
// ParseCommand: each fails with the error its case names, also wrapping
// ErrInvalidAnswer, with a small message, within little memory: what a refusal
// before decoding costs, or what decoding a small document costs.
func TestParseAnswerRefusesHostileInput(t *testing.T) {
	for _, c := range hostile.Plists() {
		t.Run(c.Name, func(t *testing.T) {
			data := c.Build()
			for name, parse := range map[string]func([]byte) error{
				"ParseAnswer":  func(d []byte) error { _, err := ParseAnswer(d); return err },
				"ParseCommand": func(d []byte) error { _, err := ParseCommand(d); return err },
			} {
				var err error
				used := hostile.Allocated(func() { err = parse(data) })
				require.ErrorIs(t, err, wantError(c.Want), name)
				require.ErrorIs(t, err, ErrInvalidAnswer, name)
				assert.Less(t, len(err.Error()), 2<<10, "%s: %s", name, err)
				assert.Less(t, used, uint64(1<<20), "%s: bytes allocated for %d bytes of input", name, len(data))
			}
		})
	}
}

// TestWrongTypeAtEveryKey replaces, one at a time, the value of every key the
// parser reads in an OSUpdateStatus, ScheduleOSUpdate and DeviceInformation answer
// with a value of another type: each fails, naming the key.
func TestWrongTypeAtEveryKey(t *testing.T) {
	for _, name := range []string{"osupdatestatus_integer_quirks.plist", "scheduleosupdate_installing.plist", "deviceinformation_macos_rsr.plist", "availableosupdates_macos.plist", "scheduleosupdate_error_12008.plist"} {
		data, err := os.ReadFile("testdata/" + name)
		require.NoError(t, err)
		_, err = ParseAnswer(data)
		require.NoError(t, err, name)
		doc := string(data)
		for i := 0; ; {
			k := strings.Index(doc[i:], "<key>")
			if k < 0 {
				break
			}
			start := i + k + len("<key>")
			end := start + strings.Index(doc[start:], "</key>")
			key := doc[start:end]
			i = end
			// The value after the key: replace it with a <dict/> (or, where a
			// dictionary is wanted, with a <string>).
			valueAt := end + len("</key>")
			valueAt += len(doc[valueAt:]) - len(strings.TrimLeft(doc[valueAt:], " \t\n"))
			wrong := "<dict/>"
			if strings.HasPrefix(doc[valueAt:], "<dict") {
				wrong = "<string>x</string>"
			}
			bad := doc[:valueAt] + wrong + skipValue(doc[valueAt:])
			_, err := ParseAnswer([]byte(bad))
			if ignoredKeys[key] {
				assert.NoError(t, err, "%s: %s is not read", name, key)
				continue
			}
			if assert.ErrorIs(t, err, ErrInvalidAnswer, "%s: %s", name, key) {
				assert.Contains(t, err.Error(), key, name)
			}
		}
	}
}

// ignoredKeys are the keys of the samples the parser does not read, so a value
// of any type is fine.
var ignoredKeys = map[string]bool{"HumanReadableNameLocale": true}

// skipValue returns doc after the plist value it starts with.
func skipValue(doc string) string {
	if strings.HasPrefix(doc, "<") {
		end := strings.Index(doc, ">")
		tag := doc[1:end]
		if strings.HasSuffix(tag, "/") {
			return doc[end+1:]
		}
		depth := 0
		for i := 0; i < len(doc); i++ {
			switch {
			case strings.HasPrefix(doc[i:], "<"+tag+">"), strings.HasPrefix(doc[i:], "<"+tag+" "):
				depth++
			case strings.HasPrefix(doc[i:], "</"+tag+">"):
				depth--
				if depth == 0 {
					return doc[i+len(tag)+3:]
				}
			}
		}
	}
	return doc
}

// TestErrorsStaySmallWhateverTheAnswer sends answers whose values are megabytes
// long, and 200,000 bad entries, with limits raised to let them through: the
// messages stay small. (compat's TestErrorsStaySmallWhateverTheInput does the same
// with 100 MB values for the parsers every reader here calls.)
func TestErrorsStaySmallWhateverTheAnswer(t *testing.T) {
	opts := ParseOptions{Limits: compat.Limits{MaxBytes: 64 << 20, MaxStringBytes: 16 << 20}}
	huge := strings.Repeat("9", 8<<20)
	cmd := `<plist><dict><key>CommandUUID</key><string>u</string><key>Command</key><dict><key>RequestType</key><string>ScheduleOSUpdate</string>` +
		`<key>Updates</key><array><dict><key>InstallAction</key><string>Default</string><key>ProductVersion</key><string>` + huge + `</string></dict></array></dict></dict></plist>`
	_, err := opts.ParseCommand([]byte(cmd))
	require.ErrorIs(t, err, ErrInvalidAnswer)
	assert.Less(t, len(err.Error()), 1<<10, "%.300s", err)

	var b strings.Builder
	b.WriteString(`<plist><dict><key>CommandUUID</key><string>u</string><key>Status</key><string>Acknowledged</string><key>OSUpdateStatus</key><array>`)
	for range 200_000 {
		b.WriteString("<true/>")
	}
	b.WriteString(`</array></dict></plist>`)
	_, err = opts.ParseAnswer([]byte(b.String()))
	require.ErrorIs(t, err, ErrInvalidAnswer)
	assert.Contains(t, err.Error(), "and 199992 more")
	assert.Less(t, len(err.Error()), 2<<10)

	refused := &CommandError{CommandUUID: huge, Status: StatusError}
	for range 100 {
		refused.Chain = append(refused.Chain, ErrorChainItem{ErrorDomain: huge, ErrorCode: 1, LocalizedDescription: huge})
	}
	assert.Less(t, len(refused.Error()), 2<<10)
	assert.Contains(t, refused.Error(), "and 92 more")
}

func TestParseOptionsLimitsApply(t *testing.T) {
	data, err := os.ReadFile("testdata/osupdatestatus_fraction_real.plist")
	require.NoError(t, err)
	_, err = ParseOSUpdateStatus(data)
	require.NoError(t, err)
	for name, parse := range map[string]func(ParseOptions, []byte) error{
		"ParseAnswer":             func(o ParseOptions, d []byte) error { _, err := o.ParseAnswer(d); return err },
		"ParseOSUpdateStatus":     func(o ParseOptions, d []byte) error { _, err := o.ParseOSUpdateStatus(d); return err },
		"ParseScheduleOSUpdate":   func(o ParseOptions, d []byte) error { _, err := o.ParseScheduleOSUpdate(d); return err },
		"ParseAvailableOSUpdates": func(o ParseOptions, d []byte) error { _, err := o.ParseAvailableOSUpdates(d); return err },
		"ParseDeviceInformation":  func(o ParseOptions, d []byte) error { _, err := o.ParseDeviceInformation(d); return err },
		"ParseCommand":            func(o ParseOptions, d []byte) error { _, err := o.ParseCommand(d); return err },
	} {
		err := parse(ParseOptions{Limits: compat.Limits{MaxDepth: 2}}, data)
		require.ErrorIs(t, err, compat.ErrTooLarge, name)
		assert.Contains(t, err.Error(), "depth 3 over MaxDepth 2", name)
		var le *compat.LimitError
		assert.True(t, errors.As(err, &le), name)
	}
}
