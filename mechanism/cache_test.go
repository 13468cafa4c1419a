package mechanism

import (
	"math/rand/v2"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var t0 = time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)

// at returns t0 plus m minutes.
func at(m int) time.Time { return t0.Add(time.Duration(m) * time.Minute) }

// dl is an OSUpdateStatus "Downloading" observation with a fraction.
func dl(m int, fraction float64) Observation {
	return Observation{At: at(m), Status: "Downloading", Percent: fraction, HasPercent: true}
}

func status(m int, s string) Observation { return Observation{At: at(m), Status: s} }

func TestInferCache(t *testing.T) {
	tests := []struct {
		name      string
		obs       []Observation
		now       time.Time
		policy    CachePolicy
		state     CacheState
		since     time.Time
		enforceAt time.Time
		counted   int
	}{
		{"no observations", nil, at(0), CachePolicy{}, CacheUnknown, time.Time{}, time.Time{}, 0},
		{"first percent is progress", []Observation{dl(0, 0.1)}, at(5), CachePolicy{}, Downloading, at(0), time.Time{}, 1},
		{"progress keeps downloading", []Observation{dl(0, 0.1), dl(10, 0.2), dl(20, 0.5)}, at(25), CachePolicy{}, Downloading, at(20), time.Time{}, 3},
		{"a reported download wins", []Observation{dl(0, 0.1), {At: at(10), Status: "Idle", Percent: 1, HasPercent: true, Downloaded: true}, status(20, "DownloadFailed")}, at(30), CachePolicy{}, Cached, at(10), time.Time{}, 3},
		{"DDM prepared is cached", []Observation{status(0, "downloading"), status(10, "prepared")}, at(30), CachePolicy{}, Cached, at(10), time.Time{}, 2},
		{"installing wins", []Observation{{At: at(0), Status: "Idle", Downloaded: true}, status(10, "Installing"), status(20, "Installing")}, at(30), CachePolicy{}, Installing, at(10), time.Time{}, 3},
		{"DDM installing", []Observation{status(0, "prepared"), status(5, "installing")}, at(6), CachePolicy{}, Installing, at(5), time.Time{}, 2},
		{"installing only counts when latest", []Observation{status(0, "Installing"), dl(10, 0.3)}, at(11), CachePolicy{}, Downloading, at(10), time.Time{}, 2},
		{"one non-progressing sample is a stall", []Observation{dl(0, 0.3), dl(30, 0.3)}, at(40), CachePolicy{}, Stalled, at(30), at(210), 2},
		{"short stall in time", []Observation{dl(0, 0.3), dl(30, 0.3), dl(60, 0.3)}, at(120), CachePolicy{}, Stalled, at(30), at(210), 3},
		{"stall over the window is assumed cached", []Observation{dl(0, 0.3), dl(30, 0.3), dl(60, 0.3)}, at(300), CachePolicy{}, AssumedCached, at(210), time.Time{}, 3},
		{"window edge exactly 3h", []Observation{dl(0, 0.3), dl(30, 0.2), dl(60, 0.3)}, at(210), CachePolicy{}, AssumedCached, at(210), time.Time{}, 3},
		{"a minute before the edge", []Observation{dl(0, 0.3), dl(30, 0.2), dl(60, 0.3)}, at(209), CachePolicy{}, Stalled, at(30), at(210), 3},
		{"one sample is not multiple, however long", []Observation{dl(0, 0.3), dl(30, 0.3)}, at(600), CachePolicy{}, Stalled, at(30), at(210), 2},
		{"failures only", []Observation{status(0, "DownloadFailed"), status(60, "DownloadFailed"), status(200, "DownloadInsufficientNetwork")}, at(200), CachePolicy{}, AssumedCached, at(180), time.Time{}, 3},
		{"DDM downloading without percent stalls", []Observation{status(0, "downloading"), status(100, "downloading"), status(200, "failed")}, at(200), CachePolicy{}, AssumedCached, at(180), time.Time{}, 3},
		{"progress resets the stall", []Observation{dl(0, 0.3), dl(30, 0.3), dl(100, 0.3), dl(150, 0.4), dl(200, 0.4)}, at(300), CachePolicy{}, Stalled, at(200), at(380), 5},
		{"a failure is never progress", []Observation{dl(0, 0.3), {At: at(10), Status: "DownloadFailed", Percent: 0.9, HasPercent: true}, dl(20, 0.5)}, at(25), CachePolicy{}, Downloading, at(20), time.Time{}, 3},
		{"a lower percent does not progress", []Observation{dl(0, 0.5), dl(10, 0.2), dl(20, 0.4)}, at(30), CachePolicy{}, Stalled, at(10), at(190), 3},
		{"custom window", []Observation{dl(0, 0.3), dl(10, 0.3), dl(20, 0.3)}, at(60), CachePolicy{Window: 50 * time.Minute}, AssumedCached, at(60), time.Time{}, 3},
		{"custom min stalls", []Observation{dl(0, 0.3), dl(10, 0.3), dl(200, 0.3)}, at(400), CachePolicy{MinStalls: 3}, Stalled, at(10), at(190), 3},
		{"custom min stalls reached", []Observation{dl(0, 0.3), dl(10, 0.3), dl(100, 0.3), dl(200, 0.3)}, at(400), CachePolicy{MinStalls: 3}, AssumedCached, at(190), time.Time{}, 4},
		{"future observations are ignored", []Observation{dl(0, 0.3), dl(30, 0.3), dl(60, 0.3), dl(500, 0.9)}, at(300), CachePolicy{}, AssumedCached, at(210), time.Time{}, 3},
		{"only future observations", []Observation{dl(500, 0.9)}, at(300), CachePolicy{}, CacheUnknown, time.Time{}, time.Time{}, 0},
		{"out of order input", []Observation{dl(60, 0.3), dl(0, 0.3), dl(30, 0.3)}, at(300), CachePolicy{}, AssumedCached, at(210), time.Time{}, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := InferCache(tt.obs, tt.now, tt.policy)
			assert.Equal(t, tt.state, got.State)
			assert.True(t, tt.since.Equal(got.Since), "since %v, want %v", got.Since, tt.since)
			assert.True(t, tt.enforceAt.Equal(got.EnforceAt), "enforce at %v, want %v", got.EnforceAt, tt.enforceAt)
			assert.Equal(t, tt.counted, got.Observations)
		})
	}
}

func TestInferCacheDoesNotModifyItsInput(t *testing.T) {
	obs := []Observation{dl(60, 0.3), dl(0, 0.3), dl(30, 0.3)}
	before := append([]Observation(nil), obs...)
	InferCache(obs, at(300), CachePolicy{})
	assert.Equal(t, before, obs)
}

// TestShufflingNeverChangesTheVerdict is the property that arrival order does not
// matter, ties in time included.
func TestShufflingNeverChangesTheVerdict(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 11))
	statuses := []string{"Downloading", "Idle", "DownloadFailed", "Installing", "downloading", "prepared", "failed", "InstallInsufficientSpace"}
	for range 500 {
		var obs []Observation
		for range r.IntN(12) {
			o := Observation{At: at(r.IntN(8) * 30), Status: statuses[r.IntN(len(statuses))]}
			if r.IntN(2) == 0 {
				o.Percent, o.HasPercent = float64(r.IntN(5))/4, true
			}
			o.Downloaded = r.IntN(10) == 0
			obs = append(obs, o)
		}
		now := at(r.IntN(10) * 30)
		want := InferCache(obs, now, CachePolicy{})
		for range 5 {
			shuffled := append([]Observation(nil), obs...)
			r.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
			require.Equal(t, want, InferCache(shuffled, now, CachePolicy{}), "%v", obs)
		}
	}
}

func TestInferCacheDoesNotAllocateOnOrderedInput(t *testing.T) {
	obs := make([]Observation, 1000)
	for i := range obs {
		obs[i] = dl(i, float64(i%7)/7)
	}
	assert.Zero(t, testing.AllocsPerRun(20, func() { InferCache(obs, at(2000), CachePolicy{}) }))
}

func TestCacheStateText(t *testing.T) {
	for s, token := range map[CacheState]string{CacheUnknown: "unknown", Downloading: "downloading", Stalled: "stalled", AssumedCached: "assumed-cached", Cached: "cached", Installing: "installing"} {
		b, err := s.MarshalText()
		require.NoError(t, err)
		assert.Equal(t, token, string(b))
		var back CacheState
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, s, back)
	}
	var s CacheState
	assert.ErrorIs(t, s.UnmarshalText([]byte("lost")), ErrUnknownToken)
}

func TestIsFailureStatus(t *testing.T) {
	for _, s := range []string{"DownloadFailed", "InstallFailed", "Error", "failed", "DownloadInsufficientSpace", "DownloadInsufficientPower", "DownloadInsufficientNetwork", "InstallInsufficientSpace", "InstallInsufficientPower"} {
		assert.True(t, IsFailureStatus(s), s)
	}
	for _, s := range []string{"Downloading", "Idle", "Installing", "downloading", "prepared", "none", "waiting", ""} {
		assert.False(t, IsFailureStatus(s), s)
	}
}
