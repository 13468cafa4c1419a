package compat

import (
	"os"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fixtureCatalog parses testdata/gdmf_pmv_sofa_cached.json once per test binary.
var fixtureCatalog = sync.OnceValues(func() (*Catalog, error) {
	b, err := os.ReadFile("testdata/gdmf_pmv_sofa_cached.json")
	if err != nil {
		return nil, err
	}
	return ParseCatalog(b)
})

func mustFixture(t testing.TB) *Catalog {
	t.Helper()
	c, err := fixtureCatalog()
	require.NoError(t, err)
	return c
}

func versions(rs []Release) []string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = r.Version.String()
	}
	return out
}

func TestParseCatalogReadsTheFixture(t *testing.T) {
	c := mustFixture(t)
	assert.Equal(t, []string{
		"26.6.2", "26.6.1", "26.6", "26.5.2", "26.5.1", "26.5",
		"15.7.9", "15.7.8", "15.7.7", "14.8.9", "14.8.8", "14.8.7",
		"13.7.8", "12.7.6", "11.7.11",
	}, versions(c.Releases()), "merged by version and build, newest first, macOS only")
	assert.Equal(t, []string{"26.3.2 (a)", "26.3.1 (a)"}, versions(c.BSIs()))
	assert.Len(t, c.DeviceIDs(), 139)

	newest, ok := c.Newest(0)
	require.True(t, ok)
	assert.Equal(t, "26.6.2 (25G83)", newest.String())
	assert.Equal(t, MustParseDate("2026-08-17"), newest.Posted)
	assert.Equal(t, MustParseDate("2026-11-20"), newest.Expires)
	assert.Equal(t, PublicAssetSets|AssetSets, newest.Sources)
	assert.Equal(t, "public-asset-sets+asset-sets", newest.Sources.String())
	assert.Len(t, newest.Devices(), 63)
	assert.True(t, newest.Supports("J413AP"))
	assert.False(t, newest.Supports("Mac-63001698E7A34814"), "the iMac19,1 stops at Sequoia")
	assert.False(t, newest.Supports("j413ap"), "device IDs match exactly")
}

func TestParseCatalogMergesTheEarliestPostingDate(t *testing.T) {
	c := mustFixture(t)
	r, ok := c.LookupVersion(MustParseVersion("14.8.9"))
	require.True(t, ok)
	assert.Equal(t, MustParseDate("2026-08-06"), r.Posted, "AssetSets posted it on 08-06, PublicAssetSets says 08-17")
	assert.Equal(t, PublicAssetSets|AssetSets, r.Sources)

	r, ok = c.LookupVersion(MustParseVersion("26.6.1"))
	require.True(t, ok)
	assert.Equal(t, AssetSets, r.Sources, "signed, no longer offered")
}

func TestCatalogLookups(t *testing.T) {
	c := mustFixture(t)
	r, ok := c.Newest(15)
	require.True(t, ok)
	assert.Equal(t, "15.7.9", r.Version.String())
	_, ok = c.Newest(10)
	assert.False(t, ok)

	r, ok = c.LookupBuild(MustParseBuild("24G720"))
	require.True(t, ok)
	assert.Equal(t, "15.7.7", r.Version.String())
	_, ok = c.LookupBuild(MustParseBuild("24G721"))
	assert.False(t, ok)

	bsi, ok := c.LookupVersion(MustParseVersion("26.3.1(a)"))
	require.True(t, ok)
	assert.True(t, bsi.IsBSI())
	assert.Equal(t, "26.3.1 (a) (25D771280a on 25D2128)", bsi.String())
	assert.Equal(t, PublicBackgroundSecurityImprovements, bsi.Sources)
	assert.True(t, bsi.Supports("J413AP"))
	bsi, ok = c.LookupBuild(MustParseBuild("25D771400a"))
	require.True(t, ok)
	assert.Equal(t, []string{"J700AP"}, bsi.Devices())

	_, ok = c.LookupVersion(MustParseVersion("26.4"))
	assert.False(t, ok, "no longer signed")
	r, ok = c.LookupVersion(MustParseVersion("26.5.0"))
	require.True(t, ok, "26.5.0 is 26.5")
	assert.Equal(t, "26.5", r.Version.String())
}

func TestReleasesFor(t *testing.T) {
	c := mustFixture(t)
	tests := []struct {
		id   string
		want string
	}{
		{"J413AP", "26.6.2 26.6.1 26.6 26.5.2 26.5.1 26.5 15.7.9 15.7.8 15.7.7 14.8.9 14.8.8 14.8.7 13.7.8 12.7.6"},
		{"Mac-63001698E7A34814", "15.7.9 15.7.8 15.7.7 14.8.9 14.8.8 14.8.7 13.7.8 12.7.6 11.7.11"},
		{"J230AP", "11.7.11"},
		{"J700AP", "26.6.2 26.6.1 26.6 26.5.2 26.5.1 26.5"},
		{"nonesuch", ""},
		{"", ""},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, strings.Join(versions(c.ReleasesFor(tt.id)), " "), tt.id)
	}
}

func TestCatalogCopiesAreTheCallers(t *testing.T) {
	c := mustFixture(t)
	rs := c.Releases()
	rs[0] = Release{}
	r, _ := c.Newest(0)
	assert.Equal(t, "26.6.2", r.Version.String())
	var zero Release
	assert.False(t, zero.Supports("J413AP"))
	assert.Nil(t, zero.Devices())
}

func TestParseCatalogAcceptsTheBareFeed(t *testing.T) {
	c, err := ParseCatalog([]byte(`{"PublicAssetSets":{"macOS":[{"ProductVersion":"26.6.2","Build":"25G83","PostingDate":"2026-08-17","SupportedDevices":["J413AP"],"Future":1}],"iOS":[{"x":1}]},"Unknown":[1,2]}`))
	require.NoError(t, err)
	r, ok := c.Newest(26)
	require.True(t, ok)
	assert.Equal(t, PublicAssetSets, r.Sources)
	assert.False(t, r.Expires.IsValid(), "no ExpirationDate: unknown")
}

func TestParseCatalogRefusesBadFeeds(t *testing.T) {
	entry := func(fields string) string {
		return `{"AssetSets":{"macOS":[{"ProductVersion":"26.6","Build":"25G72","SupportedDevices":["J413AP"]},{` + fields + `}]}}`
	}
	tests := []struct {
		name string
		feed string
		says string
	}{
		{"not JSON", `{"PublicAssetSets":`, "not JSON"},
		{"not an object", `[1]`, "the feed: got a JSON array, want an object"},
		{"no macOS entries", `{"PublicAssetSets":{"iOS":[]},"AssetSets":{"macOS":[]}}`, "no macOS entries"},
		{"an empty wrapper", `{"etag":"x","data":{}}`, "no macOS entries"},
		{"nothing", `{}`, "no macOS entries"},
		{"a bad version", entry(`"ProductVersion":"26.x","Build":"25G83"`), `AssetSets.macOS[1].ProductVersion "26.x": expected a number`},
		{"no version", entry(`"Build":"25G83"`), `AssetSets.macOS[1].ProductVersion "": expected a number`},
		{"a bad build", entry(`"ProductVersion":"26.6.2","Build":"G83"`), `AssetSets.macOS[1].Build "G83"`},
		{"a bad posting date", entry(`"ProductVersion":"26.6.2","Build":"25G83","PostingDate":"2026-02-30"`), `AssetSets.macOS[1].PostingDate "2026-02-30": want yyyy-mm-dd`},
		{"a bad expiration date", entry(`"ProductVersion":"26.6.2","Build":"25G83","ExpirationDate":"soon"`), `AssetSets.macOS[1].ExpirationDate "soon"`},
		{"a date that is a number", entry(`"ProductVersion":"26.6.2","Build":"25G83","PostingDate":20260817`), "AssetSets.macOS[1].PostingDate: got a JSON number, want a string"},
		{"devices that are not a list", entry(`"ProductVersion":"26.6.2","Build":"25G83","SupportedDevices":"J413AP"`), "AssetSets.macOS[1].SupportedDevices: got a JSON string, want an array"},
		{"an entry that is not an object", `{"AssetSets":{"macOS":["26.6.2"]}}`, "AssetSets.macOS[0]: got a JSON string, want an object"},
		{"a section that is not an object", `{"AssetSets":[1]}`, "AssetSets: got a JSON array, want an object"},
		{"a bad extra", `{"PublicBackgroundSecurityImprovements":{"macOS":[{"ProductVersion":"26.3.1","ProductVersionExtra":"a","Build":"25D771280a","PrerequisiteBuild":"25D2128"}]}}`,
			`PublicBackgroundSecurityImprovements.macOS[0].ProductVersionExtra "a"`},
		{"an improvement without its prerequisite", `{"PublicBackgroundSecurityImprovements":{"macOS":[{"ProductVersion":"26.3.1","ProductVersionExtra":"(a)","Build":"25D771280a"}]}}`,
			"PrerequisiteBuild \"\": a background security improvement needs the build it installs on"},
		{"an improvement without its letter", `{"PublicBackgroundSecurityImprovements":{"macOS":[{"ProductVersion":"26.3.1","Build":"25D771280a","PrerequisiteBuild":"25D2128"}]}}`,
			"needs its letter"},
		{"a bad entry inside the wrapper", `{"etag":"x","data":{"AssetSets":{"macOS":[{"ProductVersion":"x"}]}}}`, "data.AssetSets.macOS[0].ProductVersion"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := ParseCatalog([]byte(tt.feed))
			require.ErrorIs(t, err, ErrInvalidCatalog)
			assert.Nil(t, c, "nothing partial")
			assert.Contains(t, err.Error(), tt.says)
			assert.True(t, strings.HasPrefix(err.Error(), "compat: catalog: "), err.Error())
		})
	}
}

func TestParseCatalogBoundsItsErrors(t *testing.T) {
	long := strings.Repeat("9", 10000)
	_, err := ParseCatalog([]byte(`{"AssetSets":{"macOS":[{"ProductVersion":"` + long + `"}]}}`))
	require.ErrorIs(t, err, ErrInvalidCatalog)
	assert.Less(t, len(err.Error()), 300)
}

func TestParseCatalogRespectsLimits(t *testing.T) {
	b, err := os.ReadFile("testdata/gdmf_pmv_sofa_cached.json")
	require.NoError(t, err)
	_, err = ParseOptions{Limits: Limits{MaxBytes: 1000}}.ParseCatalog(b)
	assert.ErrorIs(t, err, ErrTooLarge)
}

// TestParseCatalogRefusesADeviceIndexBomb: a feed whose entries each list their own
// device IDs would need entries × IDs bits; it is refused before they are laid out.
func TestParseCatalogRefusesADeviceIndexBomb(t *testing.T) {
	var b strings.Builder
	b.WriteString(`{"AssetSets":{"macOS":[`)
	for i := range 3000 {
		if i > 0 {
			b.WriteString(",")
		}
		b.WriteString(`{"ProductVersion":"26.` + strconv.Itoa(i) + `","Build":"25A` + strconv.Itoa(i) + `","SupportedDevices":["D` + strconv.Itoa(i) + `"]}`)
	}
	b.WriteString(`]}}`)
	_, err := ParseCatalog([]byte(b.String()))
	require.ErrorIs(t, err, ErrTooLarge)
	assert.Contains(t, err.Error(), "3000 entries × 3000 device IDs")
}
