package mdmcmd

import (
	"fmt"
	"time"

	"github.com/managedos/managedos/compat"
	"github.com/managedos/managedos/mechanism"
)

// AvailableOSUpdate is one entry of an AvailableOSUpdates answer.
type AvailableOSUpdate struct {
	ProductKey        string `json:"product_key"`         // the key to name the update in ScheduleOSUpdate
	HumanReadableName string `json:"human_readable_name"` // the update's name in the user's language
	// VersionText and BuildText are Version and Build as the Mac sent them. Major
	// upgrades have been seen with a build in Version and no Build (_OSX_18A391);
	// Version and Build below hold what could be read.
	VersionText string `json:"version_text"`
	BuildText   string `json:"build_text,omitempty"` // see VersionText
	// Version is the update's macOS version, with the rapid security response letter
	// of SupplementalOSVersionExtra folded in; the zero Version when VersionText is
	// not a version.
	Version compat.Version `json:"version,omitzero"`
	// Build is the update's build, from Build, SupplementalBuildVersion, a build
	// written in Version, or the ProductKey; the zero Build when none reads.
	Build compat.Build `json:"build,omitzero"`
	// DownloadSize and InstallSize are in bytes; 0 when not reported.
	DownloadSize           int64     `json:"download_size,omitempty"`
	InstallSize            int64     `json:"install_size,omitempty"`             // see DownloadSize
	IsCritical             bool      `json:"is_critical,omitempty"`              // a critical update
	IsConfigDataUpdate     bool      `json:"is_config_data_update,omitempty"`    // configuration data (XProtect, Gatekeeper and the like)
	IsFirmwareUpdate       bool      `json:"is_firmware_update,omitempty"`       // a firmware update
	IsMajorOSUpdate        bool      `json:"is_major_os_update,omitempty"`       // an upgrade to a later major release
	IsSecurityResponse     bool      `json:"is_security_response,omitempty"`     // a rapid security response (macOS 13.1)
	RestartRequired        bool      `json:"restart_required,omitempty"`         // the Mac restarts to install it
	AllowsInstallLater     bool      `json:"allows_install_later,omitempty"`     // InstallLater is accepted for it
	RequiresBootstrapToken bool      `json:"requires_bootstrap_token,omitempty"` // an Apple silicon Mac can install it with the escrowed bootstrap token
	DeferredUntil          time.Time `json:"deferred_until,omitzero"`            // when a deferral lets it install; zero when not deferred
	AppIdentifiersToClose  []string  `json:"app_identifiers_to_close,omitempty"` // apps to close before installing
	MetadataURL            string    `json:"metadata_url,omitempty"`             // where localized names can be fetched
	// Installer is what macOS runs for this update; see [AvailableOSUpdate.Classify].
	Installer mechanism.Installer `json:"installer"`
	// Kind is Major for an upgrade, RSR for a rapid security response, Minor for
	// another OS update, and NoUpdate for a background update.
	Kind compat.Kind `json:"kind"`
}

// Classify returns the installer and kind of an update from its flags and product
// key: a rapid security response (Background Security Improvement from macOS 26.1) is
// RapidSecurityResponse and RSR; configuration data is BackgroundUpdate; anything else
// is SoftwareUpdate, Major when the Mac or the product key says so and Minor otherwise.
func (u AvailableOSUpdate) Classify() (mechanism.Installer, compat.Kind) {
	return u.classify(ParseProductKey(u.ProductKey))
}

// classify is Classify with the product key already parsed.
func (u AvailableOSUpdate) classify(key ProductKey) (mechanism.Installer, compat.Kind) {
	switch {
	case u.IsSecurityResponse || u.Version.RSR() != 0 || key.Kind == compat.RSR:
		return mechanism.RapidSecurityResponse, compat.RSR
	case u.IsConfigDataUpdate:
		return mechanism.BackgroundUpdate, compat.NoUpdate
	case u.IsMajorOSUpdate || key.Kind == compat.Major:
		return mechanism.SoftwareUpdate, compat.Major
	default:
		return mechanism.SoftwareUpdate, compat.Minor
	}
}

func readAvailable(d dict) AvailableOSUpdate {
	u := AvailableOSUpdate{
		ProductKey:        d.str("ProductKey", true),
		HumanReadableName: d.str("HumanReadableName", false),
		VersionText:       d.str("Version", false),
		BuildText:         d.str("Build", false),
		DeferredUntil:     d.date("DeferredUntil", false),
		MetadataURL:       d.str("MetadataURL", false),
	}
	u.DownloadSize, _ = d.integer("DownloadSize", false)
	u.InstallSize, _ = d.integer("InstallSize", false)
	u.IsCritical, _ = d.boolean("IsCritical", false)
	u.IsConfigDataUpdate, _ = d.boolean("IsConfigDataUpdate", false)
	u.IsFirmwareUpdate, _ = d.boolean("IsFirmwareUpdate", false)
	u.IsMajorOSUpdate, _ = d.boolean("IsMajorOSUpdate", false)
	u.IsSecurityResponse, _ = d.boolean("IsSecurityResponse", false)
	u.RestartRequired, _ = d.boolean("RestartRequired", false)
	u.AllowsInstallLater, _ = d.boolean("AllowsInstallLater", false)
	u.RequiresBootstrapToken, _ = d.boolean("RequiresBootstrapToken", false)
	if apps, ok := d.array("AppIdentifiersToClose", false); ok {
		for i, x := range apps {
			s, ok := x.(string)
			if !ok {
				d.fail(fmt.Sprintf("AppIdentifiersToClose[%d]", i), "want a string, got %s", plistType(x))
				continue
			}
			u.AppIdentifiersToClose = append(u.AppIdentifiersToClose, s)
		}
	}
	supplementalBuild := d.str("SupplementalBuildVersion", false)
	extra := d.str("SupplementalOSVersionExtra", false)
	if v, err := compat.ParseVersionExtra(u.VersionText, extra); err == nil {
		u.Version = v
	}
	for _, text := range []string{supplementalBuild, u.BuildText, u.VersionText} {
		if b, err := compat.ParseBuild(text); err == nil {
			u.Build = b
			break
		}
	}
	key := ParseProductKey(u.ProductKey)
	if !u.Build.IsValid() {
		u.Build = key.Build
	}
	if !u.Version.IsValid() {
		u.Version = key.Version
	}
	u.Installer, u.Kind = u.classify(key)
	return u
}
