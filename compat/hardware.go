package compat

import (
	"fmt"
	"math/bits"
	"slices"
	"strings"

	"github.com/managedos/managedos/internal/enum"
	"github.com/managedos/managedos/internal/errtext"
)

// HardwareKnowledgeDate is the date, yyyy-mm-dd, of the built-in model knowledge:
// which macOS majors, Monterey 12 to Tahoe 26, each Mac model identifier runs, from
// Apple's lists as macadmins/sofa kept them on that day (see hardware_data.go).
const HardwareKnowledgeDate = "2026-08-22"

// LastIntelMajor is the last macOS major that runs on Intel Macs: macOS 26, Tahoe.
// macOS 27 and later run on Apple silicon only.
const LastIntelMajor = 26

// The window of majors the built-in model table covers.
const (
	firstModelMajor = 12 // Monterey
	lastModelMajor  = 26 // Tahoe
	bigSurMajor     = 11 // the newest major a known model listed for none can run
)

// majorSet is a set of macOS majors from 11 to 63, one bit each.
type majorSet uint64

// The majors of the model table, for hardware_data.go.
const (
	monterey majorSet = 1 << 12
	ventura  majorSet = 1 << 13
	sonoma   majorSet = 1 << 14
	sequoia  majorSet = 1 << 15
	tahoe    majorSet = 1 << 26
)

func (s majorSet) has(m int) bool { return m >= 0 && m < 64 && s&(1<<m) != 0 }

func (s majorSet) with(m int) majorSet {
	if m < 0 || m >= 64 {
		return s
	}
	return s | 1<<m
}

// newest returns the highest major in s, or 0 for the empty set.
func (s majorSet) newest() int {
	if s == 0 {
		return 0
	}
	return 63 - bits.LeadingZeros64(uint64(s))
}

// oldest returns the lowest major in s, or 0 for the empty set.
func (s majorSet) oldest() int {
	if s == 0 {
		return 0
	}
	return bits.TrailingZeros64(uint64(s))
}

// modelSupport is one row of the built-in model table.
type modelSupport struct {
	model  string
	majors majorSet
}

// modelMajors returns the majors the built-in table says model runs, and whether
// the table knows the model at all. It does not allocate.
func modelMajors(model string) (majorSet, bool) {
	i, ok := slices.BinarySearchFunc(builtinModels[:], model, func(m modelSupport, s string) int {
		return strings.Compare(m.model, s)
	})
	if !ok {
		return 0, false
	}
	return builtinModels[i].majors, true
}

// Basis says where the library's knowledge of a Mac's hardware came from. The zero
// value, BasisUnknown, means nothing is known.
type Basis uint8

const (
	// BasisUnknown: neither the chip nor the model is known. Token "unknown".
	BasisUnknown Basis = iota
	// BasisCatalog: Apple's catalogue lists the Mac's software-update device ID,
	// and its device lists decide. Token "catalog".
	BasisCatalog
	// BasisModel: the built-in model table knows the Mac's model identifier
	// (knowledge as of [HardwareKnowledgeDate]). Token "model".
	BasisModel
	// BasisChip: the model is missing or unknown to the library, so only the
	// chip's rules apply: Intel runs nothing after [LastIntelMajor], Apple silicon
	// nothing before macOS 11. Token "chip".
	BasisChip
)

var basisTokens = enum.Tokens[Basis]{
	Type:  "Basis",
	Names: []string{"unknown", "catalog", "model", "chip"},
}

// String returns the token of b.
func (b Basis) String() string { return basisTokens.String(b) }

// MarshalText returns the token of b.
func (b Basis) MarshalText() ([]byte, error) { return basisTokens.Marshal(b) }

// UnmarshalText sets b from its token.
func (b *Basis) UnmarshalText(text []byte) error {
	v, err := basisTokens.Parse(string(text))
	if err != nil {
		return fmt.Errorf("compat: %w", err)
	}
	*b = v
	return nil
}

// Hardware is what a Mac's hardware can run, as [HardwareOf] worked it out from
// the Mac's software-update device ID and Apple's catalogue, the built-in model
// table, or the chip alone. It is a comparable value; compute it once per Mac and
// ask it about as many versions as needed.
type Hardware struct {
	// Model and DeviceID are the Mac's model identifier and software-update
	// device ID, as given (either may be empty).
	Model    string
	DeviceID string
	// Chip is the Mac's chip, as given or implied by Model.
	Chip Chip
	// Basis says what decides: the catalogue, the model table or the chip rules.
	Basis Basis
	// Newest is the newest macOS the Mac can run: a release (26.6.2) when the
	// catalogue decides, a major (15, or 11 for a known model listed for no
	// major from Monterey on) when the model table or the chip rules decide; the
	// zero Version when nothing bounds it (Apple silicon of a model the library
	// does not know).
	Newest Version
	// NewestBuild is Newest's build when the catalogue decides; zero otherwise.
	NewestBuild Build

	cat    *Catalog
	dev    int32    // index of DeviceID in cat, or -1
	majors majorSet // the model table's majors for Model
	known  bool     // the model table knows Model
}

// HardwareOf works out what mac's hardware can run. With a catalogue that lists
// mac.DeviceID, the catalogue's device lists decide for every major it has releases
// of; otherwise the built-in model table decides for mac.Model; a model the library
// has never seen falls back to the chip rules (Basis says which). The chip is
// mac.Chip, or the one mac.Model implies; with neither it fails with
// [ErrUnknownChip]. cat may be nil. It does not allocate unless it fails.
func HardwareOf(mac Mac, cat *Catalog) (Hardware, error) {
	h := Hardware{Model: mac.Model, DeviceID: mac.DeviceID, Chip: mac.Chip, cat: cat, dev: cat.device(mac.DeviceID)}
	if !h.Chip.IsValid() && mac.Model != "" {
		h.Chip, _ = ChipForModel(mac.Model)
	}
	if !h.Chip.IsValid() {
		return Hardware{}, fmt.Errorf("compat: hardware of model %s: no chip given and none known for the model: %w", errtext.Quote(mac.Model), ErrUnknownChip)
	}
	h.majors, h.known = modelMajors(mac.Model)
	switch {
	case h.dev >= 0:
		h.Basis = BasisCatalog
		if n := cat.devices[h.dev].newest; n >= 0 {
			h.Newest, h.NewestBuild = cat.releases[n].Version, cat.releases[n].Build
		}
	case h.known:
		h.Basis = BasisModel
		h.Newest = majorVersion(max(h.majors.newest(), bigSurMajor))
	default:
		h.Basis = BasisChip
		if h.Chip == Intel {
			h.Newest = majorVersion(LastIntelMajor)
		}
	}
	return h, nil
}

// majorVersion returns the first version of macOS major m (26.0), which stands for
// the whole major where Hardware.Newest is a major; Version.ReleaseName names it.
func majorVersion(m int) Version { return newVersion(uint16(m), 0, 0, 0) }

// Runs reports whether the Mac's hardware can run macOS v. With the catalogue
// deciding, a release or improvement the catalogue has is runnable when it lists
// the Mac's device ID, and any other version of a major the catalogue has releases
// of when some release of that major lists it. Otherwise the major decides: an
// Intel Mac runs nothing after [LastIntelMajor] and an Apple silicon Mac nothing
// before 11; a known model runs the majors the model table lists for it from
// Monterey to Tahoe, the majors before Monterey unless its first listed major is
// later, and a later major only if it runs Tahoe (knowledge ends there); a model
// the library does not know runs whatever its chip allows.
func (h Hardware) Runs(v Version) bool {
	if !v.IsValid() {
		return false
	}
	if h.dev >= 0 {
		if found, listed := h.cat.lists(h.dev, v); found {
			return listed
		}
		if h.cat.majors.has(v.Major()) {
			return h.cat.devices[h.dev].majors.has(v.Major())
		}
	}
	return h.runsMajor(v.Major())
}

// runsMajor applies the model table and the chip rules to macOS major m.
func (h Hardware) runsMajor(m int) bool {
	switch {
	case h.Chip == Intel && m > LastIntelMajor, h.Chip == AppleSilicon && m < 11:
		return false
	case !h.known:
		return true
	case m < firstModelMajor:
		return h.majors == 0 || h.majors.oldest() == firstModelMajor
	case m <= lastModelMajor:
		return h.majors.has(m)
	}
	return h.majors.has(lastModelMajor)
}

// runsRelease reports whether the Mac can run r, a release of its catalogue.
func (h Hardware) runsRelease(r *Release) bool {
	if h.dev >= 0 {
		return h.cat.listed(r.entry, h.dev)
	}
	return h.runsMajor(r.Version.Major())
}

// lists reports whether c has a release or improvement of version v, and if so
// whether one of them lists device d.
func (c *Catalog) lists(d int32, v Version) (found, listed bool) {
	list := c.listOf(v)
	for i := range list {
		if list[i].Version == v {
			found = true
			if c.listed(list[i].entry, d) {
				return true, true
			}
		}
	}
	return found, false
}

// Check returns nil when the Mac's hardware can run v (see [Hardware.Runs]), or an
// error wrapping [ErrUnsupportedHardware] that names the model and the newest macOS
// it can run.
func (h Hardware) Check(v Version) error {
	if h.Runs(v) {
		return nil
	}
	return &HardwareError{Hardware: h, Target: v}
}

// HardwareError is a target a Mac's hardware cannot run, as [Hardware.Check] and
// the functions that call it report it; it matches [ErrUnsupportedHardware] with
// [errors.Is], and [errors.As] gives the Mac's hardware and the target.
type HardwareError struct {
	Hardware Hardware // what the Mac can run: Hardware.Newest is the newest it can reach
	Target   Version  // the version it cannot run
}

// Error says which Mac cannot run which version and the newest it can reach.
func (e *HardwareError) Error() string {
	return "compat: " + e.Explain() + ": " + ErrUnsupportedHardware.Error()
}

// Explain is the error in words, without the package prefix and the sentinel's
// text, for a message of the caller's own: "the Mac (model "iMac19,1") cannot run
// macOS 26.0: the newest it can run is macOS 15.7.9 (24G830, per Apple's catalogue)".
func (e *HardwareError) Explain() string {
	return e.Hardware.mac() + " cannot run macOS " + e.Target.String() + ": the newest it can run is " + e.Hardware.newestText()
}

// Unwrap returns ErrUnsupportedHardware.
func (e *HardwareError) Unwrap() error { return ErrUnsupportedHardware }

// mac names the Mac in messages: its model and device ID, or its chip.
func (h Hardware) mac() string {
	var parts []string
	if h.Model != "" {
		parts = append(parts, "model "+errtext.Quote(h.Model))
	}
	if h.DeviceID != "" {
		parts = append(parts, "device ID "+errtext.Quote(h.DeviceID))
	}
	if len(parts) == 0 {
		return "this " + h.Chip.title() + " Mac"
	}
	return "the Mac (" + strings.Join(parts, ", ") + ")"
}

// newestText says what Newest is and where it comes from.
func (h Hardware) newestText() string {
	switch h.Basis {
	case BasisCatalog:
		if !h.Newest.IsValid() {
			return "none of the catalogue's releases (per Apple's catalogue)"
		}
		return "macOS " + h.Newest.String() + " (" + h.NewestBuild.String() + ", per Apple's catalogue)"
	case BasisModel:
		return "macOS " + h.Newest.ReleaseName() + " (built-in model table, knowledge of " + HardwareKnowledgeDate + ")"
	}
	if !h.Newest.IsValid() {
		return "any (model unknown; Apple silicon chip rules)"
	}
	return "macOS " + h.Newest.ReleaseName() + " (model unknown to the library; " + h.Chip.title() + " chip rules)"
}

// title is the chip's name in prose.
func (c Chip) title() string {
	switch c {
	case AppleSilicon:
		return "Apple silicon"
	case Intel:
		return "Intel"
	}
	return c.String()
}
