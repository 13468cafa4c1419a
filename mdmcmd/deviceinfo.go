package mdmcmd

import (
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/managedos/managedos/compat"
)

// DeviceInformation holds the QueryResponses of a DeviceInformation answer for the
// keys of [DeviceInformationQueries] (Apple's mdm/commands/information.device.yaml).
// Strings are empty, flags FlagUnknown and OSUpdateSettings nil when the Mac did not
// report them; a flag the Mac sent as <false/> is FlagFalse. [DeviceInformation.Mac]
// turns it into the library's device snapshot.
type DeviceInformation struct {
	OSVersion                  string `json:"os_version,omitempty"`                    // such as 13.4.1
	BuildVersion               string `json:"build_version,omitempty"`                 // such as 22F82
	SupplementalOSVersionExtra string `json:"supplemental_os_version_extra,omitempty"` // a rapid security response letter, such as (c)
	SupplementalBuildVersion   string `json:"supplemental_build_version,omitempty"`    // the rapid security response build, such as 22F770820d
	// IsAppleSilicon (macOS 12.0) is whether the Mac has an Apple silicon chip.
	IsAppleSilicon compat.Flag `json:"is_apple_silicon,omitzero"`
	// ProductName is the hardware model identifier on a Mac, such as MacBookPro18,3.
	ProductName            string `json:"product_name,omitempty"`
	ModelName              string `json:"model_name,omitempty"`                // such as MacBook Pro
	SerialNumber           string `json:"serial_number,omitempty"`             // the hardware serial number
	SoftwareUpdateDeviceID string `json:"software_update_device_id,omitempty"` // the ID Apple's feed lists releases by, such as J314sAP (macOS 12.0; removed in 27)
	HostName               string `json:"host_name,omitempty"`                 // the host name, when reported
	UDID                   string `json:"udid,omitempty"`                      // the device UDID, when reported
	// IsSupervised (macOS 10.15) is whether the Mac is supervised, which DDM
	// enforcement and ScheduleOSUpdate need.
	IsSupervised compat.Flag `json:"is_supervised,omitzero"`
	// AwaitingConfiguration (macOS 10.11) is whether the Mac waits in Setup Assistant
	// for a DeviceConfigured command.
	AwaitingConfiguration compat.Flag `json:"awaiting_configuration,omitzero"`
	// OSUpdateSettings (macOS 10.11; deprecated in 26.0, removed in 27) is the Mac's
	// software update settings, nil when not reported.
	OSUpdateSettings *OSUpdateSettings `json:"os_update_settings,omitempty"`
}

// OSUpdateSettings is the OSUpdateSettings dictionary of a DeviceInformation answer:
// the Mac's software update catalog and automatic behaviours. Flags are FlagUnknown
// and other fields zero when the Mac did not send them.
type OSUpdateSettings struct {
	// CatalogURL is the software update catalog the Mac uses.
	CatalogURL string `json:"catalog_url,omitempty"`
	// IsDefaultCatalog is whether CatalogURL is Apple's default catalog.
	IsDefaultCatalog compat.Flag `json:"is_default_catalog,omitzero"`
	// PreviousScanDate is when the Mac last scanned for updates.
	PreviousScanDate time.Time `json:"previous_scan_date,omitzero"`
	// PreviousScanResult is the result code of the last scan, "0" for success
	// (deprecated in macOS 11, removed in 15).
	PreviousScanResult string `json:"previous_scan_result,omitempty"`
	// PerformPeriodicCheck is whether the Mac checks for updates periodically.
	PerformPeriodicCheck compat.Flag `json:"perform_periodic_check,omitzero"`
	// AutoCheckEnabled is whether the Mac checks for app updates automatically.
	AutoCheckEnabled compat.Flag `json:"auto_check_enabled,omitzero"`
	// BackgroundDownloadEnabled is whether updates download in the background: on,
	// the Mac may cache an update without reporting progress.
	BackgroundDownloadEnabled compat.Flag `json:"background_download_enabled,omitzero"`
	// AutomaticAppInstallationEnabled is whether app updates install automatically.
	AutomaticAppInstallationEnabled compat.Flag `json:"automatic_app_installation_enabled,omitzero"`
	// AutomaticOSInstallationEnabled is whether OS updates install automatically.
	AutomaticOSInstallationEnabled compat.Flag `json:"automatic_os_installation_enabled,omitzero"`
	// AutomaticSecurityUpdatesEnabled is whether system data files and security
	// updates install automatically.
	AutomaticSecurityUpdatesEnabled compat.Flag `json:"automatic_security_updates_enabled,omitzero"`
}

// Chip returns the Mac's chip: from IsAppleSilicon when reported (macOS 12 and
// later), else from the model identifier in ProductName. It wraps
// [compat.ErrUnknownChip] when neither tells.
func (d DeviceInformation) Chip() (compat.Chip, error) {
	switch d.IsAppleSilicon {
	case compat.FlagTrue:
		return compat.AppleSilicon, nil
	case compat.FlagFalse:
		return compat.Intel, nil
	}
	c, err := compat.ChipForModel(d.ProductName)
	if err != nil {
		return compat.ChipUnknown, fmt.Errorf("mdmcmd: DeviceInformation: no IsAppleSilicon, ProductName: %w", err)
	}
	return c, nil
}

// Version returns the Mac's macOS version from OSVersion and
// SupplementalOSVersionExtra: 13.4.1 and (c) give 13.4.1 (c).
func (d DeviceInformation) Version() (compat.Version, error) {
	v, err := compat.ParseVersionExtra(d.OSVersion, d.SupplementalOSVersionExtra)
	if err != nil {
		return compat.Version{}, fmt.Errorf("mdmcmd: DeviceInformation: OSVersion: %w", err)
	}
	return v, nil
}

// Build returns the build the Mac runs: SupplementalBuildVersion when the Mac has a
// rapid security response applied (22F770820d), BuildVersion otherwise (22F82).
func (d DeviceInformation) Build() (compat.Build, error) {
	key, text := "BuildVersion", d.BuildVersion
	if d.SupplementalBuildVersion != "" {
		key, text = "SupplementalBuildVersion", d.SupplementalBuildVersion
	}
	b, err := compat.ParseBuild(text)
	if err != nil {
		return compat.Build{}, fmt.Errorf("mdmcmd: DeviceInformation: %s: %w", key, err)
	}
	return b, nil
}

// Mac returns the device snapshot the answer gives: model (ProductName), software
// update device ID, chip ([DeviceInformation.Chip]), version with its rapid security
// response letter, build ([DeviceInformation.Build]), serial number, UDID and
// supervision. A key the Mac did not send leaves its field unknown; a key that does
// not read (an OSVersion that is no version) leaves its field unknown too, and its
// error, naming the key, is returned joined with the others next to the snapshot of
// everything else.
func (d DeviceInformation) Mac() (compat.Mac, error) {
	m := compat.Mac{
		Model:      d.ProductName,
		DeviceID:   d.SoftwareUpdateDeviceID,
		Serial:     d.SerialNumber,
		UDID:       d.UDID,
		Supervised: d.IsSupervised,
	}
	var errs []error
	if d.IsAppleSilicon.Known() || d.ProductName != "" {
		var err error
		if m.Chip, err = d.Chip(); err != nil {
			errs = append(errs, err)
		}
	}
	if d.OSVersion != "" || d.SupplementalOSVersionExtra != "" {
		var err error
		if m.Version, err = d.Version(); err != nil {
			errs = append(errs, err)
		}
	}
	if d.BuildVersion != "" || d.SupplementalBuildVersion != "" {
		var err error
		if m.Build, err = d.Build(); err != nil {
			errs = append(errs, err)
		}
	}
	return m, errors.Join(errs...)
}

func readDeviceInformation(d dict) DeviceInformation {
	info := DeviceInformation{
		OSVersion:                  d.str("OSVersion", false),
		BuildVersion:               d.str("BuildVersion", false),
		SupplementalOSVersionExtra: d.str("SupplementalOSVersionExtra", false),
		SupplementalBuildVersion:   d.str("SupplementalBuildVersion", false),
		IsAppleSilicon:             d.flag("IsAppleSilicon"),
		ProductName:                d.str("ProductName", false),
		ModelName:                  d.str("ModelName", false),
		SerialNumber:               d.str("SerialNumber", false),
		SoftwareUpdateDeviceID:     d.str("SoftwareUpdateDeviceID", false),
		HostName:                   d.str("HostName", false),
		UDID:                       d.str("UDID", false),
		IsSupervised:               d.flag("IsSupervised"),
		AwaitingConfiguration:      d.flag("AwaitingConfiguration"),
	}
	if s, ok := d.sub("OSUpdateSettings", false); ok {
		info.OSUpdateSettings = &OSUpdateSettings{
			CatalogURL:                      s.str("CatalogURL", false),
			IsDefaultCatalog:                s.flag("IsDefaultCatalog"),
			PreviousScanDate:                s.date("PreviousScanDate", false),
			PreviousScanResult:              s.code("PreviousScanResult"),
			PerformPeriodicCheck:            s.flag("PerformPeriodicCheck"),
			AutoCheckEnabled:                s.flag("AutoCheckEnabled"),
			BackgroundDownloadEnabled:       s.flag("BackgroundDownloadEnabled"),
			AutomaticAppInstallationEnabled: s.flag("AutomaticAppInstallationEnabled"),
			AutomaticOSInstallationEnabled:  s.flag("AutomaticOSInstallationEnabled"),
			AutomaticSecurityUpdatesEnabled: s.flag("AutomaticSecurityUpdatesEnabled"),
		}
	}
	return info
}

// flag reads an optional boolean as a Flag: FlagUnknown when the key is absent (or
// mistyped, which is recorded), FlagFalse for <false/> or 0.
func (d dict) flag(key string) compat.Flag {
	if v, ok := d.boolean(key, false); ok {
		return compat.FlagOf(v)
	}
	return compat.FlagUnknown
}

// code reads an optional result code, which Apple documents as a <string> and
// devices may send as an <integer>.
func (d dict) code(key string) string {
	x, ok := d.get(key, false)
	if !ok {
		return ""
	}
	if n, ok := integer(x); ok {
		return strconv.FormatInt(n, 10)
	}
	return d.str(key, false)
}
