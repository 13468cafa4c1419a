package mdmcmd

import (
	"fmt"

	"github.com/managedos/managedos/internal/enum"
)

// Category is what an AvailableOSUpdates item updates. The zero value,
// CategoryUnknown, means the item was not classified.
type Category uint8

const (
	// CategoryUnknown: not classified. Token "unknown".
	CategoryUnknown Category = iota
	// CategoryMacOS: macOS itself, a minor or major update or a rapid security
	// response. Token "macos".
	CategoryMacOS
	// CategoryConfigurationData: configuration data such as XProtect or Gatekeeper
	// data (IsConfigDataUpdate). Token "configuration-data".
	CategoryConfigurationData
	// CategoryFirmware: a firmware update (IsFirmwareUpdate). Token "firmware".
	CategoryFirmware
	// CategoryOther: anything else the catalogue offers, such as a Safari or iTunes
	// update. Token "other".
	CategoryOther
)

var categoryTokens = enum.Tokens[Category]{
	Type:  "Category",
	Names: []string{"unknown", "macos", "configuration-data", "firmware", "other"},
}

// String returns the token of c.
func (c Category) String() string { return categoryTokens.String(c) }

// IsValid reports whether c is one of the declared constants.
func (c Category) IsValid() bool { return int(c) < len(categoryTokens.Names) }

// MarshalText returns the token of c; it fails for a value outside the constants.
func (c Category) MarshalText() ([]byte, error) { return categoryTokens.Marshal(c) }

// UnmarshalText sets c from its token; unknown text is an error naming it.
func (c *Category) UnmarshalText(text []byte) error {
	v, err := categoryTokens.Parse(string(text))
	if err != nil {
		return fmt.Errorf("mdmcmd: %w", err)
	}
	*c = v
	return nil
}
