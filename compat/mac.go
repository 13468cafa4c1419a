package compat

// Mac is what the library knows about one Mac: its snapshot, as built from a
// DeviceInformation answer (mdmcmd), a DDM status report (ddm), Setup Assistant's
// MachineInfo, or a vendor's inventory. Every field's zero value means "not known";
// decisions use what is known and say what they could not check.
//
// Mac is a comparable value: two snapshots that say the same things are ==. A later,
// possibly partial report updates a snapshot with [Mac.Merge]; [Mac.Missing] says which
// of a [Decision]'s prerequisites it shows are not in place; [Tracker.State] follows an
// update on it. Its JSON form uses the snake_case keys below, unknown fields left out,
// and reading it back refuses keys it does not know.
type Mac struct {
	// Model is the hardware model identifier, such as MacBookPro18,3 or Mac14,2
	// (DeviceInformation ProductName, DDM device.model.identifier, MachineInfo
	// PRODUCT); empty when not known.
	Model string `json:"model,omitempty"`
	// DeviceID is the software-update device ID Apple's feed lists releases by,
	// such as J413AP, J152FAP or Mac-63001698E7A34814 (DeviceInformation
	// SoftwareUpdateDeviceID, DDM softwareupdate.device-id from macOS 15,
	// MachineInfo SOFTWARE_UPDATE_DEVICE_ID from macOS 14.4); empty when not known.
	DeviceID string `json:"device_id,omitempty"`
	// Chip is the processor family; ChipUnknown when neither reported nor implied
	// by Model.
	Chip Chip `json:"chip,omitzero"`
	// Version is the macOS version with any rapid security response or background
	// security improvement letter folded in (13.3.1 (a)); zero when not known.
	Version Version `json:"version,omitzero"`
	// Build is the build the Mac runs: the supplemental build (22E772610a) when a
	// rapid security response is applied, the base build (22E261) otherwise; zero
	// when not known.
	Build Build `json:"build,omitzero"`
	// Serial is the hardware serial number; empty when not known.
	Serial string `json:"serial,omitempty"`
	// UDID is the device's UDID; empty when not known.
	UDID string `json:"udid,omitempty"`
	// Supervised is whether the Mac is supervised (enrolled through Automated
	// Device Enrollment): DDM enforcement and ScheduleOSUpdate both need it.
	Supervised Flag `json:"supervised,omitzero"`
	// BootstrapToken is whether the MDM server holds the Mac's escrowed bootstrap
	// token (the vendor knows from the Mac's SetBootstrapToken check-in); Apple
	// silicon needs it to install unattended over MDM commands.
	BootstrapToken Flag `json:"bootstrap_token,omitzero"`
	// Beta is whether the Mac is enrolled in a beta program (DDM
	// softwareupdate.beta-enrollment, macOS 15 and later).
	Beta Flag `json:"beta,omitzero"`
	// BetaProgram is the name of the beta program the Mac is enrolled in, when
	// Beta is FlagTrue and the Mac named it.
	BetaProgram string `json:"beta_program,omitempty"`
}
