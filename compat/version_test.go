package compat

import (
	"encoding/json"
	"math/rand/v2"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseVersionAcceptsMacOSForms(t *testing.T) {
	tests := []struct {
		in                  string
		canonical           string
		major, minor, patch int
		rsr                 byte
	}{
		{"14", "14.0", 14, 0, 0, 0},
		{"14.0.0", "14.0", 14, 0, 0, 0},
		{"14.2.0", "14.2", 14, 2, 0, 0},
		{"10.15.0", "10.15", 10, 15, 0, 0},
		{"14.2", "14.2", 14, 2, 0, 0},
		{"14.2.1", "14.2.1", 14, 2, 1, 0},
		{"10.15.7", "10.15.7", 10, 15, 7, 0},
		{"12.0.1", "12.0.1", 12, 0, 1, 0},
		{"26.0", "26.0", 26, 0, 0, 0},
		{"13.4.1 (c)", "13.4.1 (c)", 13, 4, 1, 'c'},
		{"13.4.1(c)", "13.4.1 (c)", 13, 4, 1, 'c'},
		{"26.3(a)", "26.3 (a)", 26, 3, 0, 'a'},
		{"16.1 (a)", "16.1 (a)", 16, 1, 0, 'a'},
		{"65535.65535.65535", "65535.65535.65535", 65535, 65535, 65535, 0},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			v, err := ParseVersion(tt.in)
			require.NoError(t, err)
			assert.Equal(t, tt.canonical, v.String())
			assert.Equal(t, []int{tt.major, tt.minor, tt.patch}, []int{v.Major(), v.Minor(), v.Patch()})
			assert.Equal(t, tt.rsr, v.RSR())
			assert.True(t, v.IsValid())
			again, err := ParseVersion(v.String())
			require.NoError(t, err)
			assert.Equal(t, v, again, "canonical form parses back to the same value")
		})
	}
}

func TestParseVersionRejectsEverythingElse(t *testing.T) {
	for _, in := range []string{
		"", " ", "v14", "14.x", "14..1", "14.", ".14", "14.2.1.1", "0", "0.1", "014", "14.02",
		"65536", "14.65536", "99999999999999999999", "14 ", " 14", "14.2 (C)", "14.2 (ab)",
		"14.2 (a", "14.2  (a)", "14.2 a", "14.2(a) ", "14.2-beta", "14.2+a", "十四", "14\x00",
	} {
		t.Run(in, func(t *testing.T) {
			v, err := ParseVersion(in)
			require.ErrorIs(t, err, ErrInvalidVersion)
			assert.Contains(t, err.Error(), strconv.Quote(in), "the error names the input")
			assert.Equal(t, Version{}, v)
		})
	}
}

func TestVersionCompareOrdersReleasesAndRSRs(t *testing.T) {
	ordered := []string{"10.14.6", "10.15", "10.15.7", "11.0", "11.7.10", "12.0", "12.0.1", "13.4.1",
		"13.4.1 (a)", "13.4.1 (c)", "13.5", "14", "14.2", "14.2.1", "26.3", "26.3 (a)", "26.4"}
	for i := range ordered {
		for j := range ordered {
			a, b := MustParseVersion(ordered[i]), MustParseVersion(ordered[j])
			want := 0
			switch {
			case i < j:
				want = -1
			case i > j:
				want = 1
			}
			assert.Equalf(t, want, a.Compare(b), "%s.Compare(%s)", a, b)
		}
	}
}

// TestVersionsThatCompareEqualAreEqual is the map-key property: 14.2 and 14.2.0 are
// one value, with one canonical form.
func TestVersionsThatCompareEqualAreEqual(t *testing.T) {
	for _, same := range [][]string{{"14.2", "14.2.0"}, {"14", "14.0", "14.0.0"}, {"26.3(a)", "26.3 (a)", "26.3.0 (a)"}, {"10.15", "10.15.0"}} {
		first := MustParseVersion(same[0])
		for _, s := range same[1:] {
			v := MustParseVersion(s)
			assert.Equalf(t, 0, first.Compare(v), "%s.Compare(%s)", same[0], s)
			assert.Truef(t, first == v, "%s == %s", same[0], s)
			assert.Equal(t, first.String(), v.String())
		}
	}
	seen := map[Version]string{MustParseVersion("14.2"): "first"}
	seen[MustParseVersion("14.2.0")] = "second"
	assert.Len(t, seen, 1, "14.2 and 14.2.0 are one map key")
	assert.Equal(t, -1, Version{}.Compare(MustParseVersion("1")), "the zero Version is older than any")
}

// TestVersionOrderIsValueOrder checks over many random versions that Compare and ==
// agree: Compare is 0 exactly when the values are ==.
func TestVersionOrderIsValueOrder(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 5))
	random := func() Version {
		return newVersion(uint16(1+r.IntN(3)), uint16(r.IntN(3)), uint16(r.IntN(3)), []byte{0, 'a', 'c'}[r.IntN(3)])
	}
	for range 2000 {
		a, b := random(), random()
		assert.Equal(t, a.Compare(b) == 0, a == b, "%v vs %v", a, b)
		back, err := ParseVersion(a.String())
		require.NoError(t, err)
		assert.Equal(t, a, back)
	}
}

func TestVersionTextRoundTrip(t *testing.T) {
	for _, in := range []string{"14", "14.2.1", "13.4.1 (c)", "26.3(a)"} {
		v := MustParseVersion(in)
		b, err := v.MarshalText()
		require.NoError(t, err)
		var back Version
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, v, back)
	}
	var zero Version
	b, err := zero.MarshalText()
	require.NoError(t, err)
	assert.Empty(t, b, "the zero Version encodes as empty text")
	assert.Equal(t, "invalid Version", zero.String())
	v := MustParseVersion("14")
	require.NoError(t, v.UnmarshalText(nil))
	assert.Equal(t, Version{}, v)
	assert.ErrorIs(t, v.UnmarshalText([]byte("14.x")), ErrInvalidVersion)
}

func TestVersionJSONUsesCanonicalText(t *testing.T) {
	b, err := json.Marshal(struct{ V Version }{MustParseVersion("26.3(a)")})
	require.NoError(t, err)
	assert.JSONEq(t, `{"V":"26.3 (a)"}`, string(b))
}

func TestParseVersionExtraCombinesDeviceFields(t *testing.T) {
	v, err := ParseVersionExtra("13.3.1", "(a)")
	require.NoError(t, err)
	assert.Equal(t, MustParseVersion("13.3.1 (a)"), v)
	v, err = ParseVersionExtra("14.2", "")
	require.NoError(t, err)
	assert.Equal(t, MustParseVersion("14.2"), v)
	assert.Equal(t, "(a)", MustParseVersion("13.3.1 (a)").Extra())
	assert.Empty(t, MustParseVersion("13.3.1").Extra())
	v, err = ParseVersionExtra("13.3.1", "a")
	require.NoError(t, err, "Apple's schema example writes the extra without parentheses")
	assert.Equal(t, MustParseVersion("13.3.1 (a)"), v)
	for _, extra := range []string{"A", "(A)", "(ab)", " (a)", "ab", "(", "()"} {
		_, err := ParseVersionExtra("13.3.1", extra)
		assert.ErrorIs(t, err, ErrInvalidVersion, extra)
	}
	_, err = ParseVersionExtra("13.3.1 (a)", "(b)")
	assert.ErrorIs(t, err, ErrInvalidVersion, "a suffix given twice")
}

func TestReleaseNameNamesTheMajor(t *testing.T) {
	for in, want := range map[string]string{"14": "14", "14.0": "14", "14.2.1": "14", "10.15.7": "10.15", "10.15": "10.15", "26.3 (a)": "26", "11.0.1": "11"} {
		assert.Equalf(t, want, MustParseVersion(in).ReleaseName(), "MustParseVersion(%q).ReleaseName()", in)
	}
	assert.Empty(t, Version{}.ReleaseName())
	assert.Equal(t, "13", MustParseBuild("22F82").Release().ReleaseName(), "a build's release, named as Apple names it")
	assert.Equal(t, "13.0", MustParseBuild("22F82").Release().String(), "String prints the release's first version")
}

func TestSameMajorTreatsTenDotXAsMajors(t *testing.T) {
	tests := []struct {
		a, b string
		same bool
	}{
		{"14.1", "14.7.2", true},
		{"10.15.1", "10.15.7", true},
		{"10.14.6", "10.15", false},
		{"13.6", "14.0", false},
	}
	for _, tt := range tests {
		assert.Equalf(t, tt.same, MustParseVersion(tt.a).SameMajor(MustParseVersion(tt.b)), "%s vs %s", tt.a, tt.b)
	}
}

func TestParsingDoesNotAllocate(t *testing.T) {
	for _, in := range []string{"14.2.1", "13.4.1 (c)"} {
		assert.Zero(t, testing.AllocsPerRun(100, func() { _, _ = ParseVersion(in) }), in)
	}
	assert.Zero(t, testing.AllocsPerRun(100, func() { _, _ = ParseBuild("22F770820d") }))
	assert.Zero(t, testing.AllocsPerRun(100, func() { _, _ = ParseChip("X86_64") }))
	cur, tgt := MustParseVersion("12.7.1"), MustParseVersion("14.2.1")
	assert.Zero(t, testing.AllocsPerRun(100, func() { _, _ = Resolve(Intel, cur, tgt) }))
}
