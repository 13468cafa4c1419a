package ddm

import (
	"fmt"
	"time"

	"github.com/managedos/managedos/compat"
	"github.com/managedos/managedos/mechanism"
)

// InstallState is the softwareupdate.install-state status item (macOS 14 and later).
// The zero value means the report did not include the item. A value Apple adds later
// is kept as sent; [InstallState.IsValid] tells whether it is one documented here.
type InstallState string

const (
	// InstallNone: no update is pending and any previous update succeeded.
	InstallNone InstallState = "none"
	// InstallWaiting: an update is waiting to start. Apple's documentation lists it
	// although the schema's value list omits it; Macs send it first.
	InstallWaiting InstallState = "waiting"
	// InstallDownloading: the Mac is downloading the update.
	InstallDownloading InstallState = "downloading"
	// InstallPrepared: the update is downloaded and prepared, ready to install.
	InstallPrepared InstallState = "prepared"
	// InstallInstalling: the Mac is installing the update.
	InstallInstalling InstallState = "installing"
	// InstallFailed: the update failed; see the failure-reason item.
	InstallFailed InstallState = "failed"
)

// IsValid reports whether s is one of the documented states.
func (s InstallState) IsValid() bool {
	switch s {
	case InstallNone, InstallWaiting, InstallDownloading, InstallPrepared, InstallInstalling, InstallFailed:
		return true
	}
	return false
}

// String returns s as the Mac sent it.
func (s InstallState) String() string { return string(s) }

// InstallReasonCode is one entry of the install-reason item's reason list. Unknown
// values are kept as sent; [InstallReasonCode.IsValid] tells.
type InstallReasonCode string

// The install reasons Apple documents.
const (
	ReasonSystemSettings InstallReasonCode = "system-settings" // triggered in System Settings
	ReasonInstallTonight InstallReasonCode = "install-tonight" // triggered by the install tonight action
	ReasonAutoUpdate     InstallReasonCode = "auto-update"     // triggered by an automatic update
	ReasonNotification   InstallReasonCode = "notification"    // triggered from a notification
	ReasonSetupAssistant InstallReasonCode = "setup-assistant" // triggered in Setup Assistant
	ReasonCommandLine    InstallReasonCode = "command-line"    // triggered by the softwareupdate tool
	ReasonMDM            InstallReasonCode = "mdm"             // triggered by an MDM command
	ReasonDeclaration    InstallReasonCode = "declaration"     // triggered by a DDM declaration
)

// IsValid reports whether r is one of the documented reasons.
func (r InstallReasonCode) IsValid() bool {
	switch r {
	case ReasonSystemSettings, ReasonInstallTonight, ReasonAutoUpdate, ReasonNotification,
		ReasonSetupAssistant, ReasonCommandLine, ReasonMDM, ReasonDeclaration:
		return true
	}
	return false
}

// PendingVersion is the softwareupdate.pending-version item: the update the Mac has
// pending. Both fields are zero when nothing is pending.
type PendingVersion struct {
	OSVersion    compat.Version `json:"os_version"`    // the pending version, rapid security response letter included; zero when none
	BuildVersion compat.Build   `json:"build_version"` // the pending build; zero when none
	// TargetLocalDateTime is the deadline the Mac enforces for the pending update, in
	// its local time (target-local-date-time, present only while an enforcement
	// declaration drives the update); the zero LocalDateTime when absent.
	TargetLocalDateTime LocalDateTime `json:"target_local_date_time,omitzero"`
}

// FailureReason is the softwareupdate.failure-reason item.
type FailureReason struct {
	// Count is how many times the pending update failed; 0 when none did.
	Count int `json:"count"`
	// Reason describes the last failure; empty when there was none.
	Reason string `json:"reason,omitempty"`
	// Timestamp is when the last failure happened; the zero Time when absent.
	Timestamp time.Time `json:"timestamp,omitzero"`
}

// InstallReason is the softwareupdate.install-reason item.
type InstallReason struct {
	// Reasons lists why the update is pending; empty when none is.
	Reasons []InstallReasonCode `json:"reasons"`
	// DeclarationID is the declaration that caused the update, present only with
	// the "declaration" reason.
	DeclarationID string `json:"declaration_id,omitempty"`
}

// SoftwareUpdateStatus holds the softwareupdate.* items of a report; a nil pointer or
// an empty InstallState means the report did not carry that item.
type SoftwareUpdateStatus struct {
	InstallState   InstallState    `json:"install_state,omitempty"`   // softwareupdate.install-state
	PendingVersion *PendingVersion `json:"pending_version,omitempty"` // softwareupdate.pending-version
	FailureReason  *FailureReason  `json:"failure_reason,omitempty"`  // softwareupdate.failure-reason
	InstallReason  *InstallReason  `json:"install_reason,omitempty"`  // softwareupdate.install-reason
	// DeviceID is softwareupdate.device-id (macOS 15), the ID Apple's feed lists
	// releases by; empty when the report does not carry it.
	DeviceID string `json:"device_id,omitempty"`
	// BetaEnrollment is softwareupdate.beta-enrollment (macOS 15): the beta program
	// the Mac is enrolled in, "" for none; nil when the report does not carry it.
	BetaEnrollment *string `json:"beta_enrollment,omitempty"`
}

// OperatingSystem holds the device.operating-system.* items.
type OperatingSystem struct {
	// Version is the macOS version with any rapid security response letter folded
	// in from supplemental.extra-version: a Mac on 13.3.1 (a) reports version
	// 13.3.1 and extra-version (a).
	Version compat.Version `json:"version"`
	// Build is the base build (22E261 on 13.3.1 (a)).
	Build compat.Build `json:"build"`
	// SupplementalBuild is the rapid security response build (22E772610a), when
	// reported.
	SupplementalBuild compat.Build `json:"supplemental_build,omitzero"`
	Family            string       `json:"family,omitempty"`         // device.operating-system.family, such as macOS
	MarketingName     string       `json:"marketing_name,omitempty"` // device.operating-system.marketing-name
}

// Reason is one reason a declaration or status item is reported invalid or in error.
type Reason struct {
	Code        string         `json:"code"`                  // a code such as Error.ConfigurationCannotBeApplied
	Description string         `json:"description,omitempty"` // a human-readable description
	Details     map[string]any `json:"details,omitempty"`     // extra details as the Mac sent them
}

// DeclarationStatus is one entry of management.declarations: how the Mac sees a
// declaration the server sent.
type DeclarationStatus struct {
	// Group is "activations", "configurations", "assets" or "management".
	Group      string `json:"group"`
	Identifier string `json:"identifier"` // the declaration's Identifier
	Active     bool   `json:"active"`     // whether the declaration is active
	// Valid is "valid", "invalid" or "unknown".
	Valid       string   `json:"valid"`
	ServerToken string   `json:"server_token"`      // the ServerToken the Mac holds
	Reasons     []Reason `json:"reasons,omitempty"` // why the declaration or item is not valid
}

// StatusError is one entry of the report's Errors array: a status item the Mac could
// not report.
type StatusError struct {
	StatusItem string   `json:"status_item"`       // the status item, such as softwareupdate.install-state
	Reasons    []Reason `json:"reasons,omitempty"` // why the declaration or item is not valid
}

// StatusReport is a DDM status report as [ParseStatusReport] reads it.
type StatusReport struct {
	// Device holds the device.model and device.identifier items.
	Device DeviceStatus `json:"device,omitzero"`
	// OperatingSystem is nil when the report carries no device.operating-system
	// items.
	OperatingSystem *OperatingSystem `json:"operating_system,omitempty"`
	// Capabilities is management.client-capabilities, nil when the report does not
	// carry it (the Mac reports it when it changes, usually after an OS update).
	Capabilities   *ClientCapabilities  `json:"capabilities,omitempty"`
	SoftwareUpdate SoftwareUpdateStatus `json:"software_update"`        // the softwareupdate.* items
	Declarations   []DeclarationStatus  `json:"declarations,omitempty"` // management.declarations, group by group
	Errors         []StatusError        `json:"errors,omitempty"`       // the report's Errors array
	// Raw is the report as received.
	Raw []byte `json:"-"`
}

// ParseStatusReport reads the JSON status report a Mac sends: the StatusItems tree
// and the Errors array, within the default [compat.Limits]; it is
// ParseOptions{}.ParseStatusReport. Data that is not a JSON object is an error with
// no report (wrapping compat.ErrMalformed when it is not JSON at all, and
// compat.ErrTooLarge when it is over a limit). Otherwise it returns every item it
// could read and, joined, one error per item that is missing a required key or has
// the wrong type, each wrapping [ErrInvalidStatus] and naming the item (at most
// errtext's count, then "and N more"). Unknown items and keys are ignored; unknown
// enum values are kept.
func ParseStatusReport(data []byte) (*StatusReport, error) {
	return ParseOptions{}.ParseStatusReport(data)
}

// ParseStatusReport is [ParseStatusReport] within o.Limits, checked before
// anything is decoded.
func (o ParseOptions) ParseStatusReport(data []byte) (*StatusReport, error) {
	if err := o.Limits.CheckJSON(data); err != nil {
		return nil, fmt.Errorf("ddm: status report: %w: %w", err, ErrInvalidStatus)
	}
	if r, w, ok := scanStatusReport(data); ok {
		return r, w.err()
	}
	return readStatusReport(data)
}

// Observation turns the report's software update state into an observation for
// compat's Tracker (or [mechanism.InferCache]), stamped with at, when the report
// arrived: the install-state as Status (DDM reports no percent: "downloading" is
// progress, "prepared" cached, "installing" installing, "failed" a failure, "none",
// "waiting" and a report without the item neutral), the pending version as Target
// ("" when the report does not name one), and the failure-reason's reason and count.
func (r *StatusReport) Observation(at time.Time) mechanism.Observation {
	su := &r.SoftwareUpdate
	o := mechanism.Observation{At: at, Status: string(su.InstallState)}
	if p := su.PendingVersion; p != nil && p.OSVersion.IsValid() {
		o.Target = p.OSVersion.String()
	}
	if f := su.FailureReason; f != nil {
		o.Reason, o.FailureCount = f.Reason, f.Count
	}
	return o
}
