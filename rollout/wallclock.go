package rollout

import "time"

// wallClock returns the instant at which the clocks in loc show the given date at
// hour:minute. Daylight-saving changes get one fixed answer, whatever [time.Date]
// would pick (which differs between zones):
//
//   - a time the clocks skip (02:30 on a day they jump from 02:00 to 03:00) is read
//     with the offset in force before the jump, which lands as far after the jump as
//     the time was after its start: 02:30 becomes 03:30;
//   - a time the clocks show twice (02:30 on a day they fall back from 03:00 to
//     02:00) is the earlier of the two, still on summer time.
//
// This is the rule of iCalendar (RFC 5545, section 3.3.5) and of java.time.
func wallClock(y int, mo time.Month, d, hour, minute int, loc *time.Location) time.Time {
	w := time.Date(y, mo, d, hour, minute, 0, 0, time.UTC).Unix()
	offsetAt := func(unix int64) int64 {
		_, off := time.Unix(unix, 0).In(loc).Zone()
		return int64(off)
	}
	// No zone is more than 14 hours from UTC, so 36 hours either side of the
	// wall-clock reading lies before and after any change on that day.
	before, after := offsetAt(w-36*3600), offsetAt(w+36*3600)
	best, found := w-before, false
	for _, off := range [...]int64{before, after} {
		if u := w - off; offsetAt(u) == off && (!found || u < best) {
			best, found = u, true
		}
	}
	return time.Unix(best, 0).In(loc)
}
