package mechanism

import (
	"encoding/json"
	"math"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/managedos/managedos/internal/golden"
)

func TestObservationJSONGolden(t *testing.T) {
	obs := []Observation{
		{At: at(0), Target: "MSU_UPDATE_22G313_patch_13.6.1_minor", Status: "Downloading", Percent: 0.25, HasPercent: true},
		{At: at(30), Target: "13.6.1", Status: "Downloading", Percent: 0, HasPercent: true},
		{At: at(60), Status: "failed", Reason: "download interrupted", FailureCount: 2},
		{At: at(90), Status: "Idle", Downloaded: true},
		{At: at(120)},
	}
	back := golden.JSON(t, "testdata/observations.golden.json", obs)
	assert.Equal(t, obs, back, "a percent of 0 stays a reported percent")
}

func TestCacheVerdictJSONGolden(t *testing.T) {
	verdicts := []CacheVerdict{
		{State: AssumedCached, Since: at(240), EnforceAt: at(240), Observations: 3, Reason: "not enough space", FailureCount: 2},
		{State: Stalled, Since: at(30), EnforceAt: at(210), Observations: 2},
		{State: Compliant},
	}
	back := golden.JSON(t, "testdata/verdicts.golden.json", verdicts)
	assert.Equal(t, verdicts, back)
}

// TestJSONRoundTripsRandomValues is the property that every Observation and
// CacheVerdict reads back from its JSON unchanged.
func TestJSONRoundTripsRandomValues(t *testing.T) {
	r := rand.New(rand.NewPCG(12, 26))
	text := func() string {
		return []string{"", "Downloading", "failed", "14.2.1", "é \"quoted\" <tag>", "\x01"}[r.IntN(6)]
	}
	when := func() time.Time {
		if r.IntN(5) == 0 {
			return time.Time{}
		}
		return time.Unix(r.Int64N(4e9), r.Int64N(1e9)).In(time.FixedZone("", 60*(r.IntN(1500)-750)))
	}
	for range 1000 {
		o := Observation{At: when(), Target: text(), Status: text(), Downloaded: r.IntN(2) == 0, Reason: text(), FailureCount: r.IntN(4)}
		if r.IntN(2) == 0 {
			o.Percent, o.HasPercent = r.Float64()*[]float64{0, 1, 100}[r.IntN(3)], true
		}
		b, err := json.Marshal(o)
		require.NoError(t, err)
		var back Observation
		require.NoError(t, json.Unmarshal(b, &back), string(b))
		assert.True(t, o.At.Equal(back.At), string(b))
		back.At = o.At
		assert.Equal(t, o, back, string(b))

		v := CacheVerdict{State: CacheState(r.IntN(7)), Since: when(), EnforceAt: when(), Observations: r.IntN(100), Reason: text(), FailureCount: r.IntN(3)}
		b, err = json.Marshal(v)
		require.NoError(t, err)
		var vb CacheVerdict
		require.NoError(t, json.Unmarshal(b, &vb), string(b))
		assert.True(t, v.Since.Equal(vb.Since) && v.EnforceAt.Equal(vb.EnforceAt), string(b))
		vb.Since, vb.EnforceAt = v.Since, v.EnforceAt
		assert.Equal(t, v, vb, string(b))
	}
}

func TestStoredJSONNamesTheBadField(t *testing.T) {
	tests := []struct {
		name string
		in   string
		into any
		says string
	}{
		{"unknown observation key", `{"at":"2026-11-27T09:00:00Z","progress":0.3}`, new(Observation), `"progress": unknown field`},
		{"percent as text", `{"percent":"30%"}`, new(Observation), "percent: want a number"},
		{"time as a number", `{"at":12}`, new(Observation), "at:"},
		{"snake case only", `{"FailureCount":1}`, new(Observation), `"FailureCount": unknown field`},
		{"unknown verdict token", `{"verdict":"done"}`, new(CacheVerdict), "verdict"},
		{"unknown verdict key", `{"verdict":"stalled","state":"stalled"}`, new(CacheVerdict), `"state": unknown field`},
		{"observations as text", `{"verdict":"stalled","observations":"3"}`, new(CacheVerdict), "observations: want an integer"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := json.Unmarshal([]byte(tt.in), tt.into)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.says)
		})
	}
}

func TestUnrepresentableObservationFailsLoudly(t *testing.T) {
	_, err := json.Marshal(Observation{At: at(0), Percent: math.Inf(1), HasPercent: true})
	assert.Error(t, err, "an infinite percent has no JSON form")
}
