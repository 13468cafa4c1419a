package ddm

import (
	"errors"
	"fmt"
	"time"

	"github.com/managedos/managedos/compat"
	"github.com/managedos/managedos/internal/errtext"
)

// The status items the parser reads, as indexes into statusItems, in the order their
// errors are reported.
const (
	itemInstallState = iota
	itemPendingVersion
	itemFailureReason
	itemInstallReason
	itemDeviceID
	itemBetaEnrollment
	itemModel
	itemSerial
	itemUDID
	itemOSVersion
	itemOSBuild
	itemOSExtra
	itemOSSupplementalBuild
	itemOSFamily
	itemOSMarketingName
	itemDeclarations
	itemCapabilities
	itemCount
)

// osItemBits marks the device.operating-system items in statusWire.present.
const osItemBits = 1<<itemOSVersion | 1<<itemOSBuild | 1<<itemOSExtra | 1<<itemOSSupplementalBuild | 1<<itemOSFamily | 1<<itemOSMarketingName

// statusItem is one status item the parser reads. Both readers of a report, the
// one-pass scanner (status_scan.go) and encoding/json item by item
// (status_read.go), read an item's value into the same place and then run the same
// check, so they give the same report.
type statusItem struct {
	// name is the item's name, which is also the path of its value in the
	// StatusItems tree.
	name string
	// into returns where the item's value is read: a field of the report, or of w
	// when check has to turn it into the report's.
	into func(r *StatusReport, w *statusWire) any
	// check turns the value read into w into the report's, or says why it cannot;
	// nil when into is the report's own field.
	check func(r *StatusReport, w *statusWire) error
}

// statusItems are the items the parser reads. The items of one level of the tree
// (such as device.operating-system.) are next to each other: the scanner relies on it.
var statusItems = [itemCount]statusItem{
	itemInstallState: {name: "softwareupdate.install-state",
		into: func(r *StatusReport, _ *statusWire) any { return &r.SoftwareUpdate.InstallState }},
	itemPendingVersion: {name: "softwareupdate.pending-version",
		into: func(_ *StatusReport, w *statusWire) any { return &w.pending },
		check: func(r *StatusReport, w *statusWire) (err error) {
			r.SoftwareUpdate.PendingVersion, err = w.pending.check()
			return err
		}},
	itemFailureReason: {name: "softwareupdate.failure-reason",
		into: func(_ *StatusReport, w *statusWire) any { return &w.failure },
		check: func(r *StatusReport, w *statusWire) (err error) {
			r.SoftwareUpdate.FailureReason, err = w.failure.check()
			return err
		}},
	itemInstallReason: {name: "softwareupdate.install-reason",
		into: func(_ *StatusReport, w *statusWire) any { return &w.reason },
		check: func(r *StatusReport, w *statusWire) (err error) {
			r.SoftwareUpdate.InstallReason, err = w.reason.check()
			return err
		}},
	itemDeviceID: {name: "softwareupdate.device-id",
		into: func(r *StatusReport, _ *statusWire) any { return &r.SoftwareUpdate.DeviceID }},
	itemBetaEnrollment: {name: "softwareupdate.beta-enrollment",
		into: func(_ *StatusReport, w *statusWire) any { return &w.beta },
		check: func(r *StatusReport, w *statusWire) error {
			b := w.beta
			r.SoftwareUpdate.BetaEnrollment = &b
			return nil
		}},
	itemModel: {name: "device.model.identifier",
		into: func(r *StatusReport, _ *statusWire) any { return &r.Device.Model }},
	itemSerial: {name: "device.identifier.serial-number",
		into: func(r *StatusReport, _ *statusWire) any { return &r.Device.Serial }},
	itemUDID: {name: "device.identifier.udid",
		into: func(r *StatusReport, _ *statusWire) any { return &r.Device.UDID }},
	itemOSVersion: {name: "device.operating-system.version",
		into: func(_ *StatusReport, w *statusWire) any { return &w.os.version }},
	itemOSBuild: {name: "device.operating-system.build-version",
		into: func(_ *StatusReport, w *statusWire) any { return &w.os.build }},
	itemOSExtra: {name: "device.operating-system.supplemental.extra-version",
		into: func(_ *StatusReport, w *statusWire) any { return &w.os.extra }},
	itemOSSupplementalBuild: {name: "device.operating-system.supplemental.build-version",
		into: func(_ *StatusReport, w *statusWire) any { return &w.os.supplementalBuild }},
	itemOSFamily: {name: "device.operating-system.family",
		into: func(_ *StatusReport, w *statusWire) any { return &w.os.family }},
	itemOSMarketingName: {name: "device.operating-system.marketing-name",
		into: func(_ *StatusReport, w *statusWire) any { return &w.os.marketingName }},
	itemDeclarations: {name: "management.declarations",
		into: func(r *StatusReport, _ *statusWire) any { return (*declarationList)(&r.Declarations) }},
	itemCapabilities: {name: "management.client-capabilities",
		into: func(_ *StatusReport, w *statusWire) any { return &w.capabilities },
		check: func(r *StatusReport, w *statusWire) (err error) {
			r.Capabilities, err = w.capabilities.check()
			return err
		}},
}

// statusWire holds a report's items as read, before they are checked into the
// report, and the errors found so far.
type statusWire struct {
	present      uint32 // bit i set: statusItems[i] was read
	pending      pendingVersionWire
	failure      failureReasonWire
	reason       installReasonWire
	capabilities capabilitiesWire
	beta         string
	os           osItems
	errs         errtext.Problems
}

// bad records an error of the item (or "Errors") named.
func (w *statusWire) bad(item string, err error) {
	w.errs.Add(fmt.Errorf("ddm: status item %s: %s: %w", item, errtext.Error(err), ErrInvalidStatus))
}

// checkItem runs statusItems[i]'s check, recording its error.
func (w *statusWire) checkItem(i int, r *StatusReport) {
	if check := statusItems[i].check; check != nil {
		if err := check(r, w); err != nil {
			w.bad(statusItems[i].name, err)
		}
	}
}

// finish combines the operating-system items read into r.
func (w *statusWire) finish(r *StatusReport) {
	if w.present&osItemBits != 0 {
		r.OperatingSystem = w.os.operatingSystem(w.bad)
	}
}

// err returns the errors recorded, joined; nil when there were none.
func (w *statusWire) err() error { return w.errs.Err() }

// pendingVersionWire is softwareupdate.pending-version as the Mac writes it.
type pendingVersionWire struct {
	OSVersion           *string `json:"os-version"`
	BuildVersion        *string `json:"build-version"`
	TargetLocalDateTime string  `json:"target-local-date-time"`
}

func (w *pendingVersionWire) check() (*PendingVersion, error) {
	switch {
	case w.OSVersion == nil:
		return nil, errors.New("os-version: missing")
	case w.BuildVersion == nil:
		return nil, errors.New("build-version: missing")
	}
	var p PendingVersion
	var err error
	if *w.OSVersion != "" {
		if p.OSVersion, err = compat.ParseVersion(*w.OSVersion); err != nil {
			return nil, fmt.Errorf("os-version: %w", err)
		}
	}
	if *w.BuildVersion != "" {
		if p.BuildVersion, err = compat.ParseBuild(*w.BuildVersion); err != nil {
			return nil, fmt.Errorf("build-version: %w", err)
		}
	}
	if w.TargetLocalDateTime != "" {
		if p.TargetLocalDateTime, err = ParseLocalDateTime(w.TargetLocalDateTime); err != nil {
			return nil, fmt.Errorf("target-local-date-time: %w", err)
		}
	}
	return &p, nil
}

// failureReasonWire is softwareupdate.failure-reason as the Mac writes it.
type failureReasonWire struct {
	Count     *int   `json:"count"`
	Reason    string `json:"reason"`
	Timestamp string `json:"timestamp"`
}

func (w *failureReasonWire) check() (*FailureReason, error) {
	if w.Count == nil {
		return nil, errors.New("count: missing")
	}
	f := &FailureReason{Count: *w.Count, Reason: w.Reason}
	if w.Timestamp != "" {
		t, err := time.Parse(time.RFC3339, w.Timestamp)
		if err != nil {
			return nil, fmt.Errorf("timestamp %s: not RFC 3339", errtext.Quote(w.Timestamp))
		}
		f.Timestamp = t
	}
	return f, nil
}

// installReasonWire is softwareupdate.install-reason as the Mac writes it.
type installReasonWire struct {
	Reason        *[]InstallReasonCode `json:"reason"`
	DeclarationID string               `json:"declaration-id"`
}

func (w *installReasonWire) check() (*InstallReason, error) {
	if w.Reason == nil {
		return nil, errors.New("reason: missing")
	}
	return &InstallReason{Reasons: *w.Reason, DeclarationID: w.DeclarationID}, nil
}

// declarationList is management.declarations: the declarations of every group, group
// by group in declarationGroups order whatever the order of the report.
type declarationList []DeclarationStatus

// declarationGroups are the groups of management.declarations, in report order.
var declarationGroups = [...]string{"activations", "configurations", "assets", "management"}

// declarationWire is one entry of a management.declarations group as the Mac writes it.
type declarationWire struct {
	Identifier  string   `json:"identifier"`
	Active      bool     `json:"active"`
	Valid       string   `json:"valid"`
	ServerToken string   `json:"server-token"`
	Reasons     []Reason `json:"reasons"`
}

// statusErrorWire is one entry of the report's Errors array as the Mac writes it.
type statusErrorWire struct {
	StatusItem string   `json:"StatusItem"`
	Reasons    []Reason `json:"Reasons"`
}

// capabilitiesWire is management.client-capabilities as the Mac writes it.
type capabilitiesWire struct {
	SupportedVersions []string               `json:"supported-versions"`
	SupportedPayloads *supportedPayloadsWire `json:"supported-payloads"`
}

type supportedPayloadsWire struct {
	Declarations supportedDeclarationsWire `json:"declarations"`
	StatusItems  []string                  `json:"status-items"`
}

type supportedDeclarationsWire struct {
	Activations    []string `json:"activations"`
	Assets         []string `json:"assets"`
	Configurations []string `json:"configurations"`
	Management     []string `json:"management"`
}

func (w *capabilitiesWire) check() (*ClientCapabilities, error) {
	if w.SupportedPayloads == nil {
		return nil, errors.New("supported-payloads: missing")
	}
	d := w.SupportedPayloads.Declarations
	return &ClientCapabilities{
		SupportedVersions: w.SupportedVersions,
		Activations:       d.Activations,
		Assets:            d.Assets,
		Configurations:    d.Configurations,
		Management:        d.Management,
		StatusItems:       w.SupportedPayloads.StatusItems,
	}, nil
}
