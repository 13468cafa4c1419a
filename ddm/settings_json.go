package ddm

import (
	"encoding/json"
	"fmt"

	"github.com/managedos/managedos/internal/errtext"
	"github.com/managedos/managedos/internal/jsonstrict"
)

// ParseSettings reads a com.apple.configuration.softwareupdate.settings declaration's
// JSON within the default [compat.Limits]: its Type, Identifier and ServerToken, and a
// payload checked as [SettingsPayload.Validate] does; it is
// ParseOptions{}.ParseSettings. The ServerToken is kept as given. A key Settings
// cannot represent (such as Beta, which this package does not model) is an error
// naming it, wrapping [ErrInvalidDeclaration], rather than a declaration silently
// read without it.
func ParseSettings(data []byte) (Settings, error) { return ParseOptions{}.ParseSettings(data) }

// ParseSettings is [ParseSettings] within o.Limits, checked before anything is
// decoded: data over a limit fails with an error wrapping compat.ErrTooLarge and
// [ErrInvalidDeclaration].
func (o ParseOptions) ParseSettings(data []byte) (Settings, error) {
	if err := o.Limits.CheckJSON(data); err != nil {
		return Settings{}, fmt.Errorf("ddm: settings declaration: %w: %w", err, ErrInvalidDeclaration)
	}
	var w declarationKeys[SettingsPayload]
	if err := jsonstrict.Unmarshal(data, &w); err != nil {
		return Settings{}, fmt.Errorf("ddm: settings declaration: %w: %w", err, ErrInvalidDeclaration)
	}
	switch {
	case w.Type != SettingsType:
		return Settings{}, fmt.Errorf("ddm: Type %s: want %s: %w", errtext.Quote(w.Type), SettingsType, ErrInvalidDeclaration)
	case w.ServerToken == "":
		return Settings{}, fmt.Errorf("ddm: ServerToken: missing: %w", ErrInvalidDeclaration)
	}
	if err := checkIdentifier(w.Identifier); err != nil {
		return Settings{}, err
	}
	if err := w.Payload.Validate(); err != nil {
		return Settings{}, err
	}
	payload, err := json.Marshal(w.Payload)
	if err != nil {
		return Settings{}, fmt.Errorf("ddm: settings payload: %w", err)
	}
	return Settings{identifier: w.Identifier, serverToken: w.ServerToken, payload: string(payload)}, nil
}

// UnmarshalJSON reads a stored declaration, the JSON MarshalJSON writes, into s, as
// [ParseSettings] does.
func (s *Settings) UnmarshalJSON(data []byte) error {
	parsed, err := ParseSettings(data)
	if err != nil {
		return err
	}
	*s = parsed
	return nil
}

// Payload returns the declaration's payload, a fresh copy each call, so changing it
// never changes the declaration.
func (s Settings) Payload() SettingsPayload {
	var p SettingsPayload
	if s.payload != "" {
		_ = json.Unmarshal([]byte(s.payload), &p) // built by NewSettings or ParseSettings from a valid payload
	}
	return p
}
