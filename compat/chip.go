package compat

import (
	"fmt"
	"strings"

	"github.com/managedos/managedos/internal/enum"
	"github.com/managedos/managedos/internal/errtext"
)

// Chip is a Mac's processor family. The zero value, ChipUnknown, is not a chip: it
// marks a Mac whose chip is not known yet, and every function that needs a chip
// refuses it with [ErrUnknownChip].
type Chip uint8

const (
	// ChipUnknown is the zero Chip: not known. Token "unknown".
	ChipUnknown Chip = iota
	// AppleSilicon is an Apple M-series (arm64) Mac, sold from November 2020 with
	// macOS 11. Token "apple-silicon".
	AppleSilicon
	// Intel is an Intel (x86_64) Mac. Token "intel".
	Intel
)

var chipTokens = enum.Tokens[Chip]{
	Type:  "Chip",
	Names: []string{"unknown", "apple-silicon", "intel"},
	Err:   ErrUnknownChip,
}

// chipAliases are the other spellings ParseChip accepts, in any case.
var chipAliases = [...]struct {
	name string
	chip Chip
}{
	{"apple-silicon", AppleSilicon},
	{"apple", AppleSilicon},
	{"arm64", AppleSilicon},
	{"intel", Intel},
	{"x86_64", Intel},
	{"amd64", Intel},
}

// ParseChip returns the chip named by s: "apple-silicon", "apple" or "arm64" for
// [AppleSilicon]; "intel", "x86_64" or "amd64" for [Intel]; in any letter case. Any
// other text, including "unknown" and "", wraps [ErrUnknownChip]. It does not
// allocate on success.
func ParseChip(s string) (Chip, error) {
	for _, a := range chipAliases {
		if strings.EqualFold(s, a.name) {
			return a.chip, nil
		}
	}
	return ChipUnknown, fmt.Errorf("compat: chip %s: %w", errtext.Quote(s), ErrUnknownChip)
}

// String returns the token of c: "unknown", "apple-silicon" or "intel".
func (c Chip) String() string { return chipTokens.String(c) }

// IsValid reports whether c is AppleSilicon or Intel.
func (c Chip) IsValid() bool { return c == AppleSilicon || c == Intel }

// MarshalText returns the token of c; ChipUnknown encodes as "unknown".
func (c Chip) MarshalText() ([]byte, error) { return chipTokens.Marshal(c) }

// UnmarshalText sets c from any spelling [ParseChip] accepts, or from "unknown" or
// empty text for ChipUnknown.
func (c *Chip) UnmarshalText(text []byte) error {
	if len(text) == 0 || string(text) == "unknown" {
		*c = ChipUnknown
		return nil
	}
	v, err := ParseChip(string(text))
	if err != nil {
		return err
	}
	*c = v
	return nil
}
