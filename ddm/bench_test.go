package ddm

import (
	"os"
	"testing"

	"github.com/managedos/managedos/compat"
)

var (
	sinkBytes  []byte
	sinkReport *StatusReport
)

// BenchmarkEnforcementBuildEncode builds a declaration (validation, identifier and
// ServerToken) and encodes it to JSON. Target: ≤ 2 µs and ≤ 10 allocations.
func BenchmarkEnforcementBuildEncode(b *testing.B) {
	p := EnforcementPayload{
		TargetOSVersion:     compat.MustParseVersion("14.2.1"),
		TargetBuildVersion:  compat.MustParseBuild("23C71"),
		TargetLocalDateTime: MustParseLocalDateTime("2026-12-01T18:00:00"),
		DetailsURL:          "https://it.example.com/macos",
	}
	b.ReportAllocs()
	for b.Loop() {
		e, err := NewEnforcement("", p)
		if err != nil {
			b.Fatal(err)
		}
		if sinkBytes, err = e.MarshalJSON(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParseStatusReport parses a status report with every check; the
// benchmarks module compares it with a typed encoding/json decode in one loop.
func BenchmarkParseStatusReport(b *testing.B) {
	data, err := os.ReadFile("testdata/status_softwareupdate_downloading.json")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if sinkReport, err = ParseStatusReport(data); err != nil {
			b.Fatal(err)
		}
	}
}
