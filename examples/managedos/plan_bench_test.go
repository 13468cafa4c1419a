package main

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/managedos/managedos/compat"
	"github.com/managedos/managedos/rollout"
)

// benchInventory is a synthetic inventory in the shape benchmarks/cmd/geninventory
// writes: a few hundred distinct device shapes, unique ids, most lines with their
// build, some with a ring.
func benchInventory(n int) [][]byte {
	models := []struct{ model, deviceID string }{
		{"Mac14,2", "J413AP"}, {"Mac15,3", "J504AP"}, {"MacBookPro18,3", "J314sAP"}, {"Mac16,1", "J604AP"},
		{"iMac19,1", "Mac-63001698E7A34814"}, {"MacBookPro16,1", "J152FAP"}, {"MacBookAir10,1", ""}, {"Macmini9,1", "J274AP"},
	}
	versions := []struct{ version, build string }{
		{"13.6.7", "22G720"}, {"13.7.8", "22H730"}, {"14.6.1", "23G93"}, {"14.7.6", "23H626"}, {"15.1", "24B2083"},
		{"15.6.1", "24G90"}, {"15.7.9", "24G830"}, {"26.1", "25B78"}, {"26.5", "25F71"}, {"26.6.2", "25G83"},
	}
	rings := []string{"", "", "", "canary", "broad"}
	lines := make([][]byte, n)
	for i := range lines {
		m, v, r := models[i%len(models)], versions[(i/len(models))%len(versions)], rings[i%len(rings)]
		line := fmt.Sprintf(`{"id":"C02%09d","model":%q,"device_id":%q,"current":%q`, i, m.model, m.deviceID, v.version)
		if i%5 != 0 {
			line += fmt.Sprintf(`,"build":%q`, v.build)
		}
		if r != "" {
			line += fmt.Sprintf(`,"ring":%q`, r)
		}
		lines[i] = []byte(line + "}")
	}
	return lines
}

// BenchmarkPlanLine measures plan's per-device path: read the inventory line,
// decide (through the shape cache), place in a ring, set the deadline and write the
// JSON line.
func BenchmarkPlanLine(b *testing.B) {
	rings, err := rollout.ParseRings("canary=5%:0,early=25%:3,broad=100%:7")
	if err != nil {
		b.Fatal(err)
	}
	now := time.Date(2026, 8, 27, 12, 0, 0, 0, time.UTC)
	plans := []struct {
		name string
		plan *rollout.Plan
	}{
		{"target", &rollout.Plan{Target: compat.MustParseVersion("15.1"), Rings: rings}},
		{"feed-latest-rings-deadline", &rollout.Plan{Policy: compat.Policy{Latest: true, DelayDays: 7}, Catalog: newPlanFixture(b).cat, Rings: rings,
			Deadline: rollout.DeadlinePolicy{Days: 14, At: rollout.MustParseTimeOfDay("18:00"), GraceDays: 1}}},
		{"payloads", &rollout.Plan{Target: compat.MustParseVersion("15.7.9"), Catalog: newPlanFixture(b).cat, Rings: rings,
			Deadline: rollout.DeadlinePolicy{Days: 14, At: rollout.MustParseTimeOfDay("18:00"), GraceDays: 1}, Payloads: &rollout.PayloadOptions{}}},
	}
	lines := benchInventory(4096)
	for _, p := range plans {
		b.Run(p.name, func(b *testing.B) {
			w := newPlanWorker(p.plan, now, true)
			var out []byte
			for i, l := range lines {
				if out = w.line(out[:0], l, i+1); bytes.Contains(out, []byte(`"code":"invalid-`)) {
					b.Fatalf("line %d: %s", i+1, out) // the benchmark's own lines must read, rings and builds included
				}
			}
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				out = w.line(out[:0], lines[i%len(lines)], i+1)
				i++
			}
		})
	}
}

// BenchmarkPlanStream measures plan -json -target's whole stream over 100,000
// devices on two workers, output discarded; benchmarks/run-plan.sh times the built
// command against the read-a-line/write-a-line floor.
func BenchmarkPlanStream(b *testing.B) {
	var in bytes.Buffer
	for _, l := range benchInventory(100_000) {
		in.Write(l)
		in.WriteByte('\n')
	}
	rings, err := rollout.ParseRings("canary=5%:0,early=25%:3,broad=100%:7")
	if err != nil {
		b.Fatal(err)
	}
	plan := &rollout.Plan{Target: compat.MustParseVersion("15.1"), Rings: rings}
	now := time.Date(2026, 8, 27, 12, 0, 0, 0, time.UTC)
	o := streamOptions{blockSize: planBlockSize, maxLine: maxLineBytes}
	b.ReportAllocs()
	for b.Loop() {
		pw := []*planWorker{newPlanWorker(plan, now, true), newPlanWorker(plan, now, true)}
		if err := streamLines(bytes.NewReader(in.Bytes()), io.Discard, o, []lineWorker{pw[0], pw[1]}); err != nil {
			b.Fatal(err)
		}
		for _, w := range pw {
			if w.counts.unreadable > 0 {
				b.Fatalf("%d lines unread: the benchmark's own lines must read", w.counts.unreadable)
			}
			for code, n := range w.counts.refusals {
				if strings.HasPrefix(code, "invalid-") {
					b.Fatalf("%d refused %s: the benchmark's own lines must read", n, code)
				}
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/100_000, "ns/device")
}
