package benchmarks

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/managedos/managedos/ddm"
)

// typedReason, typedDeclaration and typedReport are what a vendor would decode a
// DDM status report into with one encoding/json call: every key the library reads,
// typed, with no validation.
type typedReason struct {
	Code        string         `json:"Code"`
	Description string         `json:"Description"`
	Details     map[string]any `json:"Details"`
}

type typedDeclaration struct {
	Active      bool          `json:"active"`
	Identifier  string        `json:"identifier"`
	ServerToken string        `json:"server-token"`
	Valid       string        `json:"valid"`
	Reasons     []typedReason `json:"reasons"`
}

type typedReport struct {
	StatusItems struct {
		Device struct {
			OperatingSystem struct {
				BuildVersion  string `json:"build-version"`
				Family        string `json:"family"`
				MarketingName string `json:"marketing-name"`
				Version       string `json:"version"`
				Supplemental  struct {
					BuildVersion string `json:"build-version"`
					ExtraVersion string `json:"extra-version"`
				} `json:"supplemental"`
			} `json:"operating-system"`
		} `json:"device"`
		SoftwareUpdate struct {
			FailureReason struct {
				Count     int       `json:"count"`
				Reason    string    `json:"reason"`
				Timestamp time.Time `json:"timestamp"`
			} `json:"failure-reason"`
			InstallReason struct {
				DeclarationID string   `json:"declaration-id"`
				Reason        []string `json:"reason"`
			} `json:"install-reason"`
			InstallState   string `json:"install-state"`
			PendingVersion struct {
				BuildVersion string `json:"build-version"`
				OSVersion    string `json:"os-version"`
			} `json:"pending-version"`
		} `json:"softwareupdate"`
		Management struct {
			Declarations struct {
				Activations    []typedDeclaration `json:"activations"`
				Configurations []typedDeclaration `json:"configurations"`
				Assets         []typedDeclaration `json:"assets"`
				Management     []typedDeclaration `json:"management"`
			} `json:"declarations"`
		} `json:"management"`
	} `json:"StatusItems"`
	Errors []struct {
		StatusItem string        `json:"StatusItem"`
		Reasons    []typedReason `json:"Reasons"`
	} `json:"Errors"`
}

var sinkReport *ddm.StatusReport

// BenchmarkParseStatusReport reads a DDM status report with ddm.ParseStatusReport
// (typed, validated, every item checked) and with one typed encoding/json decode
// into typedReport, round-robin in one loop. Target (issue #9): managedos/json ≤ 1.2.
func BenchmarkParseStatusReport(b *testing.B) {
	data := readTestdata(b, "status_softwareupdate_downloading.json")
	compare(b, 4,
		contender{"managedos", func(int) (err error) { sinkReport, err = ddm.ParseStatusReport(data); return err }},
		contender{"json", func(int) error { var r typedReport; return json.Unmarshal(data, &r) }},
	)
}

// TestTypedReportReadsTheSameReport checks that the typed decode receives the
// report's values, so that the benchmark compares equal work.
func TestTypedReportReadsTheSameReport(t *testing.T) {
	data := readTestdata(t, "status_softwareupdate_downloading.json")
	ours, err := ddm.ParseStatusReport(data)
	if err != nil {
		t.Fatal(err)
	}
	var r typedReport
	if err := json.Unmarshal(data, &r); err != nil {
		t.Fatal(err)
	}
	su := r.StatusItems.SoftwareUpdate
	if su.InstallState != string(ours.SoftwareUpdate.InstallState) || su.PendingVersion.OSVersion != ours.SoftwareUpdate.PendingVersion.OSVersion.String() ||
		su.FailureReason.Count != ours.SoftwareUpdate.FailureReason.Count || len(r.Errors) != len(ours.Errors) ||
		len(r.StatusItems.Management.Declarations.Configurations) != 1 || r.StatusItems.Device.OperatingSystem.Version != ours.OperatingSystem.Version.String() {
		t.Fatalf("typed %+v, managedos %+v", r, ours)
	}
}
