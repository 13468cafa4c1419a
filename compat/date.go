package compat

import (
	"cmp"
	"fmt"
	"time"

	"github.com/managedos/managedos/internal/errtext"
)

// Date is a civil date with no time of day and no time zone, the form of the
// PostingDate and ExpirationDate of Apple's software-update feed (2026-08-17).
//
// Dates compare with == and [Date.Compare]. The zero Date means "not known":
// [Date.IsValid] reports false for it, it sorts before every real date and it
// encodes as empty text.
type Date struct {
	year       uint16
	month, day uint8
}

// dateLayout is the only form ParseDate accepts.
const dateLayout = "2006-01-02"

// NewDate returns the date with the given fields, or an error wrapping
// [ErrInvalidDate] when they name no real date (February 30) or the year is outside
// 1 to 9999.
func NewDate(year int, month time.Month, day int) (Date, error) {
	t := time.Date(year, month, day, 0, 0, 0, 0, time.UTC)
	if year < 1 || year > 9999 || t.Month() != month || t.Day() != day {
		return Date{}, fmt.Errorf("compat: date %04d-%02d-%02d: %w", year, int(month), day, ErrInvalidDate)
	}
	return Date{uint16(year), uint8(month), uint8(day)}, nil
}

// DateOf returns the calendar date of t in t's own location; call it with
// t.UTC() for the UTC date. It returns the zero Date for years outside 1 to 9999.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	if y < 1 || y > 9999 {
		return Date{}
	}
	return Date{uint16(y), uint8(m), uint8(d)}
}

// ParseDate parses exactly yyyy-mm-dd: four digits, two, two, with hyphens and
// nothing else. Another form or a date that does not exist wraps [ErrInvalidDate]
// with the input. It does not allocate on success.
func ParseDate(s string) (Date, error) {
	d, ok := parseDate(s)
	if !ok {
		return Date{}, fmt.Errorf("compat: date %s: want a real date written yyyy-mm-dd: %w", errtext.Quote(s), ErrInvalidDate)
	}
	return d, nil
}

func parseDate(s string) (Date, bool) {
	if len(s) != len(dateLayout) || s[4] != '-' || s[7] != '-' {
		return Date{}, false
	}
	y, okY := digits(s[0:4])
	m, okM := digits(s[5:7])
	d, okD := digits(s[8:10])
	if !okY || !okM || !okD || y < 1 || m < 1 || m > 12 || d < 1 || d > daysIn(time.Month(m), y) {
		return Date{}, false
	}
	return Date{uint16(y), uint8(m), uint8(d)}, true
}

// digits reads s, which must be all decimal digits.
func digits(s string) (int, bool) {
	v := 0
	for i := range len(s) {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
		v = v*10 + int(s[i]-'0')
	}
	return v, true
}

// daysIn returns the number of days in month of year.
func daysIn(month time.Month, year int) int {
	switch month {
	case time.February:
		if year%4 == 0 && (year%100 != 0 || year%400 == 0) {
			return 29
		}
		return 28
	case time.April, time.June, time.September, time.November:
		return 30
	}
	return 31
}

// MustParseDate is like [ParseDate] but panics on an invalid date. It is intended
// for use in tests and examples with hard-coded strings.
func MustParseDate(s string) Date {
	d, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// IsValid reports whether d is a real date rather than the zero Date.
func (d Date) IsValid() bool { return d.year != 0 }

// Year returns d's year, 0 for the zero Date.
func (d Date) Year() int { return int(d.year) }

// Month returns d's month, 0 for the zero Date.
func (d Date) Month() time.Month { return time.Month(d.month) }

// Day returns d's day of the month, 0 for the zero Date.
func (d Date) Day() int { return int(d.day) }

// Compare returns -1, 0 or +1 as d is earlier than, the same as or later than o. The
// zero Date is earlier than every real date.
func (d Date) Compare(o Date) int { return cmp.Compare(d.key(), o.key()) }

func (d Date) key() uint32 { return uint32(d.year)<<16 | uint32(d.month)<<8 | uint32(d.day) }

// AddDays returns the date n days after d (before it for a negative n), or the zero
// Date when d is zero or the result falls outside the years 1 to 9999.
func (d Date) AddDays(n int) Date {
	if !d.IsValid() {
		return Date{}
	}
	return DateOf(time.Date(int(d.year), time.Month(d.month), int(d.day)+n, 0, 0, 0, 0, time.UTC))
}

// In returns the instant d begins (midnight) in loc, or in UTC when loc is nil; the
// zero Date gives the zero time.Time.
func (d Date) In(loc *time.Location) time.Time {
	if !d.IsValid() {
		return time.Time{}
	}
	if loc == nil {
		loc = time.UTC
	}
	return time.Date(int(d.year), time.Month(d.month), int(d.day), 0, 0, 0, 0, loc)
}

// String returns d as yyyy-mm-dd, or "invalid Date" for the zero Date.
func (d Date) String() string {
	if !d.IsValid() {
		return "invalid Date"
	}
	var buf [10]byte
	return string(d.appendTo(buf[:0]))
}

// AppendText appends d as yyyy-mm-dd to b, or nothing for the zero Date.
func (d Date) AppendText(b []byte) ([]byte, error) {
	if !d.IsValid() {
		return b, nil
	}
	return d.appendTo(b), nil
}

// MarshalText returns d as yyyy-mm-dd; the zero Date encodes as empty text.
func (d Date) MarshalText() ([]byte, error) { return d.AppendText(nil) }

// UnmarshalText sets d from yyyy-mm-dd text as [ParseDate] does; empty text sets the
// zero Date.
func (d *Date) UnmarshalText(text []byte) error {
	if len(text) == 0 {
		*d = Date{}
		return nil
	}
	p, err := ParseDate(string(text))
	if err != nil {
		return err
	}
	*d = p
	return nil
}

func (d Date) appendTo(b []byte) []byte {
	y := int(d.year)
	return append(b,
		byte('0'+y/1000), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10), '-',
		byte('0'+d.month/10), byte('0'+d.month%10), '-',
		byte('0'+d.day/10), byte('0'+d.day%10))
}
