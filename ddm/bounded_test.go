package ddm

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/managedos/managedos/compat"
)

// TestEveryErrorStaysSmallWhateverTheValue feeds a value of 100 KB to each entry
// point that reads or builds from outside text, at every key it reads: the error
// is there and its message stays under 1 KB.
func TestEveryErrorStaysSmallWhateverTheValue(t *testing.T) {
	huge := strings.Repeat("x", 100<<10)
	id := huge + "/" // an identifier the builders refuse
	digits := strings.Repeat("9", 100<<10)
	many := strings.Repeat(`"`+strings.Repeat("k", 100)+`":1,`, 1000) // 1,000 unknown keys
	valid := EnforcementPayload{TargetOSVersion: compat.MustParseVersion("14.2"), TargetLocalDateTime: MustParseLocalDateTime("2026-12-01T18:00:00")}
	withBadURL := valid
	withBadURL.DetailsURL = huge
	action := AutomaticAction(huge)
	enforcement := func(payload string) []byte {
		return []byte(`{"Type":"` + EnforcementType + `","Identifier":"x","ServerToken":"t","Payload":{` + payload + `}}`)
	}
	settings := func(payload string) []byte {
		return []byte(`{"Type":"` + SettingsType + `","Identifier":"x","ServerToken":"t","Payload":{` + payload + `}}`)
	}
	const version, deadline = `"TargetOSVersion":"14.2"`, `"TargetLocalDateTime":"2026-12-01T18:00:00"`
	each := map[string][]byte{
		"a type":          []byte(`{"Type":"` + huge + `","Identifier":"` + huge + `","ServerToken":"t","Payload":{}}`),
		"an identifier":   []byte(`{"Type":"` + EnforcementType + `","Identifier":"` + id + `","ServerToken":"t","Payload":{` + version + `,` + deadline + `}}`),
		"a version":       enforcement(`"TargetOSVersion":"` + huge + `",` + deadline),
		"a build":         enforcement(version + `,"TargetBuildVersion":"` + huge + `",` + deadline),
		"a deadline":      enforcement(version + `,"TargetLocalDateTime":"2026-12-01T18:00:00` + huge + `"`),
		"a details URL":   enforcement(version + `,` + deadline + `,"DetailsURL":"` + huge + `"`),
		"a number":        enforcement(`"TargetOSVersion":` + digits + `,` + deadline),
		"every value":     enforcement(`"TargetOSVersion":"` + huge + `","TargetBuildVersion":"` + huge + `","TargetLocalDateTime":"` + huge + `","DetailsURL":"` + huge + `"`),
		"not JSON":        []byte(`{"Type":` + huge),
		"a settings type": []byte(`{"Type":"` + huge + `","Identifier":"x","ServerToken":"t","Payload":{}}`),
	}
	settingsDocs := map[string][]byte{
		"an action":     settings(`"AutomaticActions":{"Download":"` + huge + `","InstallOSUpdates":"` + huge + `","InstallSecurityUpdate":"` + huge + `"}`),
		"a deferral":    settings(`"Deferrals":{"MajorPeriodInDays":` + digits + `}`),
		"a boolean":     settings(`"Notifications":"` + huge + `"`),
		"an identifier": []byte(`{"Type":"` + SettingsType + `","Identifier":"` + id + `","ServerToken":"t","Payload":{}}`),
	}
	opts := ParseOptions{Limits: compat.Limits{MaxBytes: 16 << 20, MaxStringBytes: 1 << 20, MaxElements: 1 << 20}}
	tests := map[string]func() error{
		"ParseLocalDateTime": func() error { _, err := ParseLocalDateTime(huge); return err },
		"LocalDateTime.UnmarshalText": func() error {
			var d LocalDateTime
			return d.UnmarshalText([]byte("2026-12-01T18:00:00" + huge))
		},
		"NewEnforcement identifier":   func() error { _, err := NewEnforcement(id, valid); return err },
		"NewEnforcement DetailsURL":   func() error { _, err := NewEnforcement("", withBadURL); return err },
		"EnforcementPayload.Validate": func() error { return withBadURL.Validate() },
		"NewSettings identifier":      func() error { _, err := NewSettings(id, SettingsPayload{}); return err },
		"NewSettings AutomaticActions": func() error {
			_, err := NewSettings("", SettingsPayload{AutomaticActions: &AutomaticActions{action, action, action}})
			return err
		},
		"SettingsPayload.Validate": func() error {
			return SettingsPayload{AutomaticActions: &AutomaticActions{action, action, action}}.Validate()
		},
	}
	for name, doc := range each {
		tests["ParseEnforcement "+name] = func() error { _, err := opts.ParseEnforcement(doc); return err }
		tests["ReadEnforcement "+name] = func() error { _, err := opts.ReadEnforcement(doc); return err }
		tests["Enforcement.UnmarshalJSON "+name] = func() error { var e Enforcement; return e.UnmarshalJSON(doc) }
	}
	// Keys a declaration does not have: the strict readers of stored values refuse them.
	for name, doc := range map[string][]byte{
		"enforcement with a key":     enforcement(version + `,` + deadline + `,"` + huge + `":1`),
		"enforcement with many keys": enforcement(many + version + `,` + deadline),
		"settings with a key":        settings(`"` + huge + `":1`),
		"settings with many keys":    settings(many + `"Notifications":true`),
	} {
		tests["UnmarshalJSON "+name] = func() error {
			if strings.Contains(name, "settings") {
				var s Settings
				return s.UnmarshalJSON(doc)
			}
			var e Enforcement
			return e.UnmarshalJSON(doc)
		}
	}
	for name, doc := range settingsDocs {
		tests["ParseSettings "+name] = func() error { _, err := ParseSettings(doc); return err }
		tests["ReadSettings "+name] = func() error { _, err := opts.ReadSettings(doc); return err }
		tests["Settings.UnmarshalJSON "+name] = func() error { var s Settings; return s.UnmarshalJSON(doc) }
	}
	for name, call := range tests {
		t.Run(name, func(t *testing.T) {
			err := call()
			require.Error(t, err)
			assert.Less(t, len(err.Error()), 1<<10, "%.300s", err)
		})
	}
}
