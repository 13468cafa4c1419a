package mdmcmd

import (
	"fmt"

	"github.com/managedos/managedos/compat"
)

// DeviceInformation holds the QueryResponses of a DeviceInformation answer for the
// keys of [DeviceInformationQueries]. Strings are empty and IsAppleSilicon nil when
// the Mac did not report them.
type DeviceInformation struct {
	OSVersion                  string `json:"os_version,omitempty"`                    // such as 13.4.1
	BuildVersion               string `json:"build_version,omitempty"`                 // such as 22F82
	SupplementalOSVersionExtra string `json:"supplemental_os_version_extra,omitempty"` // a rapid security response letter, such as (c)
	SupplementalBuildVersion   string `json:"supplemental_build_version,omitempty"`    // the rapid security response build, such as 22F770820d
	// IsAppleSilicon (macOS 12.0) is nil when not reported.
	IsAppleSilicon *bool `json:"is_apple_silicon,omitempty"`
	// ProductName is the hardware model identifier on a Mac, such as MacBookPro18,3.
	ProductName            string `json:"product_name,omitempty"`
	ModelName              string `json:"model_name,omitempty"`                // such as MacBook Pro
	SerialNumber           string `json:"serial_number,omitempty"`             // the hardware serial number
	SoftwareUpdateDeviceID string `json:"software_update_device_id,omitempty"` // the board identifier Apple's catalog uses, such as J314sAP
	HostName               string `json:"host_name,omitempty"`                 // the host name, when reported
	UDID                   string `json:"udid,omitempty"`                      // the device UDID, when reported
}

// Chip returns the Mac's chip: from IsAppleSilicon when reported (macOS 12 and
// later), else from the model identifier in ProductName. It wraps
// [compat.ErrUnknownChip] when neither tells.
func (d DeviceInformation) Chip() (compat.Chip, error) {
	if d.IsAppleSilicon != nil {
		if *d.IsAppleSilicon {
			return compat.AppleSilicon, nil
		}
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

func readDeviceInformation(d dict) DeviceInformation {
	info := DeviceInformation{
		OSVersion:                  d.str("OSVersion", false),
		BuildVersion:               d.str("BuildVersion", false),
		SupplementalOSVersionExtra: d.str("SupplementalOSVersionExtra", false),
		SupplementalBuildVersion:   d.str("SupplementalBuildVersion", false),
		ProductName:                d.str("ProductName", false),
		ModelName:                  d.str("ModelName", false),
		SerialNumber:               d.str("SerialNumber", false),
		SoftwareUpdateDeviceID:     d.str("SoftwareUpdateDeviceID", false),
		HostName:                   d.str("HostName", false),
		UDID:                       d.str("UDID", false),
	}
	if v, ok := d.boolean("IsAppleSilicon", false); ok {
		info.IsAppleSilicon = &v
	}
	return info
}
