package mdmcmd

import (
	"bytes"
	"fmt"

	"github.com/managedos/managedos/compat"
	"github.com/managedos/managedos/internal/errtext"
)

// MachineInfo is what a Mac says about itself when Setup Assistant asks the MDM
// server for its enrollment profile during Automated Device Enrollment: the
// MachineInfo property list of Apple's schema (other/machineinfo.yaml in
// github.com/apple/device-management). The Mac signs it (CMS); verifying the
// signature is the vendor's enrollment endpoint's job, and [ParseMachineInfo]
// reads the signed content.
//
// Before macOS 14 a Mac sends no OS_VERSION: OSVersion is then the zero Version
// and only the build tells which major release the Mac runs (see
// [MachineInfo.Release] and [MachineInfo.AtLeast]). Never read that as "13.0".
type MachineInfo struct {
	// UDID is the Mac's UDID (UDID); empty when not sent.
	UDID string `json:"udid,omitempty"`
	// Serial is the hardware serial number (SERIAL); empty when not sent.
	Serial string `json:"serial,omitempty"`
	// Product is the hardware model identifier (PRODUCT), such as Mac14,2; never
	// empty in a parsed MachineInfo.
	Product string `json:"product"`
	// Build is the build the Mac runs without any rapid security response or
	// background security improvement (VERSION), such as 23E214; always valid in a
	// parsed MachineInfo.
	Build compat.Build `json:"build"`
	// OSVersion is the macOS version (OS_VERSION, macOS 14 and later) with the
	// supplemental letter of SUPPLEMENTAL_OS_VERSION_EXTRA folded in, such as
	// 26.3.1 (a); the zero Version when the Mac did not send it (before macOS 14).
	OSVersion compat.Version `json:"os_version,omitzero"`
	// SupplementalBuild is the build with the applied rapid security response or
	// background security improvement (SUPPLEMENTAL_BUILD_VERSION, macOS 14), such
	// as 25D771280a; Macs without one send their Build again. The zero Build when
	// not sent.
	SupplementalBuild compat.Build `json:"supplemental_build,omitzero"`
	// SoftwareUpdateDeviceID is the ID Apple's software-update feed lists releases
	// by (SOFTWARE_UPDATE_DEVICE_ID, macOS 14.4), such as J413AP; empty when not
	// sent.
	SoftwareUpdateDeviceID string `json:"software_update_device_id,omitempty"`
	// MDMCanRequestSoftwareUpdate is MDM_CAN_REQUEST_SOFTWARE_UPDATE (macOS 14) as
	// sent: FlagUnknown when the key is absent, which Apple's schema defines as
	// false. Ask [MachineInfo.CanRequestSoftwareUpdate] for the effective answer.
	MDMCanRequestSoftwareUpdate compat.Flag `json:"mdm_can_request_software_update,omitzero"`
	// Language is the language the user picked (LANGUAGE), such as en; empty when
	// not sent.
	Language string `json:"language,omitempty"`
	// Raw is the property list as received.
	Raw []byte `json:"-"`
}

// MachineInfo keys, as Apple spells them.
const (
	keyUDID              = "UDID"
	keySerial            = "SERIAL"
	keyProduct           = "PRODUCT"
	keyVersion           = "VERSION"
	keyOSVersion         = "OS_VERSION"
	keySupplementalBuild = "SUPPLEMENTAL_BUILD_VERSION"
	keySupplementalExtra = "SUPPLEMENTAL_OS_VERSION_EXTRA"
	keyDeviceID          = "SOFTWARE_UPDATE_DEVICE_ID"
	keyCanRequest        = "MDM_CAN_REQUEST_SOFTWARE_UPDATE"
	keyLanguage          = "LANGUAGE"
)

// ParseMachineInfo reads a MachineInfo with the default limits; see
// [ParseOptions.ParseMachineInfo].
func ParseMachineInfo(data []byte) (*MachineInfo, error) {
	return ParseOptions{}.ParseMachineInfo(data)
}

// ParseMachineInfo reads a MachineInfo: the XML or binary property list a Mac
// signs, without its CMS envelope. Input over o.Limits fails with an error wrapping
// [compat.ErrTooLarge] (or [compat.ErrMalformed]) before anything is decoded.
//
// Every other failure wraps [ErrInvalidAnswer] and names the key: input that is
// not an XML or binary plist dictionary; PRODUCT or VERSION missing or empty; a
// key of the wrong type; a VERSION, SUPPLEMENTAL_BUILD_VERSION, OS_VERSION or
// SUPPLEMENTAL_OS_VERSION_EXTRA that is not a macOS build, version or supplemental
// letter; builds and version that belong to different releases; and OS_VERSION
// missing from a Mac whose build is macOS 14 or later, where Apple requires it.
// MDM_CAN_REQUEST_SOFTWARE_UPDATE may also be the integer 0 or 1. Unknown keys, and
// the keys Apple defines only for other devices (IMEI, MEID, PAIRING_TOKEN), are
// ignored. UDID and SERIAL are not needed for any decision here, so a MachineInfo
// without them still reads; the enrollment endpoint decides whether to accept it.
func (o ParseOptions) ParseMachineInfo(data []byte) (*MachineInfo, error) {
	if len(data) > 1 && data[0] == 0x30 && data[1]&0x80 != 0 { // a DER or BER SEQUENCE of 128 bytes or more
		return nil, fmt.Errorf("mdmcmd: machine info: not an XML or binary property list (this looks like DER: pass the CMS envelope's signed content, not the envelope): %w", ErrInvalidAnswer)
	}
	top, err := o.decode(data, "machine info")
	if err != nil {
		return nil, err
	}
	m, ok := top.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("mdmcmd: machine info: want a dictionary, got %s: %w", plistType(top), ErrInvalidAnswer)
	}
	var errs errtext.Problems
	info := readMachineInfo(dict{m: m, errs: &errs})
	if errs.Len() > 0 {
		return nil, fmt.Errorf("mdmcmd: machine info: %w", errs.Err())
	}
	info.Raw = bytes.Clone(data)
	return info, nil
}

// readMachineInfo reads every key of a MachineInfo dictionary and checks that its
// builds and version agree, recording each problem in d.
func readMachineInfo(d dict) *MachineInfo {
	info := &MachineInfo{
		UDID:                   d.str(keyUDID, false),
		Serial:                 d.str(keySerial, false),
		SoftwareUpdateDeviceID: d.str(keyDeviceID, false),
		Language:               d.str(keyLanguage, false),
	}
	info.Product, _ = d.text(keyProduct, true)
	info.Build, _ = d.build(keyVersion, true)
	info.SupplementalBuild, _ = d.build(keySupplementalBuild, false)
	var sent bool
	info.OSVersion, sent = machineVersion(d)
	info.MDMCanRequestSoftwareUpdate = d.flag(keyCanRequest)
	if !info.Build.IsValid() {
		return info // VERSION is already reported; nothing to check against
	}
	darwin := info.Build.Major()
	if b := info.SupplementalBuild; b.IsValid() && b.Major() != darwin {
		d.fail(keySupplementalBuild, "%v is not a build of the same release as VERSION %v", b, info.Build)
	}
	switch v := info.OSVersion; {
	case v.IsValid() && v.DarwinMajor() != darwin:
		d.fail(keyOSVersion, "%v does not match VERSION %v (a build of %s)", v, info.Build, releaseName(info.Build))
	case !sent && info.Build.Release().Compare(macOS14) >= 0:
		d.fail(keyOSVersion, "missing (Apple requires it from macOS 14, and VERSION %v is %s)", info.Build, releaseName(info.Build))
	}
	return info
}

// machineVersion reads OS_VERSION with SUPPLEMENTAL_OS_VERSION_EXTRA; sent reports
// a non-empty OS_VERSION, valid or not. The letter may come in the extra key
// ("26.3.1" and "(a)"), inline ("26.3.1 (a)"), or in both when they agree.
func machineVersion(d dict) (v compat.Version, sent bool) {
	s, sent := d.text(keyOSVersion, false)
	extra, _ := d.text(keySupplementalExtra, false)
	if !sent {
		if extra != "" {
			d.fail(keySupplementalExtra, "%s without OS_VERSION", errtext.Quote(extra))
		}
		return compat.Version{}, false
	}
	v, err := compat.ParseVersion(s)
	if err != nil {
		d.fail(keyOSVersion, "%s is not a macOS version", errtext.Quote(s))
		return compat.Version{}, true
	}
	switch {
	case extra == "" || v.Extra() == extra:
		return v, true
	case v.RSR() != 0:
		d.fail(keySupplementalExtra, "%s disagrees with OS_VERSION %v", errtext.Quote(extra), v)
		return compat.Version{}, true
	}
	withExtra, err := compat.ParseVersionExtra(s, extra)
	if err != nil {
		d.fail(keySupplementalExtra, "%s is not a supplemental letter such as (a) for OS_VERSION %v", errtext.Quote(extra), v)
		return compat.Version{}, true
	}
	return withExtra, true
}

// releaseName names the major release of b for messages: "macOS 13", "macOS
// 10.15", or "no known macOS release (Darwin 3)".
func releaseName(b compat.Build) string {
	if r := b.Release(); r.IsValid() {
		return "macOS " + r.ReleaseName()
	}
	return fmt.Sprintf("no known macOS release (Darwin %d)", b.Major())
}

// Mac returns the device snapshot: Model from PRODUCT, Chip from the model
// (ChipUnknown for a model [compat.ChipForModel] does not know), Version from
// OS_VERSION with its supplemental letter, Build from SUPPLEMENTAL_BUILD_VERSION
// when sent and VERSION otherwise, DeviceID, Serial and UDID. Version is the zero
// Version for a Mac before macOS 14, which sends no OS_VERSION: use
// [MachineInfo.Release] for what is known then. Supervised, BootstrapToken and
// Beta stay unknown: a Mac in Setup Assistant has not enrolled yet.
func (m *MachineInfo) Mac() compat.Mac {
	chip, _ := compat.ChipForModel(m.Product)
	return compat.Mac{
		Model:    m.Product,
		DeviceID: m.SoftwareUpdateDeviceID,
		Chip:     chip,
		Version:  m.OSVersion,
		Build:    m.runningBuild(),
		Serial:   m.Serial,
		UDID:     m.UDID,
	}
}

// runningBuild is the build the Mac runs, supplemental update included:
// SUPPLEMENTAL_BUILD_VERSION when sent, VERSION otherwise.
func (m *MachineInfo) runningBuild() compat.Build {
	if m.SupplementalBuild.IsValid() {
		return m.SupplementalBuild
	}
	return m.Build
}

// Release returns the major macOS release the Mac runs, as Apple names majors (14,
// 26, 10.15), from its build: known even before macOS 14, when OSVersion is not.
// It is a release, not a version: Release 13 means "some 13.x", never 13.0. The zero
// Version when the build belongs to no macOS release.
func (m *MachineInfo) Release() compat.Version { return m.Build.Release() }

// AtLeast reports whether the Mac runs v or later: FlagTrue or FlagFalse when the
// MachineInfo tells, FlagUnknown when it cannot. With OS_VERSION (macOS 14 and
// later) the answer is always known. Before 14 only the major release is: a Mac on
// 13.x is below 14.2 and at least 12.6, but whether it is at least 13.5 is unknown
// without mapping its build to a version (Apple's software-update feed lists the
// build of each release). A zero v is FlagUnknown.
func (m *MachineInfo) AtLeast(v compat.Version) compat.Flag {
	switch {
	case !v.IsValid():
		return compat.FlagUnknown
	case m.OSVersion.IsValid():
		return compat.FlagOf(m.OSVersion.Compare(v) >= 0)
	}
	r := m.Release()
	switch {
	case !r.IsValid():
		return compat.FlagUnknown
	case r.SameMajor(v):
		// Every version of the release is at least its first, so only v being the
		// release itself (13, 13.0, 13.0.0) is decided.
		if v.Compare(r) == 0 {
			return compat.FlagTrue
		}
		return compat.FlagUnknown
	}
	return compat.FlagOf(r.Compare(v) > 0)
}

// CanRequestSoftwareUpdate reports whether the MDM server may answer this Mac's
// enrollment with the com.apple.softwareupdate.required 403 ([SoftwareUpdateRequired]):
// the Mac runs macOS 14 or later and sent MDM_CAN_REQUEST_SOFTWARE_UPDATE true. An
// absent flag is false, as Apple's schema says. When it is false, the Mac must be
// let in and updated after enrollment: a 403 it cannot act on leaves it unable to
// finish Setup Assistant.
func (m *MachineInfo) CanRequestSoftwareUpdate() bool {
	return m.MDMCanRequestSoftwareUpdate.IsTrue() && m.Release().Compare(macOS14) >= 0
}

// DescribeOS says in words what the MachineInfo tells about the Mac's macOS, for
// logs and reasons: "macOS 14.4 (23E214)", "macOS 26.3.1 (a) (25D771280a)", or,
// before macOS 14, "macOS 13 (22G120), exact version unknown: the Mac sends
// OS_VERSION only from macOS 14".
func (m *MachineInfo) DescribeOS() string {
	build := m.runningBuild()
	if m.OSVersion.IsValid() {
		return fmt.Sprintf("macOS %v (%v)", m.OSVersion, build)
	}
	return fmt.Sprintf("%s (%v), exact version unknown: the Mac sends OS_VERSION only from macOS 14", releaseName(m.Build), build)
}
