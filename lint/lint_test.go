package lint_test

import (
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/managedos/managedos/compat"
	"github.com/managedos/managedos/lint"
)

// file reads a document from testdata.
func file(t *testing.T, name string) lint.Document {
	t.Helper()
	b, err := os.ReadFile("testdata/" + name)
	require.NoError(t, err)
	return lint.Document{Name: name, Data: b}
}

// inline is a document written in the test.
func inline(name, data string) lint.Document { return lint.Document{Name: name, Data: []byte(data)} }

// enforcement is an enforcement declaration with the given payload JSON.
func enforcement(name, payload string) lint.Document {
	return inline(name, `{"Type":"com.apple.configuration.softwareupdate.enforcement.specific","Identifier":"`+name+`","ServerToken":"t","Payload":`+payload+`}`)
}

// settings is a settings declaration with the given payload JSON.
func settings(name, payload string) lint.Document {
	return inline(name, `{"Type":"com.apple.configuration.softwareupdate.settings","Identifier":"`+name+`","ServerToken":"t","Payload":`+payload+`}`)
}

// schedule is a ScheduleOSUpdate command with the given CommandUUID and Updates.
func schedule(uuid, updates string) lint.Document {
	return inline(uuid, `<?xml version="1.0" encoding="UTF-8"?><plist version="1.0"><dict><key>CommandUUID</key><string>`+uuid+
		`</string><key>Command</key><dict><key>RequestType</key><string>ScheduleOSUpdate</string><key>Updates</key><array>`+updates+`</array></dict></dict></plist>`)
}

// brief is what a test checks of a finding.
type brief struct {
	severity lint.Severity
	rule     lint.Rule
	document string
	payload  string // the payload identifier
	key      string
}

func briefs(fs []lint.Finding) []brief {
	out := make([]brief, 0, len(fs))
	for _, f := range fs {
		out = append(out, brief{f.Severity, f.Rule, f.Document, f.PayloadIdentifier, f.Key})
	}
	return out
}

func TestCheckRules(t *testing.T) {
	const (
		enforcementType = "com.apple.configuration.softwareupdate.enforcement.specific"
		deadline        = `"TargetLocalDateTime":"2026-12-01T18:00:00"`
	)
	tests := []struct {
		name string
		docs func(t *testing.T) []lint.Document
		want []brief
	}{
		{"a clean deployment has no findings", files("clean.mobileconfig", "enforcement_14.json", "settings_off.json"), nil},
		// com.apple.systempreferences.
		{"Software Update pane disabled is an error", files("block_pane.mobileconfig"),
			[]brief{{lint.Error, lint.SoftwareUpdateBlocked, "block_pane.mobileconfig", "com.example.syspref.block", "DisabledPreferencePanes"}}},
		{"an allow-list without Software Update is an error", files("allow_list.mobileconfig"),
			[]brief{{lint.Error, lint.SoftwareUpdateBlocked, "allow_list.mobileconfig", "com.example.syspref.allow", "EnabledPreferencePanes"}}},
		{"Software Update settings extension disabled is an error", files("system_settings.mobileconfig"),
			[]brief{{lint.Error, lint.SoftwareUpdateBlocked, "system_settings.mobileconfig", "com.example.syspref.settings", "DisabledSystemSettings"}}},
		{"Background Security Improvements hidden is a warning", files("security_improvements.mobileconfig"),
			[]brief{{lint.Warning, lint.SecurityImprovementsHidden, "security_improvements.mobileconfig", "com.example.syspref.security", "DisabledSystemSettings"}}},
		// The deprecated profile, and automatic downloads.
		{"the com.apple.SoftwareUpdate profile is deprecated, downloads off or not", files("softwareupdate_off.mobileconfig"),
			[]brief{{lint.Warning, lint.DeprecatedProfile, "softwareupdate_off.mobileconfig", "com.example.su.off", "PayloadType"}}},
		{"AutomaticDownload left at its default is a warning too", files("softwareupdate_defaults.mobileconfig"),
			[]brief{
				{lint.Warning, lint.DeprecatedProfile, "softwareupdate_defaults.mobileconfig", "com.example.su.defaults", "PayloadType"},
				{lint.Warning, lint.AutomaticDownload, "softwareupdate_defaults.mobileconfig", "com.example.su.defaults", "AutomaticDownload"},
			}},
		{"AutomaticDownload true is a warning too", docs(profile("su.mobileconfig", "com.apple.SoftwareUpdate", "com.example.su.on", `<key>AutomaticDownload</key><true/>`)),
			[]brief{
				{lint.Warning, lint.DeprecatedProfile, "su.mobileconfig", "com.example.su.on", "PayloadType"},
				{lint.Warning, lint.AutomaticDownload, "su.mobileconfig", "com.example.su.on", "AutomaticDownload"},
			}},
		{"settings forcing downloads on is a warning", files("settings_alwayson.json"),
			[]brief{{lint.Warning, lint.AutomaticDownload, "settings_alwayson.json", "com.example.su.settings", "AutomaticActions.Download"}}},
		{"settings with downloads off are fine", docs(settings("off.json", `{"AutomaticActions":{"Download":"AlwaysOff"},"Deferrals":{"MinorPeriodInDays":7}}`)), nil},
		// Settings declarations, with ddm's rules.
		{"a settings value in another case is an error", docs(settings("case.json", `{"AutomaticActions":{"Download":"alwaysoff"}}`)),
			[]brief{{lint.Error, lint.InvalidPayload, "case.json", "case.json", "AutomaticActions.Download"}}},
		{"every bad settings value is named", docs(settings("two.json", `{"AutomaticActions":{"InstallOSUpdates":"Never"},"Deferrals":{"MajorPeriodInDays":91}}`)),
			[]brief{
				{lint.Error, lint.InvalidPayload, "two.json", "two.json", "Deferrals.MajorPeriodInDays"},
				{lint.Error, lint.InvalidPayload, "two.json", "two.json", "AutomaticActions.InstallOSUpdates"},
			}},
		{"a settings value of the wrong JSON type is an error", docs(settings("type.json", `{"AutomaticActions":{"Download":1}}`)),
			[]brief{{lint.Error, lint.InvalidPayload, "type.json", "type.json", "AutomaticActions.Download"}}},
		// Enforcement declarations, with ddm's rules.
		{"a version that does not parse is an error", docs(enforcement("banana.json", `{"TargetOSVersion":"banana",`+deadline+`}`)),
			[]brief{{lint.Error, lint.InvalidPayload, "banana.json", "banana.json", "TargetOSVersion"}}},
		{"a missing version is an error", docs(enforcement("noversion.json", `{`+deadline+`}`)),
			[]brief{{lint.Error, lint.InvalidPayload, "noversion.json", "noversion.json", "TargetOSVersion"}}},
		{"a rapid security response version is an error", docs(enforcement("rsr.json", `{"TargetOSVersion":"26.3 (a)",`+deadline+`}`)),
			[]brief{{lint.Error, lint.InvalidPayload, "rsr.json", "rsr.json", "TargetOSVersion"}}},
		{"a deadline with a zone is an error", docs(enforcement("zone.json", `{"TargetOSVersion":"14.2","TargetLocalDateTime":"2026-12-01T18:00:00Z"}`)),
			[]brief{{lint.Error, lint.InvalidPayload, "zone.json", "zone.json", "TargetLocalDateTime"}}},
		{"a deadline without seconds is an error", docs(enforcement("short.json", `{"TargetOSVersion":"14.2","TargetLocalDateTime":"2026-12-01T18:00"}`)),
			[]brief{{lint.Error, lint.InvalidPayload, "short.json", "short.json", "TargetLocalDateTime"}}},
		{"a missing deadline is an error", docs(enforcement("nodeadline.json", `{"TargetOSVersion":"14.2"}`)),
			[]brief{{lint.Error, lint.InvalidPayload, "nodeadline.json", "nodeadline.json", "TargetLocalDateTime"}}},
		{"a build that does not parse is an error", docs(enforcement("build.json", `{"TargetOSVersion":"14.2","TargetBuildVersion":"23c64",`+deadline+`}`)),
			[]brief{{lint.Error, lint.InvalidPayload, "build.json", "build.json", "TargetBuildVersion"}}},
		{"a details URL that is not http is an error", docs(enforcement("url.json", `{"TargetOSVersion":"14.2",`+deadline+`,"DetailsURL":"ftp://example.com/x"}`)),
			[]brief{{lint.Error, lint.InvalidPayload, "url.json", "url.json", "DetailsURL"}}},
		{"a version of the wrong JSON type is an error", docs(enforcement("number.json", `{"TargetOSVersion":14,`+deadline+`}`)),
			[]brief{{lint.Error, lint.InvalidPayload, "number.json", "number.json", "TargetOSVersion"}}},
		{"an identifier the builders refuse is an error", docs(inline("id.json", `{"Type":"`+enforcementType+`","Identifier":"a b","ServerToken":"t","Payload":{"TargetOSVersion":"14.2",`+deadline+`}}`)),
			[]brief{{lint.Error, lint.InvalidPayload, "id.json", "a b", "Identifier"}}},
		{"a missing ServerToken is an error", docs(inline("token.json", `{"Type":"`+enforcementType+`","Identifier":"x","Payload":{"TargetOSVersion":"14.2",`+deadline+`}}`)),
			[]brief{{lint.Error, lint.InvalidPayload, "token.json", "x", "ServerToken"}}},
		{"each bad key of a declaration is named", files("enforcement_banana.json"),
			[]brief{
				{lint.Error, lint.InvalidPayload, "enforcement_banana.json", "com.example.enforce.banana", "TargetOSVersion"},
				{lint.Error, lint.InvalidPayload, "enforcement_banana.json", "com.example.enforce.banana", "TargetLocalDateTime"},
			}},
		{"a build of another release is only a warning", docs(enforcement("mismatch.json", `{"TargetOSVersion":"26.0","TargetBuildVersion":"23A309",`+deadline+`}`)),
			[]brief{{lint.Warning, lint.BuildMismatch, "mismatch.json", "mismatch.json", "TargetBuildVersion"}}},
		// Several enforcement declarations.
		{"two enforcement declarations are a warning", files("enforcement_14.json", "enforcement_15.json"),
			[]brief{{lint.Warning, lint.MultipleEnforcements, "enforcement_15.json", "com.example.enforce.15", "Type"}}},
		{"Apple's two-step for a supplemental update is right", files("enforcement_26.1.json", "enforcement_26.1_supplemental.json"), nil},
		{"the two-step is right in either order", files("enforcement_26.1_supplemental.json", "enforcement_26.1.json"), nil},
		{"a third declaration beside the two-step is a warning", files("enforcement_26.1.json", "enforcement_14.json", "enforcement_26.1_supplemental.json"),
			[]brief{{lint.Warning, lint.MultipleEnforcements, "enforcement_14.json", "com.example.enforce.14", "Type"}}},
		{"two supplemental declarations are no two-step", docs(
			enforcement("a.json", `{"TargetOSVersion":"26.1","TargetBuildVersion":"25B78a",`+deadline+`}`),
			enforcement("b.json", `{"TargetOSVersion":"26.1","TargetBuildVersion":"25B78b",`+deadline+`}`)),
			[]brief{{lint.Warning, lint.MultipleEnforcements, "b.json", "b.json", "Type"}}},
		{"the same declaration twice counts once", files("enforcement_14.json", "enforcement_14.json"), nil},
		// Commands, with mdmcmd's rules.
		{"ScheduleOSUpdate beside a declaration is an error", files("schedule_command.plist", "enforcement_14.json"),
			[]brief{{lint.Error, lint.CommandBesideDeclaration, "schedule_command.plist", "0002-schedule", "Command.RequestType"}}},
		{"ScheduleOSUpdate alone is fine", files("schedule_command.plist"), nil},
		{"an InstallAction not in Apple's list is an error", files("schedule_bogus_action.plist"),
			[]brief{{lint.Error, lint.InvalidPayload, "schedule_bogus_action.plist", "0003-bogus", "Command.Updates[0].InstallAction"}}},
		{"a missing InstallAction is an error", docs(schedule("noaction", `<dict><key>ProductVersion</key><string>13.6</string></dict>`)),
			[]brief{{lint.Error, lint.InvalidPayload, "noaction", "noaction", "Command.Updates[0].InstallAction"}}},
		{"deferrals without InstallLater are an error", docs(schedule("deferrals", `<dict><key>InstallAction</key><string>InstallASAP</string><key>ProductKey</key><string>MSU_UPDATE_22G120_patch_13.6_minor</string><key>MaxUserDeferrals</key><integer>3</integer></dict>`)),
			[]brief{{lint.Error, lint.InvalidPayload, "deferrals", "deferrals", "Command.Updates[0].MaxUserDeferrals"}}},
		{"deferrals on an update of unknown kind are fine", docs(schedule("unknown", `<dict><key>InstallAction</key><string>InstallLater</string><key>ProductVersion</key><string>13.6</string><key>MaxUserDeferrals</key><integer>3</integer></dict>`)), nil},
		{"InstallLater for a major upgrade is an error", docs(schedule("major", `<dict><key>InstallAction</key><string>InstallLater</string><key>ProductKey</key><string>_MACOS_14.7.3</string></dict>`)),
			[]brief{{lint.Error, lint.InvalidPayload, "major", "major", "Command.Updates[0].InstallAction"}}},
		{"a ProductVersion that does not parse is an error", docs(schedule("version", `<dict><key>InstallAction</key><string>InstallASAP</string><key>ProductVersion</key><string>banana</string></dict>`)),
			[]brief{{lint.Error, lint.InvalidPayload, "version", "version", "Command.Updates[0].ProductVersion"}}},
		{"a ScheduleOSUpdate without updates is an error", docs(schedule("empty", ``)),
			[]brief{{lint.Error, lint.InvalidPayload, "empty", "empty", "Command.Updates"}}},
		{"a ScheduleOSUpdate without a CommandUUID is an error", docs(schedule("", `<dict><key>InstallAction</key><string>InstallASAP</string><key>ProductVersion</key><string>13.6</string></dict>`)),
			[]brief{{lint.Error, lint.InvalidPayload, "", "", "CommandUUID"}}},
		// Order and duplicates.
		{"findings come in document order", files("enforcement_15.json", "block_pane.mobileconfig", "enforcement_14.json", "softwareupdate_defaults.mobileconfig"),
			[]brief{
				{lint.Error, lint.SoftwareUpdateBlocked, "block_pane.mobileconfig", "com.example.syspref.block", "DisabledPreferencePanes"},
				{lint.Warning, lint.MultipleEnforcements, "enforcement_14.json", "com.example.enforce.14", "Type"},
				{lint.Warning, lint.DeprecatedProfile, "softwareupdate_defaults.mobileconfig", "com.example.su.defaults", "PayloadType"},
				{lint.Warning, lint.AutomaticDownload, "softwareupdate_defaults.mobileconfig", "com.example.su.defaults", "AutomaticDownload"},
			}},
		{"the same file twice is reported once", files("block_pane.mobileconfig", "block_pane.mobileconfig"),
			[]brief{{lint.Error, lint.SoftwareUpdateBlocked, "block_pane.mobileconfig", "com.example.syspref.block", "DisabledPreferencePanes"}}},
		{"the same content under two names is reported once", func(t *testing.T) []lint.Document {
			d := file(t, "block_pane.mobileconfig")
			return []lint.Document{d, {Name: "copy.mobileconfig", Data: d.Data}}
		}, []brief{{lint.Error, lint.SoftwareUpdateBlocked, "block_pane.mobileconfig", "com.example.syspref.block", "DisabledPreferencePanes"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := lint.Check(tt.docs(t)...)
			assert.Equal(t, tt.want, briefsOrNil(got))
			for _, f := range got {
				assert.NotEmpty(t, f.Message)
				assert.NotEmpty(t, f.Fix)
			}
		})
	}
}

// files returns the testdata documents of names.
func files(names ...string) func(t *testing.T) []lint.Document {
	return func(t *testing.T) []lint.Document {
		var out []lint.Document
		for _, n := range names {
			out = append(out, file(t, n))
		}
		return out
	}
}

// docs returns documents written in the test.
func docs(ds ...lint.Document) func(t *testing.T) []lint.Document {
	return func(*testing.T) []lint.Document { return ds }
}

func briefsOrNil(fs []lint.Finding) []brief {
	if len(fs) == 0 {
		return nil
	}
	return briefs(fs)
}

// profile is a configuration profile with one payload of typ holding keys.
func profile(name, typ, id, keys string) lint.Document {
	return inline(name, `<?xml version="1.0" encoding="UTF-8"?><plist version="1.0"><dict><key>PayloadType</key><string>Configuration</string><key>PayloadContent</key><array><dict>`+
		`<key>PayloadType</key><string>`+typ+`</string><key>PayloadIdentifier</key><string>`+id+`</string>`+keys+`</dict></array></dict></plist>`)
}

func TestCheckBlockedPaneSaysWhatToChange(t *testing.T) {
	fs := lint.Check(file(t, "block_pane.mobileconfig"))
	require.Len(t, fs, 1)
	assert.Equal(t, "com.apple.systempreferences", fs[0].PayloadType)
	assert.Contains(t, fs[0].Fix, "remove com.apple.preferences.softwareupdate")
	assert.Equal(t, "error: block_pane.mobileconfig: com.apple.systempreferences (com.example.syspref.block): DisabledPreferencePanes: "+fs[0].Message+"; "+fs[0].Fix, fs[0].String())
}

// The deprecation is said once, by its own finding, and the automatic-download
// finding says only what turns downloads off, before and from macOS 15.
func TestCheckSaysTheProfileIsDeprecatedOnce(t *testing.T) {
	fs := lint.Check(file(t, "softwareupdate_defaults.mobileconfig"))
	require.Len(t, fs, 2)
	deprecated, download := fs[0], fs[1]
	require.Equal(t, lint.DeprecatedProfile, deprecated.Rule)
	for _, want := range []string{"com.apple.SoftwareUpdate", "deprecated in macOS 26.0", "removed in macOS 27.0"} {
		assert.Contains(t, deprecated.Message, want)
	}
	for _, want := range []string{"com.apple.configuration.softwareupdate.settings", "macOS 15"} {
		assert.Contains(t, deprecated.Fix, want)
	}
	require.Equal(t, lint.AutomaticDownload, download.Rule)
	for _, want := range []string{"AutomaticDownload to false", "softwareupdate.settings", "AutomaticActions.Download", "AlwaysOff", "macOS 15"} {
		assert.Contains(t, download.Fix, want)
	}
	for _, said := range []string{"deprecated", "26.0", "27.0", "removed"} {
		assert.NotContains(t, download.Message+download.Fix, said, "said by the deprecated-profile finding")
	}
	assert.Equal(t, "warning: softwareupdate_defaults.mobileconfig: com.apple.SoftwareUpdate (com.example.su.defaults): PayloadType: "+deprecated.Message+"; "+deprecated.Fix, deprecated.String())
}

func TestCheckNamesBothEnforcementDeclarations(t *testing.T) {
	fs := lint.Check(file(t, "enforcement_14.json"), file(t, "enforcement_15.json"))
	require.Len(t, fs, 1)
	assert.Equal(t, "com.example.enforce.15", fs[0].PayloadIdentifier)
	assert.Contains(t, fs[0].Message, `"com.example.enforce.14" in "enforcement_14.json"`)
}

func TestCheckNeverDropsAnUnreadablePayload(t *testing.T) {
	header := `<?xml version="1.0" encoding="UTF-8"?><plist version="1.0">`
	tests := []struct {
		name string
		data string
		key  string
	}{
		{"not a plist", "hello", ""},
		{"empty", "", ""},
		{"signed profile", "\x30\x82\x01\x00garbage", ""},
		{"not a dictionary", header + `<array/></plist>`, ""},
		{"neither a profile nor a command", header + `<dict><key>PayloadType</key><string>Configuration</string></dict></plist>`, ""},
		{"PayloadContent not an array", header + `<dict><key>PayloadContent</key><string>x</string></dict></plist>`, "PayloadContent"},
		{"payload not a dictionary", header + `<dict><key>PayloadContent</key><array><string>x</string></array></dict></plist>`, "PayloadContent[0]"},
		{"payload without a type", header + `<dict><key>PayloadContent</key><array><dict/></array></dict></plist>`, "PayloadContent[0].PayloadType"},
		{"pane list not an array", header + `<dict><key>PayloadContent</key><array><dict><key>PayloadType</key><string>com.apple.systempreferences</string><key>DisabledPreferencePanes</key><string>com.apple.preferences.softwareupdate</string></dict></array></dict></plist>`, "DisabledPreferencePanes"},
		{"pane not a string", header + `<dict><key>PayloadContent</key><array><dict><key>PayloadType</key><string>com.apple.systempreferences</string><key>DisabledSystemSettings</key><array><integer>1</integer></array></dict></array></dict></plist>`, "DisabledSystemSettings[0]"},
		{"AutomaticDownload not a boolean", header + `<dict><key>PayloadContent</key><array><dict><key>PayloadType</key><string>com.apple.SoftwareUpdate</string><key>AutomaticDownload</key><string>no</string></dict></array></dict></plist>`, "AutomaticDownload"},
		{"broken JSON", `{"Type":`, ""},
		{"JSON that is not an object", `["x"]`, ""},
		{"declaration without a type", `{"Identifier":"x"}`, "Type"},
		{"declaration type not a string", `{"Type":1}`, "Type"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var fs []lint.Finding
			for _, f := range lint.Check(lint.Document{Name: "f", Data: []byte(tt.data)}) {
				if f.Rule != lint.DeprecatedProfile { // a com.apple.SoftwareUpdate payload's own warning
					fs = append(fs, f)
				}
			}
			require.Len(t, fs, 1)
			assert.Equal(t, lint.Error, fs[0].Severity)
			assert.Equal(t, lint.Unreadable, fs[0].Rule)
			assert.Equal(t, tt.key, fs[0].Key)
			assert.Contains(t, fs[0].Message, "cannot be read")
		})
	}
}

func TestCheckSaysWhatADeclarationThatIsNotAnObjectIs(t *testing.T) {
	fs := lint.Check(inline("list.json", `["x"]`))
	require.Len(t, fs, 1)
	assert.Equal(t, "cannot be read: a declaration is a JSON object, not a JSON array", fs[0].Message)
}

func TestCheckRefusesDocumentsOverTheLimits(t *testing.T) {
	opts := lint.Options{Limits: compat.Limits{MaxBytes: 100}}
	for _, name := range []string{"block_pane.mobileconfig", "settings_alwayson.json"} {
		t.Run(name, func(t *testing.T) {
			fs := opts.Check(file(t, name))
			require.Len(t, fs, 1)
			assert.Equal(t, lint.Error, fs[0].Severity)
			assert.Equal(t, lint.TooLarge, fs[0].Rule)
			assert.Contains(t, fs[0].Message, "MaxBytes")
			assert.Contains(t, fs[0].Message, compat.ErrTooLarge.Error())
		})
	}
	// The default limits read the same documents.
	assert.Equal(t, lint.AutomaticDownload, lint.Check(file(t, "settings_alwayson.json"))[0].Rule)
}

func TestCheckReadsCommandsAndDeclarationsWithinItsLimits(t *testing.T) {
	// A 2 MiB CommandUUID or Identifier is over the default MaxStringBytes (1 MiB)
	// and within these: the documents are read, so the findings are about their
	// content, not their size.
	long := strings.Repeat("x", 2<<20)
	opts := lint.Options{Limits: compat.Limits{MaxStringBytes: 4 << 20}}
	docs := []lint.Document{
		inline("long.plist", `<?xml version="1.0" encoding="UTF-8"?><plist version="1.0"><dict><key>CommandUUID</key><string>`+long+
			`</string><key>Command</key><dict><key>RequestType</key><string>ScheduleOSUpdate</string><key>Updates</key><array><dict>`+
			`<key>InstallAction</key><string>Bogus</string><key>ProductVersion</key><string>14.4</string></dict></array></dict></dict></plist>`),
		inline("long.json", `{"Type":"com.apple.configuration.softwareupdate.settings","Identifier":"`+long+
			`","ServerToken":"t","Payload":{"AutomaticActions":{"Download":"AlwaysOn"}}}`),
	}
	for _, doc := range docs {
		t.Run(doc.Name, func(t *testing.T) {
			fs := opts.Check(doc)
			require.NotEmpty(t, fs)
			for _, f := range fs {
				assert.NotEqual(t, lint.TooLarge, f.Rule, f.Message)
				assert.NotContains(t, f.Message, compat.ErrTooLarge.Error())
			}
		})
	}
}

func TestCheckBoundsFindings(t *testing.T) {
	long := strings.Repeat("x", 10000)
	var payloads strings.Builder
	for range 100 {
		payloads.WriteString(`<dict><key>PayloadType</key><string>com.apple.systempreferences</string><key>PayloadIdentifier</key><string>` + long +
			`</string><key>DisabledPreferencePanes</key><array><string>com.apple.preferences.softwareupdate</string></array></dict>`)
	}
	doc := inline("many.mobileconfig", `<?xml version="1.0" encoding="UTF-8"?><plist version="1.0"><dict><key>PayloadContent</key><array>`+payloads.String()+`</array></dict></plist>`)
	fs := lint.Check(doc)
	require.Len(t, fs, 33)
	last := fs[32]
	assert.Equal(t, lint.Truncated, last.Rule)
	assert.Equal(t, lint.Error, last.Severity, "the worst severity left out")
	assert.Contains(t, last.Message, "68 more")
	for _, f := range fs {
		assert.LessOrEqual(t, len(f.PayloadIdentifier), 300)
		assert.LessOrEqual(t, len(f.Message), 520)
	}
	// A long identifier in an invalid declaration is bounded in the message too.
	fs = lint.Check(inline("long.json", `{"Type":"com.apple.configuration.softwareupdate.enforcement.specific","Identifier":"`+long+` ","ServerToken":"t","Payload":{"TargetOSVersion":"14.2","TargetLocalDateTime":"2026-12-01T18:00:00"}}`))
	require.Len(t, fs, 1)
	assert.Equal(t, "Identifier", fs[0].Key)
	assert.LessOrEqual(t, len(fs[0].Message), 520)
	assert.LessOrEqual(t, len(fs[0].PayloadIdentifier), 300)
}
