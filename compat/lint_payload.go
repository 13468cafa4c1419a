package compat

import (
	"fmt"
	"slices"
)

// Identifiers of the Software Update pane and settings extension.
const (
	softwareUpdatePane      = "com.apple.preferences.softwareupdate"
	softwareUpdateExtension = "com.apple.Software-Update-Settings.extension"
)

// lintPayload checks one payload of a profile's PayloadContent.
func lintPayload(doc string, index int, p map[string]any) []Finding {
	typ, id := str(p["PayloadType"]), str(p["PayloadIdentifier"])
	if typ == "" {
		return []Finding{unreadable(doc, "", id, fmt.Sprintf("PayloadContent[%d].PayloadType", index), "a payload without a PayloadType")}
	}
	here := Finding{Document: doc, PayloadType: typ, PayloadIdentifier: id}
	var out []Finding
	add := func(sev Severity, key, message, fix string) {
		f := here
		f.Severity, f.Key, f.Message, f.Fix = sev, key, message, fix
		out = append(out, f)
	}
	// list reads an array of strings, adding a finding when it is something else.
	list := func(key string) ([]string, bool) {
		x, ok := p[key]
		if !ok {
			return nil, false
		}
		arr, ok := x.([]any)
		if !ok {
			out = append(out, unreadable(doc, typ, id, key, "want an array of strings"))
			return nil, false
		}
		var ss []string
		for i, e := range arr {
			s, ok := e.(string)
			if !ok {
				out = append(out, unreadable(doc, typ, id, fmt.Sprintf("%s[%d]", key, i), "want a string"))
				continue
			}
			ss = append(ss, s)
		}
		return ss, true
	}
	switch typ {
	case "com.apple.systempreferences":
		blocked := "managed OS updates are not compatible with blocking the Software Update pane by any method"
		if panes, ok := list("DisabledPreferencePanes"); ok && slices.Contains(panes, softwareUpdatePane) {
			add(Error, "DisabledPreferencePanes", blocked+": it lists "+softwareUpdatePane, "remove "+softwareUpdatePane+" from DisabledPreferencePanes")
		}
		if panes, ok := list("EnabledPreferencePanes"); ok && !slices.Contains(panes, softwareUpdatePane) {
			add(Error, "EnabledPreferencePanes", blocked+": the allow-list leaves "+softwareUpdatePane+" out", "add "+softwareUpdatePane+" to EnabledPreferencePanes")
		}
		if exts, ok := list("DisabledSystemSettings"); ok && slices.Contains(exts, softwareUpdateExtension) {
			add(Error, "DisabledSystemSettings", blocked+": it lists "+softwareUpdateExtension, "remove "+softwareUpdateExtension+" from DisabledSystemSettings")
		}
	case "com.apple.SoftwareUpdate":
		switch v, ok := p["AutomaticDownload"]; {
		case !ok:
			add(Warning, "AutomaticDownload", "absent, so automatic downloads stay on (the default is true): the Mac caches updates itself and may not report the cached update", "set AutomaticDownload to false next to managed OS updates")
		case v == true:
			add(Warning, "AutomaticDownload", "automatic downloads are on: the Mac caches updates itself and may not report the cached update", "set AutomaticDownload to false next to managed OS updates")
		case v != false:
			out = append(out, unreadable(doc, typ, id, "AutomaticDownload", "want a boolean"))
		}
	}
	return out
}
