package benchmarks

import (
	"encoding/json"
	"reflect"
	"testing"
	"time"

	"github.com/managedos/managedos/compat"
	"github.com/managedos/managedos/ddm"
)

// typedReason, typedDeclaration and typedReport are what a vendor would decode a
// DDM status report into with one encoding/json call: every item and key
// ddm.StatusReport keeps, typed (the timestamp as a time.Time), with plain values
// instead of pointers for presence and no validation. The raw copy the library keeps
// (StatusReport.Raw) is left out, so the comparison leans against us.
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
			Identifier struct {
				SerialNumber string `json:"serial-number"`
				UDID         string `json:"udid"`
			} `json:"identifier"`
			Model struct {
				Identifier string `json:"identifier"`
			} `json:"model"`
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
			BetaEnrollment string `json:"beta-enrollment"`
			DeviceID       string `json:"device-id"`
			FailureReason  struct {
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
				BuildVersion        string `json:"build-version"`
				OSVersion           string `json:"os-version"`
				TargetLocalDateTime string `json:"target-local-date-time"`
			} `json:"pending-version"`
		} `json:"softwareupdate"`
		Management struct {
			ClientCapabilities struct {
				SupportedVersions []string `json:"supported-versions"`
				SupportedPayloads struct {
					Declarations struct {
						Activations    []string `json:"activations"`
						Assets         []string `json:"assets"`
						Configurations []string `json:"configurations"`
						Management     []string `json:"management"`
					} `json:"declarations"`
					StatusItems []string `json:"status-items"`
				} `json:"supported-payloads"`
			} `json:"client-capabilities"`
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
// (typed, validated, every item checked, the device snapshot's values parsed) and
// with one typed encoding/json decode into typedReport, round-robin in one loop.
// Target (issue #9): managedos/json ≤ 1.2.
func BenchmarkParseStatusReport(b *testing.B) {
	compareStatusReport(b, "status_softwareupdate_downloading.json")
}

// BenchmarkParseStatusReportSnapshot is BenchmarkParseStatusReport on a macOS 26
// report with every item of the device snapshot and the client capabilities.
func BenchmarkParseStatusReportSnapshot(b *testing.B) {
	compareStatusReport(b, "status_snapshot_macos26.json")
}

func compareStatusReport(b *testing.B, name string) {
	data := readTestdata(b, name)
	compare(b, 4,
		contender{"managedos", func(int) (err error) { sinkReport, err = ddm.ParseStatusReport(data); return err }},
		contender{"json", func(int) error { var r typedReport; return json.Unmarshal(data, &r) }},
	)
}

// TestTypedReportReadsTheSameReport checks that the typed decode receives every
// value ddm.ParseStatusReport keeps from the benchmarks' reports, so that the
// benchmarks compare equal work.
func TestTypedReportReadsTheSameReport(t *testing.T) {
	for _, name := range []string{"status_softwareupdate_downloading.json", "status_snapshot_macos26.json"} {
		data := readTestdata(t, name)
		ours, err := ddm.ParseStatusReport(data)
		if err != nil {
			t.Fatal(err)
		}
		var r typedReport
		if err := json.Unmarshal(data, &r); err != nil {
			t.Fatal(err)
		}
		dev, os, su, m := r.StatusItems.Device, r.StatusItems.Device.OperatingSystem, r.StatusItems.SoftwareUpdate, r.StatusItems.Management
		version, err := compat.ParseVersionExtra(os.Version, os.Supplemental.ExtraVersion)
		if err != nil {
			t.Fatal(err)
		}
		var reasons []ddm.InstallReasonCode
		for _, code := range su.InstallReason.Reason {
			reasons = append(reasons, ddm.InstallReasonCode(code))
		}
		var declarations []ddm.DeclarationStatus
		for _, g := range []struct {
			name string
			list []typedDeclaration
		}{{"activations", m.Declarations.Activations}, {"configurations", m.Declarations.Configurations}, {"assets", m.Declarations.Assets}, {"management", m.Declarations.Management}} {
			for _, d := range g.list {
				declarations = append(declarations, ddm.DeclarationStatus{Group: g.name, Identifier: d.Identifier, Active: d.Active, Valid: d.Valid, ServerToken: d.ServerToken, Reasons: ourReasons(d.Reasons)})
			}
		}
		var errs []ddm.StatusError
		for _, e := range r.Errors {
			errs = append(errs, ddm.StatusError{StatusItem: e.StatusItem, Reasons: ourReasons(e.Reasons)})
		}
		caps, payloads := m.ClientCapabilities, m.ClientCapabilities.SupportedPayloads
		for _, c := range []struct {
			what        string
			typed, ours any
		}{
			{"device", ddm.DeviceStatus{Model: dev.Model.Identifier, Serial: dev.Identifier.SerialNumber, UDID: dev.Identifier.UDID}, ours.Device},
			{"version", version, ours.OperatingSystem.Version},
			{"builds", os.BuildVersion + " " + os.Supplemental.BuildVersion, text(ours.OperatingSystem.Build) + " " + text(ours.OperatingSystem.SupplementalBuild)},
			{"names", os.Family + " " + os.MarketingName, ours.OperatingSystem.Family + " " + ours.OperatingSystem.MarketingName},
			{"install state", su.InstallState, string(ours.SoftwareUpdate.InstallState)},
			{"device ID", su.DeviceID, ours.SoftwareUpdate.DeviceID},
			{"beta", su.BetaEnrollment, *valueOr(ours.SoftwareUpdate.BetaEnrollment, new(string))},
			{"pending", su.PendingVersion.OSVersion + " " + su.PendingVersion.BuildVersion + " " + su.PendingVersion.TargetLocalDateTime,
				text(ours.SoftwareUpdate.PendingVersion.OSVersion) + " " + text(ours.SoftwareUpdate.PendingVersion.BuildVersion) + " " + text(ours.SoftwareUpdate.PendingVersion.TargetLocalDateTime)},
			{"failure", ddm.FailureReason{Count: su.FailureReason.Count, Reason: su.FailureReason.Reason, Timestamp: su.FailureReason.Timestamp}, *ours.SoftwareUpdate.FailureReason},
			{"install reason", ddm.InstallReason{Reasons: reasons, DeclarationID: su.InstallReason.DeclarationID}, *valueOr(ours.SoftwareUpdate.InstallReason, &ddm.InstallReason{})},
			{"declarations", declarations, ours.Declarations},
			{"errors", errs, ours.Errors},
			{"capabilities", ddm.ClientCapabilities{SupportedVersions: caps.SupportedVersions, Activations: payloads.Declarations.Activations, Assets: payloads.Declarations.Assets,
				Configurations: payloads.Declarations.Configurations, Management: payloads.Declarations.Management, StatusItems: payloads.StatusItems},
				*valueOr(ours.Capabilities, &ddm.ClientCapabilities{})},
		} {
			if !reflect.DeepEqual(c.typed, c.ours) {
				t.Errorf("%s: %s: typed %+v, managedos %+v", name, c.what, c.typed, c.ours)
			}
		}
	}
}

// ourReasons converts typed reasons to the library's.
func ourReasons(typed []typedReason) []ddm.Reason {
	var out []ddm.Reason
	for _, r := range typed {
		out = append(out, ddm.Reason(r))
	}
	return out
}

// text returns v as the report writes it, "" when v is not valid (absent).
func text(v interface {
	IsValid() bool
	String() string
}) string {
	if !v.IsValid() {
		return ""
	}
	return v.String()
}

// valueOr returns v, or or when v is the zero value.
func valueOr[T comparable](v, or T) T {
	var zero T
	if v == zero {
		return or
	}
	return v
}
