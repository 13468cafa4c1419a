package mdmcmd

import (
	"bytes"
	"encoding/json"
	"fmt"

	"howett.net/plist"

	"github.com/managedos/managedos/compat"
	"github.com/managedos/managedos/internal/errtext"
)

// ParseSoftwareUpdateRequired reads a software-update-required 403 body with the
// default limits; see [ParseOptions.ParseSoftwareUpdateRequired].
func ParseSoftwareUpdateRequired(data []byte) (SoftwareUpdateRequired, error) {
	return ParseOptions{}.ParseSoftwareUpdateRequired(data)
}

// ParseSoftwareUpdateRequired reads a software-update-required 403 body, JSON (when
// its first non-blank byte is '{' or '[') or an XML or binary property list: to check what
// a server answers, or to read back what [SoftwareUpdateRequired.Encode] produced,
// which comes back unchanged. Input over o.Limits fails with an error wrapping
// [compat.ErrTooLarge] before it is decoded.
//
// Structure is checked, with errors wrapping [ErrInvalidAnswer] that name the key:
// code must be com.apple.softwareupdate.required; details, details.OSVersion (a
// macOS version) and, in a RequireBetaProgram, Description and Token are required;
// BuildVersion must be a macOS build; every key holds a string or a dictionary as
// Apple's schema says. Unknown keys are ignored. Apple's rules that a server could
// still break, such as a build of another release, are left to
// [SoftwareUpdateRequired.Validate].
func (o ParseOptions) ParseSoftwareUpdateRequired(data []byte) (SoftwareUpdateRequired, error) {
	top, err := o.decodeRequired(data)
	if err != nil {
		return SoftwareUpdateRequired{}, err
	}
	m, ok := top.(map[string]any)
	if !ok {
		return SoftwareUpdateRequired{}, fmt.Errorf("mdmcmd: software update required: want a dictionary, got %s: %w", plistType(top), ErrInvalidAnswer)
	}
	var errs errtext.Problems
	r := readRequired(dict{m: m, errs: &errs})
	if errs.Len() > 0 {
		return SoftwareUpdateRequired{}, fmt.Errorf("mdmcmd: software update required: %w", errs.Err())
	}
	return r, nil
}

// decodeRequired decodes a JSON or plist body into plain values, after checking it
// against the limits of its format.
func (o ParseOptions) decodeRequired(data []byte) (any, error) {
	var top any
	if trimmed := bytes.TrimLeft(data, " \t\r\n"); len(trimmed) > 0 && (trimmed[0] == '{' || trimmed[0] == '[') {
		if err := o.Limits.CheckJSON(data); err != nil {
			return nil, fmt.Errorf("mdmcmd: software update required: not JSON within the limits: %w: %w", err, ErrInvalidAnswer)
		}
		if err := json.Unmarshal(data, &top); err != nil {
			return nil, fmt.Errorf("mdmcmd: software update required: not JSON: %w", ErrInvalidAnswer)
		}
		return top, nil
	}
	if err := o.Limits.CheckPlist(data); err != nil {
		return nil, fmt.Errorf("mdmcmd: software update required: neither JSON nor an XML or binary property list within the limits: %w: %w", err, ErrInvalidAnswer)
	}
	format, err := plist.Unmarshal(data, &top)
	if err != nil || (format != plist.XMLFormat && format != plist.BinaryFormat) {
		return nil, fmt.Errorf("mdmcmd: software update required: neither JSON nor an XML or binary property list: %w", ErrInvalidAnswer)
	}
	return top, nil
}

// readRequired reads the body's keys, recording each problem in d.
func readRequired(d dict) SoftwareUpdateRequired {
	if code, sent := d.text("code", true); sent && code != SoftwareUpdateRequiredCode {
		d.fail("code", "%s: want %s", errtext.Quote(code), SoftwareUpdateRequiredCode)
	}
	r := SoftwareUpdateRequired{
		Message:     d.str("message", false),
		Description: d.str("description", false),
	}
	details, ok := d.sub("details", true)
	if !ok {
		return r
	}
	if s, sent := details.text("OSVersion", true); sent {
		v, err := compat.ParseVersion(s)
		if err != nil {
			details.fail("OSVersion", "%s is not a macOS version", errtext.Quote(s))
		}
		r.OSVersion = v
	}
	r.BuildVersion, _ = details.build("BuildVersion", false)
	if beta, ok := details.sub("RequireBetaProgram", false); ok {
		r.RequireBetaProgram = BetaProgram{
			Description: beta.str("Description", true),
			Token:       beta.str("Token", true),
		}
	}
	return r
}
