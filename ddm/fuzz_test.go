package ddm

import (
	"errors"
	"testing"
	"time"

	"github.com/managedos/managedos/compat"
	"github.com/managedos/managedos/internal/testseeds"
)

// FuzzParseStatusReport checks that no input panics the status parser, that a nil
// report always comes with an error, and that every error wraps ErrInvalidStatus.
// The seeds include the hostile catalogue in testdata/hostile.
func FuzzParseStatusReport(f *testing.F) {
	testseeds.Add(f, "testdata/ddm_status_kmfddm_macos13.3.1a_rsr.json", "testdata/ddm_status_kmfddm_not_referenced.json",
		"testdata/status_softwareupdate_downloading.json", "testdata/status_snapshot_macos26.json", "testdata/hostile/*.json")
	f.Add([]byte(`{"StatusItems":{"softwareupdate":{"install-state":"waiting"}}}`))
	f.Add([]byte(`{"StatusItems":{"device":{"operating-system":{"version":"13.3.1","supplemental":{"extra-version":"(a)"}}}}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := ParseStatusReport(data)
		if r == nil && err == nil {
			t.Fatal("nil report without an error")
		}
		if err != nil && !errors.Is(err, ErrInvalidStatus) {
			t.Fatalf("error %v does not wrap ErrInvalidStatus", err)
		}
		if r != nil {
			mac := r.Mac()
			if r.MergeInto(mac) != mac {
				t.Fatalf("merging a report into its own snapshot changed it: %+v", mac)
			}
			_ = r.Observation(time.Time{})
			_ = r.Capabilities.SupportsEnforcement()
		}
	})
}

// FuzzParseLocalDateTime checks that whatever parses prints back exactly as given
// (the form has one spelling) and that refusals wrap ErrInvalidDateTime.
func FuzzParseLocalDateTime(f *testing.F) {
	for _, s := range []string{"2026-12-01T18:00:00", "2024-02-29T23:59:59", "2026-02-30T00:00:00", "2026-12-01T18:00:00Z", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseLocalDateTime(s)
		if err != nil {
			if !errors.Is(err, ErrInvalidDateTime) {
				t.Fatalf("ParseLocalDateTime(%q): %v", s, err)
			}
			return
		}
		if d.String() != s {
			t.Fatalf("ParseLocalDateTime(%q).String() = %q", s, d.String())
		}
	})
}

// FuzzEnforcementRoundTrip builds declarations from fuzzed fields and checks that
// every one built parses back unchanged and that builds never panic.
func FuzzEnforcementRoundTrip(f *testing.F) {
	f.Add("14.2.1", "", "2026-12-01T18:00:00", "", "")
	f.Add("13.4.1", "22F770820d", "2026-12-01T18:00:00", "https://example.com/a?b=c&d=\"e\"", "com.example.x")
	f.Add("26.3", "25D125", "2030-01-31T00:00:00", "http://h/\u2028\x00", "")
	f.Fuzz(func(t *testing.T, version, build, deadline, url, id string) {
		var p EnforcementPayload
		var err error
		if p.TargetOSVersion, err = compat.ParseVersion(version); err != nil {
			return
		}
		if build != "" {
			if p.TargetBuildVersion, err = compat.ParseBuild(build); err != nil {
				return
			}
		}
		if p.TargetLocalDateTime, err = ParseLocalDateTime(deadline); err != nil {
			return
		}
		p.DetailsURL = url
		e, err := NewEnforcement(id, p)
		if err != nil {
			return
		}
		b, err := e.MarshalJSON()
		if err != nil {
			t.Fatalf("built but cannot marshal: %v", err)
		}
		back, err := ParseEnforcement(b)
		if err != nil || back != e {
			t.Fatalf("round trip of %s: %+v, %v", b, back, err)
		}
	})
}
