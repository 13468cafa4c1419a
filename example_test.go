package managedos_test

import (
	"fmt"
	"time"

	"github.com/managedos/managedos/compat"
	"github.com/managedos/managedos/ddm"
	"github.com/managedos/managedos/lint"
	"github.com/managedos/managedos/mdmcmd"
	"github.com/managedos/managedos/mechanism"
)

// The flow starts with a decision: how does this Mac reach that version?
func Example() {
	chip, _ := compat.ChipForModel("MacBookPro18,3")
	current, _ := compat.ParseVersionExtra("13.4.1", "(a)")
	target := compat.MustParseVersion("13.4.1 (c)")
	d, err := compat.Resolve(chip, current, target)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%v on %v → %v: %v via %v (%v), requires %v\n", d.Chip, d.Current, d.Target, d.Kind, d.Delivery, d.Installer, d.Requires)
	// Output:
	// apple-silicon on 13.4.1 (a) → 13.4.1 (c): rsr via mdm-commands (rapid-security-response), requires supervised+bootstrap-token
}

// The whole loop for a Mac on macOS 13: decide, build the command, read the Mac's
// status answers, and decide when a download that never progresses means the update
// is already cached.
func Example_enforcementLoop() {
	d, _ := compat.Resolve(compat.Intel, compat.MustParseVersion("13.1"), compat.MustParseVersion("13.6"))
	cmd, _ := mdmcmd.FromDecision(d, mdmcmd.Options{UUID: "cmd-1"})
	fmt.Println("send", cmd.RequestType(), "for", d.Target)

	// Three OSUpdateStatus answers, an hour apart, stuck at the same fraction.
	start := time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)
	var obs []mechanism.Observation
	for i := range 3 {
		answer := fmt.Sprintf(`<?xml version="1.0" encoding="UTF-8"?><plist version="1.0"><dict>
			<key>CommandUUID</key><string>status-%d</string><key>Status</key><string>Acknowledged</string>
			<key>OSUpdateStatus</key><array><dict>
				<key>ProductKey</key><string>MSU_UPDATE_22G120_patch_13.6_minor</string>
				<key>IsDownloaded</key><false/>
				<key>DownloadPercentComplete</key><real>0.42</real>
				<key>Status</key><string>Downloading</string>
			</dict></array></dict></plist>`, i)
		a, err := mdmcmd.ParseOSUpdateStatus([]byte(answer))
		if err != nil {
			fmt.Println(err)
			return
		}
		obs = append(obs, a.OSUpdateStatus[0].Observation(start.Add(time.Duration(i)*time.Hour)))
	}
	for _, now := range []time.Time{start.Add(2 * time.Hour), start.Add(5 * time.Hour)} {
		v := mechanism.InferCache(obs, now, mechanism.CachePolicy{})
		fmt.Println(now.Format("15:04"), v.State, v.Since.Format("15:04"))
	}
	// Output:
	// send ScheduleOSUpdate for 13.6
	// 11:00 stalled 10:00
	// 14:00 assumed-cached 13:00
}

// The last step checks the rest of the deployment: the declaration the library
// built lints clean, and a profile beside it that blocks the Software Update pane
// is an error.
func Example_deploymentLint() {
	d, _ := compat.Resolve(compat.AppleSilicon, compat.MustParseVersion("15.6"), compat.MustParseVersion("26.1"))
	decl, _ := ddm.FromDecision(d, ddm.MustParseLocalDateTime("2026-12-01T18:00:00"), ddm.Options{})
	declJSON, _ := decl.MarshalJSON()
	profile := []byte(`<?xml version="1.0" encoding="UTF-8"?><plist version="1.0"><dict>
		<key>PayloadContent</key><array><dict>
			<key>PayloadType</key><string>com.apple.systempreferences</string>
			<key>PayloadIdentifier</key><string>com.example.prefs</string>
			<key>DisabledSystemSettings</key><array><string>com.apple.Software-Update-Settings.extension</string></array>
		</dict></array></dict></plist>`)
	fmt.Println(len(lint.Check(lint.Document{Name: "enforce.json", Data: declJSON})))
	for _, f := range lint.Check(
		lint.Document{Name: "enforce.json", Data: declJSON},
		lint.Document{Name: "prefs.mobileconfig", Data: profile},
	) {
		fmt.Println(f.Severity, f.Rule, f.Document, f.Key)
	}
	// Output:
	// 0
	// error software-update-blocked prefs.mobileconfig DisabledSystemSettings
}
