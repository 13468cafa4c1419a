package compat

import (
	"errors"
	"fmt"
	"slices"

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
	k := v.key()
	return k >= r.From.key() && (r.Before.n == 0 || k < r.Before.key())
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

// Row is one rule of a [Table]: for a chip, a kind of update and a range of current
// versions, the delivery and installer to use, or a refusal.
type Row struct {
	Chip    Chip  `json:"chip"`    // the chip the row is for
	Kind    Kind  `json:"kind"`    // the kind of update the row is for
	Current Range `json:"current"` // the range of the Mac's current version the row covers
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
// must pass [Table.Validate]: for each chip and each kind, the rows' current ranges
// cover every version exactly once.
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

// resolve is Resolve over any way of finding the deciding row.
func resolve(lookup func(Chip, Kind, Version) *Row, chip Chip, current, target Version) (Decision, error) {
	if !chip.IsValid() {
		return Decision{}, fmt.Errorf("compat: resolve: chip %v: %w", chip, ErrUnknownChip)
	}
	kind, err := kindOf(current, target)
	if err != nil {
		return Decision{}, fmt.Errorf("compat: resolve %v %v → %v: %w", chip, current, target, err)
	}
	row := lookup(chip, kind, current)
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

// lookup returns the first row for chip and kind whose range holds current.
func (t *Table) lookup(chip Chip, kind Kind, current Version) *Row {
	for i := range t.Rows {
		r := &t.Rows[i]
		if r.Chip == chip && r.Kind == kind && r.Current.Contains(current) {
			return r
		}
	}
	return nil
}

// tableChips and tableKinds are the axes every table covers.
var (
	tableChips = [...]Chip{AppleSilicon, Intel}
	tableKinds = [...]Kind{NoUpdate, Minor, Major, RSR}
)

// Validate reports every problem in t, joined, each wrapping [ErrInvalidTable]: a row
// with an unknown chip or kind, an empty range, a rule missing, a supported row
// without a delivery, a refusal with one; and, for each chip and kind, ranges that
// overlap or leave a gap anywhere from the oldest version to the newest.
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
		case r.Current.From.IsValid() && r.Current.Before.IsValid() && r.Current.From.Compare(r.Current.Before) >= 0:
			bad("row %d: empty range %v", i, r.Current)
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
		}
	}
	for _, chip := range tableChips {
		for _, kind := range tableKinds {
			errs = append(errs, t.validateCover(chip, kind)...)
		}
	}
	return errors.Join(errs...)
}

// validateCover checks that the rows for chip and kind tile every version.
func (t *Table) validateCover(chip Chip, kind Kind) []error {
	var rows []Range
	for _, r := range t.Rows {
		if r.Chip == chip && r.Kind == kind {
			rows = append(rows, r.Current)
		}
	}
	where := fmt.Sprintf("%v %v", chip, kind)
	if len(rows) == 0 {
		return []error{fmt.Errorf("compat: table: %s: no rows: %w", where, ErrInvalidTable)}
	}
	slices.SortFunc(rows, func(a, b Range) int { return a.From.Compare(b.From) })
	var errs []error
	if rows[0].From.IsValid() {
		errs = append(errs, fmt.Errorf("compat: table: %s: gap below %v: %w", where, rows[0].From, ErrInvalidTable))
	}
	for i := 1; i < len(rows); i++ {
		prev, next := rows[i-1].Before, rows[i].From
		switch c := prev.Compare(next); {
		case !prev.IsValid() || c > 0:
			errs = append(errs, fmt.Errorf("compat: table: %s: %v overlaps %v: %w", where, rows[i-1], rows[i], ErrInvalidTable))
		case c < 0:
			errs = append(errs, fmt.Errorf("compat: table: %s: gap between %v and %v: %w", where, rows[i-1], rows[i], ErrInvalidTable))
		}
	}
	if last := rows[len(rows)-1]; last.Before.IsValid() {
		errs = append(errs, fmt.Errorf("compat: table: %s: gap from %v: %w", where, last.Before, ErrInvalidTable))
	}
	return errs
}
