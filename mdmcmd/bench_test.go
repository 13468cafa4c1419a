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

// BenchmarkScheduleOSUpdateBuildEncode validates and encodes a ScheduleOSUpdate.
// Target: at most 1.1× BenchmarkScheduleOSUpdateRawMarshal.
func BenchmarkScheduleOSUpdateBuildEncode(b *testing.B) {
	deviceOS := compat.MustParseVersion("13.1")
	u := Update{ProductVersion: compat.MustParseVersion("13.6"), InstallAction: InstallLater, MaxUserDeferrals: 3}
	b.ReportAllocs()
	for b.Loop() {
		c, err := NewScheduleOSUpdate("0001_ScheduleOSUpdate", deviceOS, u)
		if err != nil {
			b.Fatal(err)
		}
		sinkBytes, _ = c.Plist()
	}
}

// BenchmarkScheduleOSUpdateRawMarshal marshals the equivalent plain struct with
// howett.net/plist directly.
func BenchmarkScheduleOSUpdateRawMarshal(b *testing.B) {
	var p plainSchedule
	p.CommandUUID = "0001_ScheduleOSUpdate"
	p.Command.RequestType = "ScheduleOSUpdate"
	p.Command.Updates = append(p.Command.Updates, plainUpdate{InstallAction: "InstallLater", MaxUserDeferrals: 3, ProductVersion: "13.6"})
	b.ReportAllocs()
	for b.Loop() {
		sinkBytes, _ = plist.MarshalIndent(p, plist.XMLFormat, "\t")
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
// Target: at most 1.1× BenchmarkOSUpdateStatusRawUnmarshal.
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
// Target: ours/raw ≤ 1.1.
func BenchmarkScheduleOSUpdateVsRaw(b *testing.B) {
	deviceOS := compat.MustParseVersion("13.1")
	u := Update{ProductVersion: compat.MustParseVersion("13.6"), InstallAction: InstallLater, MaxUserDeferrals: 3}
	var p plainSchedule
	p.CommandUUID = "0001_ScheduleOSUpdate"
	p.Command.RequestType = "ScheduleOSUpdate"
	p.Command.Updates = append(p.Command.Updates, plainUpdate{InstallAction: "InstallLater", MaxUserDeferrals: 3, ProductVersion: "13.6"})
	pairedRatio(b,
		func() {
			c, err := NewScheduleOSUpdate("0001_ScheduleOSUpdate", deviceOS, u)
			if err != nil {
				b.Fatal(err)
			}
			sinkBytes, _ = c.Plist()
		},
		func() { sinkBytes, _ = plist.MarshalIndent(p, plist.XMLFormat, "\t") })
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
