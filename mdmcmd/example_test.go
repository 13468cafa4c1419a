package mdmcmd_test

import (
	"errors"
	"fmt"

	"github.com/managedos/managedos/compat"
	"github.com/managedos/managedos/mdmcmd"
)

// An Apple silicon Mac on macOS 12 upgrades with ScheduleOSUpdate and InstallASAP.
func ExampleFromDecision() {
	d, _ := compat.Resolve(compat.AppleSilicon, compat.MustParseVersion("12.6"), compat.MustParseVersion("13.6"))
	cmd, err := mdmcmd.FromDecision(d, mdmcmd.Options{UUID: "0001"})
	if err != nil {
		fmt.Println(err)
		return
	}
	plist, _ := cmd.Plist()
	content, _ := mdmcmd.ParseCommand(plist)
	fmt.Println(content.RequestType, content.Updates[0].InstallAction, content.Updates[0].ProductVersion)
	// Output:
	// ScheduleOSUpdate InstallASAP 13.6
}

// A command Apple would reject is never built: the error names the key and the rule.
func ExampleNewScheduleOSUpdate() {
	_, err := mdmcmd.NewScheduleOSUpdate("0002", compat.MustParseVersion("13.6"), mdmcmd.Update{
		ProductVersion: compat.MustParseVersion("14.2"),
		InstallAction:  mdmcmd.NotifyOnly,
	})
	fmt.Println(errors.Is(err, mdmcmd.ErrInvalidCommand))
	fmt.Println(err)
	// Output:
	// true
	// mdmcmd: ScheduleOSUpdate: Updates[0].InstallAction: NotifyOnly is not accepted for a major upgrade before macOS 14 (the Mac answers error 12008): invalid command
}

// OSUpdateStatus answers keep DownloadPercentComplete as the fraction the Mac sends,
// even when it sends integers.
func ExampleParseOSUpdateStatus() {
	answer := []byte(`<?xml version="1.0" encoding="UTF-8"?>
<plist version="1.0"><dict>
	<key>CommandUUID</key><string>0003</string>
	<key>Status</key><string>Acknowledged</string>
	<key>OSUpdateStatus</key><array><dict>
		<key>ProductKey</key><string>MSU_UPDATE_22G313_patch_13.6.1_minor</string>
		<key>IsDownloaded</key><integer>1</integer>
		<key>DownloadPercentComplete</key><integer>1</integer>
		<key>Status</key><string>Idle</string>
	</dict></array>
</dict></plist>`)
	a, err := mdmcmd.ParseOSUpdateStatus(answer)
	if err != nil {
		fmt.Println(err)
		return
	}
	item := a.OSUpdateStatus[0]
	fmt.Println(item.IsDownloaded, item.DownloadFraction*100, item.Status)
	// Output:
	// true 100 Idle
}

// Refusals from the Mac become typed errors to match, not strings to grep.
func ExampleResult_Err() {
	answer := []byte(`<?xml version="1.0" encoding="UTF-8"?>
<plist version="1.0"><dict>
	<key>CommandUUID</key><string>0004</string>
	<key>Status</key><string>Error</string>
	<key>ErrorChain</key><array><dict>
		<key>ErrorCode</key><integer>12008</integer>
		<key>ErrorDomain</key><string>MCMDMErrorDomain</string>
	</dict></array>
</dict></plist>`)
	a, _ := mdmcmd.ParseScheduleOSUpdate(answer)
	var refused *mdmcmd.CommandError
	if errors.As(a.Err(), &refused) {
		fmt.Println(refused.Has("MCMDMErrorDomain", 12008))
	}
	// Output:
	// true
}

// Available updates are classified by their own flags, then their product key's
// form: an app update under a catalogue key is not a macOS update at all.
func ExampleAvailableOSUpdate_Classify() {
	u := mdmcmd.AvailableOSUpdate{ProductKey: "MSU_UPDATE_22F770820d_patch_13.4.1_rsr", IsSecurityResponse: compat.FlagTrue}
	fmt.Println(u.Classify())
	fmt.Println(mdmcmd.AvailableOSUpdate{ProductKey: "_OSX_23A344"}.Classify())
	fmt.Println(mdmcmd.AvailableOSUpdate{ProductKey: "041-14451", IsConfigDataUpdate: compat.FlagTrue}.Classify())
	itunes := mdmcmd.AvailableOSUpdate{ProductKey: "zzzz091-81933", VersionText: "12.7.5"}
	fmt.Println(itunes.Categorize(), itunes.Kind)
	// Output:
	// rapid-security-response rsr
	// software-update major
	// background-update none
	// other none
}

// A Mac in Setup Assistant sends its MachineInfo; the library reads it into the
// device snapshot and says whether the server may ask it to update first.
func ExampleParseMachineInfo() {
	machineInfo := []byte(`<?xml version="1.0" encoding="UTF-8"?>
<plist version="1.0"><dict>
	<key>PRODUCT</key><string>Mac14,2</string>
	<key>VERSION</key><string>23E214</string>
	<key>OS_VERSION</key><string>14.4</string>
	<key>SOFTWARE_UPDATE_DEVICE_ID</key><string>J413AP</string>
	<key>MDM_CAN_REQUEST_SOFTWARE_UPDATE</key><true/>
</dict></plist>`)
	info, err := mdmcmd.ParseMachineInfo(machineInfo)
	if err != nil {
		fmt.Println(err)
		return
	}
	mac := info.Mac()
	fmt.Println(mac.Model, mac.Chip, mac.DeviceID, mac.Version, mac.Build)
	fmt.Println(info.CanRequestSoftwareUpdate())
	// Output:
	// Mac14,2 apple-silicon J413AP 14.4 23E214
	// true
}

// A Mac before macOS 14 sends only its build: the major release is known, the
// exact version is not, and it cannot be asked to update before it enrolls.
func ExampleMachineInfo_Release() {
	info, _ := mdmcmd.ParseMachineInfo([]byte(`<plist version="1.0"><dict>
	<key>PRODUCT</key><string>MacBookPro18,3</string>
	<key>VERSION</key><string>22G120</string>
</dict></plist>`))
	fmt.Println(info.Release().ReleaseName(), info.Mac().Version.IsValid())
	fmt.Println(info.DescribeOS())
	fmt.Println(info.AtLeast(compat.MustParseVersion("14.2")), info.AtLeast(compat.MustParseVersion("13.5")))
	fmt.Println(info.CanRequestSoftwareUpdate())
	// Output:
	// 13 false
	// macOS 13 (22G120), exact version unknown: the Mac sends OS_VERSION only from macOS 14
	// false unknown
	// false
}

// The 403 body that makes an enrolling Mac update first, in the format and with
// the Content-Type the vendor's endpoint sends.
func ExampleMachineInfo_RequireUpdate() {
	info, _ := mdmcmd.ParseMachineInfo([]byte(`<plist version="1.0"><dict>
	<key>PRODUCT</key><string>Mac14,2</string>
	<key>VERSION</key><string>23E214</string>
	<key>OS_VERSION</key><string>14.4</string>
	<key>MDM_CAN_REQUEST_SOFTWARE_UPDATE</key><true/>
</dict></plist>`))
	body, err := info.RequireUpdate(compat.MustParseVersion("15.7.9"), compat.MustParseBuild("24G830"), mdmcmd.RequiredOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	data, contentType, _ := body.Encode(mdmcmd.FormatJSON)
	fmt.Println("HTTP 403, Content-Type:", contentType)
	fmt.Println(string(data))
	// Output:
	// HTTP 403, Content-Type: application/json
	// {"code":"com.apple.softwareupdate.required","details":{"OSVersion":"15.7.9","BuildVersion":"24G830"}}
}

// A body Apple's schema does not allow is never built: here a beta program for a
// Mac that cannot read it.
func ExampleNewSoftwareUpdateRequired() {
	_, err := mdmcmd.NewSoftwareUpdateRequired(compat.MustParseVersion("26.1"), compat.Build{}, mdmcmd.RequiredOptions{
		DeviceOS:           compat.MustParseVersion("14.4"),
		RequireBetaProgram: mdmcmd.BetaProgram{Description: "macOS beta", Token: "token"},
	})
	fmt.Println(errors.Is(err, mdmcmd.ErrInvalidCommand))
	fmt.Println(err)
	// Output:
	// true
	// mdmcmd: software update required: details.RequireBetaProgram: needs macOS 14.5, the Mac runs 14.4: invalid command
}

// A DeviceInformation answer gives the Mac's snapshot, the version with its rapid
// security response letter and the build of the response.
func ExampleDeviceInformation_Mac() {
	answer := []byte(`<?xml version="1.0" encoding="UTF-8"?>
<plist version="1.0"><dict>
	<key>CommandUUID</key><string>0006</string>
	<key>Status</key><string>Acknowledged</string>
	<key>QueryResponses</key><dict>
		<key>ProductName</key><string>Mac14,2</string>
		<key>OSVersion</key><string>13.4.1</string>
		<key>SupplementalOSVersionExtra</key><string>(c)</string>
		<key>BuildVersion</key><string>22F82</string>
		<key>SupplementalBuildVersion</key><string>22F770820d</string>
		<key>IsSupervised</key><true/>
	</dict>
</dict></plist>`)
	a, err := mdmcmd.ParseDeviceInformation(answer)
	if err != nil {
		fmt.Println(err)
		return
	}
	mac, err := a.DeviceInformation.Mac()
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(mac.Model, mac.Chip, mac.Version, mac.Build, mac.Supervised)
	// Output:
	// Mac14,2 apple-silicon 13.4.1 (c) 22F770820d true
}
