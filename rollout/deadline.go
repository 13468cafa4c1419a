package rollout

import (
	"fmt"
	"time"

	"github.com/managedos/managedos/ddm"
)

// Limits of a deadline policy.
const (
	// MaxDeadlineDays is the most days after a release a deadline may fall.
	MaxDeadlineDays = 3650
	// MaxGraceDays is the most grace days a policy may give.
	MaxGraceDays = 365
)

// DeadlinePolicy says when Macs must have installed a release: Days after its
// posting date (plus the ring's offset), at a local time of day, either in one
// enforcement time zone or on each Mac's own clock.
//
// The zero DeadlinePolicy has no time of day and gives no deadline
// ([ErrInvalidDeadline]).
type DeadlinePolicy struct {
	// Days is how many calendar days after the release's posting day the deadline
	// falls, before the ring's offset: 0 (the posting day itself) to
	// [MaxDeadlineDays].
	Days int
	// At is the deadline's local time of day. Required.
	At TimeOfDay
	// Zone is the enforcement time zone: the deadline is At in Zone on its day, one
	// instant for every Mac. A nil Zone means each Mac's own local time: the deadline
	// is a civil date and time that every Mac reads on its own clock, DDM's
	// TargetLocalDateTime. The caller loads the zone (time.LoadLocation); this
	// package reads no time zone database.
	Zone *time.Location
	// GraceDays is where a deadline already past at now moves: to At on the day
	// GraceDays after now's day; when that is not after now (GraceDays 0 and At has
	// passed today), one day later. So 1 moves it to the next day at the same local
	// time, and 0 to the next time the clock shows At. 0 to [MaxGraceDays].
	GraceDays int
}

// Validate reports whether p can give deadlines: At set, Days and GraceDays in
// range. Its error wraps [ErrInvalidDeadline] and names the field.
func (p DeadlinePolicy) Validate() error {
	switch {
	case !p.At.IsValid():
		return fmt.Errorf("rollout: deadline policy: At: no time of day: %w", ErrInvalidDeadline)
	case p.Days < 0 || p.Days > MaxDeadlineDays:
		return fmt.Errorf("rollout: deadline policy: Days %d: want 0 to %d: %w", p.Days, MaxDeadlineDays, ErrInvalidDeadline)
	case p.GraceDays < 0 || p.GraceDays > MaxGraceDays:
		return fmt.Errorf("rollout: deadline policy: GraceDays %d: want 0 to %d: %w", p.GraceDays, MaxGraceDays, ErrInvalidDeadline)
	}
	return nil
}

// Deadline returns the deadline of a release for a Mac in ring, as seen at now.
//
// posted is the release's posting date: its calendar date in UTC is the posting day
// and its time of day is ignored, so pass UTC midnight of the day Apple's catalogue
// gives. The deadline's day is the posting day plus p.Days plus ring.OffsetDays
// (calendar days, whatever daylight-saving changes lie between), at p.At.
//
// A deadline that is not after now moves forward by p.GraceDays (see
// [DeadlinePolicy]); [Deadline.Moved] then reports true. With a Zone, "not after
// now" compares instants, and a time of day the clocks skip or repeat on the
// deadline's day is resolved as described below. Without one, the
// civil deadline must lie ahead on every Mac's clock, wherever the Mac is: it counts
// as past once it is past at UTC+14, the earliest time zone on Earth, and moves
// from that zone's date; each Mac then handles its own daylight-saving changes.
//
// Daylight saving, with a Zone: a time the clocks skip (02:30 on a day they jump
// from 02:00 to 03:00) becomes the same distance after the jump (03:30); a time the
// clocks show twice is the earlier one, still on summer time. This is RFC 5545's
// rule, and it does not depend on the Go version.
//
// Deadline fails with [ErrInvalidDeadline] for a policy that does not pass
// [DeadlinePolicy.Validate], a zero posted or now, or a deadline outside the years 1
// to 9999. It is pure, does not allocate unless it fails, and is safe for
// concurrent use.
func (p DeadlinePolicy) Deadline(posted time.Time, ring Ring, now time.Time) (Deadline, error) {
	if err := p.Validate(); err != nil {
		return Deadline{}, err
	}
	switch {
	case posted.IsZero():
		return Deadline{}, fmt.Errorf("rollout: deadline: no posting date: %w", ErrInvalidDeadline)
	case now.IsZero():
		return Deadline{}, fmt.Errorf("rollout: deadline: no current time: %w", ErrInvalidDeadline)
	case ring.OffsetDays < 0 || ring.OffsetDays > MaxOffsetDays:
		return Deadline{}, fmt.Errorf("rollout: deadline: ring offset %d days: want 0 to %d: %w", ring.OffsetDays, MaxOffsetDays, ErrInvalidDeadline)
	}
	y, m, d := posted.UTC().Date()
	days := p.Days + ring.OffsetDays
	if !civilAt(y, m, d+days, p.At).IsValid() {
		return Deadline{}, fmt.Errorf("rollout: deadline: %d days after %04d-%02d-%02d is outside the years 1 to 9999: %w", days, y, int(m), d, ErrInvalidDeadline)
	}
	d += days
	var dl Deadline
	if p.Zone != nil {
		dl = p.zoned(y, m, d, now)
	} else {
		dl = p.civil(y, m, d, now)
	}
	if !dl.local.IsValid() {
		return Deadline{}, fmt.Errorf("rollout: deadline: moved past now, %s, it is outside the years 1 to 9999: %w", now.UTC().Format(time.RFC3339), ErrInvalidDeadline)
	}
	return dl, nil
}

// zoned is the deadline at p.At on day y-m-d in p.Zone, moved when not after now.
func (p DeadlinePolicy) zoned(y int, m time.Month, d int, now time.Time) Deadline {
	at := wallClock(y, m, d, p.At.Hour(), p.At.Minute(), p.Zone)
	moved := false
	if !at.After(now) {
		moved = true
		y, m, d = now.In(p.Zone).Date()
		d += p.GraceDays
		if at = wallClock(y, m, d, p.At.Hour(), p.At.Minute(), p.Zone); !at.After(now) {
			at = wallClock(y, m, d+1, p.At.Hour(), p.At.Minute(), p.Zone)
		}
	}
	return Deadline{local: ddm.LocalDateTimeIn(at, p.Zone), at: at, moved: moved}
}

// earliestOffset is the UTC offset of the earliest time zone, UTC+14 (Kiribati's
// Line Islands): a civil time past there is past on some Mac's clock.
const earliestOffset = 14 * time.Hour

// civil is the civil deadline at p.At on day y-m-d, moved when it is not after now
// on the earliest clock.
func (p DeadlinePolicy) civil(y int, m time.Month, d int, now time.Time) Deadline {
	earliest := ddm.LocalDateTimeIn(now.UTC().Add(earliestOffset), time.UTC)
	local := civilAt(y, m, d, p.At)
	moved := false
	if local.Compare(earliest) <= 0 {
		moved = true
		y, m, d = now.UTC().Add(earliestOffset).Date()
		d += p.GraceDays
		if local = civilAt(y, m, d, p.At); local.Compare(earliest) <= 0 {
			local = civilAt(y, m, d+1, p.At)
		}
	}
	return Deadline{local: local, moved: moved}
}

// civilAt is the civil date-time at t on day y-m-d, normalising the day as
// time.Date does; the zero LocalDateTime outside the years 1 to 9999.
func civilAt(y int, m time.Month, d int, t TimeOfDay) ddm.LocalDateTime {
	return ddm.LocalDateTimeIn(time.Date(y, m, d, t.Hour(), t.Minute(), 0, 0, time.UTC), time.UTC)
}

// Deadline is when a Mac must have installed a release: a wall-clock date and
// time, either in an enforcement time zone (one instant for every Mac) or on each
// Mac's own clock (a civil date-time, DDM's TargetLocalDateTime). The zero Deadline
// is no deadline.
type Deadline struct {
	local ddm.LocalDateTime
	at    time.Time // the instant, in the enforcement zone; zero for a civil deadline
	moved bool
}

// IsZero reports whether d is the zero Deadline, no deadline.
func (d Deadline) IsZero() bool { return !d.local.IsValid() }

// Local returns the deadline's wall-clock date and time: in the enforcement zone,
// or on each Mac's own clock for a civil deadline. For a civil deadline it is what
// a DDM declaration's TargetLocalDateTime carries. A Mac reads TargetLocalDateTime
// on its own clock, so a zoned deadline's Local is the same instant only for Macs
// in the enforcement zone; for a Mac in another known zone, pass
// ddm.LocalDateTimeIn(t, macZone) with t from [Deadline.Time].
func (d Deadline) Local() ddm.LocalDateTime { return d.local }

// Time returns the deadline's instant, in the enforcement zone, and true; for a
// civil deadline (each Mac's own clock) or the zero Deadline it returns the zero
// Time and false.
func (d Deadline) Time() (time.Time, bool) { return d.at, !d.at.IsZero() }

// IsCivil reports whether d is read on each Mac's own clock rather than in an
// enforcement zone.
func (d Deadline) IsCivil() bool { return d.local.IsValid() && d.at.IsZero() }

// Moved reports whether the policy's deadline was already past and was moved
// forward by its grace days.
func (d Deadline) Moved() bool { return d.moved }

// String returns d as text: RFC 3339 with the zone's offset for a deadline in an
// enforcement zone ("2026-03-20T18:00:00+01:00"), yyyy-mm-ddThh:mm:ss with no zone
// for a civil one ("2026-03-20T18:00:00"), and "" for the zero Deadline.
func (d Deadline) String() string {
	if d.IsZero() {
		return ""
	}
	var buf [25]byte
	b, _ := d.AppendText(buf[:0])
	return string(b)
}

// AppendText appends d's text form (see [Deadline.String]) to b; it fails for the
// zero Deadline.
func (d Deadline) AppendText(b []byte) ([]byte, error) {
	if d.IsZero() {
		return b, fmt.Errorf("rollout: zero Deadline: %w", ErrInvalidDeadline)
	}
	if !d.at.IsZero() {
		return d.at.AppendFormat(b, time.RFC3339), nil
	}
	return d.local.AppendText(b)
}

// MarshalText returns d's text form (see [Deadline.String]); it fails for the zero
// Deadline, which JSON fields should omit with omitzero.
func (d Deadline) MarshalText() ([]byte, error) { return d.AppendText(nil) }
