package mdmcmd

import (
	"testing"

	"github.com/managedos/managedos/compat"
)

// BenchmarkParseMachineInfo reads a macOS 14.4 MachineInfo (XML) and builds its
// snapshot: the work an enrollment endpoint does once per enrolling Mac.
func BenchmarkParseMachineInfo(b *testing.B) {
	data := readBench(b, "testdata/machineinfo_mac14_2_macos14_4.plist")
	b.ReportAllocs()
	for b.Loop() {
		info, err := ParseMachineInfo(data)
		if err != nil {
			b.Fatal(err)
		}
		_ = info.Mac()
	}
}

// BenchmarkSoftwareUpdateRequiredJSON builds and encodes a 403 body as JSON.
func BenchmarkSoftwareUpdateRequiredJSON(b *testing.B) {
	target, build, device := compat.MustParseVersion("15.7.9"), compat.MustParseBuild("24G830"), compat.MustParseVersion("14.4")
	b.ReportAllocs()
	for b.Loop() {
		r, err := NewSoftwareUpdateRequired(target, build, RequiredOptions{DeviceOS: device})
		if err != nil {
			b.Fatal(err)
		}
		if sinkBytes, _, err = r.Encode(FormatJSON); err != nil {
			b.Fatal(err)
		}
	}
}
