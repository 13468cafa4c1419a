package compat

import (
	"os"
	"testing"

	"github.com/Masterminds/semver/v3"
)

// benchVersions are the inputs both version benchmarks parse. semver cannot read the
// rapid security response form, so the shared set is plain versions.
var benchVersions = []string{"14", "14.2", "14.2.1", "10.15.7", "26.0.1", "13.4.1"}

var (
	sinkVersion  Version
	sinkSemver   *semver.Version
	sinkDecision Decision
)

func BenchmarkParseVersion(b *testing.B) {
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		sinkVersion, _ = ParseVersion(benchVersions[i%len(benchVersions)])
	}
}

// BenchmarkSemverNewVersion is the reference for BenchmarkParseVersion: the same
// inputs through github.com/Masterminds/semver/v3.
func BenchmarkSemverNewVersion(b *testing.B) {
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		sinkSemver, _ = semver.NewVersion(benchVersions[i%len(benchVersions)])
	}
}

func BenchmarkParseVersionRSR(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		sinkVersion, _ = ParseVersion("13.4.1 (c)")
	}
}

func BenchmarkResolve(b *testing.B) {
	in := []struct {
		chip     Chip
		cur, tgt Version
	}{
		{Intel, MustParseVersion("12.7.1"), MustParseVersion("14.2.1")},
		{AppleSilicon, MustParseVersion("14.2"), MustParseVersion("14.3")},
		{AppleSilicon, MustParseVersion("13.4.1"), MustParseVersion("13.4.1 (c)")},
		{Intel, MustParseVersion("26.0.1"), MustParseVersion("26.6.2")},
	}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		c := in[i%len(in)]
		sinkDecision, _ = Resolve(c.chip, c.cur, c.tgt)
	}
}

func BenchmarkTableResolve(b *testing.B) {
	tb := DefaultTable()
	cur, tgt := MustParseVersion("26.0.1"), MustParseVersion("26.6.2")
	b.ReportAllocs()
	for b.Loop() {
		sinkDecision, _ = tb.Resolve(Intel, cur, tgt)
	}
}

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
