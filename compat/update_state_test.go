package compat

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/managedos/managedos/mechanism"
)

var stateT0 = time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)

func minutes(m int) time.Time { return stateT0.Add(time.Duration(m) * time.Minute) }

func TestTrackerState(t *testing.T) {
	stuck := []mechanism.Observation{
		{At: minutes(0), Target: "14.2.1", Status: "Downloading", Percent: 0.3, HasPercent: true},
		{At: minutes(30), Target: "14.2.1", Status: "Downloading", Percent: 0.3, HasPercent: true},
		{At: minutes(60), Target: "14.2.1", Status: "Downloading", Percent: 0.3, HasPercent: true},
	}
	ddmDownloading := make([]mechanism.Observation, 6)
	for i := range ddmDownloading {
		ddmDownloading[i] = mechanism.Observation{At: minutes(60 * i), Target: "14.2.1", Status: "downloading"}
	}
	tests := []struct {
		name    string
		tracker Tracker
		mac     Mac
		obs     []mechanism.Observation
		now     int
		state   mechanism.CacheState
		counted int
	}{
		{"installed is compliant", Tracker{Target: MustParseVersion("14.2.1")}, Mac{Version: MustParseVersion("14.2.1")}, stuck, 300, mechanism.Compliant, 0},
		{"a newer release is compliant", Tracker{Target: MustParseVersion("14.2.1")}, Mac{Version: MustParseVersion("15.0")}, stuck, 300, mechanism.Compliant, 0},
		{"a rapid security response on the target is compliant", Tracker{Target: MustParseVersion("13.4.1")}, Mac{Version: MustParseVersion("13.4.1 (c)")}, nil, 0, mechanism.Compliant, 0},
		{"a beta of a later release is compliant", Tracker{Target: MustParseVersion("14.2.1")}, Mac{Version: MustParseVersion("14.3"), Build: MustParseBuild("23D5033f"), Beta: FlagTrue}, nil, 0, mechanism.Compliant, 0},
		{"a build of a later major is compliant", Tracker{Target: MustParseVersion("14.2.1")}, Mac{Build: MustParseBuild("24A335")}, nil, 0, mechanism.Compliant, 0},
		{"a build of the same major tells nothing", Tracker{Target: MustParseVersion("14.2.1")}, Mac{Build: MustParseBuild("23D56")}, stuck, 300, mechanism.AssumedCached, 3},
		{"below the target the observations decide", Tracker{Target: MustParseVersion("14.2.1")}, Mac{Version: MustParseVersion("14.1")}, stuck, 300, mechanism.AssumedCached, 3},
		{"a DDM Mac downloading for 5 hours is downloading", Tracker{Target: MustParseVersion("14.2.1")}, Mac{Version: MustParseVersion("14.1")}, ddmDownloading, 300, mechanism.Downloading, 6},
		{"observations about an older target are ignored", Tracker{Target: MustParseVersion("14.3")}, Mac{Version: MustParseVersion("14.1")}, stuck, 300, mechanism.CacheUnknown, 0},
		{"a later version the Mac picked is about the target", Tracker{Target: MustParseVersion("14.2")}, Mac{Version: MustParseVersion("14.1")}, stuck, 300, mechanism.AssumedCached, 3},
		{"the tracker's product key", Tracker{Target: MustParseVersion("13.4.1 (c)"), ProductKey: "MSU_UPDATE_22F770820d_patch_13.4.1_rsr"}, Mac{Version: MustParseVersion("13.4.1")},
			[]mechanism.Observation{{At: minutes(0), Target: "MSU_UPDATE_22F770820d_patch_13.4.1_rsr", Status: "Downloading", Percent: 0.1, HasPercent: true}, {At: minutes(10), Target: "MSU_UPDATE_22G120_patch_13.6_minor", Status: "DownloadFailed"}},
			20, mechanism.Downloading, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, err := tt.tracker.State(tt.mac, tt.obs, minutes(tt.now))
			require.NoError(t, err)
			assert.Equal(t, tt.state, v.State)
			assert.Equal(t, tt.counted, v.Observations)
		})
	}
}

func TestTrackerAbout(t *testing.T) {
	tr := Tracker{Target: MustParseVersion("14.2"), ProductKey: "MSU_UPDATE_23C64_patch_14.2_minor"}
	for target, about := range map[string]bool{
		"": true, "14.2": true, "14.2.0": true, "14.2.1": true, "14.3": true, "15.0": true, "14.2 (a)": true,
		"14.1.2": false, "13.6": false, "MSU_UPDATE_23C64_patch_14.2_minor": true, "MSU_UPDATE_23B81_patch_14.1.1_minor": false, "garbage": false,
	} {
		assert.Equalf(t, about, tr.About(target), "About(%q)", target)
	}
	assert.Zero(t, testing.AllocsPerRun(100, func() { tr.About("14.2.1"); tr.About("nope") }))
}

func TestTrackerRefusesAZeroTarget(t *testing.T) {
	_, err := Tracker{}.State(Mac{Version: MustParseVersion("14.2")}, nil, stateT0)
	assert.ErrorIs(t, err, ErrInvalidVersion)
}

func TestTrackerStateDoesNotAllocateOnOrderedInput(t *testing.T) {
	obs := make([]mechanism.Observation, 200)
	for i := range obs {
		obs[i] = mechanism.Observation{At: minutes(i), Target: "14.2.1", Status: "Downloading", Percent: float64(i%5) / 5, HasPercent: true}
	}
	tr, mac := Tracker{Target: MustParseVersion("14.2.1")}, Mac{Version: MustParseVersion("14.1")}
	assert.Zero(t, testing.AllocsPerRun(20, func() { _, _ = tr.State(mac, obs, minutes(500)) }))
}
