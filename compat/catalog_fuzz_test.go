package compat

import (
	"errors"
	"slices"
	"testing"

	"github.com/managedos/managedos/internal/testseeds"
)

// FuzzParseCatalog checks that no feed panics the parser, that a refusal wraps
// ErrInvalidCatalog or ErrTooLarge and returns nothing, and that an accepted
// catalogue is consistent: newest first, every release's devices found again by
// ReleasesFor, and lookups that find what they list. Seeds: the real feed and the
// shapes in testdata/fuzz/FuzzParseCatalog.
func FuzzParseCatalog(f *testing.F) {
	testseeds.Add(f, "testdata/gdmf_pmv_sofa_cached.json")
	f.Add([]byte(`{"PublicAssetSets":{"macOS":[{"ProductVersion":"26.6.2","Build":"25G83","PostingDate":"2026-08-17","SupportedDevices":["J413AP"]}]}}`))
	f.Add([]byte(`{"etag":"x","data":{"PublicBackgroundSecurityImprovements":{"macOS":[{"ProductVersion":"26.3.1","ProductVersionExtra":"(a)","Build":"25D771280a","PrerequisiteBuild":"25D2128","SupportedDevices":["J413AP"]}]}}}`))
	f.Add([]byte(`{"AssetSets":{"macOS":[{"ProductVersion":"26.x"}]}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := ParseCatalog(data)
		if err != nil {
			if c != nil || !errors.Is(err, ErrInvalidCatalog) && !errors.Is(err, ErrTooLarge) {
				t.Fatalf("ParseCatalog = %v, %v", c, err)
			}
			return
		}
		rs := c.Releases()
		for i, r := range rs {
			if i > 0 && rs[i-1].Version.Compare(r.Version) < 0 {
				t.Fatalf("releases out of order: %v before %v", rs[i-1], r)
			}
			if got, ok := c.LookupBuild(r.Build); !ok || got.Build != r.Build {
				t.Fatalf("LookupBuild(%v) = %v, %v", r.Build, got, ok)
			}
			for _, id := range r.Devices() {
				if !r.Supports(id) || !slices.ContainsFunc(c.ReleasesFor(id), func(x Release) bool { return x == r }) {
					t.Fatalf("device %q of %v not found again", id, r)
				}
			}
		}
		for _, b := range c.BSIs() {
			if !b.IsBSI() || b.Version.RSR() == 0 {
				t.Fatalf("improvement %v without its prerequisite or letter", b)
			}
		}
	})
}
