package compat

import (
	"fmt"
	"slices"

	"github.com/managedos/managedos/internal/errtext"
	"github.com/managedos/managedos/mechanism"
)

// Range is a half-open range of macOS versions, From ≤ v < Before. A zero From
// leaves it open below and a zero Before open above, so the zero Range holds every
// version.
type Range struct {
	From   Version `json:"from"`   // the oldest version in the range; the zero Version leaves it open below
	Before Version `json:"before"` // the first version after the range; the zero Version leaves it open above
}

// Contains reports whether v lies in r.
func (r Range) Contains(v Version) bool {
	return v.n >= r.From.n && (r.Before.n == 0 || v.n < r.Before.n)
}

// String returns r as a constraint expression in the syntax of
// github.com/Masterminds/semver/v3, such as ">= 12.0.1, < 13.0", "< 11.0" or
// ">= 14.0"; the zero Range is "*".
func (r Range) String() string {
	switch {
	case r.From.IsValid() && r.Before.IsValid():
		return ">= " + r.From.String() + ", < " + r.Before.String()
	case r.From.IsValid():
		return ">= " + r.From.String()
	case r.Before.IsValid():
		return "< " + r.Before.String()
	default:
		return "*"
	}
}

// Row is one rule of a [Table]: for a chip, a kind of update, a range of current
// versions and a range of target versions, the delivery and installer to use, or a
// refusal.
type Row struct {
	Chip    Chip  `json:"chip"`    // the chip the row is for
	Kind    Kind  `json:"kind"`    // the kind of update the row is for
	Current Range `json:"current"` // the range of the Mac's current version the row covers
	// Target is the range of target versions the row covers; the zero Range
	// covers every target, so a row that does not depend on the target leaves it
	// out ("DDM only for targets from 15" is a row with Target {From: 15}).
	Target Range `json:"target,omitzero"`
	// Unsupported refuses the update with [ErrUnsupported]; Delivery and Installer
	// are then DeliveryNone and InstallerNone.
	Unsupported bool                `json:"unsupported,omitempty"`
	Delivery    mechanism.Delivery  `json:"delivery"`  // how the update is delivered; DeliveryNone when refused or NoUpdate
	Installer   mechanism.Installer `json:"installer"` // what macOS runs; InstallerNone when refused or NoUpdate
	Requires    Prerequisites       `json:"requires"`  // what must be in place before the update can run unattended
	// Rule says in words why the row decides as it does; it becomes
	// [Decision.Rule] and the message of a refusal.
	Rule string `json:"rule"`
}

// Table is the compatibility table [Resolve] reads: plain data, so a vendor can take
// [DefaultTable], change rows and call [Table.Resolve] with the same contract. A table
// must pass [Table.Validate]: for each chip and each kind, the rows cover every pair
// of current and target versions exactly once.
type Table struct {
	// AsOf is the date, yyyy-mm-dd, of the knowledge the table encodes.
	AsOf string `json:"as_of"`
	Rows []Row  `json:"rows"` // the rules, in any order
}

// Resolve decides how a Mac with chip on macOS current reaches target, using the
// default table; see [Table.Resolve].
func Resolve(chip Chip, current, target Version) (Decision, error) {
	return resolve(defaultIndex.lookup, chip, current, target)
}

// Resolve decides how a Mac with chip on macOS current reaches target. It fails with
// [ErrUnknownChip] for ChipUnknown, [ErrInvalidVersion] for a zero version,
// [ErrDowngrade] for a target older than current, and [ErrUnsupported] when the
// deciding row refuses, each wrapped with the inputs and the row's rule. A target
// equal to current is a NoUpdate decision with DeliveryNone. Resolve does not allocate
// unless it fails, and is safe for concurrent use as long as t is not modified.
func (t *Table) Resolve(chip Chip, current, target Version) (Decision, error) {
	return resolve(t.lookup, chip, current, target)
}

// ResolveMac decides how mac reaches target on the default table, refusing a
// target its hardware cannot run; see [Table.ResolveMac].
func ResolveMac(mac Mac, target Version, cat *Catalog) (Decision, error) {
	return resolveMac(defaultIndex.lookup, mac, target, cat)
}

// ResolveMac decides how mac reaches target, as [Table.Resolve] does for mac's chip
// (mac.Chip, or the one mac.Model implies) and mac.Version, after checking that
// mac's hardware runs target (see [HardwareOf]; cat may be nil): a target it cannot
// run fails with [ErrUnsupportedHardware] naming the model and the newest macOS it
// can run. A downgrade or an invalid version fails first, as in Resolve. It does not
// allocate unless it fails.
func (t *Table) ResolveMac(mac Mac, target Version, cat *Catalog) (Decision, error) {
	return resolveMac(t.lookup, mac, target, cat)
}

func resolveMac(lookup func(Chip, Kind, Version, Version) *Row, mac Mac, target Version, cat *Catalog) (Decision, error) {
	hw, err := HardwareOf(mac, cat)
	if err != nil {
		return Decision{}, err
	}
	if _, err := kindOf(mac.Version, target); err != nil {
		return Decision{}, fmt.Errorf("compat: resolve %v %v → %v: %w", hw.Chip, mac.Version, target, err)
	}
	if err := hw.Check(target); err != nil {
		return Decision{}, err
	}
	return resolve(lookup, hw.Chip, mac.Version, target)
}

// resolve is Resolve over any way of finding the deciding row.
func resolve(lookup func(Chip, Kind, Version, Version) *Row, chip Chip, current, target Version) (Decision, error) {
	if !chip.IsValid() {
		return Decision{}, fmt.Errorf("compat: resolve: chip %v: %w", chip, ErrUnknownChip)
	}
	kind, err := kindOf(current, target)
	if err != nil {
		return Decision{}, fmt.Errorf("compat: resolve %v %v → %v: %w", chip, current, target, err)
	}
	row := lookup(chip, kind, current, target)
	switch {
	case row == nil:
		return Decision{}, fmt.Errorf("compat: resolve %v %v → %v (%v): no table row: %w", chip, current, target, kind, ErrUnsupported)
	case row.Unsupported:
		return Decision{}, fmt.Errorf("compat: resolve %v %v → %v (%v): %s: %w", chip, current, target, kind, row.Rule, ErrUnsupported)
	}
	return Decision{
		Chip:      chip,
		Current:   current,
		Target:    target,
		Kind:      kind,
		Delivery:  row.Delivery,
		Installer: row.Installer,
		Requires:  row.Requires,
		Rule:      row.Rule,
	}, nil
}

// lookup returns the first row for chip and kind whose ranges hold current and
// target.
func (t *Table) lookup(chip Chip, kind Kind, current, target Version) *Row {
	for i := range t.Rows {
		r := &t.Rows[i]
		if r.Chip == chip && r.Kind == kind && r.covers(current, target) {
			return r
		}
	}
	return nil
}

// covers reports whether r's ranges hold current and target.
func (r *Row) covers(current, target Version) bool {
	return r.Current.Contains(current) && r.Target.Contains(target)
}

// tableChips and tableKinds are the axes every table covers.
var (
	tableChips = [...]Chip{AppleSilicon, Intel}
	tableKinds = [...]Kind{NoUpdate, Minor, Major, RSR}
)

// Validate reports every problem in t, each wrapping [ErrInvalidTable] (the first
// few joined, then a count): a row with an unknown chip or kind, an empty range, a
// rule missing, a supported row without a delivery, a refusal with one, an Apple
// silicon row delivering over MDM commands without requiring the bootstrap token;
// and, for each chip and kind, any pair of current and target versions that no row
// or more than one row covers.
func (t *Table) Validate() error {
	var errs []error
	bad := func(format string, args ...any) {
		errs = append(errs, fmt.Errorf("compat: table: "+format+": %w", append(args, ErrInvalidTable)...))
	}
	for i, r := range t.Rows {
		switch {
		case !r.Chip.IsValid():
			bad("row %d: chip %v", i, r.Chip)
		case !r.Kind.IsValid():
			bad("row %d: kind %v", i, r.Kind)
		case r.Current.empty():
			bad("row %d: empty range %v", i, r.Current)
		case r.Target.empty():
			bad("row %d: empty target range %v", i, r.Target)
		case r.Rule == "":
			bad("row %d: no rule", i)
		case r.Unsupported && (r.Delivery != mechanism.DeliveryNone || r.Installer != mechanism.InstallerNone):
			bad("row %d: refusal with delivery %v and installer %v", i, r.Delivery, r.Installer)
		case !r.Unsupported && r.Kind == NoUpdate && r.Delivery != mechanism.DeliveryNone:
			bad("row %d: no update with delivery %v", i, r.Delivery)
		case !r.Unsupported && r.Kind != NoUpdate && (r.Delivery == mechanism.DeliveryNone || r.Installer == mechanism.InstallerNone):
			bad("row %d: supported %v update without delivery or installer", i, r.Kind)
		case !r.Delivery.IsValid() || !r.Installer.IsValid():
			bad("row %d: delivery %v installer %v", i, r.Delivery, r.Installer)
		case r.Chip == AppleSilicon && r.Delivery == mechanism.MDMCommands && !r.Requires.Has(BootstrapToken):
			bad("row %d: Apple silicon over MDM commands must require the bootstrap token", i)
		}
	}
	for _, chip := range tableChips {
		for _, kind := range tableKinds {
			errs = append(errs, t.validateCover(chip, kind)...)
		}
	}
	return errtext.Join(errs...)
}

// empty reports whether r holds no version at all.
func (r Range) empty() bool {
	return r.From.IsValid() && r.Before.IsValid() && r.From.Compare(r.Before) >= 0
}

// validateCover checks that the rows for chip and kind cover every pair of current
// and target versions exactly once. Every row bound splits its axis, so each cell of
// the resulting grid lies wholly inside or wholly outside each row, and checking
// one point per cell checks the whole plane.
func (t *Table) validateCover(chip Chip, kind Kind) []error {
	var rows []int
	var currents, targets []Version
	for i, r := range t.Rows {
		if r.Chip == chip && r.Kind == kind {
			rows = append(rows, i)
			currents = append(currents, r.Current.From, r.Current.Before)
			targets = append(targets, r.Target.From, r.Target.Before)
		}
	}
	where := fmt.Sprintf("%v %v", chip, kind)
	if len(rows) == 0 {
		return []error{fmt.Errorf("compat: table: %s: no rows: %w", where, ErrInvalidTable)}
	}
	var errs []error
	for _, ts := range splitAt(targets) {
		for _, cs := range splitAt(currents) {
			var covering []int
			for _, i := range rows {
				if t.Rows[i].covers(cs.From, ts.From) {
					covering = append(covering, i)
				}
			}
			cell := "current " + cs.String()
			if ts != (Range{}) {
				cell += ", target " + ts.String()
			}
			switch len(covering) {
			case 0:
				errs = append(errs, fmt.Errorf("compat: table: %s: gap at %s: %w", where, cell, ErrInvalidTable))
			case 1:
			default:
				errs = append(errs, fmt.Errorf("compat: table: %s: rows %d and %d overlap at %s: %w", where, covering[0], covering[1], cell, ErrInvalidTable))
			}
		}
	}
	return errs
}

// splitAt returns the ranges that the valid versions of bounds cut the whole version
// line into, oldest first: no bounds give the zero Range alone.
func splitAt(bounds []Version) []Range {
	bounds = slices.DeleteFunc(slices.Clone(bounds), func(v Version) bool { return !v.IsValid() })
	slices.SortFunc(bounds, Version.Compare)
	bounds = slices.Compact(bounds)
	segs := make([]Range, 0, len(bounds)+1)
	var lo Version
	for _, hi := range bounds {
		segs = append(segs, Range{From: lo, Before: hi})
		lo = hi
	}
	return append(segs, Range{From: lo})
}
