package compat

import (
	"os"
	"testing"
)

var sinkTarget Target

// BenchmarkSelectTarget chooses the target of one Mac over the fixture's catalogue,
// round-robin over Macs and policies that take different paths (catalogue device
// IDs, the model table, a delay, a floor, an improvement).
func BenchmarkSelectTarget(b *testing.B) {
	c, err := fixtureCatalog()
	if err != nil {
		b.Fatal(err)
	}
	in := []struct {
		mac Mac
		p   Policy
	}{
		{on(macBookAirM2, "15.7.7", "24G720"), Policy{Latest: true, DelayDays: 7}},
		{on(iMac2019, "14.8.7", ""), Policy{Minimum: MustParseVersion("15.1"), LatestPatch: true}},
		{on(macBookPro2017, "12.7.6", ""), Policy{Latest: true}},
		{on(macBookPro16in, "15.7.9", ""), Policy{Minimum: MustParseVersion("26.6.2"), Floors: []Floor{{15, MustParseVersion("15.7.9")}}}},
		{on(macBookAirM2, "26.3.1", "25D2128"), Policy{Minimum: MustParseVersion("26.3.1 (a)")}},
		{on(macBookAirM1, "26.5", ""), Policy{LatestInMajor: true, DelayDays: 30}},
	}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		x := &in[i%len(in)]
		t, err := SelectTarget(x.mac, c, x.p, fixtureNow)
		if err != nil {
			b.Fatal(err)
		}
		sinkTarget = t
	}
}

var sinkCatalog *Catalog

// BenchmarkParseCatalog parses the real feed (114 KB, SOFA's cache of gdmf v2/pmv).
func BenchmarkParseCatalog(b *testing.B) {
	data, err := os.ReadFile("testdata/gdmf_pmv_sofa_cached.json")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		c, err := ParseCatalog(data)
		if err != nil {
			b.Fatal(err)
		}
		sinkCatalog = c
	}
}
