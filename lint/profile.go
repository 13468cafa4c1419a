package lint

import (
	"bytes"
	"fmt"
	"slices"

	"howett.net/plist"
)

// Identifiers of the System Settings items the rules look for.
const (
	softwareUpdatePane      = "com.apple.preferences.softwareupdate"
	softwareUpdateExtension = "com.apple.Software-Update-Settings.extension"
	// securityImprovementsExtension is the System Settings extension of Background
	// Security Improvements (rapid security responses before macOS 26.1).
	securityImprovementsExtension = "com.apple.SecurityImprovements-Settings.extension"
)

// plist checks a configuration profile or a planned command.
func (r *reader) plist() {
	whole := at{doc: r.doc.Name}
	if err := r.opts.Limits.CheckPlist(r.doc.Data); err != nil {
		r.refused(err)
		return
	}
	var top any
	format, err := plist.Unmarshal(r.doc.Data, &top)
	if err != nil || (format != plist.XMLFormat && format != plist.BinaryFormat) {
		why := "not JSON, nor an XML or binary property list"
		if bytes.HasPrefix(r.doc.Data, []byte{0x30, 0x80}) || bytes.HasPrefix(r.doc.Data, []byte{0x30, 0x82}) {
			why += " (a signed profile? lint the unsigned plist)"
		}
		r.unreadable(whole, "", why)
		return
	}
	m, ok := top.(map[string]any)
	if !ok {
		r.unreadable(whole, "", "the top level is not a dictionary")
		return
	}
	if _, ok := m["Command"]; ok {
		r.command(m)
		return
	}
	profile := at{doc: r.doc.Name, typ: str(m["PayloadType"]), id: str(m["PayloadIdentifier"])}
	content, present := m["PayloadContent"]
	if !present {
		r.unreadable(profile, "", "neither a configuration profile (no PayloadContent) nor an MDM command (no Command)")
		return
	}
	payloads, ok := content.([]any)
	if !ok {
		r.unreadable(profile, "PayloadContent", "want an array of payloads")
		return
	}
	for i, x := range payloads {
		p, ok := x.(map[string]any)
		if !ok {
			r.unreadable(whole, fmt.Sprintf("PayloadContent[%d]", i), "not a dictionary")
			continue
		}
		r.payload(i, p)
	}
}

// payload checks one payload of a profile's PayloadContent.
func (r *reader) payload(index int, p map[string]any) {
	typ, id := str(p["PayloadType"]), str(p["PayloadIdentifier"])
	if typ == "" {
		r.unreadable(at{doc: r.doc.Name, id: id}, fmt.Sprintf("PayloadContent[%d].PayloadType", index), "a payload without a PayloadType")
		return
	}
	where := at{doc: r.doc.Name, typ: typ, id: id}
	switch typ {
	case "com.apple.systempreferences":
		r.systemPreferences(where, p)
	case "com.apple.SoftwareUpdate":
		r.softwareUpdate(where, p)
	}
}

// systemPreferences checks a com.apple.systempreferences payload.
func (r *reader) systemPreferences(where at, p map[string]any) {
	const blocked = "managed OS updates are not compatible with blocking the Software Update pane by any method"
	if panes, ok := r.strings(where, p, "DisabledPreferencePanes"); ok && slices.Contains(panes, softwareUpdatePane) {
		r.add(where.finding(Error, SoftwareUpdateBlocked, "DisabledPreferencePanes",
			blocked+": it lists "+softwareUpdatePane, "remove "+softwareUpdatePane+" from DisabledPreferencePanes"))
	}
	if panes, ok := r.strings(where, p, "EnabledPreferencePanes"); ok && !slices.Contains(panes, softwareUpdatePane) {
		r.add(where.finding(Error, SoftwareUpdateBlocked, "EnabledPreferencePanes",
			blocked+": the list of enabled panes leaves "+softwareUpdatePane+" out", "add "+softwareUpdatePane+" to EnabledPreferencePanes"))
	}
	if exts, ok := r.strings(where, p, "DisabledSystemSettings"); ok {
		if slices.Contains(exts, softwareUpdateExtension) {
			r.add(where.finding(Error, SoftwareUpdateBlocked, "DisabledSystemSettings",
				blocked+": it lists "+softwareUpdateExtension, "remove "+softwareUpdateExtension+" from DisabledSystemSettings"))
		}
		if slices.Contains(exts, securityImprovementsExtension) {
			r.add(where.finding(Warning, SecurityImprovementsHidden, "DisabledSystemSettings",
				"it lists "+securityImprovementsExtension+", which hides Background Security Improvements (macOS 26.1 and later) in System Settings: the user cannot see the security improvements managed updates install",
				"remove "+securityImprovementsExtension+" from DisabledSystemSettings; to limit what the user may do with them, use the softwareupdate.settings declaration's RapidSecurityResponse keys (macOS 15 and later)"))
		}
	}
}

// softwareUpdate checks a com.apple.SoftwareUpdate payload: the profile itself is
// deprecated, whatever it holds, and its AutomaticDownload may leave downloads on.
// The two are separate findings, each saying one thing: the deprecation once, in
// the DeprecatedProfile finding, and in the AutomaticDownload finding only what
// turns downloads off.
func (r *reader) softwareUpdate(where at, p map[string]any) {
	const (
		cached = "the Mac downloads updates on its own and may not report an update it cached, so a managed update looks stalled"
		fix    = "set AutomaticDownload to false; on macOS 15 and later, set AutomaticActions.Download to AlwaysOff in the softwareupdate.settings declaration that replaces this profile"
	)
	r.add(where.finding(Warning, DeprecatedProfile, "PayloadType",
		"the com.apple.SoftwareUpdate profile is deprecated in macOS 26.0 and removed in macOS 27.0 (Apple's schema): Macs on macOS 27 and later no longer support it",
		"on macOS 15 and later, use a com.apple.configuration.softwareupdate.settings declaration instead; keep this profile only for Macs before macOS 15"))
	switch v, ok := p["AutomaticDownload"]; {
	case !ok:
		r.add(where.finding(Warning, AutomaticDownload, "AutomaticDownload", "AutomaticDownload is absent and defaults to true: "+cached, fix))
	case v == true:
		r.add(where.finding(Warning, AutomaticDownload, "AutomaticDownload", "AutomaticDownload is true: "+cached, fix))
	case v != false:
		r.unreadable(where, "AutomaticDownload", "want a boolean")
	}
}

// strings reads the array of strings at key, adding a finding when it is
// something else; ok reports whether the key holds an array.
func (r *reader) strings(where at, p map[string]any, key string) (ss []string, ok bool) {
	x, present := p[key]
	if !present {
		return nil, false
	}
	arr, ok := x.([]any)
	if !ok {
		r.unreadable(where, key, "want an array of strings")
		return nil, false
	}
	for i, e := range arr {
		s, ok := e.(string)
		if !ok {
			r.unreadable(where, fmt.Sprintf("%s[%d]", key, i), "want a string")
			continue
		}
		ss = append(ss, s)
	}
	return ss, true
}

// str returns x if it is a string, else "".
func str(x any) string {
	s, _ := x.(string)
	return s
}
