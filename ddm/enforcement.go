package ddm

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/url"
	"unicode/utf8"

	"github.com/managedos/managedos/compat"
	"github.com/managedos/managedos/internal/errtext"
)

// EnforcementType is the declaration type of a software update enforcement policy for
// a specific OS release (macOS 14 and later, supervised Macs only).
const EnforcementType = "com.apple.configuration.softwareupdate.enforcement.specific"

// The identifiers [NewEnforcement] and [FromDecisionSteps] give declarations when the
// caller names none. Apple's schema lets a Mac hold several enforcement declarations
// (apply: multiple), but a Mac follows one update at a time: the default identifier
// is one fixed name per Mac, so the declaration for a new target replaces the old
// one. Only Apple's two-step for a supplemental update on a newer base uses a second
// declaration, under the supplemental identifier; remove it when the Mac no longer
// needs it.
const (
	// DefaultEnforcementIdentifier names the one enforcement declaration a Mac holds.
	DefaultEnforcementIdentifier = "managedos.softwareupdate.enforcement"
	// SupplementalEnforcementIdentifier names the second declaration of Apple's
	// two-step, the supplemental update on the base the first one installs.
	SupplementalEnforcementIdentifier = DefaultEnforcementIdentifier + ".supplemental"
)

// EnforcementPayload is the payload of an [Enforcement] declaration.
type EnforcementPayload struct {
	// TargetOSVersion is the version the Mac must reach, required. A version
	// without a patch component, such as 14.2, tells the Mac to install the latest
	// patch of that release; since a [compat.Version] is written in its canonical
	// form, 14.2.0 is sent as 14.2 too, so pin an exact release with
	// TargetBuildVersion. It holds no rapid security response letter: a rapid
	// security response (Background Security Improvement) is targeted by the suffix
	// letter of TargetBuildVersion on the base version, as [FromDecision] does.
	TargetOSVersion compat.Version
	// TargetBuildVersion is the build to reach, optional (the zero Build leaves it
	// out). Its Darwin major must match TargetOSVersion: Apple ignores a build that
	// disagrees with the version.
	TargetBuildVersion compat.Build
	// TargetLocalDateTime is the deadline in the Mac's local time, required: if the
	// user has not installed the update by then, the Mac installs it.
	TargetLocalDateTime LocalDateTime
	// DetailsURL is a web page about the enforced update, optional; it must be an
	// absolute http or https URL.
	DetailsURL string
}

// Enforcement is a com.apple.configuration.softwareupdate.enforcement.specific
// declaration, built by [NewEnforcement] or [FromDecision] and read back by
// [ParseEnforcement]. A built Enforcement is valid and immutable, so its ServerToken
// always matches its content; the zero value is not a declaration and does not
// marshal. Values compare with ==. Its JSON form has the keys Type, Identifier,
// ServerToken and Payload in that order.
type Enforcement struct {
	identifier  string
	serverToken string
	payload     EnforcementPayload
	json        string // the canonical JSON, built once
}

// Identifier returns the name of the declaration on the Mac. A declaration with the
// identifier of one the Mac holds replaces it; see [DefaultEnforcementIdentifier].
func (e Enforcement) Identifier() string { return e.identifier }

// ServerToken returns the token that changes whenever the declaration's content
// changes; see [NewEnforcement].
func (e Enforcement) ServerToken() string { return e.serverToken }

// Payload returns the declaration's payload.
func (e Enforcement) Payload() EnforcementPayload { return e.payload }

// NewEnforcement validates p and returns its declaration. An empty identifier is
// [DefaultEnforcementIdentifier], the same for every target, so a new target replaces
// the declaration the Mac holds instead of adding one next to it. The ServerToken is
// the first 16 bytes, in hex, of the SHA-256 of the declaration's type, identifier and
// canonical payload, so the same input always gives byte-identical JSON and the same
// token and any change gives a new one. Each problem is a *[KeyError] naming the
// field, as [EnforcementPayload.Validate] reports them. Beyond Validate, a
// TargetBuildVersion the library knows to belong to another version than
// TargetOSVersion is refused (see [compat.CheckBuild]): the Mac would install the
// version and ignore the build, so the declaration would not say what it does.
func NewEnforcement(identifier string, p EnforcementPayload) (Enforcement, error) {
	if err := p.Validate(); err != nil {
		return Enforcement{}, err
	}
	if p.TargetBuildVersion.IsValid() {
		if err := compat.CheckBuild(p.TargetOSVersion, p.TargetBuildVersion); err != nil {
			return Enforcement{}, &KeyError{Key: "TargetBuildVersion", Err: fmt.Errorf("ddm: TargetBuildVersion: %w", err)}
		}
	}
	if identifier == "" {
		identifier = DefaultEnforcementIdentifier
	} else if err := checkIdentifier(identifier); err != nil {
		return Enforcement{}, &KeyError{Key: "Identifier", Err: err}
	}
	var buf [512]byte
	content := append(buf[:0], EnforcementType+"\x00"...)
	content = append(append(content, identifier...), 0)
	start := len(content)
	content = p.appendJSON(content)
	return newEnforcement(identifier, serverToken(content), p, content[start:]), nil
}

// newEnforcement assembles a declaration around its canonical payload JSON.
func newEnforcement(identifier, token string, p EnforcementPayload, payloadJSON []byte) Enforcement {
	var buf [512]byte
	b := append(buf[:0], `{"Type":"`+EnforcementType+`","Identifier":`...)
	b = appendJSONString(b, identifier)
	b = append(b, `,"ServerToken":`...)
	b = appendJSONString(b, token)
	b = append(b, `,"Payload":`...)
	b = append(append(b, payloadJSON...), '}')
	return Enforcement{identifier: identifier, serverToken: token, payload: p, json: string(b)}
}

// Validate reports every field of p that a Mac would reject, each a *[KeyError]
// naming the field (its payload key) with its value, joined: a missing or
// rapid-security-response TargetOSVersion (compat.ErrInvalidVersion), a build from
// another release (compat.ErrInvalidBuild; not checked against a TargetOSVersion
// already named), a missing deadline ([ErrInvalidDateTime]), a DetailsURL that is
// not absolute http or https ([ErrInvalidURL]). It returns nil for a valid payload.
func (p EnforcementPayload) Validate() error {
	var errs []error
	bad := func(key string, err error) { errs = append(errs, &KeyError{Key: key, Err: err}) }
	switch v := p.TargetOSVersion; {
	case !v.IsValid():
		bad("TargetOSVersion", fmt.Errorf("ddm: TargetOSVersion: missing: %w", compat.ErrInvalidVersion))
	case v.RSR() != 0:
		bad("TargetOSVersion", fmt.Errorf("ddm: TargetOSVersion %q: target a rapid security response with the base version and TargetBuildVersion: %w", v, compat.ErrInvalidVersion))
	default:
		if err := p.BuildMismatch(); err != nil {
			errs = append(errs, err)
		}
	}
	if !p.TargetLocalDateTime.IsValid() {
		bad("TargetLocalDateTime", fmt.Errorf("ddm: TargetLocalDateTime: missing: %w", ErrInvalidDateTime))
	}
	if p.DetailsURL != "" {
		u, err := url.Parse(p.DetailsURL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || !utf8.ValidString(p.DetailsURL) {
			bad("DetailsURL", fmt.Errorf("ddm: DetailsURL %s: want an absolute http or https URL: %w", errtext.Quote(p.DetailsURL), ErrInvalidURL))
		}
	}
	return errtext.Join(errs...)
}

// MarshalJSON returns the declaration as compact JSON in the canonical key order; the
// zero Enforcement is an error. These are the bytes the ServerToken covers;
// encoding/json, when it calls MarshalJSON, additionally escapes &, < and > in strings,
// which changes no value.
func (e Enforcement) MarshalJSON() ([]byte, error) {
	if e.json == "" {
		return nil, fmt.Errorf("ddm: zero Enforcement: %w", ErrInvalidDeclaration)
	}
	return []byte(e.json), nil
}

// AppendJSON appends the declaration's JSON to b, as MarshalJSON does.
func (e Enforcement) AppendJSON(b []byte) ([]byte, error) {
	if e.json == "" {
		return b, fmt.Errorf("ddm: zero Enforcement: %w", ErrInvalidDeclaration)
	}
	return append(b, e.json...), nil
}

// appendJSON appends the payload's canonical JSON; p must be valid.
func (p EnforcementPayload) appendJSON(b []byte) []byte {
	b = append(b, `{"TargetOSVersion":"`...)
	b, _ = p.TargetOSVersion.AppendText(b)
	b = append(b, '"')
	if p.TargetBuildVersion.IsValid() {
		b = append(b, `,"TargetBuildVersion":"`...)
		b, _ = p.TargetBuildVersion.AppendText(b)
		b = append(b, '"')
	}
	b = append(b, `,"TargetLocalDateTime":"`...)
	b = p.TargetLocalDateTime.appendTo(b)
	b = append(b, '"')
	if p.DetailsURL != "" {
		b = append(b, `,"DetailsURL":`...)
		b = appendJSONString(b, p.DetailsURL)
	}
	return append(b, '}')
}

// wireEnforcement is the JSON of an enforcement declaration, as its readers decode
// it: ParseEnforcement and ReadEnforcement with encoding/json, UnmarshalJSON
// strictly.
type wireEnforcement declarationKeys[enforcementPayloadKeys]

// enforcementPayloadKeys are the payload keys an Enforcement represents.
type enforcementPayloadKeys struct {
	TargetOSVersion     string `json:"TargetOSVersion"`
	TargetBuildVersion  string `json:"TargetBuildVersion"`
	TargetLocalDateTime string `json:"TargetLocalDateTime"`
	DetailsURL          string `json:"DetailsURL"`
}

// ParseEnforcement reads an enforcement declaration's JSON within the default
// [compat.Limits], checking its type and every field as [EnforcementPayload.Validate]
// does; it is ParseOptions{}.ParseEnforcement. The ServerToken is kept as given, so
// a declaration another server built reads back with its own token. JSON that is
// not UTF-8 is refused (compat.ErrMalformed) rather than read with its bytes
// replaced, so what is read is what was sent.
func ParseEnforcement(data []byte) (Enforcement, error) { return ParseOptions{}.ParseEnforcement(data) }

// ParseEnforcement is [ParseEnforcement] within o.Limits, checked before anything
// is decoded.
func (o ParseOptions) ParseEnforcement(data []byte) (Enforcement, error) {
	if err := o.Limits.CheckJSON(data); err != nil {
		return Enforcement{}, fmt.Errorf("ddm: enforcement declaration: %w: %w", err, ErrInvalidDeclaration)
	}
	var w wireEnforcement
	if err := json.Unmarshal(data, &w); err != nil {
		return Enforcement{}, fmt.Errorf("ddm: enforcement declaration: %s: %w", errtext.Error(err), ErrInvalidDeclaration)
	}
	return w.enforcement()
}

// enforcement checks the declaration w holds, as ParseEnforcement documents, and
// returns it.
func (w *wireEnforcement) enforcement() (Enforcement, error) {
	if w.Type != EnforcementType {
		return Enforcement{}, fmt.Errorf("ddm: Type %s: want %s: %w", errtext.Quote(w.Type), EnforcementType, ErrInvalidDeclaration)
	}
	var p EnforcementPayload
	var err error
	if p.TargetOSVersion, err = compat.ParseVersion(w.Payload.TargetOSVersion); err != nil {
		return Enforcement{}, fmt.Errorf("ddm: TargetOSVersion: %w", err)
	}
	if w.Payload.TargetBuildVersion != "" {
		if p.TargetBuildVersion, err = compat.ParseBuild(w.Payload.TargetBuildVersion); err != nil {
			return Enforcement{}, fmt.Errorf("ddm: TargetBuildVersion: %w", err)
		}
	}
	if p.TargetLocalDateTime, err = ParseLocalDateTime(w.Payload.TargetLocalDateTime); err != nil {
		return Enforcement{}, fmt.Errorf("ddm: TargetLocalDateTime: %w", err)
	}
	p.DetailsURL = w.Payload.DetailsURL
	if err := p.Validate(); err != nil {
		return Enforcement{}, err
	}
	if err := checkIdentifier(w.Identifier); err != nil {
		return Enforcement{}, err
	}
	if w.ServerToken == "" {
		return Enforcement{}, fmt.Errorf("ddm: ServerToken: missing: %w", ErrInvalidDeclaration)
	}
	var buf [256]byte
	return newEnforcement(w.Identifier, w.ServerToken, p, p.appendJSON(buf[:0])), nil
}

// serverToken derives a declaration's ServerToken from its canonical content: the
// type, a NUL, the identifier, a NUL and the canonical payload JSON.
func serverToken(content []byte) string {
	sum := sha256.Sum256(content)
	var text [32]byte
	hex.Encode(text[:], sum[:16])
	return string(text[:])
}

// checkIdentifier accepts letters, digits, '.', '-' and '_', as in reverse-DNS names
// and UUIDs.
func checkIdentifier(id string) error {
	if id == "" {
		return fmt.Errorf("ddm: Identifier: missing: %w", ErrInvalidIdentifier)
	}
	for _, c := range []byte(id) {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '-' || c == '_') {
			return fmt.Errorf("ddm: Identifier %s: only letters, digits, '.', '-' and '_': %w", errtext.Quote(id), ErrInvalidIdentifier)
		}
	}
	return nil
}
