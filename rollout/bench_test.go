package rollout

import (
	"testing"
	"time"
)

var (
	sinkRing     Ring
	sinkDeadline Deadline
)

// BenchmarkAssign assigns rings by hash to ids of the three shapes in turn.
func BenchmarkAssign(b *testing.B) {
	rs, err := ParseRings("canary=5%:0,early=25%:3,broad=100%:7")
	if err != nil {
		b.Fatal(err)
	}
	ids := syntheticIDs(300)
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		if sinkRing, err = rs.Assign(ids[i%len(ids)], ""); err != nil {
			b.Fatal(err)
		}
	}
}

// benchDeadline computes p's deadline for the early ring of a release posted on
// March 2, 2026, at now.
func benchDeadline(b *testing.B, p DeadlinePolicy, now time.Time) {
	posted := day(2026, 3, 2)
	ring := Ring{Name: "early", Share: 2500, OffsetDays: 3}
	b.ReportAllocs()
	for b.Loop() {
		d, err := p.Deadline(posted, ring, now)
		if err != nil {
			b.Fatal(err)
		}
		sinkDeadline = d
	}
}

// BenchmarkDeadlineZoned computes a deadline in Europe/Berlin that is already past
// and moves, the costliest path.
func BenchmarkDeadlineZoned(b *testing.B) {
	p := DeadlinePolicy{Days: 7, At: MustParseTimeOfDay("18:00"), Zone: mustZone(b, "Europe/Berlin"), GraceDays: 1}
	benchDeadline(b, p, time.Date(2026, 3, 20, 9, 0, 0, 0, time.UTC))
}

// BenchmarkDeadlineCivil computes a civil deadline (each Mac's own clock).
func BenchmarkDeadlineCivil(b *testing.B) {
	p := DeadlinePolicy{Days: 7, At: MustParseTimeOfDay("18:00"), GraceDays: 1}
	benchDeadline(b, p, time.Date(2026, 3, 3, 9, 0, 0, 0, time.UTC))
}
