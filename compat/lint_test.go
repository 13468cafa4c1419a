package compat

import (
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func lintDoc(t *testing.T, name string) Document {
	t.Helper()
	b, err := os.ReadFile("testdata/lint/" + name)
	require.NoError(t, err)
	return Document{Name: name, Data: b}
}

// brief is what a test checks of a finding.
type brief struct {
	severity Severity
	document string
	payload  string
	key      string
}

func briefs(fs []Finding) []brief {
	out := make([]brief, 0, len(fs))
	for _, f := range fs {
		out = append(out, brief{f.Severity, f.Document, f.PayloadIdentifier, f.Key})
	}
	return out
}

func TestLint(t *testing.T) {
	tests := []struct {
		name string
		docs []string
		want []brief
	}{
		{"a clean deployment", []string{"clean.mobileconfig", "enforcement_14.json"}, []brief{}},
		{"Software Update pane disabled", []string{"block_pane.mobileconfig"},
			[]brief{{Error, "block_pane.mobileconfig", "com.example.syspref.block", "DisabledPreferencePanes"}}},
		{"allow-list without Software Update", []string{"allow_list.mobileconfig"},
			[]brief{{Error, "allow_list.mobileconfig", "com.example.syspref.allow", "EnabledPreferencePanes"}}},
		{"System Settings extension disabled", []string{"system_settings.mobileconfig"},
			[]brief{{Error, "system_settings.mobileconfig", "com.example.syspref.settings", "DisabledSystemSettings"}}},
		{"automatic download left at its default", []string{"softwareupdate_defaults.mobileconfig"},
			[]brief{{Warning, "softwareupdate_defaults.mobileconfig", "com.example.su.defaults", "AutomaticDownload"}}},
		{"DDM settings force downloads on", []string{"settings_alwayson.json"},
			[]brief{{Warning, "settings_alwayson.json", "com.example.su.settings", "AutomaticActions.Download"}}},
		{"two enforcement declarations", []string{"enforcement_14.json", "enforcement_15.json"},
			[]brief{{Error, "enforcement_15.json", "com.example.enforce.15", "Type"}}},
		{"ScheduleOSUpdate beside a declaration", []string{"schedule_command.plist", "enforcement_14.json"},
			[]brief{{Error, "schedule_command.plist", "0002-schedule", "RequestType"}}},
		{"ScheduleOSUpdate alone is fine", []string{"schedule_command.plist"}, []brief{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var docs []Document
			for _, name := range tt.docs {
				docs = append(docs, lintDoc(t, name))
			}
			got := Lint(docs...)
			assert.Equal(t, tt.want, briefs(got))
			for _, f := range got {
				assert.NotEmpty(t, f.Message)
				assert.NotEmpty(t, f.Fix)
				assert.NotEmpty(t, f.PayloadType)
			}
		})
	}
}

func TestLintBlockedPaneSaysWhatToChange(t *testing.T) {
	fs := Lint(lintDoc(t, "block_pane.mobileconfig"))
	require.Len(t, fs, 1)
	assert.Equal(t, "com.apple.systempreferences", fs[0].PayloadType)
	assert.Contains(t, fs[0].Fix, "remove com.apple.preferences.softwareupdate")
	assert.Equal(t, "error: block_pane.mobileconfig: com.apple.systempreferences (com.example.syspref.block): DisabledPreferencePanes: "+fs[0].Message+"; "+fs[0].Fix, fs[0].String())
}

func TestLintNeverDropsAnUnreadablePayload(t *testing.T) {
	header := `<?xml version="1.0" encoding="UTF-8"?><plist version="1.0">`
	tests := []struct {
		name string
		data string
		key  string
	}{
		{"not a plist", "hello", ""},
		{"signed profile", "\x30\x82\x01\x00garbage", ""},
		{"not a dictionary", header + `<array/></plist>`, ""},
		{"no PayloadContent", header + `<dict><key>PayloadType</key><string>Configuration</string></dict></plist>`, "PayloadContent"},
		{"payload not a dictionary", header + `<dict><key>PayloadContent</key><array><string>x</string></array></dict></plist>`, "PayloadContent[0]"},
		{"payload without a type", header + `<dict><key>PayloadContent</key><array><dict/></array></dict></plist>`, "PayloadContent[0].PayloadType"},
		{"pane list not an array", header + `<dict><key>PayloadContent</key><array><dict><key>PayloadType</key><string>com.apple.systempreferences</string><key>DisabledPreferencePanes</key><string>com.apple.preferences.softwareupdate</string></dict></array></dict></plist>`, "DisabledPreferencePanes"},
		{"pane not a string", header + `<dict><key>PayloadContent</key><array><dict><key>PayloadType</key><string>com.apple.systempreferences</string><key>DisabledSystemSettings</key><array><integer>1</integer></array></dict></array></dict></plist>`, "DisabledSystemSettings[0]"},
		{"AutomaticDownload not a boolean", header + `<dict><key>PayloadContent</key><array><dict><key>PayloadType</key><string>com.apple.SoftwareUpdate</string><key>AutomaticDownload</key><string>no</string></dict></array></dict></plist>`, "AutomaticDownload"},
		{"broken JSON", `{"Type":`, ""},
		{"declaration without a type", `{"Identifier":"x"}`, "Type"},
		{"settings download not a string", `{"Type":"com.apple.configuration.softwareupdate.settings","Identifier":"x","Payload":{"AutomaticActions":{"Download":1}}}`, "AutomaticActions.Download"},
		{"settings payload not an object", `{"Type":"com.apple.configuration.softwareupdate.settings","Identifier":"x","Payload":[]}`, "Payload"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := Lint(Document{Name: "f", Data: []byte(tt.data)})
			require.Len(t, fs, 1)
			assert.Equal(t, Error, fs[0].Severity)
			assert.Equal(t, tt.key, fs[0].Key)
			assert.Contains(t, fs[0].Message, "cannot be read")
		})
	}
}

func TestSeverityText(t *testing.T) {
	for _, s := range []Severity{SeverityNone, Warning, Error} {
		b, err := s.MarshalText()
		require.NoError(t, err)
		var back Severity
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, s, back)
	}
	var s Severity
	assert.ErrorIs(t, s.UnmarshalText([]byte("fatal")), ErrUnknownSeverity)
}
