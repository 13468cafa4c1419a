package ddm

import (
	"encoding/json"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/managedos/managedos/compat"
	"github.com/managedos/managedos/internal/hostile"
	"github.com/managedos/managedos/mechanism"
)

// TestHostileCatalogueIsCurrent checks testdata/hostile against package hostile
// (regenerate with go run ./internal/hostile/write_catalogue.go).
func TestHostileCatalogueIsCurrent(t *testing.T) {
	assert.Empty(t, hostile.Stale("testdata/hostile", hostile.JSON()))
}

// TestParseStatusReportRefusesHostileInput feeds every hostile JSON case to
// ParseStatusReport: input over a limit or not JSON gives no report and the error its
// case names; JSON with bad items gives the report's other items and an error per
// bad item. Every error wraps ErrInvalidStatus, stays small, and the parse allocates
// little.
func TestParseStatusReportRefusesHostileInput(t *testing.T) {
	for _, c := range hostile.JSON() {
		t.Run(c.Name, func(t *testing.T) {
			data := c.Build()
			var r *StatusReport
			var err error
			used := hostile.Allocated(func() { r, err = ParseStatusReport(data) })
			require.ErrorIs(t, err, ErrInvalidStatus)
			switch c.Want {
			case hostile.TooLarge:
				require.ErrorIs(t, err, compat.ErrTooLarge)
				assert.Nil(t, r)
			case hostile.Malformed:
				require.ErrorIs(t, err, compat.ErrMalformed)
				assert.Nil(t, r)
			default:
				assert.NotErrorIs(t, err, compat.ErrTooLarge)
				assert.NotErrorIs(t, err, compat.ErrMalformed)
			}
			assert.Less(t, len(err.Error()), 2<<10, err.Error())
			assert.Less(t, used, uint64(1<<20), "bytes allocated for %d bytes of input", len(data))

			if c.Want != hostile.Invalid {
				_, err := ParseEnforcement(data)
				require.ErrorIs(t, err, ErrInvalidDeclaration)
				assert.ErrorIs(t, err, wantError(c.Want))
			}
		})
	}
}

func wantError(w hostile.Want) error {
	if w == hostile.TooLarge {
		return compat.ErrTooLarge
	}
	return compat.ErrMalformed
}

func TestStatusItemsOfTheWrongTypeAreEachNamed(t *testing.T) {
	var data []byte
	for _, c := range hostile.JSON() {
		if c.Name == "wrong_types.json" {
			data = c.Build()
		}
	}
	r, err := ParseStatusReport(data)
	require.NotNil(t, r)
	require.ErrorIs(t, err, ErrInvalidStatus)
	for _, item := range []string{"softwareupdate.install-state", "softwareupdate.pending-version", "softwareupdate.failure-reason",
		"softwareupdate.install-reason", "device.operating-system.version", "device.operating-system.build-version"} {
		assert.Contains(t, err.Error(), "status item "+item+":")
	}
	assert.Contains(t, err.Error(), "and 4 more", "the rest are counted, not listed")
}

// TestErrorsStaySmallWhateverTheReport sends values of megabytes, with limits
// raised to let them through: the messages stay small.
func TestErrorsStaySmallWhateverTheReport(t *testing.T) {
	opts := ParseOptions{Limits: compat.Limits{MaxBytes: 16 << 20, MaxStringBytes: 4 << 20}}
	huge := strings.Repeat("9", 2<<20)
	for name, report := range map[string]string{
		"a version":   `{"StatusItems":{"softwareupdate":{"pending-version":{"os-version":"` + huge + `","build-version":"` + huge + `"}}}}`,
		"a timestamp": `{"StatusItems":{"softwareupdate":{"failure-reason":{"count":1,"timestamp":"` + huge + `"}}}}`,
		"a number":    `{"StatusItems":{"softwareupdate":{"failure-reason":{"count":` + huge + `}}}}`,
		"a type":      `{"StatusItems":{"softwareupdate":{"install-state":` + huge + `}}}`,
		"the top":     `{"StatusItems":` + huge + `}`,
	} {
		t.Run(name, func(t *testing.T) {
			_, err := opts.ParseStatusReport([]byte(report))
			require.ErrorIs(t, err, ErrInvalidStatus)
			assert.Less(t, len(err.Error()), 1<<10, "%.300s", err)
		})
	}
	decl := `{"Type":"` + huge + `","Identifier":"x","ServerToken":"t","Payload":{}}`
	_, err := opts.ParseEnforcement([]byte(decl))
	require.ErrorIs(t, err, ErrInvalidDeclaration)
	assert.Less(t, len(err.Error()), 1<<10)
}

func TestParseOptionsLimitsApply(t *testing.T) {
	report, err := os.ReadFile("testdata/status_softwareupdate_downloading.json")
	require.NoError(t, err)
	decl, err := os.ReadFile("testdata/enforcement_14.2.1.golden.json")
	require.NoError(t, err)
	tight := ParseOptions{Limits: compat.Limits{MaxDepth: 1}}
	_, err = tight.ParseStatusReport(report)
	require.ErrorIs(t, err, compat.ErrTooLarge)
	assert.Contains(t, err.Error(), "depth 2 over MaxDepth 1")
	_, err = tight.ParseEnforcement(decl)
	require.ErrorIs(t, err, compat.ErrTooLarge)
	var le *compat.LimitError
	assert.True(t, errors.As(err, &le))
	_, err = ParseOptions{}.ParseEnforcement(decl)
	assert.NoError(t, err)

	settings, err := os.ReadFile("testdata/settings.golden.json")
	require.NoError(t, err)
	_, err = tight.ParseSettings(settings)
	require.ErrorIs(t, err, compat.ErrTooLarge)
	assert.ErrorIs(t, err, ErrInvalidDeclaration)
	_, err = ParseOptions{}.ParseSettings(settings)
	assert.NoError(t, err)
}

// TestStoredDeclarationsOverTheLimitsAreRefused nests a stored declaration deeper
// than compat's default MaxDepth: each reader of stored JSON refuses it as too
// large before decoding anything, the strict readers included.
func TestStoredDeclarationsOverTheLimitsAreRefused(t *testing.T) {
	deep := []byte(`{"Type":"x","Identifier":"x","ServerToken":"t","Payload":{"x":` + strings.Repeat("[", 100) + strings.Repeat("]", 100) + `}}`)
	var e Enforcement
	var s Settings
	for name, read := range map[string]func() error{
		"Enforcement.UnmarshalJSON": func() error { return e.UnmarshalJSON(deep) },
		"Settings.UnmarshalJSON":    func() error { return s.UnmarshalJSON(deep) },
		"ParseSettings":             func() error { _, err := ParseSettings(deep); return err },
	} {
		err := read()
		require.ErrorIs(t, err, compat.ErrTooLarge, name)
		assert.ErrorIs(t, err, ErrInvalidDeclaration, name)
	}
}

// TestParseEnforcementRefusesTextItWouldAlter shows that encoding/json replaces
// bytes that are not UTF-8, so a ServerToken read that way would be written back
// changed; ParseEnforcement refuses such a declaration instead.
func TestParseEnforcementRefusesTextItWouldAlter(t *testing.T) {
	decl := []byte("{\"Type\":\"" + EnforcementType + "\",\"Identifier\":\"x\",\"ServerToken\":\"token\xff\",\"Payload\":{\"TargetOSVersion\":\"14.2.1\",\"TargetLocalDateTime\":\"2026-12-01T18:00:00\"}}")
	var w struct{ ServerToken string }
	require.NoError(t, json.Unmarshal(decl, &w))
	require.Equal(t, "token\uFFFD", w.ServerToken, "encoding/json alone alters it")

	_, err := ParseEnforcement(decl)
	require.ErrorIs(t, err, ErrInvalidDeclaration)
	assert.ErrorIs(t, err, compat.ErrMalformed)
}

// TestBuildersRefuseTextJSONWouldAlter shows that JSON replaces bytes that are not
// UTF-8 in a DetailsURL or an Identifier, and that the builder refuses them (an
// identifier is refused for a control character too: identifiers are letters,
// digits, '.', '-' and '_').
func TestBuildersRefuseTextJSONWouldAlter(t *testing.T) {
	p := EnforcementPayload{
		TargetOSVersion:     compat.MustParseVersion("14.2.1"),
		TargetLocalDateTime: MustParseLocalDateTime("2026-12-01T18:00:00"),
	}
	for name, tt := range map[string]struct {
		identifier, url string
		alters          bool
		want            error
	}{
		"a URL that is not UTF-8":         {"", "https://example.com/\xff", true, ErrInvalidURL},
		"an identifier that is not UTF-8": {"id\xff", "", true, ErrInvalidIdentifier},
		"an identifier with a control":    {"id\x01", "", false, ErrInvalidIdentifier},
	} {
		t.Run(name, func(t *testing.T) {
			value := tt.url + tt.identifier
			out, err := json.Marshal(value)
			require.NoError(t, err)
			var back string
			require.NoError(t, json.Unmarshal(out, &back))
			assert.Equal(t, tt.alters, value != back, "JSON alters it")
			q := p
			q.DetailsURL = tt.url
			_, err = NewEnforcement(tt.identifier, q)
			require.ErrorIs(t, err, tt.want)
			assert.Less(t, len(err.Error()), 512)
		})
	}
}

func TestBuildersRefuseABuildOfAnotherVersion(t *testing.T) {
	deadline := MustParseLocalDateTime("2026-12-01T18:00:00")
	payload := func(v, b string) EnforcementPayload {
		return EnforcementPayload{TargetOSVersion: compat.MustParseVersion(v), TargetBuildVersion: compat.MustParseBuild(b), TargetLocalDateTime: deadline}
	}
	_, err := NewEnforcement("", payload("14.2.1", "23C71"))
	require.NoError(t, err)
	_, err = NewEnforcement("", payload("13.4.1", "22F770820d"))
	require.NoError(t, err, "a rapid security response is its base version plus its build")
	_, err = NewEnforcement("", payload("14.2", "23C71"))
	require.ErrorIs(t, err, compat.ErrInvalidBuild)
	assert.Contains(t, err.Error(), "TargetBuildVersion: compat: build 23C71 is macOS 14.2.1, not 14.2")

	rsr := compat.Decision{Chip: compat.AppleSilicon, Target: compat.MustParseVersion("13.4.1 (a)"), Kind: compat.RSR, Delivery: mechanism.DDM}
	_, err = FromDecision(rsr, deadline, Options{Build: compat.MustParseBuild("22F770820d")})
	require.ErrorIs(t, err, compat.ErrInvalidBuild)
	assert.Contains(t, err.Error(), "build 22F770820d is macOS 13.4.1 (c), not 13.4.1 (a)")
	rsr.Target = compat.MustParseVersion("13.4.1 (c)")
	_, err = FromDecision(rsr, deadline, Options{Build: compat.MustParseBuild("22F770820d")})
	assert.NoError(t, err)
}

func TestFromDecisionRefusesAMacBelow14(t *testing.T) {
	deadline := MustParseLocalDateTime("2026-12-01T18:00:00")
	d := compat.Decision{Chip: compat.AppleSilicon, Current: compat.MustParseVersion("13.6"), Target: compat.MustParseVersion("14.2.1"), Kind: compat.Major, Delivery: mechanism.DDM}
	_, err := FromDecision(d, deadline, Options{})
	require.ErrorIs(t, err, compat.ErrUnsupported)
	assert.Contains(t, err.Error(), "a Mac on 13.6 cannot apply software update declarations (macOS 14 and later)")

	d.Current = compat.MustParseVersion("14.0")
	_, err = FromDecision(d, deadline, Options{})
	assert.NoError(t, err)
	d.Current = compat.Version{}
	_, err = FromDecision(d, deadline, Options{})
	assert.NoError(t, err, "a Mac whose version is not known cannot be checked")
}
