package ddm

import (
	"encoding/json"
	"fmt"

	"github.com/managedos/managedos/internal/errtext"
)

// SettingsType is the declaration type of software update settings (macOS 15 and
// later, supervised Macs only).
const SettingsType = "com.apple.configuration.softwareupdate.settings"

// AutomaticAction is the value of the AutomaticActions keys: whether the user
// controls an automatic behaviour or it is forced. The zero value leaves the key out
// (Apple's default is Allowed). Unknown text is kept; [AutomaticAction.IsValid]
// tells.
type AutomaticAction string

const (
	// Allowed lets the user turn the behaviour on or off.
	Allowed AutomaticAction = "Allowed"
	// AlwaysOn forces the behaviour on.
	AlwaysOn AutomaticAction = "AlwaysOn"
	// AlwaysOff forces the behaviour off.
	AlwaysOff AutomaticAction = "AlwaysOff"
)

// IsValid reports whether a is one of Apple's values.
func (a AutomaticAction) IsValid() bool { return a == Allowed || a == AlwaysOn || a == AlwaysOff }

// String returns a as Apple spells it.
func (a AutomaticAction) String() string { return string(a) }

// SettingsPayload is the payload of a [Settings] declaration. Nil and zero fields are
// left out, so the Mac applies Apple's default; use new(false) for an explicit false.
type SettingsPayload struct {
	// Notifications false shows only the notifications of the last hour before the
	// enforcement deadline and the restart countdown. Default true.
	Notifications *bool `json:"Notifications,omitempty"`
	// Deferrals delays when updates appear to the user.
	Deferrals *Deferrals `json:"Deferrals,omitempty"`
	// AutomaticActions controls automatic downloads and installs. Next to
	// enforcement, set Download to AlwaysOff so the Mac does not cache the update on
	// its own (an update cached behind the server's back reports no progress).
	AutomaticActions *AutomaticActions `json:"AutomaticActions,omitempty"`
	// RapidSecurityResponse controls user access to rapid security responses.
	RapidSecurityResponse *RapidSecurityResponseSettings `json:"RapidSecurityResponse,omitempty"`
	// AllowStandardUserOSUpdates false lets only administrators run major and minor
	// updates. Default true.
	AllowStandardUserOSUpdates *bool `json:"AllowStandardUserOSUpdates,omitempty"`
}

// Deferrals are periods in days, 1 to 90, after an update's release before it
// appears to the user; 0 leaves a period out. (Apple's CombinedPeriodInDays is not
// available on macOS.)
type Deferrals struct {
	MajorPeriodInDays  int `json:"MajorPeriodInDays,omitempty"`  // days to defer major upgrades
	MinorPeriodInDays  int `json:"MinorPeriodInDays,omitempty"`  // days to defer minor updates
	SystemPeriodInDays int `json:"SystemPeriodInDays,omitempty"` // days to defer non-OS (system) updates
}

// AutomaticActions are the automatic software update behaviours.
type AutomaticActions struct {
	Download              AutomaticAction `json:"Download,omitempty"`              // automatic downloads of available updates
	InstallOSUpdates      AutomaticAction `json:"InstallOSUpdates,omitempty"`      // automatic installs of OS updates
	InstallSecurityUpdate AutomaticAction `json:"InstallSecurityUpdate,omitempty"` // automatic installs of security updates
}

// RapidSecurityResponseSettings control whether rapid security responses and their
// rollbacks are offered to the user (enforcement declarations install them anyway).
// Both default to true.
type RapidSecurityResponseSettings struct {
	Enable         *bool `json:"Enable,omitempty"`         // false stops offering rapid security responses to the user
	EnableRollback *bool `json:"EnableRollback,omitempty"` // false stops offering their rollback to the user
}

// Settings is a com.apple.configuration.softwareupdate.settings declaration, built
// by [NewSettings] and read back by [ParseSettings] or [Settings.UnmarshalJSON]. Like
// [Enforcement] it is valid and immutable once built, and values compare with ==; the
// zero value does not marshal.
type Settings struct {
	identifier  string
	serverToken string
	payload     string // canonical payload JSON
}

// Identifier returns the declaration's identifier.
func (s Settings) Identifier() string { return s.identifier }

// ServerToken returns the token derived from the declaration's content.
func (s Settings) ServerToken() string { return s.serverToken }

// NewSettings validates p and returns its declaration, with the identifier
// "managedos.softwareupdate.settings" when identifier is empty and a ServerToken
// derived from the content as for [NewEnforcement]. Each problem is a *[KeyError]
// naming its key, as [SettingsPayload.Validate] reports them.
func NewSettings(identifier string, p SettingsPayload) (Settings, error) {
	if err := p.Validate(); err != nil {
		return Settings{}, err
	}
	if identifier == "" {
		identifier = "managedos.softwareupdate.settings"
	} else if err := checkIdentifier(identifier); err != nil {
		return Settings{}, &KeyError{Key: "Identifier", Err: err}
	}
	payload, err := json.Marshal(p)
	if err != nil {
		return Settings{}, fmt.Errorf("ddm: settings payload: %w", err)
	}
	content := append([]byte(SettingsType+"\x00"+identifier+"\x00"), payload...)
	return Settings{identifier: identifier, serverToken: serverToken(content), payload: string(payload)}, nil
}

// Validate reports every value outside Apple's range, each a *[KeyError] naming
// its key by its path in the payload (such as "Deferrals.MajorPeriodInDays" or
// "AutomaticActions.Download") and wrapping [ErrInvalidSetting], joined; nil when
// there is none.
func (p SettingsPayload) Validate() error {
	var errs []error
	if d := p.Deferrals; d != nil {
		for _, f := range []struct {
			key  string
			days int
		}{{"Deferrals.MajorPeriodInDays", d.MajorPeriodInDays}, {"Deferrals.MinorPeriodInDays", d.MinorPeriodInDays}, {"Deferrals.SystemPeriodInDays", d.SystemPeriodInDays}} {
			if f.days != 0 && (f.days < 1 || f.days > 90) {
				errs = append(errs, &KeyError{Key: f.key, Err: fmt.Errorf("ddm: %s %d: want 1 to 90 days: %w", f.key, f.days, ErrInvalidSetting)})
			}
		}
	}
	if a := p.AutomaticActions; a != nil {
		for _, f := range []struct {
			key string
			v   AutomaticAction
		}{{"AutomaticActions.Download", a.Download}, {"AutomaticActions.InstallOSUpdates", a.InstallOSUpdates}, {"AutomaticActions.InstallSecurityUpdate", a.InstallSecurityUpdate}} {
			if f.v != "" && !f.v.IsValid() {
				errs = append(errs, &KeyError{Key: f.key, Err: fmt.Errorf("ddm: %s %s: want Allowed, AlwaysOn or AlwaysOff: %w", f.key, errtext.Quote(string(f.v)), ErrInvalidSetting)})
			}
		}
	}
	return errtext.Join(errs...)
}

// MarshalJSON returns the declaration as compact JSON with the keys Type,
// Identifier, ServerToken and Payload in that order; the zero Settings is an error.
func (s Settings) MarshalJSON() ([]byte, error) {
	if s.serverToken == "" {
		return nil, fmt.Errorf("ddm: zero Settings: %w", ErrInvalidDeclaration)
	}
	b := append([]byte(`{"Type":"`+SettingsType+`","Identifier":`), appendJSONString(nil, s.identifier)...)
	b = append(appendJSONString(append(b, `,"ServerToken":`...), s.serverToken), `,"Payload":`...)
	return append(append(b, s.payload...), '}'), nil
}
