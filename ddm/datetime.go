package ddm

import (
	"cmp"
	"fmt"
	"time"

	"github.com/managedos/managedos/internal/errtext"
)

// LocalDateTime is a civil date and time with seconds resolution and no time zone,
// the form of the enforcement declaration's TargetLocalDateTime: the Mac reads it in
// its own local time zone, so 2026-12-01T18:00:00 means six in the evening wherever
// each Mac is.
//
// LocalDateTime values compare with == and [LocalDateTime.Compare]. The zero value is
// not a valid date-time; [LocalDateTime.IsValid] reports false for it.
type LocalDateTime struct {
	year                             uint16
	month, day, hour, minute, second uint8
}

// localDateTimeLayout is the only form Apple accepts: RFC 3339 without zone or
// fractional seconds.
const localDateTimeLayout = "2006-01-02T15:04:05"

// NewLocalDateTime returns the date-time with the given fields, or an error wrapping
// [ErrInvalidDateTime] when they name no real date and time (February 30, hour 24)
// or the year is outside 1 to 9999.
func NewLocalDateTime(year int, month time.Month, day, hour, minute, second int) (LocalDateTime, error) {
	t := time.Date(year, month, day, hour, minute, second, 0, time.UTC)
	if year < 1 || year > 9999 || t.Month() != month || t.Day() != day || t.Hour() != hour || t.Minute() != minute || t.Second() != second {
		return LocalDateTime{}, fmt.Errorf("ddm: date-time %04d-%02d-%02dT%02d:%02d:%02d: %w", year, int(month), day, hour, minute, second, ErrInvalidDateTime)
	}
	return LocalDateTime{uint16(year), uint8(month), uint8(day), uint8(hour), uint8(minute), uint8(second)}, nil
}

// LocalDateTimeIn returns the wall-clock date and time of t in loc, with sub-second
// precision dropped: the deadline a Mac in loc would see at instant t. A nil loc means
// t's own location.
func LocalDateTimeIn(t time.Time, loc *time.Location) LocalDateTime {
	if loc != nil {
		t = t.In(loc)
	}
	if t.Year() < 1 || t.Year() > 9999 {
		return LocalDateTime{}
	}
	return LocalDateTime{uint16(t.Year()), uint8(t.Month()), uint8(t.Day()), uint8(t.Hour()), uint8(t.Minute()), uint8(t.Second())}
}

// ParseLocalDateTime parses exactly yyyy-mm-ddThh:mm:ss, with an uppercase T, two
// digits for every field but the year's four, and nothing else: a zone offset, a
// trailing Z, fractional seconds or an impossible date wraps [ErrInvalidDateTime] with
// the input.
func ParseLocalDateTime(s string) (LocalDateTime, error) {
	const wrongForm = "want exactly yyyy-mm-ddThh:mm:ss with no zone or fraction"
	bad := func(reason string) (LocalDateTime, error) {
		return LocalDateTime{}, fmt.Errorf("ddm: date-time %s: %s: %w", errtext.Quote(s), reason, ErrInvalidDateTime)
	}
	if len(s) != len(localDateTimeLayout) {
		return bad(wrongForm)
	}
	for i := range len(s) {
		want := localDateTimeLayout[i]
		switch {
		case want >= '0' && want <= '9':
			if s[i] < '0' || s[i] > '9' {
				return bad(wrongForm)
			}
		case s[i] != want:
			return bad(wrongForm)
		}
	}
	num := func(from, to int) int {
		n := 0
		for _, c := range s[from:to] {
			n = n*10 + int(c-'0')
		}
		return n
	}
	d, err := NewLocalDateTime(num(0, 4), time.Month(num(5, 7)), num(8, 10), num(11, 13), num(14, 16), num(17, 19))
	if err != nil {
		return bad("no such date or time")
	}
	return d, nil
}

// MustParseLocalDateTime is like [ParseLocalDateTime] but panics on an invalid input.
// It is intended for use in tests and examples with hard-coded strings.
func MustParseLocalDateTime(s string) LocalDateTime {
	d, err := ParseLocalDateTime(s)
	if err != nil {
		panic(err)
	}
	return d
}

// IsValid reports whether d is a real date-time rather than the zero value.
func (d LocalDateTime) IsValid() bool { return d.year != 0 }

// In returns the instant at which d occurs in loc (time.UTC if loc is nil). For a
// wall-clock time skipped or repeated by a daylight-saving change it follows
// [time.Date].
func (d LocalDateTime) In(loc *time.Location) time.Time {
	if loc == nil {
		loc = time.UTC
	}
	return time.Date(int(d.year), time.Month(d.month), int(d.day), int(d.hour), int(d.minute), int(d.second), 0, loc)
}

// Compare returns -1, 0 or +1 as d is earlier than, equal to or later than o on the
// same wall clock.
func (d LocalDateTime) Compare(o LocalDateTime) int {
	return cmp.Compare(d.key(), o.key())
}

func (d LocalDateTime) key() uint64 {
	return uint64(d.year)<<40 | uint64(d.month)<<32 | uint64(d.day)<<24 | uint64(d.hour)<<16 | uint64(d.minute)<<8 | uint64(d.second)
}

// String returns d as yyyy-mm-ddThh:mm:ss, or "invalid LocalDateTime" for the zero
// value.
func (d LocalDateTime) String() string {
	if !d.IsValid() {
		return "invalid LocalDateTime"
	}
	var buf [19]byte
	return string(d.appendTo(buf[:0]))
}

// AppendText appends d as yyyy-mm-ddThh:mm:ss; it fails for the zero value, which
// has no text form a Mac accepts.
func (d LocalDateTime) AppendText(b []byte) ([]byte, error) {
	if !d.IsValid() {
		return b, fmt.Errorf("ddm: zero LocalDateTime: %w", ErrInvalidDateTime)
	}
	return d.appendTo(b), nil
}

// MarshalText returns d as yyyy-mm-ddThh:mm:ss; it fails for the zero value.
func (d LocalDateTime) MarshalText() ([]byte, error) { return d.AppendText(nil) }

// UnmarshalText sets d from text as [ParseLocalDateTime] does.
func (d *LocalDateTime) UnmarshalText(text []byte) error {
	p, err := ParseLocalDateTime(string(text))
	if err != nil {
		return err
	}
	*d = p
	return nil
}

func (d LocalDateTime) appendTo(b []byte) []byte {
	two := func(b []byte, n uint8) []byte { return append(b, '0'+n/10, '0'+n%10) }
	y := d.year
	b = append(b, byte('0'+y/1000), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10), '-')
	b = append(two(b, d.month), '-')
	b = append(two(b, d.day), 'T')
	b = append(two(b, d.hour), ':')
	b = append(two(b, d.minute), ':')
	return two(b, d.second)
}
