package ddm

import (
	"encoding/json"
	"fmt"
	"slices"

	"github.com/managedos/managedos/compat"
)

// DeviceStatus holds the device.model and device.identifier status items; a field
// is empty when the report does not carry its item.
type DeviceStatus struct {
	Model  string `json:"model,omitempty"`  // device.model.identifier, such as Mac14,2 (macOS 13)
	Serial string `json:"serial,omitempty"` // device.identifier.serial-number
	UDID   string `json:"udid,omitempty"`   // device.identifier.udid
}

// stringItem reads a status item whose value is a string into dst.
func stringItem(dst *string) func(json.RawMessage) error {
	return func(raw json.RawMessage) error { return json.Unmarshal(raw, dst) }
}

// optionalStringItem reads a status item whose value is a string into *dst, left nil
// when the value does not read.
func optionalStringItem(dst **string) func(json.RawMessage) error {
	return func(raw json.RawMessage) error {
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			return err
		}
		*dst = &s
		return nil
	}
}

// osItems collects the device.operating-system.* items, each its own status item,
// before they are combined into an OperatingSystem.
type osItems struct {
	version, build, extra, supplementalBuild, family, marketingName string
	seen                                                            bool
}

// read returns the reader of one device.operating-system item into dst.
func (o *osItems) read(dst *string) func(json.RawMessage) error {
	return func(raw json.RawMessage) error {
		if err := json.Unmarshal(raw, dst); err != nil {
			return err
		}
		o.seen = true
		return nil
	}
}

// operatingSystem combines the items read, reporting through bad each one that does
// not parse, named by its status item; nil when no item was read.
func (o *osItems) operatingSystem(bad func(item string, err error)) *OperatingSystem {
	if !o.seen {
		return nil
	}
	os := &OperatingSystem{Family: o.family, MarketingName: o.marketingName}
	var err error
	if o.version != "" {
		if os.Version, err = compat.ParseVersionExtra(o.version, o.extra); err != nil {
			item := "device.operating-system.version"
			if _, versionErr := compat.ParseVersion(o.version); versionErr == nil {
				item = "device.operating-system.supplemental.extra-version" // the version reads, the extra does not
			}
			bad(item, err)
		}
	}
	if o.build != "" {
		if os.Build, err = compat.ParseBuild(o.build); err != nil {
			bad("device.operating-system.build-version", err)
		}
	}
	if o.supplementalBuild != "" {
		if os.SupplementalBuild, err = compat.ParseBuild(o.supplementalBuild); err != nil {
			bad("device.operating-system.supplemental.build-version", err)
		}
	}
	return os
}

// ClientCapabilities is the management.client-capabilities status item: the
// protocol versions, declaration types and status items the Mac supports.
type ClientCapabilities struct {
	SupportedVersions []string `json:"supported_versions,omitempty"` // protocol versions, such as 1.0.0
	Activations       []string `json:"activations,omitempty"`        // supported activation types
	Assets            []string `json:"assets,omitempty"`             // supported asset types
	Configurations    []string `json:"configurations,omitempty"`     // supported configuration types
	Management        []string `json:"management,omitempty"`         // supported management declaration types
	StatusItems       []string `json:"status_items,omitempty"`       // supported status items
}

// SupportsConfiguration reports whether the Mac supports the configuration type t
// (such as [EnforcementType]): FlagUnknown on a nil c, the report not carrying the
// item.
func (c *ClientCapabilities) SupportsConfiguration(t string) compat.Flag {
	if c == nil {
		return compat.FlagUnknown
	}
	return compat.FlagOf(slices.Contains(c.Configurations, t))
}

// SupportsStatusItem reports whether the Mac supports the status item, such as
// softwareupdate.install-state: FlagUnknown on a nil c.
func (c *ClientCapabilities) SupportsStatusItem(item string) compat.Flag {
	if c == nil {
		return compat.FlagUnknown
	}
	return compat.FlagOf(slices.Contains(c.StatusItems, item))
}

// softwareUpdateItems are the status items the library reads to follow an update.
var softwareUpdateItems = [...]string{"softwareupdate.install-state", "softwareupdate.pending-version", "softwareupdate.failure-reason"}

// SupportsEnforcement reports whether the Mac supports what the library needs to
// enforce an update with a declaration and follow it: the enforcement declaration
// type and the softwareupdate install-state, pending-version and failure-reason
// status items (macOS 14 and later). FlagUnknown on a nil c.
func (c *ClientCapabilities) SupportsEnforcement() compat.Flag {
	if c == nil {
		return compat.FlagUnknown
	}
	ok := slices.Contains(c.Configurations, EnforcementType)
	for _, item := range softwareUpdateItems {
		ok = ok && slices.Contains(c.StatusItems, item)
	}
	return compat.FlagOf(ok)
}

func parseCapabilities(raw json.RawMessage) (*ClientCapabilities, error) {
	var w struct {
		SupportedVersions []string `json:"supported-versions"`
		SupportedPayloads *struct {
			Declarations struct {
				Activations    []string `json:"activations"`
				Assets         []string `json:"assets"`
				Configurations []string `json:"configurations"`
				Management     []string `json:"management"`
			} `json:"declarations"`
			StatusItems []string `json:"status-items"`
		} `json:"supported-payloads"`
	}
	if err := json.Unmarshal(raw, &w); err != nil {
		return nil, err
	}
	if w.SupportedPayloads == nil {
		return nil, fmt.Errorf("missing supported-payloads")
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

// Mac returns the device snapshot the report gives: model (device.model.identifier)
// and the chip it implies, software update device ID, macOS version with its rapid
// security response letter, build (the supplemental build when there is one),
// serial number, UDID and beta enrollment. Whatever the report does not carry, or
// carries in a form that does not read, is left unknown, so a partial report gives a
// partial snapshot: merge it into the previous one with [compat.Mac.Merge] or
// [StatusReport.MergeInto]. DDM reports do not say whether the Mac is supervised.
func (r *StatusReport) Mac() compat.Mac {
	m := compat.Mac{
		Model:    r.Device.Model,
		DeviceID: r.SoftwareUpdate.DeviceID,
		Serial:   r.Device.Serial,
		UDID:     r.Device.UDID,
	}
	if m.Model != "" {
		m.Chip, _ = compat.ChipForModel(m.Model) // a model the table does not know leaves the chip unknown
	}
	if os := r.OperatingSystem; os != nil {
		m.Version, m.Build = os.Version, os.Build
		if os.SupplementalBuild.IsValid() {
			m.Build = os.SupplementalBuild
		}
	}
	if b := r.SoftwareUpdate.BetaEnrollment; b != nil {
		m.Beta, m.BetaProgram = compat.FlagOf(*b != ""), *b
	}
	return m
}

// MergeInto returns prev, the Mac's snapshot so far, updated with what this report
// says; what the report does not mention is kept (see [compat.Mac.Merge]).
func (r *StatusReport) MergeInto(prev compat.Mac) compat.Mac {
	return prev.Merge(r.Mac())
}
