package lint_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/managedos/managedos/compat"
	"github.com/managedos/managedos/lint"
)

// TestEveryFindingStaysSmallWhateverTheValue lints documents with a value of 100
// KB at each key the lint reads: every finding's message stays under 512 bytes,
// below the lint's own last-guard cut (which gives 512 to 515 bytes), so the
// messages of the packages behind the lint are bounded at their source.
func TestEveryFindingStaysSmallWhateverTheValue(t *testing.T) {
	huge := strings.Repeat("x", 100<<10)
	digits := strings.Repeat("9", 100<<10)
	str := func(key, value string) string { return `<key>` + key + `</key><string>` + value + `</string>` }
	profile := func(payload string) string {
		return `<plist><dict>` + str("PayloadType", "Configuration") + str("PayloadIdentifier", huge) + `<key>PayloadContent</key><array><dict>` + payload + `</dict></array></dict></plist>`
	}
	update := func(key, value string) string {
		u := map[string]string{"InstallAction": "InstallASAP", "ProductVersion": "14.4"}
		u[key] = value
		var b strings.Builder
		for k, v := range u {
			b.WriteString(str(k, v))
		}
		return `<dict>` + b.String() + `</dict>`
	}
	const version, deadline = `"TargetOSVersion":"14.2"`, `"TargetLocalDateTime":"2026-12-01T18:00:00"`
	docs := map[string]string{
		"a declaration identifier":  `{"Type":"com.apple.configuration.softwareupdate.enforcement.specific","Identifier":"` + huge + `/","ServerToken":"t","Payload":{` + version + `,` + deadline + `}}`,
		"a target version":          `{"Type":"com.apple.configuration.softwareupdate.enforcement.specific","Identifier":"x","ServerToken":"t","Payload":{"TargetOSVersion":"` + huge + `",` + deadline + `}}`,
		"a target build":            `{"Type":"com.apple.configuration.softwareupdate.enforcement.specific","Identifier":"x","ServerToken":"t","Payload":{` + version + `,"TargetBuildVersion":"` + huge + `",` + deadline + `}}`,
		"a deadline":                `{"Type":"com.apple.configuration.softwareupdate.enforcement.specific","Identifier":"x","ServerToken":"t","Payload":{` + version + `,"TargetLocalDateTime":"` + huge + `"}}`,
		"a details URL":             `{"Type":"com.apple.configuration.softwareupdate.enforcement.specific","Identifier":"x","ServerToken":"t","Payload":{` + version + `,` + deadline + `,"DetailsURL":"` + huge + `"}}`,
		"a number":                  `{"Type":"com.apple.configuration.softwareupdate.enforcement.specific","Identifier":"x","ServerToken":"t","Payload":{"TargetOSVersion":` + digits + `,` + deadline + `}}`,
		"an automatic action":       `{"Type":"com.apple.configuration.softwareupdate.settings","Identifier":"x","ServerToken":"t","Payload":{"AutomaticActions":{"Download":"` + huge + `"}}}`,
		"a deferral":                `{"Type":"com.apple.configuration.softwareupdate.settings","Identifier":"x","ServerToken":"t","Payload":{"Deferrals":{"MinorPeriodInDays":` + digits + `}}}`,
		"not JSON":                  `{"Type":` + huge,
		"a command UUID":            `<plist><dict>` + str("CommandUUID", huge+"\x01") + `<key>Command</key><dict>` + str("RequestType", "ScheduleOSUpdate") + `<key>Updates</key><array>` + update("", "") + `</array></dict></dict></plist>`,
		"a request type":            `<plist><dict>` + str("CommandUUID", huge) + `<key>Command</key><dict><key>RequestType</key><integer>` + digits + `</integer></dict></dict></plist>`,
		"an install action":         `<plist><dict>` + str("CommandUUID", "u") + `<key>Command</key><dict>` + str("RequestType", "ScheduleOSUpdate") + `<key>Updates</key><array>` + update("InstallAction", huge) + `</array></dict></dict></plist>`,
		"a product key":             `<plist><dict>` + str("CommandUUID", "u") + `<key>Command</key><dict>` + str("RequestType", "ScheduleOSUpdate") + `<key>Updates</key><array>` + update("ProductKey", huge+"\x01") + `</array></dict></dict></plist>`,
		"a priority":                `<plist><dict>` + str("CommandUUID", "u") + `<key>Command</key><dict>` + str("RequestType", "ScheduleOSUpdate") + `<key>Updates</key><array>` + update("Priority", huge) + `</array></dict></dict></plist>`,
		"a product version":         `<plist><dict>` + str("CommandUUID", "u") + `<key>Command</key><dict>` + str("RequestType", "ScheduleOSUpdate") + `<key>Updates</key><array>` + update("ProductVersion", huge) + `</array></dict></dict></plist>`,
		"a payload identifier":      profile(str("PayloadType", "com.apple.SoftwareUpdate") + str("PayloadIdentifier", huge)),
		"a disabled pane":           profile(str("PayloadType", "com.apple.systempreferences") + `<key>DisabledPreferencePanes</key><array><string>` + huge + `</string><integer>` + digits + `</integer></array>`),
		"an automatic download":     profile(str("PayloadType", "com.apple.SoftwareUpdate") + str("AutomaticDownload", huge)),
		"not a plist":               huge,
		"a profile without content": `<plist><dict>` + str("PayloadType", huge) + `</dict></plist>`,
	}
	opts := lint.Options{Limits: compat.Limits{MaxBytes: 16 << 20, MaxStringBytes: 1 << 20}}
	for name, doc := range docs {
		t.Run(name, func(t *testing.T) {
			fs := opts.Check(lint.Document{Name: "doc", Data: []byte(doc)})
			require.NotEmpty(t, fs)
			for _, f := range fs {
				assert.Less(t, len(f.Message), 512, "%.300s", f.Message)
				assert.Less(t, len(f.PayloadType)+len(f.PayloadIdentifier)+len(f.Key), 1<<10)
			}
		})
	}

	var f lint.Finding
	for name, data := range map[string]string{
		"a key":      `{"` + huge + `":1}`,
		"a severity": `{"severity":"` + huge + `"}`,
		"a rule":     `{"rule":"` + huge + `"}`,
		"not JSON":   `{"severity":` + huge,
	} {
		t.Run("Finding.UnmarshalJSON "+name, func(t *testing.T) {
			err := json.Unmarshal([]byte(data), &f)
			require.Error(t, err)
			assert.Less(t, len(err.Error()), 1<<10, "%.300s", err)
		})
	}
}
