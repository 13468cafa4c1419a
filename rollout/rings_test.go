package rollout

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseRingsReadsCumulativeSharesAndOffsets(t *testing.T) {
	rs, err := ParseRings("canary=5%:0,early=25%:3,broad=100%:7")
	require.NoError(t, err)
	assert.Equal(t, []Ring{
		{Name: "canary", Share: 500, OffsetDays: 0},
		{Name: "early", Share: 2500, OffsetDays: 3},
		{Name: "broad", Share: Whole, OffsetDays: 7},
	}, rs.All())
}

func TestParseRingsRoundTripsThroughStringAndText(t *testing.T) {
	for _, tt := range []struct{ in, canonical string }{
		{"canary=5%:0,early=25%:3,broad=100%:7", "canary=5%:0,early=25%:3,broad=100%:7"},
		{"all=100%:0", "all=100%:0"},
		{" pilot=0.5%:0 , wave-1=12.25%:2, wave_2=12.3%:2,rest.of.fleet=100.00%:30 ", "pilot=0.5%:0,wave-1=12.25%:2,wave_2=12.3%:2,rest.of.fleet=100%:30"},
		{"a=0.01%:0,b=99.99%:1,c=100%:365", "a=0.01%:0,b=99.99%:1,c=100%:365"},
	} {
		t.Run(tt.in, func(t *testing.T) {
			rs, err := ParseRings(tt.in)
			require.NoError(t, err)
			assert.Equalf(t, tt.canonical, rs.String(), "ParseRings(%q).String()", tt.in)
			again, err := ParseRings(rs.String())
			require.NoError(t, err)
			assert.Equal(t, rs.All(), again.All())

			text, err := rs.MarshalText()
			require.NoError(t, err)
			var back Rings
			require.NoError(t, back.UnmarshalText(text))
			assert.Equal(t, rs.All(), back.All())
		})
	}
}

func TestParseRingsRefusesSpecsNamingThePartThatIsWrong(t *testing.T) {
	for _, tt := range []struct {
		name, spec string
		want       []string // substrings of the error
	}{
		{"empty", "", []string{"empty"}},
		{"blank", "   ", []string{"empty"}},
		{"no equals", "canary", []string{`part 1 "canary"`, "NAME=SHARE%:OFFSET"}},
		{"bad name", "can ary=5%:0,b=100%:0", []string{`part 1`, `name "can ary"`}},
		{"empty name", "=100%:0", []string{`name ""`}},
		{"long name", strings.Repeat("x", 33) + "=100%:0", []string{"name"}},
		{"no percent sign", "a=5:0,b=100%:0", []string{`part 1`, `share "5"`}},
		{"three decimals", "a=5.125%:0,b=100%:0", []string{`share "5.125%"`}},
		{"zero share", "a=0%:0,b=100%:0", []string{`share "0%"`}},
		{"over 100 in a part", "a=5%:0,b=101%:0", []string{`part 2`, `share "101%"`}},
		{"negative share", "a=-5%:0,b=100%:0", []string{`share "-5%"`}},
		{"not reaching 100", "canary=5%:0,early=25%:3", []string{`last ring "early" covers 25%`, "want 100%"}},
		{"shares not rising", "a=50%:0,b=20%:1,c=100%:2", []string{`part 2`, "not above 50%", "cumulative"}},
		{"equal shares", "a=50%:0,b=50%:1,c=100%:2", []string{`part 2`, "not above 50%"}},
		{"duplicate name", "a=5%:0,a=100%:1", []string{`part 2`, `name "a" already used by part 1`}},
		{"no offset", "a=100%", []string{"no offset"}},
		{"negative offset", "a=100%:-1", []string{`offset "-1"`}},
		{"offset not a number", "a=5%:x,b=100%:1", []string{`part 1`, `offset "x"`}},
		{"offset too large", "a=100%:366", []string{`offset "366"`}},
		{"falling offset", "a=5%:3,b=100%:1", []string{`part 2`, "offset 1 days is below 3"}},
		{"empty part", "a=5%:0,,b=100%:1", []string{`part 2 ""`}},
		{"too many rings", strings.Repeat("a=1%:0,", MaxRings) + "z=100%:0", []string{"33 rings, at most 32"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseRings(tt.spec)
			require.ErrorIs(t, err, ErrInvalidRings)
			for _, w := range tt.want {
				assert.Containsf(t, err.Error(), w, "ParseRings(%q)", tt.spec)
			}
			assert.True(t, strings.HasPrefix(err.Error(), "rollout: "), err.Error())
		})
	}
}

func TestParseRingsErrorsStayBoundedWhateverTheSpec(t *testing.T) {
	huge := strings.Repeat("y", 100_000)
	_, err := ParseRings(huge + "=5%:0," + huge + "=100%:0")
	require.ErrorIs(t, err, ErrInvalidRings)
	assert.Less(t, len(err.Error()), 1000)

	_, err = ParseRings(strings.Repeat("bad,", MaxRings-1) + "bad")
	require.ErrorIs(t, err, ErrInvalidRings)
	assert.Contains(t, err.Error(), "and 24 more")
	assert.Less(t, len(err.Error()), 2000)
}

func TestZeroRingsHasNoSpec(t *testing.T) {
	var rs Rings
	assert.True(t, rs.IsZero())
	assert.Equal(t, "", rs.String())
	_, err := rs.MarshalText()
	assert.ErrorIs(t, err, ErrInvalidRings)
	var back Rings
	assert.ErrorIs(t, back.UnmarshalText(nil), ErrInvalidRings)
}

func TestAssignPrefersTheInventoryRing(t *testing.T) {
	rs, err := ParseRings("canary=5%:0,early=25%:3,broad=100%:7")
	require.NoError(t, err)
	r, err := rs.Assign("any-id", "early")
	require.NoError(t, err)
	assert.Equal(t, Ring{Name: "early", Share: 2500, OffsetDays: 3}, r)
	r, err = rs.Assign("", "broad")
	require.NoError(t, err)
	assert.Equal(t, "broad", r.Name, "an inventory ring needs no id")
}

func TestAssignRefusesUnknownRingsAndMissingIDs(t *testing.T) {
	rs, err := ParseRings("canary=5%:0,broad=100%:7")
	require.NoError(t, err)
	_, err = rs.Assign("id", "Canary")
	require.ErrorIs(t, err, ErrUnknownRing, "names match exactly")
	assert.Contains(t, err.Error(), `"Canary"`)
	assert.Contains(t, err.Error(), "canary,broad")

	_, err = rs.Assign("id", strings.Repeat("z", 10_000))
	require.ErrorIs(t, err, ErrUnknownRing)
	assert.Less(t, len(err.Error()), 300)

	_, err = rs.Assign("", "")
	assert.ErrorIs(t, err, ErrNoDeviceID)

	var none Rings
	r, err := none.Assign("id", "")
	require.NoError(t, err)
	assert.Equal(t, Ring{}, r, "without rings every device is in the zero Ring")
	_, err = none.Assign("id", "canary")
	assert.ErrorIs(t, err, ErrUnknownRing)
}

func TestAssignIsStable(t *testing.T) {
	rs, err := ParseRings("canary=5%:0,early=25%:3,broad=100%:7")
	require.NoError(t, err)
	// Pinned values, computed from Bucket's documented definition by an independent
	// implementation: a change here moves devices between rings for every vendor.
	for _, tt := range []struct {
		id     string
		bucket Share
		ring   string
	}{
		{"device-000003", 106, "canary"},
		{"device-000010", 243, "canary"},
		{"device-000005", 937, "early"},
		{"device-000001", 4394, "broad"},
		{"C02XK0AAJGH5", 3253, "broad"},
		{"7F3A9C2E-1B4D-4E8F-9A6B-2C5D8E1F3A7B", 3905, "broad"},
		{"a", 5102, "broad"},
		{"", 9367, "broad"},
	} {
		assert.Equalf(t, tt.bucket, Bucket(tt.id), "Bucket(%q)", tt.id)
		if tt.id == "" {
			continue
		}
		r, err := rs.Assign(tt.id, "")
		require.NoError(t, err)
		assert.Equalf(t, tt.ring, r.Name, "Assign(%q)", tt.id)
	}
}

// syntheticIDs returns n ids in three shapes vendors use: serial-like, sequential
// and UUIDs, from a fixed seed.
func syntheticIDs(n int) []string {
	rng := rand.New(rand.NewPCG(9, 9))
	const serialChars = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789"
	ids := make([]string, n)
	for i := range ids {
		switch i % 3 {
		case 0:
			var b [12]byte
			for j := range b {
				b[j] = serialChars[rng.IntN(len(serialChars))]
			}
			ids[i] = string(b[:])
		case 1:
			ids[i] = fmt.Sprintf("device-%06d", i)
		default:
			ids[i] = fmt.Sprintf("%08X-%04X-%04X-%04X-%012X", rng.Uint32(), rng.Uint32()&0xffff, rng.Uint32()&0xffff, rng.Uint32()&0xffff, rng.Uint64()&0xffffffffffff)
		}
	}
	return ids
}

func TestAssignHonoursSharesWithinOnePointOverALargeFleet(t *testing.T) {
	rs, err := ParseRings("canary=5%:0,early=25%:3,broad=100%:7")
	require.NoError(t, err)
	ids := syntheticIDs(100_000)
	counts := map[string]int{}
	for _, id := range ids {
		r, err := rs.Assign(id, "")
		require.NoError(t, err)
		counts[r.Name]++
	}
	want := map[string]float64{"canary": 5, "early": 20, "broad": 75}
	for name, pct := range want {
		got := 100 * float64(counts[name]) / float64(len(ids))
		assert.InDeltaf(t, pct, got, 1, "ring %s: %.2f%% of %d devices, want %.0f%%", name, got, len(ids), pct)
	}
	// Each shape alone also spreads: sequential ids are the easiest to get wrong.
	seq := 0
	for i := 1; i < len(ids); i += 3 {
		if r, _ := rs.Assign(ids[i], ""); r.Name == "canary" {
			seq++
		}
	}
	assert.InDelta(t, 5, 100*float64(seq)/float64(len(ids)/3), 1, "sequential ids in canary")
}

func TestAssignDoesNotAllocate(t *testing.T) {
	rs, err := ParseRings("canary=5%:0,early=25%:3,broad=100%:7")
	require.NoError(t, err)
	ids := syntheticIDs(30)
	allocs := testing.AllocsPerRun(100, func() {
		for _, id := range ids {
			if _, err := rs.Assign(id, ""); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := rs.Assign("x", "early"); err != nil {
			t.Fatal(err)
		}
	})
	assert.Zero(t, allocs)
}
