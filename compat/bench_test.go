package compat

import (
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
