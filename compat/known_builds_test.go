package compat

import (
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestKnownBuildsMatchTheirSource checks the generated table against
// testdata/releases/known_builds.tsv, row for row, and that it is sorted for the
// binary search; run go generate ./compat after changing the file.
func TestKnownBuildsMatchTheirSource(t *testing.T) {
	var want []string
	for _, fields := range readTSV(t, "testdata/releases/known_builds.tsv", 3) {
		v, err := ParseVersion(fields[0])
		require.NoError(t, err)
		b, err := ParseBuild(fields[1])
		require.NoError(t, err)
		require.Equal(t, v.DarwinMajor(), b.Major(), "%v is not Darwin %d", fields, v.DarwinMajor())
		want = append(want, fields[1]+" "+fields[0])
	}
	var got []string
	for _, k := range knownBuilds {
		require.True(t, k.version.IsValid() && k.build.IsValid(), "%+v", k)
		got = append(got, k.build.String()+" "+k.version.String())
	}
	slices.Sort(want)
	slices.Sort(got)
	assert.Equal(t, want, got)
	assert.True(t, slices.IsSortedFunc(knownBuilds[:], func(a, b knownBuild) int { return a.build.Compare(b.build) }), "sorted by build")
	for i := 1; i < len(knownBuilds); i++ {
		assert.NotEqual(t, knownBuilds[i-1].build, knownBuilds[i].build, "one version per build")
	}
}

func TestKnownVersion(t *testing.T) {
	for build, want := range map[string]string{
		"22F770820d": "13.4.1 (c)",
		"22E772610a": "13.3.1 (a)",
		"23C71":      "14.2.1",
		"23D56":      "14.3",
		"23D2057":    "14.3",
		"25D771280a": "26.3.1 (a)",
		"25A354":     "26.0",
	} {
		v, ok := KnownVersion(MustParseBuild(build))
		require.True(t, ok, build)
		assert.Equal(t, want, v.String(), build)
	}
	for _, build := range []string{"24A5331b", "99Z1", "23C72"} {
		_, ok := KnownVersion(MustParseBuild(build))
		assert.False(t, ok, build)
	}
}

func TestCheckBuild(t *testing.T) {
	for _, tt := range []struct {
		version, build string
		says           string // empty: accepted
	}{
		{"14.2.1", "23C71", ""},
		{"14.3", "23D2057", ""},
		{"14.3", "23D56", ""},
		{"13.4.1 (c)", "22F770820d", ""},
		{"13.4.1", "22F770820d", ""}, // DDM's form of a rapid security response: the base and the build
		{"26.3.1", "25D771280a", ""}, // the same for a background security improvement
		{"15.0", "24A5331b", ""},     // a build the library does not know, from the right release
		{"27.1", "26B100", ""},       // a release newer than the library's data
		{"14.2.1", "23C9999", ""},    // an unknown build of a known version: hardware-specific builds exist
		{"13.4.1 (a)", "22F770820d", "build 22F770820d is macOS 13.4.1 (c), not 13.4.1 (a) (the library knows no build of 13.4.1 (a))"},
		{"14.2", "23C71", "build 23C71 is macOS 14.2.1, not 14.2 (the library knows no build of 14.2)"},
		{"14.3.1", "23C71", "build 23C71 is macOS 14.2.1, not 14.3.1 (the library knows 14.3.1 as 23D60)"},
		{"26.3.2 (a)", "25D771280a", "build 25D771280a is macOS 26.3.1 (a), not 26.3.2 (a) (the library knows 26.3.2 (a) as 25D771400a)"},
		{"13.3.1", "22F770820d", "build 22F770820d is macOS 13.4.1 (c), not 13.3.1"},
		{"26.0", "23A309", "build 23A309 is Darwin 23, macOS 26.0 is Darwin 25"},
	} {
		t.Run(tt.version+" "+tt.build, func(t *testing.T) {
			err := CheckBuild(MustParseVersion(tt.version), MustParseBuild(tt.build))
			if tt.says == "" {
				assert.NoError(t, err)
				return
			}
			require.ErrorIs(t, err, ErrInvalidBuild)
			assert.Contains(t, err.Error(), tt.says)
		})
	}
	assert.ErrorIs(t, CheckBuild(Version{}, MustParseBuild("23C71")), ErrInvalidVersion)
	assert.ErrorIs(t, CheckBuild(MustParseVersion("14.2.1"), Build{}), ErrInvalidBuild)
}
