package lint

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/managedos/managedos/internal/errtext"
	"github.com/managedos/managedos/internal/jsonstrict"
)

// Document is one file of a deployment: a configuration profile (.mobileconfig,
// an unsigned XML or binary plist), a DDM declaration (JSON), or a planned MDM
// command (plist).
type Document struct {
	// Name identifies the document in findings, such as its file name.
	Name string
	// Data is the document's bytes.
	Data []byte
}

// Finding is one problem [Check] found. Findings compare with == and round-trip
// through encoding/json with the snake_case names below; decoding JSON with an
// unknown field, or a severity or rule token that does not exist, is an error.
type Finding struct {
	// Severity is Error or Warning.
	Severity Severity `json:"severity"`
	// Rule is the check that found it.
	Rule Rule `json:"rule"`
	// Document is the Name of the document the finding is about.
	Document string `json:"document"`
	// PayloadType and PayloadIdentifier name the payload in the document: a
	// profile payload's PayloadType and PayloadIdentifier, a declaration's Type and
	// Identifier, a command's RequestType and CommandUUID. Empty when the document
	// could not be read that far. Values longer than 128 bytes, or holding control
	// characters or invalid UTF-8, are quoted and cut (see errtext.Quote).
	PayloadType       string `json:"payload_type,omitempty"`
	PayloadIdentifier string `json:"payload_identifier,omitempty"` // see PayloadType
	// Key is the key at fault, as a path inside the payload, such as
	// "DisabledPreferencePanes", "TargetLocalDateTime" or
	// "Command.Updates[0].InstallAction"; empty for the document as a whole.
	Key string `json:"key,omitempty"`
	// Message says what is wrong and Fix what to change; both are bounded in
	// length whatever the document holds.
	Message string `json:"message"`
	Fix     string `json:"fix"` // see Message
}

// String formats f on one line: severity, document, payload, key, message and fix.
func (f Finding) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %s", f.Severity, f.Document)
	if f.PayloadType != "" {
		fmt.Fprintf(&b, ": %s", f.PayloadType)
		if f.PayloadIdentifier != "" {
			fmt.Fprintf(&b, " (%s)", f.PayloadIdentifier)
		}
	}
	if f.Key != "" {
		fmt.Fprintf(&b, ": %s", f.Key)
	}
	fmt.Fprintf(&b, ": %s; %s", f.Message, f.Fix)
	return b.String()
}

// UnmarshalJSON decodes f as encoding/json encodes it: each key must be one of the
// names above, exactly, and every error names its key.
func (f *Finding) UnmarshalJSON(data []byte) error {
	type plain Finding // without the method, so jsonstrict does not call it again
	var p plain
	if err := jsonstrict.Unmarshal(data, &p); err != nil {
		return fmt.Errorf("lint: finding: %w", err)
	}
	*f = Finding(p)
	return nil
}

// maxMessage is the most bytes of a finding's message or fix. It is a last guard:
// the packages the lint quotes bound their own messages at the source (each has a
// test feeding 100 KB values to its entry points), and the lint's own test checks
// that no finding reaches this cut.
const maxMessage = 512

// bounded returns s cut to maxMessage bytes, at a rune boundary, with "…".
func bounded(s string) string {
	if len(s) <= maxMessage {
		return s
	}
	cut := maxMessage
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}

// maxName is the longest payload type, identifier or key a finding holds as it is.
const maxName = 128

// name returns a payload type, identifier or key read from a document as it is
// when it is valid text of at most maxName bytes, and quoted and cut with
// errtext.Quote otherwise.
func name(s string) string {
	if len(s) <= maxName && utf8.ValidString(s) && !strings.ContainsFunc(s, isControl) {
		return s
	}
	return errtext.Quote(s)
}

func isControl(r rune) bool { return r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) }
