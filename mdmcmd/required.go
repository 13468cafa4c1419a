package mdmcmd

import (
	"fmt"

	"howett.net/plist"

	"github.com/managedos/managedos/compat"
	"github.com/managedos/managedos/internal/enum"
	"github.com/managedos/managedos/internal/errtext"
	"github.com/managedos/managedos/internal/jsontext"
)

// SoftwareUpdateRequiredCode is the code of Apple's "software update required"
// error (ErrorCodeSoftwareUpdateRequired, macOS 14).
const SoftwareUpdateRequiredCode = "com.apple.softwareupdate.required"

// SoftwareUpdateRequired is the body of the HTTP 403 an MDM server answers a Mac in
// Setup Assistant with to make it update before it enrolls (Apple's
// mdm/errors/softwareupdate.required.yaml, macOS 14):
//
//	{"code":"com.apple.softwareupdate.required",
//	 "details":{"OSVersion":"15.7.9","BuildVersion":"24G830"}}
//
// Build one with [NewSoftwareUpdateRequired] or [MachineInfo.RequireUpdate], which
// check Apple's rules and the Mac; encode it with [SoftwareUpdateRequired.Encode]
// and send it with the Content-Type of the format. The zero value is not a valid
// body.
//
// SoftwareUpdateRequired is a comparable value.
type SoftwareUpdateRequired struct {
	// OSVersion is the version the Mac must update to (details.OSVersion,
	// required), which may carry a supplemental letter: 16.1 (a).
	OSVersion compat.Version
	// BuildVersion is the build the Mac must update to (details.BuildVersion);
	// the zero Build leaves it out. Apple uses it during seeding; when it
	// disagrees with OSVersion, the Mac follows OSVersion.
	BuildVersion compat.Build
	// Message is shown to the user, when the Mac can (message): one line of
	// text; empty leaves it out.
	Message string
	// Description is only logged by the Mac, never shown (description): one line
	// of text; empty leaves it out.
	Description string
	// RequireBetaProgram enrolls the Mac in a beta program so that it can be made
	// to update to a beta (details.RequireBetaProgram, macOS 14.5); the Mac stays
	// in the program afterwards. The zero BetaProgram leaves it out.
	RequireBetaProgram BetaProgram
}

// BetaProgram is the beta program a [SoftwareUpdateRequired] enrolls the Mac in.
// Both fields are required when either is set; the zero BetaProgram means none.
type BetaProgram struct {
	// Description names the program for people (Description).
	Description string
	// Token is the Apple Business Manager or Apple School Manager seeding service
	// token of the organisation the MDM server belongs to (Token).
	Token string
}

// IsZero reports whether b is the zero BetaProgram, which means "no beta program".
func (b BetaProgram) IsZero() bool { return b == BetaProgram{} }

// RequiredOptions are the optional parts of a [SoftwareUpdateRequired] and what the
// builder knows of the Mac.
type RequiredOptions struct {
	// DeviceOS is the Mac's macOS version (MachineInfo OS_VERSION with its
	// supplemental letter), or the zero Version when unknown. When known, the body
	// must ask for a newer version, the Mac must run macOS 14 or later, and
	// RequireBetaProgram needs macOS 14.5. [MachineInfo.RequireUpdate] fills it.
	DeviceOS compat.Version
	// Message is shown to the user; see [SoftwareUpdateRequired].Message.
	Message string
	// Description is logged by the Mac; see [SoftwareUpdateRequired].Description.
	Description string
	// RequireBetaProgram enrolls the Mac in a beta program (macOS 14.5); it needs a
	// known DeviceOS.
	RequireBetaProgram BetaProgram
}

// macOS 14 introduced the software-update-required 403 and, in MachineInfo,
// OS_VERSION and MDM_CAN_REQUEST_SOFTWARE_UPDATE; 14.5 introduced
// RequireBetaProgram.
var (
	macOS14          = compat.MustParseVersion("14.0")
	betaProgramSince = compat.MustParseVersion("14.5")
)

// NewSoftwareUpdateRequired builds the 403 body that makes a Mac in Setup Assistant
// update to target (and, when build is not the zero Build, to that build) before it
// enrolls. It fails with a *[KeyError] naming the key, wrapping [ErrInvalidCommand],
// when the body breaks a rule of [SoftwareUpdateRequired.Validate], or when
// opts.DeviceOS is known and the Mac runs a version before macOS 14 (it cannot read
// the body), already runs target or later (also wrapping [compat.ErrDowngrade] when
// later), or runs a version before 14.5 with a RequireBetaProgram. A
// RequireBetaProgram for a Mac whose version is unknown is refused too: a Mac that
// cannot read it would be asked for a beta it cannot get.
//
// It decides nothing about whether the Mac should update, or can: choosing the
// target, checking that the Mac's hardware runs it, and letting in a Mac that cannot
// be asked ([MachineInfo.CanRequestSoftwareUpdate]) are the caller's.
func NewSoftwareUpdateRequired(target compat.Version, build compat.Build, opts RequiredOptions) (SoftwareUpdateRequired, error) {
	r := SoftwareUpdateRequired{
		OSVersion:          target,
		BuildVersion:       build,
		Message:            opts.Message,
		Description:        opts.Description,
		RequireBetaProgram: opts.RequireBetaProgram,
	}
	if err := r.Validate(); err != nil {
		return SoftwareUpdateRequired{}, err
	}
	if err := r.checkDevice(opts.DeviceOS); err != nil {
		return SoftwareUpdateRequired{}, err
	}
	return r, nil
}

// RequireUpdate builds the 403 body for this Mac, as [NewSoftwareUpdateRequired]
// does with opts.DeviceOS set to the Mac's OSVersion. It refuses, wrapping
// [ErrInvalidCommand], a Mac that cannot be asked ([MachineInfo.CanRequestSoftwareUpdate]
// is false): such a Mac must be let in and updated after enrollment.
func (m *MachineInfo) RequireUpdate(target compat.Version, build compat.Build, opts RequiredOptions) (SoftwareUpdateRequired, error) {
	if !m.CanRequestSoftwareUpdate() {
		why := "MDM_CAN_REQUEST_SOFTWARE_UPDATE is not true"
		if m.Release().Compare(macOS14) < 0 {
			why = fmt.Sprintf("it runs %s and the 403 needs macOS 14", releaseName(m.Build))
		}
		return SoftwareUpdateRequired{}, fmt.Errorf("mdmcmd: software update required: the Mac cannot be asked: %s; let it enroll and update it afterwards: %w", why, ErrInvalidCommand)
	}
	opts.DeviceOS = m.OSVersion
	return NewSoftwareUpdateRequired(target, build, opts)
}

// Validate checks r against Apple's schema and what the library can tell without
// the Mac: OSVersion set, and at least 14.0 (only Macs on 14 or later read the
// body, so an older version would be a downgrade); BuildVersion, when set, a build
// of OSVersion's release (the same Darwin major) and, for a supplemental OSVersion
// such as 16.1 (a), a supplemental build such as 20A242a; Message and Description
// text an XML property list carries unchanged (valid UTF-8, no control
// characters); RequireBetaProgram, when set, with both Description and Token, as
// such text. The error is a *[KeyError] naming the key, wrapping
// [ErrInvalidCommand].
func (r SoftwareUpdateRequired) Validate() error {
	bad := badRequired
	switch v := r.OSVersion; {
	case !v.IsValid():
		return bad("details.OSVersion", "missing")
	case v.Compare(macOS14) < 0:
		return bad("details.OSVersion", "%v: only Macs on macOS 14 or later read this answer, so it would be a downgrade", v)
	}
	if b := r.BuildVersion; b.IsValid() {
		switch {
		case b.Major() != r.OSVersion.DarwinMajor():
			return bad("details.BuildVersion", "%v is not a build of macOS %d (Darwin %d)", b, r.OSVersion.Major(), r.OSVersion.DarwinMajor())
		case r.OSVersion.RSR() != 0 && b.Suffix() == 0:
			return bad("details.BuildVersion", "%v is not a supplemental build, which %v needs (such as 20A242a)", b, r.OSVersion)
		}
	}
	texts := []struct{ key, s string }{
		{"message", r.Message},
		{"description", r.Description},
		{"details.RequireBetaProgram.Description", r.RequireBetaProgram.Description},
		{"details.RequireBetaProgram.Token", r.RequireBetaProgram.Token},
	}
	for _, t := range texts {
		if !printable(t.s) {
			return bad(t.key, "%s: not valid UTF-8 text without control characters", errtext.Quote(t.s))
		}
	}
	if b := r.RequireBetaProgram; !b.IsZero() {
		switch {
		case b.Description == "":
			return bad("details.RequireBetaProgram.Description", "missing (required with a beta program)")
		case b.Token == "":
			return bad("details.RequireBetaProgram.Token", "missing (required with a beta program)")
		}
	}
	return nil
}

// checkDevice checks r against the Mac's version, when known.
func (r SoftwareUpdateRequired) checkDevice(deviceOS compat.Version) error {
	bad := badRequired
	if !deviceOS.IsValid() {
		if !r.RequireBetaProgram.IsZero() {
			return bad("details.RequireBetaProgram", "needs macOS 14.5, and the Mac's version is unknown")
		}
		return nil
	}
	switch c := deviceOS.Compare(r.OSVersion); {
	case deviceOS.Compare(macOS14) < 0:
		return bad("code", "the Mac runs %v, and only macOS 14 or later reads this answer", deviceOS)
	case c > 0:
		return fmt.Errorf("%w: %w", bad("details.OSVersion", "%v is older than the Mac's %v", r.OSVersion, deviceOS), compat.ErrDowngrade)
	case c == 0:
		return bad("details.OSVersion", "the Mac already runs %v", deviceOS)
	case !r.RequireBetaProgram.IsZero() && deviceOS.Compare(betaProgramSince) < 0:
		return bad("details.RequireBetaProgram", "needs macOS 14.5, the Mac runs %v", deviceOS)
	}
	return nil
}

// badRequired is the *KeyError of a body whose key breaks a rule.
func badRequired(key, rule string, args ...any) error {
	return &KeyError{Key: key, Err: fmt.Errorf("mdmcmd: software update required: %s: %s: %w", key, fmt.Sprintf(rule, args...), ErrInvalidCommand)}
}

// BodyFormat is how a [SoftwareUpdateRequired] is encoded. Apple's Mac reads JSON
// or an XML property list, told apart by the response's Content-Type. The zero
// value, FormatNone, encodes nothing.
type BodyFormat uint8

const (
	// FormatNone is no format. Token "none".
	FormatNone BodyFormat = iota
	// FormatJSON is JSON, sent as application/json. Token "json". Prefer it: it
	// is what deployed MDM servers send, and the Mac's HTTP client seen in the
	// wild reads a 403 body only when its MIME type is application/json.
	FormatJSON
	// FormatPlist is an XML property list, sent as application/xml. Token "plist".
	FormatPlist
)

var bodyFormatTokens = enum.Tokens[BodyFormat]{
	Type:  "BodyFormat",
	Names: []string{"none", "json", "plist"},
}

// String returns the token of f: "none", "json" or "plist".
func (f BodyFormat) String() string { return bodyFormatTokens.String(f) }

// MarshalText returns the token of f.
func (f BodyFormat) MarshalText() ([]byte, error) { return bodyFormatTokens.Marshal(f) }

// UnmarshalText sets f from its token; empty text is FormatNone.
func (f *BodyFormat) UnmarshalText(text []byte) error {
	if len(text) == 0 {
		*f = FormatNone
		return nil
	}
	v, err := bodyFormatTokens.Parse(string(text))
	if err != nil {
		return fmt.Errorf("mdmcmd: %w", err)
	}
	*f = v
	return nil
}

// ContentType returns the Content-Type header value of a body in f:
// "application/json" or "application/xml"; "" for FormatNone and unknown values.
func (f BodyFormat) ContentType() string {
	switch f {
	case FormatJSON:
		return "application/json"
	case FormatPlist:
		return "application/xml"
	}
	return ""
}

// Encode returns r in format f, with the Content-Type to send it with: JSON
// compact, keys in the order code, message, description, details, with no trailing
// newline; an XML property list with sorted keys. It fails, wrapping
// [ErrInvalidCommand], when r breaks a rule of [SoftwareUpdateRequired.Validate] or
// f is not FormatJSON or FormatPlist. The same body always gives the same bytes.
func (r SoftwareUpdateRequired) Encode(f BodyFormat) (body []byte, contentType string, err error) {
	if f != FormatJSON && f != FormatPlist {
		return nil, "", fmt.Errorf("mdmcmd: software update required: format %v: want json or plist: %w", f, ErrInvalidCommand)
	}
	if err := r.Validate(); err != nil {
		return nil, "", err
	}
	if f == FormatJSON {
		body, err = jsontext.Marshal(r.wire())
	} else {
		body, err = plist.MarshalIndent(r.wire(), plist.XMLFormat, "\t")
	}
	if err != nil {
		return nil, "", fmt.Errorf("mdmcmd: software update required: encode %v: %v: %w", f, err, ErrInvalidCommand)
	}
	return body, f.ContentType(), nil
}

// MarshalJSON returns r as Apple's JSON body, as [SoftwareUpdateRequired.Encode]
// does with FormatJSON, so that encoding/json never writes the Go fields instead.
func (r SoftwareUpdateRequired) MarshalJSON() ([]byte, error) {
	body, _, err := r.Encode(FormatJSON)
	return body, err
}

// UnmarshalJSON sets r from Apple's JSON body, as [ParseSoftwareUpdateRequired]
// reads it; JSON null leaves r unchanged.
func (r *SoftwareUpdateRequired) UnmarshalJSON(data []byte) error {
	if string(data) == "null" {
		return nil
	}
	p, err := ParseSoftwareUpdateRequired(data)
	if err != nil {
		return err
	}
	*r = p
	return nil
}

func (r SoftwareUpdateRequired) wire() wireRequired {
	w := wireRequired{
		Code:        SoftwareUpdateRequiredCode,
		Message:     r.Message,
		Description: r.Description,
		Details:     wireRequiredDetails{OSVersion: r.OSVersion.String()},
	}
	if r.BuildVersion.IsValid() {
		w.Details.BuildVersion = r.BuildVersion.String()
	}
	if b := r.RequireBetaProgram; !b.IsZero() {
		w.Details.RequireBetaProgram = &wireBetaProgram{Description: b.Description, Token: b.Token}
	}
	return w
}

// wireRequired is the body as Apple's schema spells it.
type wireRequired struct {
	Code        string              `json:"code" plist:"code"`
	Message     string              `json:"message,omitempty" plist:"message,omitempty"`
	Description string              `json:"description,omitempty" plist:"description,omitempty"`
	Details     wireRequiredDetails `json:"details" plist:"details"`
}

type wireRequiredDetails struct {
	OSVersion          string           `json:"OSVersion" plist:"OSVersion"`
	BuildVersion       string           `json:"BuildVersion,omitempty" plist:"BuildVersion,omitempty"`
	RequireBetaProgram *wireBetaProgram `json:"RequireBetaProgram,omitempty" plist:"RequireBetaProgram,omitempty"`
}

type wireBetaProgram struct {
	Description string `json:"Description" plist:"Description"`
	Token       string `json:"Token" plist:"Token"`
}
