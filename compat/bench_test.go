package compat

import (
	"testing"
	"time"

	"github.com/Masterminds/semver/v3"
)

// benchVersions are the inputs the version benchmarks parse. semver cannot read the
// rapid security response form, so the shared set is plain versions.
var benchVersions = []string{"14", "14.2", "14.2.1", "10.15.7", "26.0.1", "13.4.1"}

// benchVersionsPadded are the same versions with three parts, the only form
// semver.StrictNewVersion accepts: what a vendor pads to before calling it.
var benchVersionsPadded = []string{"14.0.0", "14.2.0", "14.2.1", "10.15.7", "26.0.1", "13.4.1"}

var (
	sinkVersion  Version
	sinkSemver   *semver.Version
	sinkDecision Decision
)

func parseBench(b *testing.B, s string) {
	var err error
	if sinkVersion, err = ParseVersion(s); err != nil {
		b.Fatal(err)
	}
}

func semverLoose(b *testing.B, s string) {
	var err error
	if sinkSemver, err = semver.NewVersion(s); err != nil {
		b.Fatal(err)
	}
}

func semverStrict(b *testing.B, s string) {
	var err error
	if sinkSemver, err = semver.StrictNewVersion(s); err != nil {
		b.Fatal(err)
	}
}

func BenchmarkParseVersion(b *testing.B) {
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		parseBench(b, benchVersions[i%len(benchVersions)])
	}
}

// BenchmarkSemverNewVersion is a reference for BenchmarkParseVersion: the same
// inputs through github.com/Masterminds/semver/v3's lenient (regular expression)
// parser.
func BenchmarkSemverNewVersion(b *testing.B) {
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		semverLoose(b, benchVersions[i%len(benchVersions)])
	}
}

// BenchmarkSemverStrictNewVersion is the faster reference: the same versions, padded
// to three parts, through semver's hand-written strict parser.
func BenchmarkSemverStrictNewVersion(b *testing.B) {
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		semverStrict(b, benchVersionsPadded[i%len(benchVersionsPadded)])
	}
}

// BenchmarkParseVersionVsSemver parses the same versions with ParseVersion,
// semver.NewVersion and semver.StrictNewVersion (on the padded forms) round-robin in
// one loop, a batch of each in turn, and reports ParseVersion's time over each of
// theirs, which machine drift affects far less than separate runs. Batches keep the
// clock's own cost out of a 20 ns measurement. Target: ours/strict ≤ 0.2.
func BenchmarkParseVersionVsSemver(b *testing.B) {
	const batch = 64
	var t [3]time.Duration
	b.ReportAllocs()
	b.ResetTimer()
	for done := 0; done < b.N; done += 3 * batch {
		for c := range t {
			start := time.Now()
			for i := range batch {
				in := i % len(benchVersions)
				switch c {
				case 0:
					parseBench(b, benchVersions[in])
				case 1:
					semverLoose(b, benchVersions[in])
				default:
					semverStrict(b, benchVersionsPadded[in])
				}
			}
			t[c] += time.Since(start)
		}
	}
	b.ReportMetric(float64(t[0])/float64(t[1]), "ours/newversion")
	b.ReportMetric(float64(t[0])/float64(t[2]), "ours/strict")
}

func BenchmarkParseVersionRSR(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		parseBench(b, "13.4.1 (c)")
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
		var err error
		if sinkDecision, err = Resolve(c.chip, c.cur, c.tgt); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkTableResolve resolves on a vendor's copy of the table, which is scanned
// row by row, with a request that only the table's last row decides: the worst case.
func BenchmarkTableResolve(b *testing.B) {
	tb := DefaultTable()
	chip, cur, tgt := Intel, MustParseVersion("26.3.1"), MustParseVersion("26.3.1 (a)")
	kind, err := KindOf(cur, tgt)
	if err != nil {
		b.Fatal(err)
	}
	if row := tb.lookup(chip, kind, cur, tgt); row != &tb.Rows[len(tb.Rows)-1] {
		b.Fatalf("%v %v → %v is not decided by the table's last row but by %+v", chip, cur, tgt, row)
	}
	b.ReportAllocs()
	for b.Loop() {
		if sinkDecision, err = tb.Resolve(chip, cur, tgt); err != nil {
			b.Fatal(err)
		}
	}
}
