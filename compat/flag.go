package compat

import (
	"fmt"

	"github.com/managedos/managedos/internal/enum"
	"github.com/managedos/managedos/internal/errtext"
)

// Flag is a yes-or-no fact about a Mac that may not be known, such as whether it is
// supervised. The zero value, FlagUnknown, means the Mac has not said.
type Flag uint8

const (
	// FlagUnknown: not reported. Token "unknown"; JSON null.
	FlagUnknown Flag = iota
	// FlagFalse: reported false. Token "false"; JSON false.
	FlagFalse
	// FlagTrue: reported true. Token "true"; JSON true.
	FlagTrue
)

var flagTokens = enum.Tokens[Flag]{
	Type:  "Flag",
	Names: []string{"unknown", "false", "true"},
}

// FlagOf returns FlagTrue or FlagFalse for b.
func FlagOf(b bool) Flag {
	if b {
		return FlagTrue
	}
	return FlagFalse
}

// Known reports whether f is FlagTrue or FlagFalse.
func (f Flag) Known() bool { return f == FlagTrue || f == FlagFalse }

// IsTrue reports whether f is FlagTrue; an unknown flag is not true.
func (f Flag) IsTrue() bool { return f == FlagTrue }

// String returns the token of f: "unknown", "false" or "true".
func (f Flag) String() string { return flagTokens.String(f) }

// MarshalText returns the token of f.
func (f Flag) MarshalText() ([]byte, error) { return flagTokens.Marshal(f) }

// UnmarshalText sets f from its token; empty text is FlagUnknown.
func (f *Flag) UnmarshalText(text []byte) error {
	if len(text) == 0 {
		*f = FlagUnknown
		return nil
	}
	v, err := flagTokens.Parse(string(text))
	if err != nil {
		return fmt.Errorf("compat: %w", err)
	}
	*f = v
	return nil
}

// MarshalJSON encodes f as true, false or null (unknown); with the omitzero option
// an unknown flag is left out.
func (f Flag) MarshalJSON() ([]byte, error) {
	switch f {
	case FlagTrue:
		return []byte("true"), nil
	case FlagFalse:
		return []byte("false"), nil
	case FlagUnknown:
		return []byte("null"), nil
	}
	return nil, fmt.Errorf("compat: Flag(%d): %w", uint8(f), enum.ErrUnknownToken)
}

// UnmarshalJSON sets f from true, false or null.
func (f *Flag) UnmarshalJSON(data []byte) error {
	switch string(data) {
	case "true":
		*f = FlagTrue
	case "false":
		*f = FlagFalse
	case "null":
		*f = FlagUnknown
	default:
		return fmt.Errorf("compat: Flag: want true, false or null, got %s: %w", errtext.Quote(string(data)), enum.ErrUnknownToken)
	}
	return nil
}
