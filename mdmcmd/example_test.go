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

// Available updates are classified by installer and kind.
func ExampleAvailableOSUpdate_Classify() {
	u := mdmcmd.AvailableOSUpdate{ProductKey: "MSU_UPDATE_22F770820d_patch_13.4.1_rsr", IsSecurityResponse: true}
	fmt.Println(u.Classify())
	fmt.Println(mdmcmd.AvailableOSUpdate{ProductKey: "_OSX_23A344"}.Classify())
	fmt.Println(mdmcmd.AvailableOSUpdate{ProductKey: "041-14451", IsConfigDataUpdate: true}.Classify())
	// Output:
	// rapid-security-response rsr
	// software-update major
	// background-update none
}
