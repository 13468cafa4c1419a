package compat

import (
	"errors"
	"testing"
)

// FuzzParseVersion checks that ParseVersion never panics, that whatever it accepts
// prints canonically and parses back to the same value, and that a refusal always
// wraps ErrInvalidVersion. Seeds beyond these live in testdata/fuzz/FuzzParseVersion.
func FuzzParseVersion(f *testing.F) {
	for _, s := range []string{"14", "14.2", "14.2.1", "10.15.7", "13.4.1 (c)", "26.3(a)", "", "v14", "14..1", "65536", "14.2 (a) "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := ParseVersion(s)
		if err != nil {
			if !errors.Is(err, ErrInvalidVersion) {
				t.Fatalf("ParseVersion(%q) error %v does not wrap ErrInvalidVersion", s, err)
			}
			return
		}
		back, err := ParseVersion(v.String())
		if err != nil || back != v {
			t.Fatalf("ParseVersion(%q).String() = %q reparses to %v, %v", s, v.String(), back, err)
		}
		text, _ := v.MarshalText()
		var u Version
		if err := u.UnmarshalText(text); err != nil || u != v {
			t.Fatalf("text round trip of %q: %v, %v", s, u, err)
		}
	})
}

// FuzzParseBuild checks that ParseBuild never panics and that what it accepts
// prints exactly as given (builds have a single spelling).
func FuzzParseBuild(f *testing.F) {
	for _, s := range []string{"23C71", "22F770820d", "24A5331b", "9A0", "", "023C71", "23C", "256A1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		b, err := ParseBuild(s)
		if err != nil {
			if !errors.Is(err, ErrInvalidBuild) {
				t.Fatalf("ParseBuild(%q) error %v does not wrap ErrInvalidBuild", s, err)
			}
			return
		}
		if b.String() != s {
			t.Fatalf("ParseBuild(%q).String() = %q", s, b.String())
		}
		if back, err := ParseBuild(b.String()); err != nil || back != b {
			t.Fatalf("ParseBuild round trip of %q: %v, %v", s, back, err)
		}
	})
}

// FuzzParseChip checks that ParseChip never panics, returns a valid chip or
// ErrUnknownChip, and that a chip's token parses back to it.
func FuzzParseChip(f *testing.F) {
	for _, s := range []string{"apple-silicon", "intel", "ARM64", "x86_64", "amd64", "", "unknown", "m1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := ParseChip(s)
		if err != nil {
			if !errors.Is(err, ErrUnknownChip) || c != ChipUnknown {
				t.Fatalf("ParseChip(%q) = %v, %v", s, c, err)
			}
			return
		}
		if back, err := ParseChip(c.String()); err != nil || back != c || !c.IsValid() {
			t.Fatalf("ParseChip(%q) = %v, reparsed %v, %v", s, c, back, err)
		}
	})
}

// FuzzChipForModel checks that ChipForModel never panics and returns either a
// valid chip or ErrUnknownChip.
func FuzzChipForModel(f *testing.F) {
	for _, s := range []string{"MacBookPro18,3", "Mac15,12", "MacPro7,1-Rack", "VMM-x86_64", "iMac21,1", "", "Mac13,", ",1", "Mac99999999,1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := ChipForModel(s)
		if err != nil {
			if !errors.Is(err, ErrUnknownChip) || c != ChipUnknown {
				t.Fatalf("ChipForModel(%q) = %v, %v", s, c, err)
			}
			return
		}
		if !c.IsValid() {
			t.Fatalf("ChipForModel(%q) = %v without error", s, c)
		}
	})
}
