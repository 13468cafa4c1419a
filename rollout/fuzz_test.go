package rollout

import (
	"errors"
	"testing"
)

// FuzzParseRings checks that no spec panics the parser, that every refusal wraps
// ErrInvalidRings, and that what parses prints as a canonical spec that parses back
// to the same rings, whose shares rise to exactly 100%.
func FuzzParseRings(f *testing.F) {
	for _, s := range []string{
		"canary=5%:0,early=25%:3,broad=100%:7", // the example
		"all=100%:0",                           // one ring
		"a=0.01%:0,b=99.99%:1,c=100%:365",      // smallest and largest values
		"a=5%:0,a=100%:1",                      // duplicate name
		"a=50%:0,b=20%:1,c=100%:2",             // shares not rising
		"a=5%:x,b=100%:1",                      // bad offset
		"",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, spec string) {
		rs, err := ParseRings(spec)
		if err != nil {
			if !errors.Is(err, ErrInvalidRings) {
				t.Fatalf("ParseRings(%q): error %v does not wrap ErrInvalidRings", spec, err)
			}
			if len(err.Error()) > 4096 {
				t.Fatalf("ParseRings(%q): error of %d bytes", spec, len(err.Error()))
			}
			return
		}
		all := rs.All()
		if len(all) == 0 || all[len(all)-1].Share != Whole {
			t.Fatalf("ParseRings(%q) = %v: does not reach 100%%", spec, rs)
		}
		back, err := ParseRings(rs.String())
		if err != nil {
			t.Fatalf("ParseRings(%q).String() = %q does not parse: %v", spec, rs, err)
		}
		if back.String() != rs.String() {
			t.Fatalf("ParseRings(%q): %q then %q", spec, rs, back)
		}
	})
}

// FuzzParseTimeOfDay checks that what parses prints back exactly as given (the form
// has one spelling) and that refusals wrap ErrInvalidTimeOfDay.
func FuzzParseTimeOfDay(f *testing.F) {
	for _, s := range []string{"18:00", "00:00", "23:59", "24:00", "7:30", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		tod, err := ParseTimeOfDay(s)
		if err != nil {
			if !errors.Is(err, ErrInvalidTimeOfDay) {
				t.Fatalf("ParseTimeOfDay(%q): error %v does not wrap ErrInvalidTimeOfDay", s, err)
			}
			return
		}
		if tod.String() != s {
			t.Fatalf("ParseTimeOfDay(%q).String() = %q", s, tod)
		}
	})
}
