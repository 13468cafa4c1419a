package mdmcmd

import (
	"fmt"
	"slices"

	"howett.net/plist"

	"github.com/managedos/managedos/compat"
)

// Command is a complete MDM command: its CommandUUID, its RequestType and a payload
// the builders have validated. The zero Command is not a command and does not encode.
// Its JSON form, for a vendor's queue or database, is
// {"command_uuid","request_type","plist"}; see [Command.MarshalJSON].
type Command struct {
	uuid        string
	requestType string
	envelope    any // a wireCommand of the concrete payload type
}

// UUID returns the command's CommandUUID.
func (c Command) UUID() string { return c.uuid }

// RequestType returns the command's Command.RequestType, such as "ScheduleOSUpdate".
func (c Command) RequestType() string { return c.requestType }

// Plist encodes the command as the XML property list an MDM server sends, with
// CommandUUID and Command (holding RequestType and the payload keys). Keys are
// sorted, so the same command always gives the same bytes.
func (c Command) Plist() ([]byte, error) {
	if c.envelope == nil {
		return nil, fmt.Errorf("mdmcmd: zero Command: %w", ErrInvalidCommand)
	}
	if b, ok := appendPlistDirect(nil, c.envelope); ok { // plist_write.go
		return b, nil
	}
	b, err := plist.MarshalIndent(c.envelope, plist.XMLFormat, "\t")
	if err != nil {
		return nil, fmt.Errorf("mdmcmd: encode %s: %v: %w", c.requestType, err, ErrInvalidCommand)
	}
	return b, nil
}

// wireCommand is the envelope of every command; its payload keeps its concrete type,
// which keeps encoding free of reflection on an interface field.
type wireCommand[P any] struct {
	CommandUUID string `plist:"CommandUUID"`
	Command     P      `plist:"Command"`
}

// wireRequest is the payload of a command with no keys but RequestType.
type wireRequest struct {
	RequestType string `plist:"RequestType"`
}

// newCommand checks what every command needs: a CommandUUID the plist carries
// unchanged, and for the software update commands a Mac that still has them. Its
// error is a *KeyError naming CommandUUID or Command.RequestType.
func newCommand[P any](uuid, requestType string, deviceOS compat.Version, p P) (Command, error) {
	if uuid == "" {
		return Command{}, &KeyError{Key: "CommandUUID", Err: fmt.Errorf("mdmcmd: %s: CommandUUID: missing: %w", requestType, ErrInvalidCommand)}
	}
	if err := checkWireText("CommandUUID", uuid); err != nil {
		return Command{}, &KeyError{Key: "CommandUUID", Err: fmt.Errorf("mdmcmd: %s: %w", requestType, err)}
	}
	if requestType != requestDeviceInformation && deviceOS.IsValid() && deviceOS.Compare(removedIn) >= 0 {
		return Command{}, &KeyError{Key: "Command.RequestType", Err: fmt.Errorf("mdmcmd: %s for a Mac on %v: deprecated in macOS 26.0 and removed in 27; use a DDM declaration: %w", requestType, deviceOS, ErrRemoved)}
	}
	return Command{uuid: uuid, requestType: requestType, envelope: wireCommand[P]{CommandUUID: uuid, Command: p}}, nil
}

// removedIn is the macOS release without the software update commands.
var removedIn = compat.MustParseVersion("27")

// Request types.
const (
	requestScheduleOSUpdate     = "ScheduleOSUpdate"
	requestScheduleOSUpdateScan = "ScheduleOSUpdateScan"
	requestOSUpdateStatus       = "OSUpdateStatus"
	requestAvailableOSUpdates   = "AvailableOSUpdates"
	requestDeviceInformation    = "DeviceInformation"
)

// NewScheduleOSUpdateScan builds a ScheduleOSUpdateScan command, which asks the Mac
// to scan for updates so that AvailableOSUpdates answers with fresh results. With
// force, the scan starts at once rather than at a time the Mac picks. deviceOS is the
// Mac's version, or the zero Version when unknown.
func NewScheduleOSUpdateScan(uuid string, deviceOS compat.Version, force bool) (Command, error) {
	return newCommand(uuid, requestScheduleOSUpdateScan, deviceOS, wireScan{RequestType: requestScheduleOSUpdateScan, Force: force})
}

type wireScan struct {
	RequestType string `plist:"RequestType"`
	Force       bool   `plist:"Force"`
}

// NewOSUpdateStatus builds an OSUpdateStatus query; [ParseOSUpdateStatus] reads the
// answer. deviceOS is the Mac's version, or the zero Version when unknown.
func NewOSUpdateStatus(uuid string, deviceOS compat.Version) (Command, error) {
	return newCommand(uuid, requestOSUpdateStatus, deviceOS, wireRequest{RequestType: requestOSUpdateStatus})
}

// NewAvailableOSUpdates builds an AvailableOSUpdates query; [ParseAvailableOSUpdates]
// reads the answer. deviceOS is the Mac's version, or the zero Version when unknown.
func NewAvailableOSUpdates(uuid string, deviceOS compat.Version) (Command, error) {
	return newCommand(uuid, requestAvailableOSUpdates, deviceOS, wireRequest{RequestType: requestAvailableOSUpdates})
}

// deviceInformationQueries are the keys NewDeviceInformation asks for.
var deviceInformationQueries = [...]string{
	"OSVersion", "BuildVersion", "SupplementalOSVersionExtra", "SupplementalBuildVersion",
	"IsAppleSilicon", "ProductName", "ModelName", "SerialNumber", "SoftwareUpdateDeviceID",
	"UDID", "IsSupervised", "AwaitingConfiguration", "OSUpdateSettings",
}

// DeviceInformationQueries returns the keys [NewDeviceInformation] asks for: what the
// library needs for the device snapshot ([DeviceInformation.Mac]: model, chip,
// version and build with their rapid security response parts, serial number, UDID,
// software update device ID), for checking a [compat.Decision]'s Requires
// (IsSupervised; the bootstrap token is known from the Mac's check-in, not asked),
// and for the enrollment and caching rules (AwaitingConfiguration, OSUpdateSettings).
// The slice is a fresh copy.
func DeviceInformationQueries() []string { return slices.Clone(deviceInformationQueries[:]) }

// NewDeviceInformation builds a DeviceInformation query for the keys of
// [DeviceInformationQueries]; [ParseDeviceInformation] reads the answer.
func NewDeviceInformation(uuid string) (Command, error) {
	return newCommand(uuid, requestDeviceInformation, compat.Version{}, wireDeviceInformation{
		RequestType: requestDeviceInformation,
		Queries:     DeviceInformationQueries(),
	})
}

type wireDeviceInformation struct {
	RequestType string   `plist:"RequestType"`
	Queries     []string `plist:"Queries"`
}
