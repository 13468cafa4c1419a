package compat

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"howett.net/plist"

	"github.com/managedos/managedos/internal/enum"
)

// ErrUnknownSeverity reports text that names no [Severity].
var ErrUnknownSeverity = errors.New("unknown severity")

// Severity is how badly a lint [Finding] fights managed OS updates. The zero value,
// SeverityNone, is not a finding's severity.
type Severity uint8

const (
	// SeverityNone is the zero Severity. Token "none".
	SeverityNone Severity = iota
	// Warning: the deployment works but gets in the way, such as automatic downloads
	// caching an update behind the server's back. Token "warning".
	Warning
	// Error: the deployment breaks enforcement, such as a blocked Software Update
	// pane. Token "error".
	Error
)

var severityTokens = enum.Tokens[Severity]{Type: "Severity", Names: []string{"none", "warning", "error"}, Err: ErrUnknownSeverity}

// String returns the token of s.
func (s Severity) String() string { return severityTokens.String(s) }

// MarshalText returns the token of s.
func (s Severity) MarshalText() ([]byte, error) { return severityTokens.Marshal(s) }

// UnmarshalText sets s from its token; unknown text wraps [ErrUnknownSeverity].
func (s *Severity) UnmarshalText(text []byte) error {
	v, err := severityTokens.Parse(string(text))
	if err != nil {
		return fmt.Errorf("compat: %w", err)
	}
	*s = v
	return nil
}

// Document is one file of a deployment: a configuration profile (.mobileconfig
// plist), a DDM declaration (JSON), or a planned MDM command (plist).
type Document struct {
	// Name identifies the document in findings, such as its file name.
	Name string
	Data []byte // the document's bytes
}

// Finding is one problem [Lint] found.
type Finding struct {
	Severity Severity `json:"severity"` // Error or Warning
	// Document is the Name of the document the finding is about.
	Document string `json:"document"`
	// PayloadType and PayloadIdentifier name the payload or declaration (its Type and
	// Identifier).
	PayloadType       string `json:"payload_type,omitempty"`
	PayloadIdentifier string `json:"payload_identifier,omitempty"` // see PayloadType
	// Key is the key at fault, such as "DisabledPreferencePanes".
	Key string `json:"key,omitempty"`
	// Message says what is wrong, and Fix what to change.
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

// Lint checks the documents a vendor is about to deploy to one Mac beside managed OS
// updates, and returns the findings in document order:
//
//   - Error: the Software Update pane blocked through com.apple.systempreferences
//     (DisabledPreferencePanes naming com.apple.preferences.softwareupdate, an
//     EnabledPreferencePanes allow-list without it, or DisabledSystemSettings naming
//     com.apple.Software-Update-Settings.extension). Managed OS is not compatible
//     with blocking it by any method.
//   - Error: a ScheduleOSUpdate command planned beside an enforcement declaration;
//     the Mac ignores the command while the declaration is active.
//   - Error: more than one software update enforcement declaration.
//   - Warning: com.apple.SoftwareUpdate without AutomaticDownload false (it defaults
//     to true), or a softwareupdate.settings declaration with AutomaticActions.Download
//     AlwaysOn: the Mac caches updates itself and may not report it.
//   - Error: a document or payload that cannot be read; nothing is dropped silently.
//
// Documents are recognised by content: JSON is a declaration, a plist with
// PayloadContent a profile, a plist with Command a command.
func Lint(docs ...Document) []Finding {
	var (
		out          []Finding
		enforcements []Finding // one per enforcement declaration, for the cross-document rules
		schedules    []Finding // one per planned ScheduleOSUpdate
	)
	for _, doc := range docs {
		trimmed := bytes.TrimSpace(doc.Data)
		if len(trimmed) > 0 && trimmed[0] == '{' {
			fs, enforcement := lintDeclaration(doc)
			out = append(out, fs...)
			if enforcement != nil {
				enforcements = append(enforcements, *enforcement)
			}
			continue
		}
		fs, schedule := lintPlist(doc)
		out = append(out, fs...)
		if schedule != nil {
			schedules = append(schedules, *schedule)
		}
	}
	if len(enforcements) > 1 {
		for _, e := range enforcements[1:] {
			e.Severity, e.Key = Error, "Type"
			e.Message = fmt.Sprintf("a second software update enforcement declaration (the first is %s in %s); the Mac cannot enforce two targets", enforcements[0].PayloadIdentifier, enforcements[0].Document)
			e.Fix = "deploy one enforcement declaration per Mac, for the version it must reach"
			out = append(out, e)
		}
	}
	if len(enforcements) > 0 {
		for _, s := range schedules {
			s.Severity, s.Key = Error, "RequestType"
			s.Message = fmt.Sprintf("ScheduleOSUpdate beside the enforcement declaration %s: the Mac ignores the command and answers an informational error", enforcements[0].PayloadIdentifier)
			s.Fix = "drop the command; the declaration drives the update"
			out = append(out, s)
		}
	}
	return out
}

// unreadable is the finding for a document or payload that cannot be read.
func unreadable(doc, payloadType, identifier, key, why string) Finding {
	return Finding{
		Severity: Error, Document: doc, PayloadType: payloadType, PayloadIdentifier: identifier, Key: key,
		Message: "cannot be read: " + why,
		Fix:     "fix the document; an unreadable payload cannot be checked and may not deploy",
	}
}

// lintDeclaration checks one DDM declaration; it returns a finding stub when the
// declaration is a software update enforcement.
func lintDeclaration(doc Document) ([]Finding, *Finding) {
	var d struct {
		Type       string          `json:"Type"`
		Identifier string          `json:"Identifier"`
		Payload    json.RawMessage `json:"Payload"`
	}
	if err := json.Unmarshal(doc.Data, &d); err != nil {
		return []Finding{unreadable(doc.Name, "", "", "", "not a JSON declaration: "+err.Error())}, nil
	}
	if d.Type == "" {
		return []Finding{unreadable(doc.Name, "", d.Identifier, "Type", "a declaration without a Type")}, nil
	}
	here := Finding{Document: doc.Name, PayloadType: d.Type, PayloadIdentifier: d.Identifier}
	switch d.Type {
	case "com.apple.configuration.softwareupdate.enforcement.specific":
		return nil, &here
	case "com.apple.configuration.softwareupdate.settings":
		var p struct {
			AutomaticActions *struct {
				Download any `json:"Download"`
			} `json:"AutomaticActions"`
		}
		if err := json.Unmarshal(d.Payload, &p); err != nil {
			return []Finding{unreadable(doc.Name, d.Type, d.Identifier, "Payload", err.Error())}, nil
		}
		if p.AutomaticActions == nil || p.AutomaticActions.Download == nil {
			return nil, nil
		}
		switch v := p.AutomaticActions.Download.(type) {
		case string:
			if v == "AlwaysOn" {
				f := here
				f.Severity, f.Key = Warning, "AutomaticActions.Download"
				f.Message = "automatic downloads are forced on: the Mac caches updates itself and may not report the cached update"
				f.Fix = "set AutomaticActions.Download to AlwaysOff next to managed OS updates"
				return []Finding{f}, nil
			}
		default:
			return []Finding{unreadable(doc.Name, d.Type, d.Identifier, "AutomaticActions.Download", "want a string")}, nil
		}
	}
	return nil, nil
}

// lintPlist checks a profile or a planned command; it returns a finding stub when
// the command is a ScheduleOSUpdate.
func lintPlist(doc Document) ([]Finding, *Finding) {
	var top any
	format, err := plist.Unmarshal(doc.Data, &top)
	if err != nil || (format != plist.XMLFormat && format != plist.BinaryFormat) {
		why := "not an XML or binary property list"
		if bytes.HasPrefix(doc.Data, []byte{0x30, 0x80}) || bytes.HasPrefix(doc.Data, []byte{0x30, 0x82}) {
			why += " (a signed profile? lint the unsigned plist)"
		}
		return []Finding{unreadable(doc.Name, "", "", "", why)}, nil
	}
	m, ok := top.(map[string]any)
	if !ok {
		return []Finding{unreadable(doc.Name, "", "", "", "the top level is not a dictionary")}, nil
	}
	if cmd, ok := m["Command"].(map[string]any); ok {
		if cmd["RequestType"] == "ScheduleOSUpdate" {
			uuid, _ := m["CommandUUID"].(string)
			return nil, &Finding{Document: doc.Name, PayloadType: "ScheduleOSUpdate", PayloadIdentifier: uuid}
		}
		return nil, nil
	}
	content, present := m["PayloadContent"]
	payloads, ok := content.([]any)
	if !present || !ok {
		return []Finding{unreadable(doc.Name, str(m["PayloadType"]), str(m["PayloadIdentifier"]), "PayloadContent", "want an array of payloads")}, nil
	}
	var out []Finding
	for i, x := range payloads {
		p, ok := x.(map[string]any)
		if !ok {
			out = append(out, unreadable(doc.Name, "", "", fmt.Sprintf("PayloadContent[%d]", i), "not a dictionary"))
			continue
		}
		out = append(out, lintPayload(doc.Name, i, p)...)
	}
	return out, nil
}

// str returns x if it is a string, else "".
func str(x any) string {
	s, _ := x.(string)
	return s
}
