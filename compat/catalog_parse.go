package compat

import (
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"

	"github.com/managedos/managedos/internal/errtext"
	"github.com/managedos/managedos/internal/jsonstrict"
)

// feedDoc is the shape of Apple's feed, bare or inside SOFA's {"etag","data"}
// wrapper. Only the macOS entries are kept; other platforms are skipped unread.
// Entries are decoded in the same pass (E is feedEntry), or kept raw (E is
// json.RawMessage) to find which one a decoding error is in.
type feedDoc[E any] struct {
	Data                                 *feedDoc[E]       `json:"data"`
	PublicAssetSets                      *feedPlatforms[E] `json:"PublicAssetSets"`
	AssetSets                            *feedPlatforms[E] `json:"AssetSets"`
	PublicBackgroundSecurityImprovements *feedPlatforms[E] `json:"PublicBackgroundSecurityImprovements"`
}

type feedPlatforms[E any] struct {
	MacOS []E `json:"macOS"`
}

// feedSection is one of the feed's lists of macOS entries.
type feedSection[E any] struct {
	name    string
	entries []E
	source  Sources
}

// sections returns the feed's lists, unwrapping SOFA's cache wrapper; the names of
// lists inside the wrapper start with "data.".
func (d *feedDoc[E]) sections() [3]feedSection[E] {
	prefix := ""
	if d.PublicAssetSets == nil && d.AssetSets == nil && d.PublicBackgroundSecurityImprovements == nil && d.Data != nil {
		d, prefix = d.Data, "data."
	}
	list := func(p *feedPlatforms[E]) []E {
		if p == nil {
			return nil
		}
		return p.MacOS
	}
	return [3]feedSection[E]{
		{prefix + "PublicAssetSets", list(d.PublicAssetSets), PublicAssetSets},
		{prefix + "AssetSets", list(d.AssetSets), AssetSets},
		{prefix + "PublicBackgroundSecurityImprovements", list(d.PublicBackgroundSecurityImprovements), PublicBackgroundSecurityImprovements},
	}
}

// feedEntry is one release as the feed writes it.
type feedEntry struct {
	ProductVersion      string   `json:"ProductVersion"`
	ProductVersionExtra string   `json:"ProductVersionExtra"`
	Build               string   `json:"Build"`
	PrerequisiteBuild   string   `json:"PrerequisiteBuild"`
	PostingDate         string   `json:"PostingDate"`
	ExpirationDate      string   `json:"ExpirationDate"`
	SupportedDevices    []string `json:"SupportedDevices"`
}

// ParseCatalog parses Apple's software-update feed with the default [Limits]; see
// [ParseOptions.ParseCatalog].
func ParseCatalog(data []byte) (*Catalog, error) {
	return ParseOptions{}.ParseCatalog(data)
}

// ParseCatalog parses Apple's software-update feed, the JSON served at
// https://gdmf.apple.com/v2/pmv, bare or as SOFA caches it inside
// {"etag":…,"data":…}, into a [Catalog] of its macOS releases: full releases from
// PublicAssetSets (what Apple offers) and AssetSets (what Apple still signs), merged
// by version and build with the sources they came from, and Background Security
// Improvements from PublicBackgroundSecurityImprovements, their version written
// with ProductVersionExtra ("26.3.1" and "(a)" make 26.3.1 (a)).
//
// Other platforms, unknown keys and empty device IDs are ignored; keys match as
// encoding/json matches them, ignoring case. The input is checked against
// o.Limits first (over a limit wraps [ErrTooLarge]). A feed that is not JSON, has no
// macOS entry, or has an entry whose version, build or date does not parse fails
// with an error wrapping [ErrInvalidCatalog] that names the JSON path, such as
// PublicAssetSets.macOS[3].PostingDate; no partial catalogue is returned. A missing
// date is not an error: the release's date is then unknown (the zero [Date]).
func (o ParseOptions) ParseCatalog(data []byte) (*Catalog, error) {
	if err := o.Limits.CheckJSON(data); err != nil {
		return nil, fmt.Errorf("compat: catalog: not JSON within the limits: %w: %w", err, ErrInvalidCatalog)
	}
	var doc feedDoc[feedEntry]
	if err := json.Unmarshal(data, &doc); err != nil {
		return nil, locateFeedError(data, err)
	}
	b := catalogBuilder{seen: map[mergeKey]int{}, index: map[string]int32{}}
	n := 0
	for _, s := range doc.sections() {
		for i := range s.entries {
			if err := b.add(feedPath{s.name, i}, &s.entries[i], s.source); err != nil {
				return nil, err
			}
			n++
		}
	}
	if n == 0 {
		return nil, fmt.Errorf("compat: catalog: no macOS entries in PublicAssetSets, AssetSets or PublicBackgroundSecurityImprovements: %w", ErrInvalidCatalog)
	}
	return b.finish(len(data))
}

// locateFeedError explains err, the failure to decode data in one pass, naming the
// entry it is in: it decodes again with the entries kept raw, then each entry alone.
func locateFeedError(data []byte, err error) error {
	var raw feedDoc[json.RawMessage]
	if rawErr := json.Unmarshal(data, &raw); rawErr != nil {
		return feedJSONError("", rawErr)
	}
	for _, s := range raw.sections() {
		for i, entry := range s.entries {
			var e feedEntry
			if entryErr := json.Unmarshal(entry, &e); entryErr != nil {
				return feedJSONError(feedPath{s.name, i}.String(), entryErr)
			}
		}
	}
	return feedJSONError("", err)
}

// feedPath is where an entry sits in the feed: a section's macOS list and an index.
type feedPath struct {
	section string
	i       int
}

func (p feedPath) String() string { return p.section + ".macOS[" + strconv.Itoa(p.i) + "]" }

// field returns the path of one of the entry's keys.
func (p feedPath) field(key string) string { return p.String() + "." + key }

// feedJSONError explains a decoding failure at path (empty for the whole feed).
func feedJSONError(path string, err error) error {
	var typeErr *json.UnmarshalTypeError
	var syntaxErr *json.SyntaxError
	switch {
	case errors.As(err, &syntaxErr):
		return fmt.Errorf("compat: catalog: not JSON: %v (at byte %d): %w", syntaxErr, syntaxErr.Offset, ErrInvalidCatalog)
	case errors.As(err, &typeErr):
		where := path
		if typeErr.Field != "" {
			if where != "" {
				where += "."
			}
			where += typeErr.Field
		}
		if where == "" {
			where = "the feed"
		}
		return fmt.Errorf("compat: catalog: %s: got a JSON %s, want %s: %w", where, errtext.Plain(typeErr.Value), jsonstrict.Kind(typeErr.Type), ErrInvalidCatalog)
	}
	return fmt.Errorf("compat: catalog: %s: %v: %w", cmp.Or(path, "the feed"), err, ErrInvalidCatalog)
}

// mergeKey identifies one release across the feed's lists.
type mergeKey struct {
	version       Version
	build, prereq Build
}

// catalogBuilder collects entries, merging repeats, before the device bitsets are
// laid out.
type catalogBuilder struct {
	entries []builtEntry
	seen    map[mergeKey]int
	index   map[string]int32
	devices []catDevice
}

type builtEntry struct {
	rel  Release
	devs []int32
}

// add parses one macOS entry and merges it into b.
func (b *catalogBuilder) add(at feedPath, e *feedEntry, source Sources) error {
	bad := func(key, value, reason string) error {
		return fmt.Errorf("compat: catalog: %s %s: %s: %w", at.field(key), errtext.Quote(value), reason, ErrInvalidCatalog)
	}
	v, reason := parseVersion(e.ProductVersion)
	if reason != "" {
		return bad("ProductVersion", e.ProductVersion, reason)
	}
	var r Release
	r.Sources = source
	if e.ProductVersionExtra != "" {
		letter, ok := rsrLetter(e.ProductVersionExtra)
		if v.rsr() != 0 || !ok {
			return bad("ProductVersionExtra", e.ProductVersionExtra, "want a letter in parentheses, such as (a), on a version without one")
		}
		v = newVersion(v.major(), v.minor(), v.patch(), letter)
	}
	r.Version = v
	var err error
	if r.Build, reason = parseBuild(e.Build); reason != "" {
		return bad("Build", e.Build, reason)
	}
	if source == PublicBackgroundSecurityImprovements {
		if r.Prerequisite, reason = parseBuild(e.PrerequisiteBuild); reason != "" {
			return bad("PrerequisiteBuild", e.PrerequisiteBuild, "a background security improvement needs the build it installs on: "+reason)
		}
		if v.rsr() == 0 {
			return bad("ProductVersionExtra", e.ProductVersionExtra, "a background security improvement needs its letter, such as (a)")
		}
	}
	if r.Posted, err = feedDate(e.PostingDate); err != nil {
		return bad("PostingDate", e.PostingDate, "want yyyy-mm-dd")
	}
	if r.Expires, err = feedDate(e.ExpirationDate); err != nil {
		return bad("ExpirationDate", e.ExpirationDate, "want yyyy-mm-dd")
	}
	devs := make([]int32, 0, len(e.SupportedDevices))
	for _, id := range e.SupportedDevices {
		if id != "" { // names no device
			devs = append(devs, b.intern(id))
		}
	}
	key := mergeKey{r.Version, r.Build, r.Prerequisite}
	i, ok := b.seen[key]
	if !ok {
		b.seen[key] = len(b.entries)
		b.entries = append(b.entries, builtEntry{r, devs})
		return nil
	}
	m := &b.entries[i]
	m.rel.Sources |= source
	if r.Posted.IsValid() && (!m.rel.Posted.IsValid() || r.Posted.Compare(m.rel.Posted) < 0) {
		m.rel.Posted = r.Posted
	}
	if r.Expires.Compare(m.rel.Expires) > 0 {
		m.rel.Expires = r.Expires
	}
	m.devs = append(m.devs, devs...)
	return nil
}

// feedDate parses an optional feed date: empty is the zero Date.
func feedDate(s string) (Date, error) {
	if s == "" {
		return Date{}, nil
	}
	d, ok := parseDate(s)
	if !ok {
		return Date{}, ErrInvalidDate
	}
	return d, nil
}

// intern returns the index of device ID id, adding it when new.
func (b *catalogBuilder) intern(id string) int32 {
	if i, ok := b.index[id]; ok {
		return i
	}
	i := int32(len(b.devices))
	b.index[id] = i
	b.devices = append(b.devices, catDevice{id: id, newest: -1})
	return i
}

// finish sorts the entries, lays out the device bitsets and returns the catalogue.
// The bitsets take entries × devices bits; a feed crafted to make that far larger
// than itself (many entries, each with its own IDs) is refused with ErrTooLarge.
func (b *catalogBuilder) finish(feedBytes int) (*Catalog, error) {
	words := (len(b.devices) + 63) / 64
	need := len(b.entries) * words * 8
	if limit := max(feedBytes, 1<<16); need > limit {
		return nil, fmt.Errorf("compat: catalog: %d entries × %d device IDs need %d bytes of device index, more than the %d-byte limit (the feed's own size): %w",
			len(b.entries), len(b.devices), need, limit, ErrTooLarge)
	}
	newestFirst := func(x, y builtEntry) int {
		if c := y.rel.Version.Compare(x.rel.Version); c != 0 {
			return c
		}
		return y.rel.Build.Compare(x.rel.Build)
	}
	slices.SortStableFunc(b.entries, newestFirst)
	c := &Catalog{devices: b.devices, index: b.index, words: words, bits: make([]uint64, len(b.entries)*words)}
	for _, e := range b.entries {
		e.rel.cat = c
		e.rel.entry = int32(len(c.releases) + len(c.bsis))
		for _, d := range e.devs {
			c.bits[int(e.rel.entry)*words+int(d)/64] |= 1 << (uint(d) % 64)
		}
		if e.rel.IsBSI() {
			c.bsis = append(c.bsis, e.rel)
			continue
		}
		c.releases = append(c.releases, e.rel)
	}
	// Entry numbers were given in sorted order with releases and improvements
	// interleaved; per-device facts come from the full releases only.
	for i, r := range c.releases {
		c.majors = c.majors.with(r.Version.Major())
		for d := range c.devicesOf(r.entry) {
			dev := &c.devices[d]
			dev.majors = dev.majors.with(r.Version.Major())
			if dev.newest < 0 {
				dev.newest = int32(i)
			}
		}
	}
	return c, nil
}
