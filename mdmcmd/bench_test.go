package mdmcmd

import (
	"os"
	"testing"
	"time"

	"howett.net/plist"

	"github.com/managedos/managedos/compat"
)

var (
	sinkBytes  []byte
	sinkAnswer *Answer
)

// plainUpdate and plainSchedule are the same ScheduleOSUpdate as plain structs with
// the same keys: the reference for what howett.net/plist costs without this package.
type plainUpdate struct {
	InstallAction    string `plist:"InstallAction"`
	MaxUserDeferrals int64  `plist:"MaxUserDeferrals,omitempty"`
	Priority         string `plist:"Priority,omitempty"`
	ProductKey       string `plist:"ProductKey,omitempty"`
	ProductVersion   string `plist:"ProductVersion,omitempty"`
}

type plainSchedule struct {
	CommandUUID string `plist:"CommandUUID"`
	Command     struct {
		RequestType string        `plist:"RequestType"`
		Updates     []plainUpdate `plist:"Updates"`
	} `plist:"Command"`
}

// benchUpdate is the update every ScheduleOSUpdate benchmark builds.
var benchUpdate = Update{ProductVersion: compat.MustParseVersion("13.6"), InstallAction: InstallLater, MaxUserDeferrals: 3}

// benchPlain is benchUpdate's command as a plain struct with the same keys.
func benchPlain() plainSchedule {
	var p plainSchedule
	p.CommandUUID = "0001_ScheduleOSUpdate"
	p.Command.RequestType = "ScheduleOSUpdate"
	p.Command.Updates = append(p.Command.Updates, plainUpdate{InstallAction: "InstallLater", MaxUserDeferrals: 3, ProductVersion: "13.6"})
	return p
}

// buildEncode validates and encodes benchUpdate's command, as a server does.
func buildEncode(b *testing.B, deviceOS compat.Version) {
	c, err := NewScheduleOSUpdate("0001_ScheduleOSUpdate", deviceOS, benchUpdate)
	if err != nil {
		b.Fatal(err)
	}
	if sinkBytes, err = c.Plist(); err != nil {
		b.Fatal(err)
	}
}

// rawMarshal marshals benchPlain's struct with howett.net/plist's reflection.
func rawMarshal(b *testing.B, p plainSchedule) {
	var err error
	if sinkBytes, err = plist.MarshalIndent(p, plist.XMLFormat, "\t"); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkScheduleOSUpdateBuildEncode validates and encodes a ScheduleOSUpdate.
func BenchmarkScheduleOSUpdateBuildEncode(b *testing.B) {
	deviceOS := compat.MustParseVersion("13.1")
	b.ReportAllocs()
	for b.Loop() {
		buildEncode(b, deviceOS)
	}
}

// BenchmarkScheduleOSUpdateRawMarshal marshals the equivalent plain struct with
// howett.net/plist directly: the reference for BenchmarkScheduleOSUpdateBuildEncode.
func BenchmarkScheduleOSUpdateRawMarshal(b *testing.B) {
	p := benchPlain()
	b.ReportAllocs()
	for b.Loop() {
		rawMarshal(b, p)
	}
}

// builtCommand is benchUpdate's command, built once.
func builtCommand(b *testing.B) Command {
	c, err := NewScheduleOSUpdate("0001_ScheduleOSUpdate", compat.MustParseVersion("13.1"), benchUpdate)
	if err != nil {
		b.Fatal(err)
	}
	return c
}

// directEncode encodes c with the direct writer (plist_write.go) into a fresh slice.
func directEncode(b *testing.B, c Command) {
	var err error
	if sinkBytes, err = c.Plist(); err != nil {
		b.Fatal(err)
	}
}

// reflectEncode encodes c's envelope with howett.net/plist's reflection, the way
// Command.Plist did before the direct writer.
func reflectEncode(b *testing.B, c Command) {
	var err error
	if sinkBytes, err = plist.MarshalIndent(c.envelope, plist.XMLFormat, "\t"); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkScheduleOSUpdateEncode encodes an already built command with the direct
// writer.
func BenchmarkScheduleOSUpdateEncode(b *testing.B) {
	c := builtCommand(b)
	b.ReportAllocs()
	for b.Loop() {
		directEncode(b, c)
	}
}

// BenchmarkScheduleOSUpdateEncodeReflection encodes the same command with
// howett.net/plist's reflection: the reference for BenchmarkScheduleOSUpdateEncode.
func BenchmarkScheduleOSUpdateEncodeReflection(b *testing.B) {
	c := builtCommand(b)
	b.ReportAllocs()
	for b.Loop() {
		reflectEncode(b, c)
	}
}

// plainErrorItem, plainStatusItem and plainAnswer read the same keys as the parser,
// with plain types: the reference for what howett.net/plist costs alone.
type plainErrorItem struct {
	ErrorCode            int64  `plist:"ErrorCode"`
	ErrorDomain          string `plist:"ErrorDomain"`
	LocalizedDescription string `plist:"LocalizedDescription"`
	USEnglishDescription string `plist:"USEnglishDescription"`
}

type plainStatusItem struct {
	ProductKey              string      `plist:"ProductKey"`
	IsDownloaded            bool        `plist:"IsDownloaded"`
	DownloadPercentComplete float64     `plist:"DownloadPercentComplete"`
	Status                  string      `plist:"Status"`
	MaxDeferrals            int64       `plist:"MaxDeferrals"`
	DeferralsRemaining      int64       `plist:"DeferralsRemaining"`
	NextScheduledInstall    time.Time   `plist:"NextScheduledInstall"`
	PastNotifications       []time.Time `plist:"PastNotifications"`
}

type plainStatus struct {
	UDID               string            `plist:"UDID"`
	EnrollmentID       string            `plist:"EnrollmentID"`
	CommandUUID        string            `plist:"CommandUUID"`
	RequestType        string            `plist:"RequestType"`
	Status             string            `plist:"Status"`
	ErrorChain         []plainErrorItem  `plist:"ErrorChain"`
	UpdateResults      []map[string]any  `plist:"UpdateResults"`
	OSUpdateStatus     []plainStatusItem `plist:"OSUpdateStatus"`
	AvailableOSUpdates []map[string]any  `plist:"AvailableOSUpdates"`
	QueryResponses     map[string]any    `plist:"QueryResponses"`
	ScanInitiated      bool              `plist:"ScanInitiated"`
}

// BenchmarkParseOSUpdateStatus parses an OSUpdateStatus answer with every check.
// Target: at most 1.1× BenchmarkOSUpdateStatusRawUnmarshal, as
// BenchmarkParseOSUpdateStatusVsRaw measures it in one loop.
func BenchmarkParseOSUpdateStatus(b *testing.B) {
	data := readBench(b, "testdata/osupdatestatus_fraction_real.plist")
	b.ReportAllocs()
	for b.Loop() {
		var err error
		if sinkAnswer, err = ParseOSUpdateStatus(data); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkOSUpdateStatusRawUnmarshal unmarshals the same answer into the plain
// struct with howett.net/plist directly.
func BenchmarkOSUpdateStatusRawUnmarshal(b *testing.B) {
	data := readBench(b, "testdata/osupdatestatus_fraction_real.plist")
	b.ReportAllocs()
	for b.Loop() {
		var p plainStatus
		if _, err := plist.Unmarshal(data, &p); err != nil {
			b.Fatal(err)
		}
	}
}

func readBench(b *testing.B, name string) []byte {
	data, err := os.ReadFile(name)
	if err != nil {
		b.Fatal(err)
	}
	return data
}

// BenchmarkScheduleOSUpdateVsRaw runs BenchmarkScheduleOSUpdateBuildEncode's and
// BenchmarkScheduleOSUpdateRawMarshal's work alternately in one loop and reports their
// ratio as ours/raw, which machine noise affects far less than two separate runs.
// Validating and encoding with the direct writer costs a fraction of the reflection
// marshal alone. Target: ours/raw ≤ 0.3.
func BenchmarkScheduleOSUpdateVsRaw(b *testing.B) {
	deviceOS := compat.MustParseVersion("13.1")
	p := benchPlain()
	pairedRatio(b, func() { buildEncode(b, deviceOS) }, func() { rawMarshal(b, p) })
}

// BenchmarkScheduleOSUpdateEncodeVsReflection encodes one built command with the
// direct writer and with howett.net/plist's reflection (the reference, and the
// bytes the direct writer must match) alternately in one loop, and reports
// direct/reflection as ours/raw. Target: ≤ 0.2.
func BenchmarkScheduleOSUpdateEncodeVsReflection(b *testing.B) {
	c := builtCommand(b)
	pairedRatio(b, func() { directEncode(b, c) }, func() { reflectEncode(b, c) })
}

// BenchmarkParseOSUpdateStatusVsRaw does the same for BenchmarkParseOSUpdateStatus
// and BenchmarkOSUpdateStatusRawUnmarshal. Target: ours/raw ≤ 1.1.
func BenchmarkParseOSUpdateStatusVsRaw(b *testing.B) {
	data := readBench(b, "testdata/osupdatestatus_fraction_real.plist")
	pairedRatio(b,
		func() {
			var err error
			if sinkAnswer, err = ParseOSUpdateStatus(data); err != nil {
				b.Fatal(err)
			}
		},
		func() {
			var p plainStatus
			if _, err := plist.Unmarshal(data, &p); err != nil {
				b.Fatal(err)
			}
		})
}

// pairedRatio times ours and raw alternately and reports ours/raw.
func pairedRatio(b *testing.B, ours, raw func()) {
	b.ReportAllocs()
	var tOurs, tRaw time.Duration
	for i := 0; b.Loop(); i++ {
		if i%2 == 0 {
			start := time.Now()
			ours()
			tOurs += time.Since(start)
		} else {
			start := time.Now()
			raw()
			tRaw += time.Since(start)
		}
	}
	if tRaw > 0 {
		b.ReportMetric(float64(tOurs)/float64(tRaw), "ours/raw")
	}
}
