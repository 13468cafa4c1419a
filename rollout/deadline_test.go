package rollout

import (
	"encoding/json"
	"testing"
	"time"
	_ "time/tzdata" // the tests' zones, whatever the machine has installed

	"github.com/managedos/managedos/ddm"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func mustZone(t testing.TB, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	require.NoError(t, err)
	return loc
}

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func TestDeadlineIsDaysAfterPostingPlusTheRingsOffsetAtTheTimeOfDay(t *testing.T) {
	berlin := mustZone(t, "Europe/Berlin")
	early := Ring{Name: "early", Share: 2500, OffsetDays: 3}
	posted := day(2026, 3, 2)
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		name   string
		policy DeadlinePolicy
		ring   Ring
		want   string
		civil  bool
	}{
		{"in a zone", DeadlinePolicy{Days: 7, At: MustParseTimeOfDay("18:00"), Zone: berlin}, early, "2026-03-12T18:00:00+01:00", false},
		{"on the Mac's clock", DeadlinePolicy{Days: 7, At: MustParseTimeOfDay("18:00")}, early, "2026-03-12T18:00:00", true},
		{"zero ring", DeadlinePolicy{Days: 7, At: MustParseTimeOfDay("09:30"), Zone: time.UTC}, Ring{}, "2026-03-09T09:30:00Z", false},
		{"posting day itself", DeadlinePolicy{At: MustParseTimeOfDay("23:59"), Zone: berlin}, Ring{}, "2026-03-02T23:59:00+01:00", false},
		{"across a month end", DeadlinePolicy{Days: 30, At: MustParseTimeOfDay("08:00")}, Ring{OffsetDays: 7}, "2026-04-08T08:00:00", true},
		{"calendar days across spring forward", DeadlinePolicy{Days: 27, At: MustParseTimeOfDay("18:00"), Zone: berlin}, Ring{}, "2026-03-29T18:00:00+02:00", false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			d, err := tt.policy.Deadline(posted, tt.ring, now)
			require.NoError(t, err)
			assert.Equal(t, tt.want, d.String())
			assert.False(t, d.Moved())
			assert.Equal(t, tt.civil, d.IsCivil())
			at, ok := d.Time()
			assert.Equal(t, !tt.civil, ok)
			if ok {
				assert.Equal(t, tt.want, at.Format(time.RFC3339))
				assert.Equal(t, d.Local(), localOf(at), "Local is the wall clock in the zone")
			}
		})
	}
}

func TestDeadlineTakesThePostingDaysUTCDate(t *testing.T) {
	p := DeadlinePolicy{Days: 1, At: MustParseTimeOfDay("12:00")}
	now := day(2026, 1, 1)
	late := time.Date(2026, 3, 2, 23, 0, 0, 0, time.FixedZone("EST", -5*3600)) // 2026-03-03 in UTC
	d, err := p.Deadline(late, Ring{}, now)
	require.NoError(t, err)
	assert.Equal(t, "2026-03-04T12:00:00", d.String())
}

func TestDeadlineAlreadyPastMovesByTheGraceDays(t *testing.T) {
	berlin := mustZone(t, "Europe/Berlin")
	posted := day(2026, 3, 2)
	at := MustParseTimeOfDay("18:00")
	morning := time.Date(2026, 3, 20, 9, 0, 0, 0, berlin)
	evening := time.Date(2026, 3, 20, 19, 0, 0, 0, berlin)
	for _, tt := range []struct {
		name  string
		grace int
		now   time.Time
		want  string
	}{
		{"next day at the same time", 1, morning, "2026-03-21T18:00:00+01:00"},
		{"next day, evening", 1, evening, "2026-03-21T18:00:00+01:00"},
		{"no grace, later today", 0, morning, "2026-03-20T18:00:00+01:00"},
		{"no grace, already passed today", 0, evening, "2026-03-21T18:00:00+01:00"},
		{"no grace, exactly now", 0, time.Date(2026, 3, 20, 18, 0, 0, 0, berlin), "2026-03-21T18:00:00+01:00"},
		{"three days", 3, morning, "2026-03-23T18:00:00+01:00"},
		{"the grace day is a spring-forward day", 1, time.Date(2026, 3, 28, 9, 0, 0, 0, berlin), "2026-03-29T18:00:00+02:00"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p := DeadlinePolicy{Days: 7, At: at, Zone: berlin, GraceDays: tt.grace}
			d, err := p.Deadline(posted, Ring{}, tt.now)
			require.NoError(t, err)
			assert.Equal(t, tt.want, d.String())
			assert.True(t, d.Moved())
			got, _ := d.Time()
			assert.True(t, got.After(tt.now), "a moved deadline is always ahead")
		})
	}
	t.Run("exactly at now counts as past", func(t *testing.T) {
		p := DeadlinePolicy{Days: 7, At: at, Zone: berlin, GraceDays: 1}
		d, err := p.Deadline(posted, Ring{}, time.Date(2026, 3, 9, 18, 0, 0, 0, berlin))
		require.NoError(t, err)
		assert.True(t, d.Moved())
		assert.Equal(t, "2026-03-10T18:00:00+01:00", d.String())
	})
}

func TestCivilDeadlineMustLieAheadOnEveryClock(t *testing.T) {
	p := DeadlinePolicy{Days: 0, At: MustParseTimeOfDay("18:00"), GraceDays: 1}
	posted := day(2026, 3, 1)
	// 03:00 UTC is 17:00 at UTC+14: 18:00 is still ahead on every clock.
	d, err := p.Deadline(posted, Ring{}, time.Date(2026, 3, 1, 3, 0, 0, 0, time.UTC))
	require.NoError(t, err)
	assert.Equal(t, "2026-03-01T18:00:00", d.String())
	assert.False(t, d.Moved())
	// 05:00 UTC is 19:00 at UTC+14: a Mac there is past 18:00, so every Mac moves
	// to the next day at 18:00.
	d, err = p.Deadline(posted, Ring{}, time.Date(2026, 3, 1, 5, 0, 0, 0, time.UTC))
	require.NoError(t, err)
	assert.Equal(t, "2026-03-02T18:00:00", d.String())
	assert.True(t, d.Moved())
	// 11:00 UTC is already March 2 at 01:00 at UTC+14: the next day there is March 3.
	d, err = p.Deadline(posted, Ring{}, time.Date(2026, 3, 1, 11, 0, 0, 0, time.UTC))
	require.NoError(t, err)
	assert.Equal(t, "2026-03-03T18:00:00", d.String())
	// No grace: the next 18:00 on the earliest clock.
	p.GraceDays = 0
	d, err = p.Deadline(posted, Ring{}, time.Date(2026, 3, 1, 11, 0, 0, 0, time.UTC))
	require.NoError(t, err)
	assert.Equal(t, "2026-03-02T18:00:00", d.String())
}

// TestDeadlineOnDaylightSavingDays pins the documented answer for times the clocks
// skip or show twice. time.Date answers differently in different zones (for 02:30
// on a spring-forward day it gives 03:30 CEST in Berlin but 01:30 EST in New York),
// so these cases also guard against relying on it.
func TestDeadlineOnDaylightSavingDays(t *testing.T) {
	berlin := mustZone(t, "Europe/Berlin")
	newYork := mustZone(t, "America/New_York")
	lordHowe := mustZone(t, "Australia/Lord_Howe") // moves its clocks by 30 minutes
	now := day(2026, 1, 1)
	for _, tt := range []struct {
		name      string
		zone      *time.Location
		day       time.Time
		at        string
		want, utc string
	}{
		{"Berlin spring forward: 02:30 does not exist", berlin, day(2026, 3, 29), "02:30", "2026-03-29T03:30:00+02:00", "2026-03-29T01:30:00Z"},
		{"Berlin spring forward: 02:00 does not exist", berlin, day(2026, 3, 29), "02:00", "2026-03-29T03:00:00+02:00", "2026-03-29T01:00:00Z"},
		{"Berlin spring forward: 03:00 exists", berlin, day(2026, 3, 29), "03:00", "2026-03-29T03:00:00+02:00", "2026-03-29T01:00:00Z"},
		{"Berlin spring forward: 01:59 exists", berlin, day(2026, 3, 29), "01:59", "2026-03-29T01:59:00+01:00", "2026-03-29T00:59:00Z"},
		{"Berlin fall back: 02:30 occurs twice, the earlier", berlin, day(2026, 10, 25), "02:30", "2026-10-25T02:30:00+02:00", "2026-10-25T00:30:00Z"},
		{"Berlin fall back: 03:00 once", berlin, day(2026, 10, 25), "03:00", "2026-10-25T03:00:00+01:00", "2026-10-25T02:00:00Z"},
		{"New York spring forward: 02:30 does not exist", newYork, day(2026, 3, 8), "02:30", "2026-03-08T03:30:00-04:00", "2026-03-08T07:30:00Z"},
		{"New York fall back: 01:30 occurs twice, the earlier", newYork, day(2026, 11, 1), "01:30", "2026-11-01T01:30:00-04:00", "2026-11-01T05:30:00Z"},
		{"New York fall back: 02:00 once", newYork, day(2026, 11, 1), "02:00", "2026-11-01T02:00:00-05:00", "2026-11-01T07:00:00Z"},
		{"Lord Howe spring forward by 30 minutes", lordHowe, day(2026, 10, 4), "02:15", "2026-10-04T02:45:00+11:00", "2026-10-03T15:45:00Z"},
		{"Lord Howe fall back by 30 minutes", lordHowe, day(2026, 4, 5), "01:45", "2026-04-05T01:45:00+11:00", "2026-04-04T14:45:00Z"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p := DeadlinePolicy{Days: 0, At: MustParseTimeOfDay(tt.at), Zone: tt.zone}
			d, err := p.Deadline(tt.day, Ring{}, now)
			require.NoError(t, err)
			assert.Equal(t, tt.want, d.String())
			at, _ := d.Time()
			assert.Equal(t, tt.utc, at.UTC().Format(time.RFC3339))
		})
	}
}

// TestWallClockAgreesWithTimeDateWhereTheTimeIsUnambiguous checks every quarter
// hour of 2026 in zones with and without daylight saving: where the wall-clock time
// exists exactly once, wallClock finds it; where it exists twice, the earlier; where
// it does not exist, a time after the requested one, less than a day's shift away.
func TestWallClockAgreesWithTimeDateWhereTheTimeIsUnambiguous(t *testing.T) {
	for _, name := range []string{"Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "Asia/Kolkata", "Pacific/Kiritimati", "UTC"} {
		loc := mustZone(t, name)
		for d := day(2026, 1, 1); d.Year() == 2026; d = d.AddDate(0, 0, 1) {
			for minute := 0; minute < 24*60; minute += 15 {
				h, m := minute/60, minute%60
				got := wallClock(d.Year(), d.Month(), d.Day(), h, m, loc)
				ref := time.Date(d.Year(), d.Month(), d.Day(), h, m, 0, 0, loc)
				exists := ref.Hour() == h && ref.Minute() == m
				if exists {
					if got.Hour() != h || got.Minute() != m || got.Day() != d.Day() {
						t.Fatalf("%s %s %02d:%02d: got %v, want that wall-clock time", name, d.Format(time.DateOnly), h, m, got)
					}
					if got.After(ref) || sameWall(got.Add(-30*time.Minute), h, m) || sameWall(got.Add(-time.Hour), h, m) {
						t.Fatalf("%s %s %02d:%02d: got %v, not the earliest occurrence (time.Date: %v)", name, d.Format(time.DateOnly), h, m, got, ref)
					}
					continue
				}
				wall := time.Date(d.Year(), d.Month(), d.Day(), h, m, 0, 0, time.UTC)
				shown := time.Date(got.Year(), got.Month(), got.Day(), got.Hour(), got.Minute(), 0, 0, time.UTC)
				if shift := shown.Sub(wall); shift <= 0 || shift > 2*time.Hour {
					t.Fatalf("%s %s %02d:%02d skipped: got %v, want a little later", name, d.Format(time.DateOnly), h, m, got)
				}
			}
		}
	}
}

func sameWall(t time.Time, h, m int) bool { return t.Hour() == h && t.Minute() == m }

func TestDeadlineRefusesPoliciesAndInputsItCannotUse(t *testing.T) {
	ok := DeadlinePolicy{Days: 7, At: MustParseTimeOfDay("18:00")}
	posted, now := day(2026, 3, 2), day(2026, 3, 1)
	for _, tt := range []struct {
		name   string
		policy DeadlinePolicy
		posted time.Time
		ring   Ring
		now    time.Time
		want   string
	}{
		{"zero policy", DeadlinePolicy{}, posted, Ring{}, now, "At: no time of day"},
		{"negative days", DeadlinePolicy{Days: -1, At: ok.At}, posted, Ring{}, now, "Days -1"},
		{"too many days", DeadlinePolicy{Days: MaxDeadlineDays + 1, At: ok.At}, posted, Ring{}, now, "Days 3651"},
		{"negative grace", DeadlinePolicy{At: ok.At, GraceDays: -1}, posted, Ring{}, now, "GraceDays -1"},
		{"too much grace", DeadlinePolicy{At: ok.At, GraceDays: MaxGraceDays + 1}, posted, Ring{}, now, "GraceDays 366"},
		{"zero posting date", ok, time.Time{}, Ring{}, now, "no posting date"},
		{"zero now", ok, posted, Ring{}, time.Time{}, "no current time"},
		{"bad ring offset", ok, posted, Ring{OffsetDays: -2}, now, "ring offset -2"},
		{"past year 9999", ok, day(9999, 12, 30), Ring{}, now, "outside the years 1 to 9999"},
		{"moved past year 9999", DeadlinePolicy{At: ok.At, GraceDays: 5}, posted, Ring{}, day(9999, 12, 30), "outside the years 1 to 9999"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := tt.policy.Deadline(tt.posted, tt.ring, tt.now)
			require.ErrorIs(t, err, ErrInvalidDeadline)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
	assert.NoError(t, ok.Validate())
}

func TestDeadlineText(t *testing.T) {
	var zero Deadline
	assert.True(t, zero.IsZero())
	assert.Equal(t, "", zero.String())
	_, err := zero.MarshalText()
	assert.ErrorIs(t, err, ErrInvalidDeadline)
	_, ok := zero.Time()
	assert.False(t, ok)

	d, err := DeadlinePolicy{Days: 1, At: MustParseTimeOfDay("18:00")}.Deadline(day(2026, 3, 2), Ring{}, day(2026, 3, 1))
	require.NoError(t, err)
	out, err := json.Marshal(struct {
		Deadline Deadline `json:"deadline,omitzero"`
		None     Deadline `json:"none,omitzero"`
	}{Deadline: d})
	require.NoError(t, err)
	assert.JSONEq(t, `{"deadline":"2026-03-03T18:00:00"}`, string(out))
}

func TestDeadlineDoesNotAllocate(t *testing.T) {
	berlin := mustZone(t, "Europe/Berlin")
	ring := Ring{Name: "early", Share: 2500, OffsetDays: 3}
	zoned := DeadlinePolicy{Days: 7, At: MustParseTimeOfDay("02:30"), Zone: berlin, GraceDays: 1}
	civil := DeadlinePolicy{Days: 7, At: MustParseTimeOfDay("18:00"), GraceDays: 1}
	posted, now := day(2026, 3, 19), day(2026, 4, 1)
	allocs := testing.AllocsPerRun(100, func() {
		for _, p := range []DeadlinePolicy{zoned, civil} {
			if _, err := p.Deadline(posted, ring, now); err != nil {
				t.Fatal(err)
			}
		}
	})
	assert.Zero(t, allocs)
}

// localOf is the wall clock of t in its own location.
func localOf(t time.Time) ddm.LocalDateTime { return ddm.LocalDateTimeIn(t, nil) }
