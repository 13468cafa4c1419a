package compat

import (
	"iter"
	"math/bits"
	"slices"
)

// Catalog is Apple's software-update catalogue for macOS, parsed from the feed at
// https://gdmf.apple.com/v2/pmv (see [ParseCatalog]): the releases Apple offers or
// still signs, with their builds, posting dates and the software-update device IDs
// that can install them, and the Background Security Improvements with the build
// each applies on.
//
// A Catalog is immutable once parsed and safe for concurrent use. Device IDs are
// interned, so asking whether a device can install a release is a bit test.
type Catalog struct {
	releases []Release   // full releases, newest first
	bsis     []Release   // background security improvements, newest first
	devices  []catDevice // interned device IDs, in first-seen order
	index    map[string]int32
	words    int      // bitset words per entry
	bits     []uint64 // entry e's devices are bits[e*words : (e+1)*words]
	majors   majorSet // majors with at least one full release
}

// catDevice is one interned device ID with what the catalogue says about it.
type catDevice struct {
	id     string
	majors majorSet // majors with a full release listing the device
	newest int32    // index in releases of the newest one listing it, or -1
}

// Sources says where in the feed a [Release] was listed. The zero value is the
// empty set.
type Sources uint8

const (
	// PublicAssetSets: Apple offers the release to every device (the feed's
	// PublicAssetSets). Token "public-asset-sets".
	PublicAssetSets Sources = 1 << iota
	// AssetSets: Apple still signs the release, so MDM can target it (the feed's
	// AssetSets). Token "asset-sets".
	AssetSets
	// PublicBackgroundSecurityImprovements: the release is a Background Security
	// Improvement (the feed's PublicBackgroundSecurityImprovements). Token
	// "public-background-security-improvements".
	PublicBackgroundSecurityImprovements
)

var sourceTokens = [...]struct {
	s    Sources
	name string
}{
	{PublicAssetSets, "public-asset-sets"},
	{AssetSets, "asset-sets"},
	{PublicBackgroundSecurityImprovements, "public-background-security-improvements"},
}

// Has reports whether s includes every source in o.
func (s Sources) Has(o Sources) bool { return s&o == o }

// String returns the tokens of s joined by "+", or "none" for the empty set.
func (s Sources) String() string {
	b, _ := s.MarshalText()
	if len(b) == 0 {
		return "none"
	}
	return string(b)
}

// MarshalText returns the tokens of s joined by "+"; bits outside the constants
// are left out.
func (s Sources) MarshalText() ([]byte, error) {
	var b []byte
	for _, t := range sourceTokens {
		if s.Has(t.s) {
			if len(b) > 0 {
				b = append(b, '+')
			}
			b = append(b, t.name...)
		}
	}
	return b, nil
}

// Release is one macOS release in a [Catalog]: a full release, or a Background
// Security Improvement when Prerequisite is set. Releases are comparable values;
// the device list stays in the catalogue they came from.
type Release struct {
	// Version is the macOS version, with the improvement's letter for a
	// Background Security Improvement (26.3.1 (a)).
	Version Version `json:"version"`
	// Build is the release's build (25G83, or 25D771280a for an improvement).
	Build Build `json:"build"`
	// Prerequisite is, for a Background Security Improvement, the build a Mac must
	// run to install it (the feed's PrerequisiteBuild); zero for a full release.
	Prerequisite Build `json:"prerequisite_build,omitzero"`
	// Posted is the earliest PostingDate the feed gives the release; zero when it
	// gives none.
	Posted Date `json:"posted,omitzero"`
	// Expires is the latest ExpirationDate the feed gives the release; zero when
	// it gives none.
	Expires Date `json:"expires,omitzero"`
	// Sources says which of the feed's lists name the release.
	Sources Sources `json:"sources"`

	cat   *Catalog
	entry int32 // row of the release's device bitset in cat.bits
}

// IsBSI reports whether r is a Background Security Improvement, installable only
// on its Prerequisite build.
func (r Release) IsBSI() bool { return r.Prerequisite.IsValid() }

// Supports reports whether the catalogue lists the software-update device ID id
// (J413AP, Mac-63001698E7A34814) for r. It does not allocate.
func (r Release) Supports(id string) bool {
	d := r.cat.device(id)
	return d >= 0 && r.cat.listed(r.entry, d)
}

// Devices returns the device IDs the catalogue lists for r, sorted.
func (r Release) Devices() []string {
	if r.cat == nil {
		return nil
	}
	var ids []string
	for d := range r.cat.devicesOf(r.entry) {
		ids = append(ids, r.cat.devices[d].id)
	}
	slices.Sort(ids)
	return ids
}

// String returns r as "26.6.2 (25G83)", or for an improvement
// "26.3.1 (a) (25D771280a on 25D2128)".
func (r Release) String() string {
	s := r.Version.String() + " (" + r.Build.String()
	if r.IsBSI() {
		s += " on " + r.Prerequisite.String()
	}
	return s + ")"
}

// devicesOf yields the index of every device entry e lists, in index order.
func (c *Catalog) devicesOf(e int32) iter.Seq[int] {
	return func(yield func(int) bool) {
		for w, word := range c.bits[int(e)*c.words : int(e+1)*c.words] {
			for word != 0 {
				b := bits.TrailingZeros64(word)
				word &^= 1 << b
				if !yield(w*64 + b) {
					return
				}
			}
		}
	}
}

// listed reports whether entry e lists device d.
func (c *Catalog) listed(e, d int32) bool {
	return c.bits[int(e)*c.words+int(d)/64]&(1<<(uint(d)%64)) != 0
}

// device returns the index of device ID id, or -1.
func (c *Catalog) device(id string) int32 {
	if c == nil || id == "" {
		return -1
	}
	if i, ok := c.index[id]; ok {
		return i
	}
	return -1
}

// Releases returns the full releases, newest first (by version, then build).
func (c *Catalog) Releases() []Release { return slices.Clone(c.releases) }

// BSIs returns the Background Security Improvements, newest first.
func (c *Catalog) BSIs() []Release { return slices.Clone(c.bsis) }

// DeviceIDs returns every software-update device ID the catalogue lists, sorted.
func (c *Catalog) DeviceIDs() []string {
	ids := make([]string, len(c.devices))
	for i, d := range c.devices {
		ids[i] = d.id
	}
	slices.Sort(ids)
	return ids
}

// ReleasesFor returns the full releases the catalogue lists for the device ID id,
// newest first; none for an ID it does not know.
func (c *Catalog) ReleasesFor(id string) []Release {
	d := c.device(id)
	if d < 0 {
		return nil
	}
	var out []Release
	for _, r := range c.releases {
		if c.listed(r.entry, d) {
			out = append(out, r)
		}
	}
	return out
}

// Newest returns the newest full release of major (14 for Sonoma, 26 for Tahoe),
// or the newest of all when major is 0; false when there is none.
func (c *Catalog) Newest(major int) (Release, bool) {
	for _, r := range c.releases {
		if major == 0 || r.Version.Major() == major {
			return r, true
		}
	}
	return Release{}, false
}

// LookupVersion returns the release, full or Background Security Improvement,
// whose version equals v (14.2 and 14.2.0 are equal); when Apple ships one version
// as several builds for different hardware, the newest build. False when there is
// none.
func (c *Catalog) LookupVersion(v Version) (Release, bool) {
	for _, r := range c.listOf(v) {
		if r.Version == v {
			return r, true
		}
	}
	return Release{}, false
}

// listOf returns the list a release of version v would be in: the improvements
// for a version with a rapid security response letter, the full releases otherwise.
func (c *Catalog) listOf(v Version) []Release {
	if v.rsr() != 0 {
		return c.bsis
	}
	return c.releases
}

// LookupBuild returns the release, full or Background Security Improvement, with
// build b; false when there is none.
func (c *Catalog) LookupBuild(b Build) (Release, bool) {
	for _, list := range [...][]Release{c.releases, c.bsis} {
		for _, r := range list {
			if r.Build == b {
				return r, true
			}
		}
	}
	return Release{}, false
}
