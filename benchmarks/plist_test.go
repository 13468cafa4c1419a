package benchmarks

import (
	"os"
	"testing"
	"time"

	micromdm "github.com/micromdm/plist"
	"howett.net/plist"

	"github.com/managedos/managedos/mdmcmd"
)

// The plain structs a vendor would decode an answer into: the keys the library
// reads, with plain types, tagged for both plist libraries (they share the tag).

type plainError struct {
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

type plainOSUpdateStatus struct {
	UDID           string            `plist:"UDID"`
	EnrollmentID   string            `plist:"EnrollmentID"`
	CommandUUID    string            `plist:"CommandUUID"`
	Status         string            `plist:"Status"`
	ErrorChain     []plainError      `plist:"ErrorChain"`
	OSUpdateStatus []plainStatusItem `plist:"OSUpdateStatus"`
}

type plainAvailableItem struct {
	ProductKey                 string    `plist:"ProductKey"`
	HumanReadableName          string    `plist:"HumanReadableName"`
	Version                    string    `plist:"Version"`
	Build                      string    `plist:"Build"`
	SupplementalBuildVersion   string    `plist:"SupplementalBuildVersion"`
	SupplementalOSVersionExtra string    `plist:"SupplementalOSVersionExtra"`
	DownloadSize               int64     `plist:"DownloadSize"`
	InstallSize                int64     `plist:"InstallSize"`
	IsCritical                 bool      `plist:"IsCritical"`
	IsConfigDataUpdate         bool      `plist:"IsConfigDataUpdate"`
	IsFirmwareUpdate           bool      `plist:"IsFirmwareUpdate"`
	IsMajorOSUpdate            any       `plist:"IsMajorOSUpdate"` // Macs send <true/> or <integer>1</integer>
	IsSecurityResponse         bool      `plist:"IsSecurityResponse"`
	RestartRequired            bool      `plist:"RestartRequired"`
	AllowsInstallLater         bool      `plist:"AllowsInstallLater"`
	RequiresBootstrapToken     bool      `plist:"RequiresBootstrapToken"`
	DeferredUntil              time.Time `plist:"DeferredUntil"`
	AppIdentifiersToClose      []string  `plist:"AppIdentifiersToClose"`
	MetadataURL                string    `plist:"MetadataURL"`
}

type plainAvailable struct {
	UDID               string               `plist:"UDID"`
	CommandUUID        string               `plist:"CommandUUID"`
	Status             string               `plist:"Status"`
	ErrorChain         []plainError         `plist:"ErrorChain"`
	AvailableOSUpdates []plainAvailableItem `plist:"AvailableOSUpdates"`
}

var sinkAnswer *mdmcmd.Answer

func readTestdata(tb testing.TB, name string) []byte {
	tb.Helper()
	data, err := os.ReadFile("testdata/" + name)
	if err != nil {
		tb.Fatal(err)
	}
	return data
}

// plistContenders parse data with the library's parser and, into a fresh T each
// time, with howett.net/plist and github.com/micromdm/plist.
func plistContenders[T any](data []byte, parse func([]byte) (*mdmcmd.Answer, error)) []contender {
	return []contender{
		{"managedos", func(int) (err error) { sinkAnswer, err = parse(data); return err }},
		{"howett", func(int) error { var v T; _, err := plist.Unmarshal(data, &v); return err }},
		{"micromdm", func(int) error { var v T; return micromdm.Unmarshal(data, &v) }},
	}
}

// BenchmarkParseOSUpdateStatus reads an OSUpdateStatus answer with
// mdmcmd.ParseOSUpdateStatus (every check, typed values) and with the two plist
// libraries into a plain struct, round-robin in one loop.
func BenchmarkParseOSUpdateStatus(b *testing.B) {
	data := readTestdata(b, "osupdatestatus_fraction_real.plist")
	compare(b, 4, plistContenders[plainOSUpdateStatus](data, mdmcmd.ParseOSUpdateStatus)...)
}

// BenchmarkParseAvailableOSUpdates does the same for an AvailableOSUpdates answer
// with four updates (minor, major, configuration data, rapid security response).
func BenchmarkParseAvailableOSUpdates(b *testing.B) {
	data := readTestdata(b, "availableosupdates_macos.plist")
	compare(b, 2, plistContenders[plainAvailable](data, mdmcmd.ParseAvailableOSUpdates)...)
}

// TestPlistContendersReadTheSameAnswers checks that the plain structs really
// receive the answers' values, so that the benchmarks compare equal work.
func TestPlistContendersReadTheSameAnswers(t *testing.T) {
	data := readTestdata(t, "osupdatestatus_fraction_real.plist")
	ours, err := mdmcmd.ParseOSUpdateStatus(data)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range decodePlain[plainOSUpdateStatus](t, data) {
		if len(p.OSUpdateStatus) != len(ours.OSUpdateStatus) || p.OSUpdateStatus[0].ProductKey != ours.OSUpdateStatus[0].ProductKey ||
			p.OSUpdateStatus[0].DownloadPercentComplete != ours.OSUpdateStatus[0].DownloadFraction {
			t.Fatalf("plain %+v, managedos %+v", p, ours.OSUpdateStatus)
		}
	}

	data = readTestdata(t, "availableosupdates_macos.plist")
	avail, err := mdmcmd.ParseAvailableOSUpdates(data)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range decodePlain[plainAvailable](t, data) {
		if len(p.AvailableOSUpdates) != len(avail.AvailableOSUpdates) {
			t.Fatalf("plain %d updates, managedos %d", len(p.AvailableOSUpdates), len(avail.AvailableOSUpdates))
		}
		for i, u := range p.AvailableOSUpdates {
			if u.ProductKey != avail.AvailableOSUpdates[i].ProductKey || u.DownloadSize != avail.AvailableOSUpdates[i].DownloadSize {
				t.Fatalf("update %d: plain %+v, managedos %+v", i, u, avail.AvailableOSUpdates[i])
			}
		}
	}
}

// decodePlain decodes data into a T with howett.net/plist and with
// github.com/micromdm/plist, in that order.
func decodePlain[T any](t *testing.T, data []byte) [2]T {
	t.Helper()
	var out [2]T
	if _, err := plist.Unmarshal(data, &out[0]); err != nil {
		t.Fatalf("howett: %v", err)
	}
	if err := micromdm.Unmarshal(data, &out[1]); err != nil {
		t.Fatalf("micromdm: %v", err)
	}
	return out
}
