package rollout

import (
	"fmt"

	"github.com/managedos/managedos/internal/errtext"
)

// TimeOfDay is a wall-clock time of day with minute resolution, such as 18:00. The
// zero TimeOfDay is no time at all (not midnight); [TimeOfDay.IsValid] reports false
// for it. Values compare with ==.
type TimeOfDay struct {
	m uint16 // minutes since midnight, plus one; 0 is the zero value
}

// NewTimeOfDay returns hour:minute, or an error wrapping [ErrInvalidTimeOfDay] when
// hour is not 0 to 23 or minute not 0 to 59.
func NewTimeOfDay(hour, minute int) (TimeOfDay, error) {
	if hour < 0 || hour > 23 || minute < 0 || minute > 59 {
		return TimeOfDay{}, fmt.Errorf("rollout: time of day %d:%d: want hours 0 to 23 and minutes 0 to 59: %w", hour, minute, ErrInvalidTimeOfDay)
	}
	return TimeOfDay{uint16(hour*60+minute) + 1}, nil
}

// ParseTimeOfDay parses HH:MM on a 24-hour clock, two digits each: "18:00",
// "07:30", "00:00". Anything else ("7:30", "24:00", "18:00:00", "6pm") wraps
// [ErrInvalidTimeOfDay] with the input.
func ParseTimeOfDay(s string) (TimeOfDay, error) {
	digit := func(i int) (int, bool) { return int(s[i] - '0'), s[i] >= '0' && s[i] <= '9' }
	if len(s) == 5 && s[2] == ':' {
		h1, ok1 := digit(0)
		h2, ok2 := digit(1)
		m1, ok3 := digit(3)
		m2, ok4 := digit(4)
		if ok1 && ok2 && ok3 && ok4 {
			if t, err := NewTimeOfDay(h1*10+h2, m1*10+m2); err == nil {
				return t, nil
			}
		}
	}
	return TimeOfDay{}, fmt.Errorf("rollout: time of day %s: want HH:MM from 00:00 to 23:59: %w", errtext.Quote(s), ErrInvalidTimeOfDay)
}

// MustParseTimeOfDay is like [ParseTimeOfDay] but panics on an invalid input. It is
// intended for tests and examples with hard-coded strings.
func MustParseTimeOfDay(s string) TimeOfDay {
	t, err := ParseTimeOfDay(s)
	if err != nil {
		panic(err)
	}
	return t
}

// IsValid reports whether t is a time of day rather than the zero value.
func (t TimeOfDay) IsValid() bool { return t.m != 0 }

// Hour returns the hour, 0 to 23 (0 for the zero value).
func (t TimeOfDay) Hour() int { return int(t.minutes()) / 60 }

// Minute returns the minute, 0 to 59 (0 for the zero value).
func (t TimeOfDay) Minute() int { return int(t.minutes()) % 60 }

func (t TimeOfDay) minutes() uint16 {
	if t.m == 0 {
		return 0
	}
	return t.m - 1
}

// String returns t as HH:MM, or "invalid TimeOfDay" for the zero value.
func (t TimeOfDay) String() string {
	if !t.IsValid() {
		return "invalid TimeOfDay"
	}
	return string(t.appendTo(nil))
}

func (t TimeOfDay) appendTo(b []byte) []byte {
	h, m := t.Hour(), t.Minute()
	return append(b, byte('0'+h/10), byte('0'+h%10), ':', byte('0'+m/10), byte('0'+m%10))
}

// MarshalText returns t as HH:MM; it fails for the zero value.
func (t TimeOfDay) MarshalText() ([]byte, error) {
	if !t.IsValid() {
		return nil, fmt.Errorf("rollout: zero TimeOfDay: %w", ErrInvalidTimeOfDay)
	}
	return t.appendTo(nil), nil
}

// UnmarshalText sets t from HH:MM as [ParseTimeOfDay] does.
func (t *TimeOfDay) UnmarshalText(text []byte) error {
	p, err := ParseTimeOfDay(string(text))
	if err != nil {
		return err
	}
	*t = p
	return nil
}
