package compat

import (
	"cmp"
	"fmt"
	"strconv"

	"github.com/managedos/managedos/internal/errtext"
)

// Build is a macOS build identifier such as 23C71, 24A5331b (a beta) or 22F770820d
// (the rapid security response 13.4.1 (c)). It has four parts: the Darwin major
// (22), the train letter (F), the build number (770820) and an optional lowercase
// suffix letter (d).
//
// Builds are comparable values ordered part by part, so 22F82 < 22F770820d < 22G74.
// The order is not release chronology for betas: the beta 24A5331b sorts after the
// release 24A335 it preceded. The zero Build is not valid; [Build.IsValid] reports
// false for it.
type Build struct {
	number uint32
	major  uint8
	train  byte
	suffix byte
}

// ParseBuild parses a build identifier: a Darwin major of 1 to 255, one uppercase
// train letter, a build number of one to nine digits, and an optional lowercase
// suffix letter, with no leading zeros and nothing else. Anything else wraps
// [ErrInvalidBuild] with the input and the reason. It does not allocate on success.
func ParseBuild(s string) (Build, error) {
	b, reason := parseBuild(s)
	if reason != "" {
		return Build{}, fmt.Errorf("compat: build %s: %s: %w", errtext.Quote(s), reason, ErrInvalidBuild)
	}
	return b, nil
}

// MustParseBuild is like [ParseBuild] but panics on an invalid build. It is intended
// for use in tests and examples with hard-coded strings.
func MustParseBuild(s string) Build {
	b, err := ParseBuild(s)
	if err != nil {
		panic(err)
	}
	return b
}

func parseBuild(s string) (Build, string) {
	major, rest, ok := boundedNumber(s, 3)
	if !ok || major == 0 || major > 255 {
		return Build{}, "expected a Darwin major from 1 to 255"
	}
	if len(rest) == 0 || rest[0] < 'A' || rest[0] > 'Z' {
		return Build{}, "expected an uppercase train letter"
	}
	train := rest[0]
	number, rest, ok := boundedNumber(rest[1:], 9)
	if !ok {
		return Build{}, "expected a build number of up to nine digits"
	}
	var suffix byte
	switch {
	case len(rest) == 1 && rest[0] >= 'a' && rest[0] <= 'z':
		suffix = rest[0]
	case len(rest) != 0:
		return Build{}, "unexpected text after the build number"
	}
	return Build{major: uint8(major), train: train, number: uint32(number), suffix: suffix}, ""
}

// boundedNumber reads one to max decimal digits without a leading zero (a lone "0"
// is allowed) from the start of s.
func boundedNumber(s string, max int) (n int, rest string, ok bool) {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		if i == max {
			return 0, s, false
		}
		n = n*10 + int(s[i]-'0')
		i++
	}
	if i == 0 || s[0] == '0' && i > 1 {
		return 0, s, false
	}
	return n, s[i:], true
}

// IsValid reports whether b is a parsed build rather than the zero Build.
func (b Build) IsValid() bool { return b.major != 0 }

// Major returns the Darwin major version: 22 for 22F82 (macOS 13).
func (b Build) Major() int { return int(b.major) }

// Train returns the train letter: 'F' for 22F82.
func (b Build) Train() byte { return b.train }

// Number returns the build number: 82 for 22F82, 770820 for 22F770820d.
func (b Build) Number() int { return int(b.number) }

// Suffix returns the trailing lowercase letter ('d' for 22F770820d), or 0. Rapid
// security responses and betas carry one.
func (b Build) Suffix() byte { return b.suffix }

// Compare returns -1, 0 or +1 as b sorts before, equal to, or after o, comparing the
// Darwin major, the train letter, the build number and the suffix in that order. The
// zero Build sorts before every valid one.
func (b Build) Compare(o Build) int {
	if c := cmp.Compare(b.major, o.major); c != 0 {
		return c
	}
	if c := cmp.Compare(b.train, o.train); c != 0 {
		return c
	}
	if c := cmp.Compare(b.number, o.number); c != 0 {
		return c
	}
	return cmp.Compare(b.suffix, o.suffix)
}

// String returns b as Apple writes it, such as "22F770820d"; the zero Build prints
// as "invalid Build".
func (b Build) String() string {
	if !b.IsValid() {
		return "invalid Build"
	}
	var buf [16]byte
	return string(b.appendTo(buf[:0]))
}

// AppendText appends b as Apple writes it, or nothing for the zero Build.
func (b Build) AppendText(dst []byte) ([]byte, error) {
	if !b.IsValid() {
		return dst, nil
	}
	return b.appendTo(dst), nil
}

// MarshalText returns b as Apple writes it; the zero Build encodes as empty text.
func (b Build) MarshalText() ([]byte, error) { return b.AppendText(nil) }

// UnmarshalText sets b from text as [ParseBuild] does; empty text sets the zero
// Build.
func (b *Build) UnmarshalText(text []byte) error {
	if len(text) == 0 {
		*b = Build{}
		return nil
	}
	p, err := ParseBuild(string(text))
	if err != nil {
		return err
	}
	*b = p
	return nil
}

func (b Build) appendTo(dst []byte) []byte {
	dst = strconv.AppendUint(dst, uint64(b.major), 10)
	dst = strconv.AppendUint(append(dst, b.train), uint64(b.number), 10)
	if b.suffix != 0 {
		dst = append(dst, b.suffix)
	}
	return dst
}
