package mechanism

import "github.com/managedos/managedos/internal/enum"

// Installer is the macOS component that downloads and applies an update. The zero
// value, InstallerNone, means none or not known.
type Installer uint8

const (
	// InstallerNone means no installer runs. Token "none".
	InstallerNone Installer = iota
	// SoftwareUpdate is the built-in Software Update service (softwareupdated), used for
	// minor updates and, on Apple silicon and from macOS 13, major upgrades. Token
	// "software-update".
	SoftwareUpdate
	// InstallAssistant is the full "Install macOS <name>.app" installer, run on Intel
	// Macs through startosinstall. Token "install-assistant".
	InstallAssistant
	// RapidSecurityResponse is a Rapid Security Response (macOS 13 and 14), called a
	// Background Security Improvement from macOS 26.1: a patch on top of a release,
	// shown as a letter suffix such as "13.4.1 (c)". Token "rapid-security-response".
	RapidSecurityResponse
	// BackgroundUpdate is a background component update such as configuration data
	// (XProtect, Gatekeeper lists) that needs no user action. Token
	// "background-update".
	BackgroundUpdate
)

var installerTokens = enum.Tokens[Installer]{
	Type:  "Installer",
	Names: []string{"none", "software-update", "install-assistant", "rapid-security-response", "background-update"},
	Err:   ErrUnknownToken,
}

// String returns the token of i, or Installer(n) for a value outside the constants.
func (i Installer) String() string { return installerTokens.String(i) }

// IsValid reports whether i is one of the declared constants.
func (i Installer) IsValid() bool { return int(i) < len(installerTokens.Names) }

// MarshalText returns the token of i; it fails for a value outside the constants.
func (i Installer) MarshalText() ([]byte, error) { return installerTokens.Marshal(i) }

// UnmarshalText sets i from its token; unknown text wraps [ErrUnknownToken].
func (i *Installer) UnmarshalText(text []byte) error {
	v, err := installerTokens.Parse(string(text))
	if err != nil {
		return err
	}
	*i = v
	return nil
}
