package compat

import (
	"cmp"
	"fmt"
	"strconv"

	"github.com/managedos/managedos/internal/errtext"
)

// Version is a macOS version such as 14.2.1, 10.15.7 or, for a rapid security
// response (a Background Security Improvement from macOS 26.1), 13.4.1 (c).
//
// Versions are small comparable values: two versions that [Version.Compare] calls
// equal are ==, so they work as map keys. A missing component is 0, so "14",
// "14.0" and "14.0.0" are one value, and "14.2" and "14.2.0" another. Each value has
// one canonical form, the one Apple writes in OSVersion and ProductVersion, which
// [Version.String], MarshalText and every payload use: the major and minor always,
// the patch only when it is not 0, then " (x)" for a rapid security response. So
// "14.2" stays "14.2", "14.2.0" becomes "14.2", "14" becomes "14.0" and "26.3(a)"
// becomes "26.3 (a)".
//
// The zero Version is not a valid version; [Version.IsValid] reports false for it and
// every function that needs a version refuses it with [ErrInvalidVersion].
type Version struct {
	// n packs, from the top: major, minor and patch (16 bits each) and the rapid
	// security response letter or 0 (8 bits), so that the order of n is the order of
	// versions. The zero Version, n == 0, has major 0, which no valid version has.
	n uint64
}

// newVersion packs a version.
func newVersion(major, minor, patch uint16, rsr byte) Version {
	return Version{uint64(major)<<40 | uint64(minor)<<24 | uint64(patch)<<8 | uint64(rsr)}
}

func (v Version) major() uint16 { return uint16(v.n >> 40) }
func (v Version) minor() uint16 { return uint16(v.n >> 24) }
func (v Version) patch() uint16 { return uint16(v.n >> 8) }
func (v Version) rsr() byte     { return byte(v.n) }

// ParseVersion parses a macOS version: one to three dot-separated decimal
// components ("14", "14.2", "14.2.1", "10.15.7"), optionally followed by a rapid
// security response letter in parentheses, with or without a space before it
// ("13.4.1 (c)", "26.3(a)"). Components are at most 65535, have no leading zeros, and
// the first is not 0; the letter is lowercase a to z. Anything else, including
// surrounding spaces, "v14", "14.x", "14..1" and "", wraps [ErrInvalidVersion] with the
// input and the reason. ParseVersion does not allocate on success.
func ParseVersion(s string) (Version, error) {
	v, reason := parseVersion(s)
	if reason != "" {
		return Version{}, fmt.Errorf("compat: version %s: %s: %w", errtext.Quote(s), reason, ErrInvalidVersion)
	}
	return v, nil
}

// MustParseVersion is like [ParseVersion] but panics on an invalid version. It is
// intended for use in tests and examples with hard-coded strings.
func MustParseVersion(s string) Version {
	v, err := ParseVersion(s)
	if err != nil {
		panic(err)
	}
	return v
}

// ParseVersionExtra parses a version reported in two parts, as DeviceInformation's
// OSVersion and SupplementalOSVersionExtra or the DDM status items
// device.operating-system.version and supplemental.extra-version do: ("13.3.1", "(a)")
// is 13.3.1 (a). Real Macs send the extra in parentheses, Apple's schema example
// without ("a"); both are accepted. An empty extra means no rapid security response.
func ParseVersionExtra(version, extra string) (Version, error) {
	v, err := ParseVersion(version)
	if err != nil || extra == "" {
		return v, err
	}
	letter, ok := extraLetter(extra)
	if v.rsr() != 0 || !ok {
		return Version{}, fmt.Errorf("compat: version %s extra %s: not a rapid security response suffix: %w", errtext.Quote(version), errtext.Quote(extra), ErrInvalidVersion)
	}
	return newVersion(v.major(), v.minor(), v.patch(), letter), nil
}

// extraLetter reads a rapid security response extra, "(a)" or "a".
func extraLetter(extra string) (byte, bool) {
	if len(extra) == 1 && extra[0] >= 'a' && extra[0] <= 'z' {
		return extra[0], true
	}
	return rsrLetter(extra)
}

// rsrLetter reads a rapid security response suffix as Apple writes it, a lowercase
// letter in parentheses: 'c' for "(c)".
func rsrLetter(s string) (byte, bool) {
	if len(s) != 3 || s[0] != '(' || s[2] != ')' || s[1] < 'a' || s[1] > 'z' {
		return 0, false
	}
	return s[1], true
}

// parseVersion does the work of ParseVersion and returns why s is invalid, or "".
func parseVersion(s string) (Version, string) {
	var comps [3]uint16
	var parts uint8
	var rsr byte
	i := 0
	for {
		start, n := i, 0
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			n = n*10 + int(s[i]-'0')
			if n > 0xFFFF {
				return Version{}, "component out of range"
			}
			i++
		}
		switch {
		case i == start:
			return Version{}, "expected a number"
		case s[start] == '0' && i-start > 1:
			return Version{}, "leading zero"
		}
		comps[parts] = uint16(n)
		parts++
		if i == len(s) || s[i] != '.' {
			break
		}
		if parts == 3 {
			return Version{}, "more than three components"
		}
		i++
	}
	if i < len(s) {
		rest := s[i:]
		if rest[0] == ' ' {
			rest = rest[1:]
		}
		var ok bool
		if rsr, ok = rsrLetter(rest); !ok {
			return Version{}, "unexpected text after the version"
		}
	}
	if comps[0] == 0 {
		return Version{}, "major version 0"
	}
	return newVersion(comps[0], comps[1], comps[2], rsr), ""
}

// IsValid reports whether v is a parsed version rather than the zero Version.
func (v Version) IsValid() bool { return v.n != 0 }

// Major returns the first component: 14 for 14.2.1, 10 for 10.15.7.
func (v Version) Major() int { return int(v.major()) }

// Minor returns the second component, 0 when it was not written.
func (v Version) Minor() int { return int(v.minor()) }

// Patch returns the third component, 0 when it was not written.
func (v Version) Patch() int { return int(v.patch()) }

// RSR returns the rapid security response letter of v ('c' for 13.4.1 (c)), or 0.
func (v Version) RSR() byte { return v.rsr() }

// Extra returns the rapid security response suffix as Apple writes it in
// SupplementalOSVersionExtra ("(c)" for 13.4.1 (c)), or "".
func (v Version) Extra() string {
	if v.rsr() == 0 {
		return ""
	}
	return "(" + string(rune(v.rsr())) + ")"
}

// Base returns v without its rapid security response suffix: 13.4.1 for 13.4.1 (c).
func (v Version) Base() Version {
	return Version{v.n &^ 0xFF}
}

// SameMajor reports whether v and o belong to the same major release: the same
// first component from macOS 11 on (14.1 and 14.7.2), the same first two components
// before it (10.15.1 and 10.15.7, but not 10.14.6 and 10.15).
func (v Version) SameMajor(o Version) bool {
	if v.major() != o.major() {
		return false
	}
	return v.major() != 10 || v.minor() == o.minor()
}

// Compare returns -1, 0 or +1 as v is older than, the same as, or newer than o.
// Missing components count as 0, and a rapid security response is newer than its
// base and older than the next release: 13.4.1 < 13.4.1 (a) < 13.4.1 (c) < 13.5. The
// zero Version is older than every valid one.
func (v Version) Compare(o Version) int { return cmp.Compare(v.n, o.n) }

// String returns the canonical form of v: the major and minor components, the patch
// when it is not 0, then " (x)" for a rapid security response ("14.0", "14.2",
// "14.2.1", "26.3 (a)"). The zero Version prints as "invalid Version".
func (v Version) String() string {
	if !v.IsValid() {
		return "invalid Version"
	}
	var buf [24]byte
	return string(v.appendTo(buf[:0]))
}

// ReleaseName returns the major release v belongs to, as Apple names majors: "14"
// for 14.2.1 (and for 14.0), "10.15" for 10.15.7, "26" for 26.3 (a); "" for the zero
// Version. Use it to name a release (such as [Build.Release]'s), which String would
// print as its first version, 14.0.
func (v Version) ReleaseName() string {
	if !v.IsValid() {
		return ""
	}
	var buf [12]byte
	b := strconv.AppendUint(buf[:0], uint64(v.major()), 10)
	if v.major() == 10 {
		b = strconv.AppendUint(append(b, '.'), uint64(v.minor()), 10)
	}
	return string(b)
}

// AppendText appends the canonical form of v to b, or nothing for the zero Version.
func (v Version) AppendText(b []byte) ([]byte, error) {
	if !v.IsValid() {
		return b, nil
	}
	return v.appendTo(b), nil
}

// MarshalText returns the canonical form of v; the zero Version encodes as empty
// text.
func (v Version) MarshalText() ([]byte, error) { return v.AppendText(nil) }

// UnmarshalText sets v from text as [ParseVersion] does; empty text sets the zero
// Version.
func (v *Version) UnmarshalText(text []byte) error {
	if len(text) == 0 {
		*v = Version{}
		return nil
	}
	p, err := ParseVersion(string(text))
	if err != nil {
		return err
	}
	*v = p
	return nil
}

func (v Version) appendTo(b []byte) []byte {
	b = strconv.AppendUint(b, uint64(v.major()), 10)
	b = strconv.AppendUint(append(b, '.'), uint64(v.minor()), 10)
	if v.patch() != 0 {
		b = strconv.AppendUint(append(b, '.'), uint64(v.patch()), 10)
	}
	if r := v.rsr(); r != 0 {
		b = append(b, ' ', '(', r, ')')
	}
	return b
}
