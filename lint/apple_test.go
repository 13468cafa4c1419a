package lint_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/managedos/managedos/lint"
)

// Apple's own example payloads (apple/device-management, see testdata/SOURCES.md)
// lint without an error unless they really fight managed OS updates.
func TestCheckAppleExamples(t *testing.T) {
	tests := []struct {
		file string
		want []brief
		why  string
	}{
		{"apple_enforcement_example1.json",
			[]brief{{lint.Warning, lint.BuildMismatch, "apple_enforcement_example1.json", "EB13EE2B-5D63-4EBA-810F-5B81D07F5017", "TargetBuildVersion"}},
			"it pairs macOS 26.0 with 23A309, a macOS 14 build: Apple's schema says the version wins"},
		{"apple_settings_example1.json",
			[]brief{{lint.Warning, lint.AutomaticDownload, "apple_settings_example1.json", "EB13EE2B-5D63-4EBA-810F-5B81D07F5017", "AutomaticActions.Download"}},
			"it forces automatic downloads on; RecommendedCadence and Beta, which macOS does not offer, are ignored"},
		{"apple_scheduleosupdate_example1.plist", nil,
			"every rule of the ScheduleOSUpdate builder holds for a Mac of unknown version"},
		{"apple_softwareupdate_example1.plist",
			[]brief{
				{lint.Warning, lint.DeprecatedProfile, "apple_softwareupdate_example1.plist", "com.example.mysoftwareupdatepayload", "PayloadType"},
				{lint.Warning, lint.AutomaticDownload, "apple_softwareupdate_example1.plist", "com.example.mysoftwareupdatepayload", "AutomaticDownload"},
			},
			"Apple deprecated the profile in macOS 26.0, and the example leaves AutomaticDownload at its default, true"},
		{"apple_systempreferences_example1.plist",
			[]brief{{lint.Error, lint.SoftwareUpdateBlocked, "apple_systempreferences_example1.plist", "com.example.mysystempayload", "EnabledPreferencePanes"}},
			"it really fights managed OS: its EnabledPreferencePanes enables only the Users pane, which hides Software Update"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			assert.Equal(t, tt.want, briefsOrNil(lint.Check(file(t, tt.file))), tt.why)
		})
	}
}
