package compat

import (
	"encoding/json"
	"testing"
	"time"

	"howett.net/plist"
)

// benchAnswer is an OSUpdateStatus answer as a Mac sends it.
var benchAnswer = []byte(xmlProlog + `<plist version="1.0">
<dict>
	<key>CommandUUID</key>
	<string>7B0F1A52-status-1</string>
	<key>OSUpdateStatus</key>
	<array>
		<dict>
			<key>DownloadPercentComplete</key>
			<real>0.4871923327445984</real>
			<key>IsDownloaded</key>
			<false/>
			<key>ProductKey</key>
			<string>MSU_UPDATE_22G120_patch_13.6_minor</string>
			<key>Status</key>
			<string>Downloading</string>
		</dict>
	</array>
	<key>Status</key>
	<string>Acknowledged</string>
	<key>UDID</key>
	<string>0000FE00-1111-2222-3333-444455556666</string>
</dict>
</plist>
`)

var benchReport = []byte(`{"StatusItems":{"device":{"operating-system":{"build-version":"23B81","family":"macOS","marketing-name":"macOS Sonoma","version":"14.1.1"}},` +
	`"softwareupdate":{"failure-reason":{"count":2,"reason":"download interrupted","timestamp":"2026-11-20T09:15:00Z"},"install-state":"downloading",` +
	`"pending-version":{"build-version":"23C71","os-version":"14.2.1"}}},"Errors":[]}`)

var sinkErr error

// binaryAnswer is benchAnswer as a binary plist.
func binaryAnswer(b *testing.B) []byte {
	var v any
	if _, err := plist.Unmarshal(benchAnswer, &v); err != nil {
		b.Fatal(err)
	}
	data, err := plist.Marshal(v, plist.BinaryFormat)
	if err != nil {
		b.Fatal(err)
	}
	return data
}

func BenchmarkCheckPlistXML(b *testing.B) {
	b.ReportAllocs()
	b.SetBytes(int64(len(benchAnswer)))
	for b.Loop() {
		if sinkErr = (Limits{}).CheckPlist(benchAnswer); sinkErr != nil {
			b.Fatal(sinkErr)
		}
	}
}

func BenchmarkCheckPlistBinary(b *testing.B) {
	data := binaryAnswer(b)
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if sinkErr = (Limits{}).CheckPlist(data); sinkErr != nil {
			b.Fatal(sinkErr)
		}
	}
}

func BenchmarkCheckJSON(b *testing.B) {
	b.ReportAllocs()
	b.SetBytes(int64(len(benchReport)))
	for b.Loop() {
		if sinkErr = (Limits{}).CheckJSON(benchReport); sinkErr != nil {
			b.Fatal(sinkErr)
		}
	}
}

// BenchmarkCheckVsDecode times each check and the decode it guards alternately in
// one loop and reports check/decode for the XML answer, its binary form and the
// status report: what the checks add to every parse. Target: each well under 0.1.
func BenchmarkCheckVsDecode(b *testing.B) {
	binary := binaryAnswer(b)
	for _, c := range []struct {
		name   string
		check  func() error
		decode func() error
	}{
		{"xml", func() error { return Limits{}.CheckPlist(benchAnswer) }, func() error { var v any; _, err := plist.Unmarshal(benchAnswer, &v); return err }},
		{"binary", func() error { return Limits{}.CheckPlist(binary) }, func() error { var v any; _, err := plist.Unmarshal(binary, &v); return err }},
		{"json", func() error { return Limits{}.CheckJSON(benchReport) }, func() error { var v any; return json.Unmarshal(benchReport, &v) }},
	} {
		b.Run(c.name, func(b *testing.B) {
			var tCheck, tDecode time.Duration
			for i := 0; b.Loop(); i++ {
				start := time.Now()
				var err error
				if i%2 == 0 {
					err = c.check()
					tCheck += time.Since(start)
				} else {
					err = c.decode()
					tDecode += time.Since(start)
				}
				if err != nil {
					b.Fatal(err)
				}
			}
			if tDecode > 0 {
				b.ReportMetric(float64(tCheck)/float64(tDecode), "check/decode")
			}
		})
	}
}
