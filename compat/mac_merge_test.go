package compat

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

var knownMac = Mac{
	Model: "Mac14,2", DeviceID: "J413AP", Chip: AppleSilicon,
	Version: MustParseVersion("14.2.1"), Build: MustParseBuild("23C71"),
	Serial: "C02XG0AAJG5J", UDID: "0000FE00-5FADE97DCBBBEDA5",
	Supervised: FlagTrue, BootstrapToken: FlagFalse, Beta: FlagFalse,
}

func TestMergeKeepsWhatTheReportDoesNotMention(t *testing.T) {
	assert.Equal(t, knownMac, knownMac.Merge(Mac{}), "a partial report with nothing in it leaves the snapshot unchanged")
	assert.Equal(t, knownMac, Mac{}.Merge(knownMac), "a full report fills an empty snapshot")
}

func TestMergeTakesWhatTheReportKnows(t *testing.T) {
	tests := []struct {
		name   string
		report Mac
		change func(*Mac)
	}{
		{"a new version and build", Mac{Version: MustParseVersion("14.3"), Build: MustParseBuild("23D56")},
			func(m *Mac) { m.Version, m.Build = MustParseVersion("14.3"), MustParseBuild("23D56") }},
		{"a new version alone drops the old build", Mac{Version: MustParseVersion("14.3")},
			func(m *Mac) { m.Version, m.Build = MustParseVersion("14.3"), Build{} }},
		{"the same version alone keeps the build", Mac{Version: MustParseVersion("14.2.1")}, func(*Mac) {}},
		{"a new build alone drops the old version", Mac{Build: MustParseBuild("23D56")},
			func(m *Mac) { m.Version, m.Build = Version{}, MustParseBuild("23D56") }},
		{"a flag the report knows", Mac{BootstrapToken: FlagTrue}, func(m *Mac) { m.BootstrapToken = FlagTrue }},
		{"a flag reported false", Mac{Supervised: FlagFalse}, func(m *Mac) { m.Supervised = FlagFalse }},
		{"a beta enrollment", Mac{Beta: FlagTrue, BetaProgram: "macOS Developer Beta"},
			func(m *Mac) { m.Beta, m.BetaProgram = FlagTrue, "macOS Developer Beta" }},
		{"strings", Mac{Model: "Mac15,3", DeviceID: "J504AP", Serial: "S", UDID: "U"},
			func(m *Mac) { m.Model, m.DeviceID, m.Serial, m.UDID = "Mac15,3", "J504AP", "S", "U" }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := knownMac
			tt.change(&want)
			assert.Equal(t, want, knownMac.Merge(tt.report))
		})
	}
	left := Mac{Beta: FlagTrue, BetaProgram: "old"}.Merge(Mac{Beta: FlagFalse})
	assert.Equal(t, Mac{Beta: FlagFalse}, left, "leaving the beta program clears its name")
}

func TestMissingPrerequisites(t *testing.T) {
	req := Supervised | BootstrapToken | CachedInstaller
	tests := []struct {
		name             string
		mac              Mac
		req              Prerequisites
		missing, unknown Prerequisites
	}{
		{"nothing required", Mac{}, 0, 0, 0},
		{"nothing known", Mac{}, req, 0, req},
		{"supervised without a token", Mac{Supervised: FlagTrue, BootstrapToken: FlagFalse}, Supervised | BootstrapToken, BootstrapToken, 0},
		{"not supervised", Mac{Supervised: FlagFalse}, Supervised, Supervised, 0},
		{"the installer is never known", Mac{Supervised: FlagTrue, BootstrapToken: FlagTrue}, req, 0, CachedInstaller},
		{"only what is required", Mac{Supervised: FlagFalse}, BootstrapToken, 0, BootstrapToken},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			missing, unknown := tt.mac.Missing(tt.req)
			assert.Equal(t, tt.missing, missing, "missing")
			assert.Equal(t, tt.unknown, unknown, "unknown")
		})
	}
}
