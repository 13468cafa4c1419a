package mdmcmd

import (
	"fmt"
	"time"

	"github.com/managedos/managedos/compat"
	"github.com/managedos/managedos/mechanism"
)

// AvailableOSUpdate is one entry of an AvailableOSUpdates answer (Apple's
// mdm/commands/system.update.available.yaml). Flags are FlagUnknown when the Mac did
// not send the key and FlagFalse when it sent <false/> (or 0).
type AvailableOSUpdate struct {
	ProductKey        string `json:"product_key"`         // the key to name the update in ScheduleOSUpdate
	HumanReadableName string `json:"human_readable_name"` // the update's name in the user's language
	// VersionText and BuildText are Version and Build as the Mac sent them. Major
	// upgrades have been seen with a build in Version and no Build (_OSX_18A391);
	// an app or configuration data item has its own version here (Safari's, 2.0),
	// which is not a macOS version.
	VersionText string `json:"version_text"`
	BuildText   string `json:"build_text,omitempty"` // see VersionText
	// Category is what the item updates: macOS, configuration data, firmware, or
	// something else (an app such as Safari); see [AvailableOSUpdate.Classify].
	Category Category `json:"category"`
	// Version is the macOS version the item installs, with the rapid security
	// response letter of SupplementalOSVersionExtra folded in; the zero Version when
	// the item is not macOS or VersionText is not a version.
	Version compat.Version `json:"version,omitzero"`
	// Build is the macOS build the item installs, from Build,
	// SupplementalBuildVersion, a build written in Version, or the ProductKey; the
	// zero Build when the item is not macOS or none reads.
	Build compat.Build `json:"build,omitzero"`
	// DownloadSize and InstallSize are in bytes; 0 when not reported.
	DownloadSize           int64       `json:"download_size,omitempty"`
	InstallSize            int64       `json:"install_size,omitempty"`             // see DownloadSize
	IsCritical             compat.Flag `json:"is_critical,omitzero"`               // a critical update
	IsConfigDataUpdate     compat.Flag `json:"is_config_data_update,omitzero"`     // configuration data (XProtect, Gatekeeper and the like)
	IsFirmwareUpdate       compat.Flag `json:"is_firmware_update,omitzero"`        // a firmware update
	IsMajorOSUpdate        compat.Flag `json:"is_major_os_update,omitzero"`        // an upgrade to a later major release
	IsSecurityResponse     compat.Flag `json:"is_security_response,omitzero"`      // a rapid security response (macOS 13.1)
	RestartRequired        compat.Flag `json:"restart_required,omitzero"`          // the Mac restarts to install it
	AllowsInstallLater     compat.Flag `json:"allows_install_later,omitzero"`      // InstallLater (and NotifyOnly) is accepted for it; see [Options]
	RequiresBootstrapToken compat.Flag `json:"requires_bootstrap_token,omitzero"`  // an Apple silicon Mac can install it with the escrowed bootstrap token
	DeferredUntil          time.Time   `json:"deferred_until,omitzero"`            // when a deferral lets it install; zero when not deferred
	AppIdentifiersToClose  []string    `json:"app_identifiers_to_close,omitempty"` // apps to close before installing
	MetadataURL            string      `json:"metadata_url,omitempty"`             // where localized names can be fetched
	// Installer is what macOS runs for this update; see [AvailableOSUpdate.Classify].
	Installer mechanism.Installer `json:"installer"`
	// Kind is the kind of macOS update: Major, Minor or RSR; NoUpdate for an item
	// that is not macOS.
	Kind compat.Kind `json:"kind"`
}

// Classify returns the installer and kind of an update, as ParseAvailableOSUpdates
// sets them; see [AvailableOSUpdate.Categorize] for the rules.
func (u AvailableOSUpdate) Classify() (mechanism.Installer, compat.Kind) {
	c := u.classify(ParseProductKey(u.ProductKey))
	return c.installer, c.kind
}

// Categorize returns what the item updates. The item's own flags decide first, then
// the form of its product key:
//
//   - IsConfigDataUpdate: configuration data (XProtect, Gatekeeper data, the
//     installer notification), installed in the background; not macOS.
//   - IsSecurityResponse, a rapid security response letter in the version, or an
//     _rsr product key: macOS, a rapid security response.
//   - IsMajorOSUpdate, or a _MACOS_, _OSX_ or MSU_UPDATE_…_major product key:
//     macOS, a major upgrade through Software Update, or through a full installer
//     (Install Assistant) when the key is a catalogue key such as 093-37361.
//   - IsFirmwareUpdate: firmware; not macOS.
//   - Any other MSU_UPDATE_ product key: macOS, a minor update.
//   - Anything else, such as a catalogue key (041-14451, zzzz091-81933) without
//     those flags: not macOS (an app such as Safari or iTunes). Its version is the
//     app's own, so Version stays zero and the kind is NoUpdate.
func (u AvailableOSUpdate) Categorize() Category {
	return u.classify(ParseProductKey(u.ProductKey)).category
}

// classification is what classify decides about an item.
type classification struct {
	category  Category
	installer mechanism.Installer
	kind      compat.Kind
}

// classify is Categorize and Classify with the product key already parsed.
func (u AvailableOSUpdate) classify(key ProductKey) classification {
	switch {
	case u.IsConfigDataUpdate.IsTrue():
		return classification{CategoryConfigurationData, mechanism.BackgroundUpdate, compat.NoUpdate}
	case u.IsSecurityResponse.IsTrue() || u.Version.RSR() != 0 || key.Kind == compat.RSR:
		return classification{CategoryMacOS, mechanism.RapidSecurityResponse, compat.RSR}
	case (u.IsMajorOSUpdate.IsTrue() || key.Kind == compat.Major) && !key.MacOS:
		return classification{CategoryMacOS, mechanism.InstallAssistant, compat.Major}
	case u.IsMajorOSUpdate.IsTrue() || key.Kind == compat.Major:
		return classification{CategoryMacOS, mechanism.SoftwareUpdate, compat.Major}
	case u.IsFirmwareUpdate.IsTrue():
		return classification{CategoryFirmware, mechanism.SoftwareUpdate, compat.NoUpdate}
	case key.MacOS:
		return classification{CategoryMacOS, mechanism.SoftwareUpdate, compat.Minor}
	default:
		return classification{CategoryOther, mechanism.SoftwareUpdate, compat.NoUpdate}
	}
}

func readAvailable(d dict) AvailableOSUpdate {
	u := AvailableOSUpdate{
		ProductKey:             d.str("ProductKey", true),
		HumanReadableName:      d.str("HumanReadableName", false),
		VersionText:            d.str("Version", false),
		BuildText:              d.str("Build", false),
		DeferredUntil:          d.date("DeferredUntil", false),
		MetadataURL:            d.str("MetadataURL", false),
		IsCritical:             d.flag("IsCritical"),
		IsConfigDataUpdate:     d.flag("IsConfigDataUpdate"),
		IsFirmwareUpdate:       d.flag("IsFirmwareUpdate"),
		IsMajorOSUpdate:        d.flag("IsMajorOSUpdate"),
		IsSecurityResponse:     d.flag("IsSecurityResponse"),
		RestartRequired:        d.flag("RestartRequired"),
		AllowsInstallLater:     d.flag("AllowsInstallLater"),
		RequiresBootstrapToken: d.flag("RequiresBootstrapToken"),
	}
	u.DownloadSize, _ = d.integer("DownloadSize", false)
	u.InstallSize, _ = d.integer("InstallSize", false)
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
	key := ParseProductKey(u.ProductKey)
	// The letter decides whether this is a rapid security response before anything
	// else is known, so read the version first and drop it if the item is not macOS.
	if v, err := compat.ParseVersionExtra(u.VersionText, extra); err == nil {
		u.Version = v
	}
	c := u.classify(key)
	u.Category, u.Installer, u.Kind = c.category, c.installer, c.kind
	if c.category != CategoryMacOS {
		u.Version = compat.Version{}
		return u
	}
	for _, text := range []string{supplementalBuild, u.BuildText, u.VersionText} {
		if b, err := compat.ParseBuild(text); err == nil {
			u.Build = b
			break
		}
	}
	if !u.Build.IsValid() {
		u.Build = key.Build
	}
	if !u.Version.IsValid() {
		u.Version = key.Version
	}
	return u
}
