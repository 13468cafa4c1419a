package mechanism

import "github.com/managedos/managedos/internal/enum"

// Delivery is how a vendor drives an update onto a Mac. The zero value, DeliveryNone,
// means no update is delivered.
type Delivery uint8

const (
	// DeliveryNone means nothing is delivered: the Mac is already at its target, or
	// no mechanism applies. Token "none".
	DeliveryNone Delivery = iota
	// MDMCommands means the ScheduleOSUpdate family of MDM commands (macOS 10.11
	// through 26; deprecated in 26.0 and removed in 27). Token "mdm-commands".
	MDMCommands
	// StartOSInstall means an agent caches the full "Install macOS" application on an
	// Intel Mac and runs its startosinstall tool. Token "startosinstall".
	StartOSInstall
	// DDM means a Declarative Device Management software update enforcement
	// declaration (macOS 14 and later, supervised Macs). Token "ddm".
	DDM
)

var deliveryTokens = enum.Tokens[Delivery]{
	Type:  "Delivery",
	Names: []string{"none", "mdm-commands", "startosinstall", "ddm"},
	Err:   ErrUnknownToken,
}

// String returns the token of d, or Delivery(n) for a value outside the constants.
func (d Delivery) String() string { return deliveryTokens.String(d) }

// IsValid reports whether d is one of the declared constants.
func (d Delivery) IsValid() bool { return int(d) < len(deliveryTokens.Names) }

// MarshalText returns the token of d; it fails for a value outside the constants.
func (d Delivery) MarshalText() ([]byte, error) { return deliveryTokens.Marshal(d) }

// UnmarshalText sets d from its token; unknown text wraps [ErrUnknownToken].
func (d *Delivery) UnmarshalText(text []byte) error {
	v, err := deliveryTokens.Parse(string(text))
	if err != nil {
		return err
	}
	*d = v
	return nil
}
