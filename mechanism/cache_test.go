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

// ddm is a DDM status report observation: an install-state, no percent.
func ddm(m int, state string) Observation { return Observation{At: at(m), Status: state} }

// failed is a DDM "failed" report with the Mac's failure reason and count.
func failed(m int, reason string, count int) Observation {
	return Observation{At: at(m), Status: "failed", Reason: reason, FailureCount: count}
}

func TestInferCache(t *testing.T) {
	tests := []struct {
		name      string
		obs       []Observation
		now       int // minutes after t0
		policy    CachePolicy
		state     CacheState
		since     int // minutes after t0, -1 for none
		enforceAt int // minutes after t0, -1 for none
		counted   int
		reason    string
		failures  int
	}{
		{name: "no observations", now: 0, state: CacheUnknown, since: -1, enforceAt: -1},
		{name: "a first percent above 0 is progress", obs: []Observation{dl(0, 0.1)}, now: 5, state: Downloading, since: 0, enforceAt: -1, counted: 1},
		{name: "a first report at 0 is not progress", obs: []Observation{dl(0, 0)}, now: 5, state: Stalled, since: 0, enforceAt: 180, counted: 1},
		{name: "a first report without a percent is not progress", obs: []Observation{status(0, "Downloading")}, now: 5, state: Stalled, since: 0, enforceAt: 180, counted: 1},
		{name: "progress keeps downloading", obs: []Observation{dl(0, 0.1), dl(10, 0.2), dl(20, 0.5)}, now: 25, state: Downloading, since: 20, enforceAt: -1, counted: 3},
		{name: "a reported download wins", obs: []Observation{dl(0, 0.1), {At: at(10), Status: "Idle", Percent: 1, HasPercent: true, Downloaded: true}, status(20, "DownloadFailed")}, now: 30, state: Cached, since: 10, enforceAt: -1, counted: 3},
		{name: "DDM prepared is cached", obs: []Observation{ddm(0, "downloading"), ddm(10, "prepared")}, now: 30, state: Cached, since: 10, enforceAt: -1, counted: 2},
		{name: "installing wins", obs: []Observation{{At: at(0), Status: "Idle", Downloaded: true}, status(10, "Installing"), status(20, "Installing")}, now: 30, state: Installing, since: 10, enforceAt: -1, counted: 3},
		{name: "DDM installing", obs: []Observation{ddm(0, "prepared"), ddm(5, "installing")}, now: 6, state: Installing, since: 5, enforceAt: -1, counted: 2},
		{name: "installing only counts when latest", obs: []Observation{status(0, "Installing"), dl(10, 0.3)}, now: 11, state: Downloading, since: 10, enforceAt: -1, counted: 2},
		{name: "a partial report after installing keeps installing", obs: []Observation{ddm(0, "installing"), ddm(10, "")}, now: 11, state: Installing, since: 0, enforceAt: -1, counted: 2},
		{name: "one non-progressing sample is a stall", obs: []Observation{dl(0, 0.3), dl(30, 0.3)}, now: 40, state: Stalled, since: 30, enforceAt: 210, counted: 2},
		{name: "short stall in time", obs: []Observation{dl(0, 0.3), dl(30, 0.3), dl(60, 0.3)}, now: 120, state: Stalled, since: 30, enforceAt: 210, counted: 3},
		{name: "stall over the window is assumed cached", obs: []Observation{dl(0, 0.3), dl(30, 0.3), dl(60, 0.3)}, now: 300, state: AssumedCached, since: 210, enforceAt: 210, counted: 3},
		{name: "assumed cached never before the evidence", obs: []Observation{dl(0, 0.3), dl(30, 0.3), dl(400, 0.3)}, now: 410, state: AssumedCached, since: 400, enforceAt: 400, counted: 3},
		{name: "window edge exactly 3h", obs: []Observation{dl(0, 0.3), dl(30, 0.2), dl(60, 0.3)}, now: 210, state: AssumedCached, since: 210, enforceAt: 210, counted: 3},
		{name: "a minute before the edge", obs: []Observation{dl(0, 0.3), dl(30, 0.2), dl(60, 0.3)}, now: 209, state: Stalled, since: 30, enforceAt: 210, counted: 3},
		{name: "one sample is not multiple, however long", obs: []Observation{dl(0, 0.3), dl(30, 0.3)}, now: 600, state: Stalled, since: 30, enforceAt: 210, counted: 2},
		{name: "failures only", obs: []Observation{status(0, "DownloadFailed"), status(60, "DownloadFailed"), status(200, "DownloadInsufficientNetwork")}, now: 200, state: AssumedCached, since: 180, enforceAt: 180, counted: 3, reason: "DownloadInsufficientNetwork"},
		{name: "restart after failure is progress", obs: []Observation{dl(0, 0.1), dl(30, 0.5), status(60, "DownloadFailed"), dl(90, 0.1), dl(120, 0.45)}, now: 130, state: Downloading, since: 120, enforceAt: -1, counted: 5},
		{name: "a failure ends the attempt", obs: []Observation{dl(0, 0.5), status(10, "DownloadFailed"), dl(20, 0.3)}, now: 25, state: Downloading, since: 20, enforceAt: -1, counted: 3},
		{name: "a failure is never progress", obs: []Observation{dl(0, 0.3), {At: at(10), Status: "DownloadFailed", Percent: 0.9, HasPercent: true}}, now: 25, state: Stalled, since: 10, enforceAt: 190, counted: 2, reason: "DownloadFailed"},
		{name: "a lower percent does not progress", obs: []Observation{dl(0, 0.5), dl(10, 0.2), dl(20, 0.4)}, now: 30, state: Stalled, since: 10, enforceAt: 190, counted: 3},
		{name: "DDM Mac downloading for 5 hours", obs: []Observation{ddm(0, "downloading"), ddm(60, "downloading"), ddm(120, "downloading"), ddm(180, "downloading"), ddm(240, "downloading"), ddm(300, "downloading")}, now: 300, state: Downloading, since: 300, enforceAt: -1, counted: 6},
		{name: "DDM failures carry the Mac's reason and count", obs: []Observation{ddm(0, "downloading"), failed(30, "download interrupted", 1), failed(240, "not enough space", 2)}, now: 240, state: AssumedCached, since: 240, enforceAt: 240, counted: 3, reason: "not enough space", failures: 2},
		{name: "DDM waiting is neutral", obs: []Observation{ddm(0, "waiting"), ddm(100, "waiting"), ddm(300, "waiting")}, now: 300, state: CacheUnknown, since: -1, enforceAt: -1, counted: 3},
		{name: "DDM none after progress is neutral", obs: []Observation{ddm(0, "downloading"), ddm(100, "none"), ddm(300, "none")}, now: 300, state: Downloading, since: 0, enforceAt: -1, counted: 3},
		{name: "a partial report is no stall", obs: []Observation{ddm(0, "downloading"), ddm(100, ""), ddm(200, ""), ddm(300, "")}, now: 300, state: Downloading, since: 0, enforceAt: -1, counted: 4},
		{name: "a partial report does not add to a stall", obs: []Observation{dl(0, 0.3), dl(30, 0.3), ddm(40, "")}, now: 600, state: Stalled, since: 30, enforceAt: 210, counted: 3},
		{name: "progress clears an earlier failure's reason", obs: []Observation{status(0, "DownloadFailed"), dl(10, 0.2), dl(20, 0.2), dl(30, 0.2)}, now: 400, state: AssumedCached, since: 200, enforceAt: 200, counted: 4},
		{name: "custom window", obs: []Observation{dl(0, 0.3), dl(10, 0.3), dl(20, 0.3)}, now: 60, policy: CachePolicy{Window: 50 * time.Minute}, state: AssumedCached, since: 60, enforceAt: 60, counted: 3},
		{name: "custom min stalls", obs: []Observation{dl(0, 0.3), dl(10, 0.3), dl(200, 0.3)}, now: 400, policy: CachePolicy{MinStalls: 3}, state: Stalled, since: 10, enforceAt: 190, counted: 3},
		{name: "custom min stalls reached", obs: []Observation{dl(0, 0.3), dl(10, 0.3), dl(100, 0.3), dl(200, 0.3)}, now: 400, policy: CachePolicy{MinStalls: 3}, state: AssumedCached, since: 200, enforceAt: 200, counted: 4},
		{name: "future observations are ignored", obs: []Observation{dl(0, 0.3), dl(30, 0.3), dl(60, 0.3), dl(500, 0.9)}, now: 300, state: AssumedCached, since: 210, enforceAt: 210, counted: 3},
		{name: "only future observations", obs: []Observation{dl(500, 0.9)}, now: 300, state: CacheUnknown, since: -1, enforceAt: -1},
		{name: "out of order input", obs: []Observation{dl(60, 0.3), dl(0, 0.3), dl(30, 0.3)}, now: 300, state: AssumedCached, since: 210, enforceAt: 210, counted: 3},
	}
	minutes := func(m int) time.Time {
		if m < 0 {
			return time.Time{}
		}
		return at(m)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := InferCache(tt.obs, at(tt.now), tt.policy)
			assert.Equal(t, tt.state, got.State)
			assert.True(t, minutes(tt.since).Equal(got.Since), "since %v, want %v", got.Since, minutes(tt.since))
			assert.True(t, minutes(tt.enforceAt).Equal(got.EnforceAt), "enforce at %v, want %v", got.EnforceAt, minutes(tt.enforceAt))
			assert.Equal(t, tt.counted, got.Observations)
			assert.Equal(t, tt.reason, got.Reason)
			assert.Equal(t, tt.failures, got.FailureCount)
		})
	}
}

func TestInferCacheForIgnoresOtherTargets(t *testing.T) {
	old := func(o Observation) Observation { o.Target = "14.2"; return o }
	obs := []Observation{old(dl(0, 0.3)), old(dl(30, 0.3)), old(dl(60, 0.3)), {At: at(200), Target: "14.3", Status: "Downloading", Percent: 0.1, HasPercent: true}, dl(210, 0.2)}
	about := func(target string) bool { return target == "" || target == "14.3" }
	got := InferCacheFor(obs, about, at(300), CachePolicy{})
	assert.Equal(t, Downloading, got.State, "the new target does not inherit the old one's stall")
	assert.Equal(t, 2, got.Observations)
	assert.Equal(t, AssumedCached, InferCache(obs[:3], at(300), CachePolicy{}).State)
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
	statuses := []string{"Downloading", "Idle", "DownloadFailed", "Installing", "downloading", "prepared", "failed", "InstallInsufficientSpace", "waiting", "none", ""}
	targets := []string{"", "14.2", "14.3"}
	about := func(target string) bool { return target != "14.2" }
	for range 500 {
		var obs []Observation
		for range r.IntN(12) {
			o := Observation{At: at(r.IntN(8) * 30), Status: statuses[r.IntN(len(statuses))], Target: targets[r.IntN(len(targets))]}
			if IsFailureStatus(o.Status) && r.IntN(2) == 0 {
				o.Reason, o.FailureCount = []string{"a", "b"}[r.IntN(2)], r.IntN(3)
			}
			if r.IntN(2) == 0 {
				o.Percent, o.HasPercent = float64(r.IntN(5))/4, true
			}
			o.Downloaded = r.IntN(10) == 0
			obs = append(obs, o)
		}
		now := at(r.IntN(10) * 30)
		want := InferCache(obs, now, CachePolicy{})
		wantFor := InferCacheFor(obs, about, now, CachePolicy{})
		for range 5 {
			shuffled := append([]Observation(nil), obs...)
			r.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
			require.Equal(t, want, InferCache(shuffled, now, CachePolicy{}), "%v", obs)
			require.Equal(t, wantFor, InferCacheFor(shuffled, about, now, CachePolicy{}), "%v", obs)
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
	for s, token := range map[CacheState]string{CacheUnknown: "unknown", Downloading: "downloading", Stalled: "stalled", AssumedCached: "assumed-cached", Cached: "cached", Installing: "installing", Compliant: "compliant"} {
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
