package compat

import (
	"fmt"

	"github.com/managedos/managedos/internal/enum"
)

// Kind is the sort of update that takes a Mac from its current version to a
// target. The zero value, NoUpdate, means the Mac is already at the target.
type Kind uint8

const (
	// NoUpdate means the target equals the current version. Token "none".
	NoUpdate Kind = iota
	// Minor is an update within one major release, such as 14.2.1 to 14.3, or 10.15.6
	// to 10.15.7. Token "minor".
	Minor
	// Major is an upgrade to a later major release, such as 13.6 to 14.2 or 10.14.6 to
	// 10.15. Token "major".
	Major
	// RSR is a rapid security response (Background Security Improvement from macOS
	// 26.1) on the Mac's own version: 13.4.1 to 13.4.1 (a), or 13.4.1 (a) to
	// 13.4.1 (c). Token "rsr".
	RSR
)

var kindTokens = enum.Tokens[Kind]{
	Type:  "Kind",
	Names: []string{"none", "minor", "major", "rsr"},
	Err:   ErrUnknownKind,
}

// KindOf returns the kind of update from current to target: [NoUpdate] when they
// compare equal, [RSR] when target is current's base version with a later rapid
// security response letter, [Minor] within a major release (see [Version.SameMajor]),
// [Major] otherwise. A target older than current, a rapid security response rollback
// included, wraps [ErrDowngrade]; an invalid version wraps [ErrInvalidVersion].
func KindOf(current, target Version) (Kind, error) {
	k, err := kindOf(current, target)
	if err != nil {
		return k, fmt.Errorf("compat: kind of %v → %v: %w", current, target, err)
	}
	return k, nil
}

// kindOf is KindOf with a bare sentinel error, for callers that add their own
// context.
func kindOf(current, target Version) (Kind, error) {
	if !current.IsValid() || !target.IsValid() {
		return NoUpdate, ErrInvalidVersion
	}
	switch c := target.Compare(current); {
	case c < 0:
		return NoUpdate, ErrDowngrade
	case c == 0:
		return NoUpdate, nil
	}
	switch {
	case target.rsr() != 0 && target.Base() == current.Base():
		return RSR, nil
	case target.SameMajor(current):
		return Minor, nil
	default:
		return Major, nil
	}
}

// String returns the token of k: "none", "minor", "major" or "rsr".
func (k Kind) String() string { return kindTokens.String(k) }

// IsValid reports whether k is one of the declared constants.
func (k Kind) IsValid() bool { return int(k) < len(kindTokens.Names) }

// MarshalText returns the token of k; it fails for a value outside the constants.
func (k Kind) MarshalText() ([]byte, error) { return kindTokens.Marshal(k) }

// UnmarshalText sets k from its token; unknown text wraps [ErrUnknownKind].
func (k *Kind) UnmarshalText(text []byte) error {
	v, err := kindTokens.Parse(string(text))
	if err != nil {
		return fmt.Errorf("compat: %w", err)
	}
	*k = v
	return nil
}
