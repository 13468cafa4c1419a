package lint_test

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/managedos/managedos/compat"
	"github.com/managedos/managedos/lint"
)

// A deployment for one Mac: a profile, an enforcement declaration and a planned
// ScheduleOSUpdate. The profile blocks the Software Update pane, the declaration's
// deadline carries a time zone the Mac does not read, and the command would be
// ignored beside the declaration.
func Example() {
	profile := []byte(`<?xml version="1.0" encoding="UTF-8"?>
<plist version="1.0"><dict>
	<key>PayloadType</key><string>Configuration</string>
	<key>PayloadContent</key><array><dict>
		<key>PayloadType</key><string>com.apple.systempreferences</string>
		<key>PayloadIdentifier</key><string>com.example.prefs</string>
		<key>DisabledPreferencePanes</key><array><string>com.apple.preferences.softwareupdate</string></array>
	</dict></array>
</dict></plist>`)
	declaration := []byte(`{"Type":"com.apple.configuration.softwareupdate.enforcement.specific",
		"Identifier":"com.example.enforce","ServerToken":"1",
		"Payload":{"TargetOSVersion":"26.1","TargetLocalDateTime":"2026-12-01T18:00:00+01:00"}}`)
	command := []byte(`<?xml version="1.0" encoding="UTF-8"?>
<plist version="1.0"><dict>
	<key>CommandUUID</key><string>cmd-1</string>
	<key>Command</key><dict>
		<key>RequestType</key><string>ScheduleOSUpdate</string>
		<key>Updates</key><array><dict>
			<key>InstallAction</key><string>InstallASAP</string>
			<key>ProductVersion</key><string>26.1</string>
		</dict></array>
	</dict>
</dict></plist>`)
	for _, f := range lint.Check(
		lint.Document{Name: "prefs.mobileconfig", Data: profile},
		lint.Document{Name: "enforce.json", Data: declaration},
		lint.Document{Name: "update.plist", Data: command},
	) {
		fmt.Println(f.Severity, f.Rule, f.Document, f.Key)
	}
	// Output:
	// error software-update-blocked prefs.mobileconfig DisabledPreferencePanes
	// error invalid-payload enforce.json TargetLocalDateTime
	// error command-beside-declaration update.plist Command.RequestType
}

// Check says what to change, and a finding prints on one line.
func ExampleCheck() {
	settings := []byte(`{"Type":"com.apple.configuration.softwareupdate.settings",
		"Identifier":"com.example.su","ServerToken":"1",
		"Payload":{"AutomaticActions":{"Download":"AlwaysOn"}}}`)
	for _, f := range lint.Check(lint.Document{Name: "su.json", Data: settings}) {
		fmt.Println(f.Fix)
	}
	// Output:
	// set AutomaticActions.Download to AlwaysOff beside managed OS updates
}

// Apple's two-step for a supplemental update: one declaration brings the Mac to
// the base version, the second adds the supplemental update on it. The pair is
// right; a third declaration is a warning naming the first.
func ExampleCheck_twoStep() {
	declaration := func(id, build string) lint.Document {
		payload := `{"TargetOSVersion":"26.1",` + build + `"TargetLocalDateTime":"2026-12-01T18:00:00"}`
		return lint.Document{Name: id + ".json", Data: []byte(`{"Type":"com.apple.configuration.softwareupdate.enforcement.specific",` +
			`"Identifier":"` + id + `","ServerToken":"1","Payload":` + payload + `}`)}
	}
	fmt.Println(len(lint.Check(declaration("base", ""), declaration("supplemental", `"TargetBuildVersion":"25B78a",`))))
	for _, f := range lint.Check(declaration("base", ""), declaration("supplemental", `"TargetBuildVersion":"25B78a",`), declaration("other", `"TargetBuildVersion":"25B77",`)) {
		fmt.Println(f.Severity, f.Rule, f.PayloadIdentifier)
	}
	// Output:
	// 0
	// warning multiple-enforcements other
}

// Options bound what the lint reads: a document over the limits is not decoded,
// and its finding says which limit.
func ExampleOptions_Check() {
	opts := lint.Options{Limits: compat.Limits{MaxBytes: 64}}
	big := []byte(`{"Type":"com.apple.configuration.softwareupdate.settings","Identifier":"com.example.su","ServerToken":"1","Payload":{}}`)
	for _, f := range opts.Check(lint.Document{Name: "big.json", Data: big}) {
		fmt.Println(f.Severity, f.Rule, strings.Contains(f.Message, "MaxBytes"))
	}
	// Output:
	// error too-large true
}

// Findings are values to store: they round-trip through encoding/json.
func ExampleFinding() {
	settings := []byte(`{"Type":"com.apple.configuration.softwareupdate.settings",
		"Identifier":"com.example.su","ServerToken":"1",
		"Payload":{"AutomaticActions":{"Download":"alwaysOff"}}}`)
	fs := lint.Check(lint.Document{Name: "su.json", Data: settings})
	b, _ := json.Marshal(fs[0])
	var back lint.Finding
	err := json.Unmarshal(b, &back)
	fmt.Println(back == fs[0], err)
	fmt.Println(back.Severity, back.Rule, back.Key)
	// Output:
	// true <nil>
	// error invalid-payload AutomaticActions.Download
}
