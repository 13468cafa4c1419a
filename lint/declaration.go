package lint

import (
	"encoding/json"
	"errors"

	"github.com/managedos/managedos/ddm"
)

// declaration checks a DDM declaration (JSON) with package ddm's rules.
func (r *reader) declaration() {
	whole := at{doc: r.doc.Name}
	if err := r.opts.Limits.CheckJSON(r.doc.Data); err != nil {
		r.refused(err)
		return
	}
	var head struct {
		Type       string `json:"Type"`
		Identifier string `json:"Identifier"`
	}
	if err := json.Unmarshal(r.doc.Data, &head); err != nil {
		var mistyped *json.UnmarshalTypeError
		switch {
		case !errors.As(err, &mistyped):
			r.unreadable(whole, "", "not a JSON declaration: "+err.Error())
		case mistyped.Field != "":
			r.unreadable(whole, mistyped.Field, "want a string")
		default: // encoding/json's message would name our Go type
			r.unreadable(whole, "", "a declaration is a JSON object, not a JSON "+mistyped.Value)
		}
		return
	}
	if head.Type == "" {
		r.unreadable(at{doc: r.doc.Name, id: head.Identifier}, "Type", "a declaration without a Type")
		return
	}
	where := at{doc: r.doc.Name, typ: head.Type, id: head.Identifier}
	read := ddm.ParseOptions{Limits: r.opts.Limits}
	switch head.Type {
	case ddm.EnforcementType:
		c, err := read.ReadEnforcement(r.doc.Data)
		r.invalid(where, err)
		if err := c.Payload.BuildMismatch(); err != nil {
			r.add(where.finding(Warning, BuildMismatch, "TargetBuildVersion",
				err.Error()+"; Apple's schema says the Mac then follows TargetOSVersion",
				"set TargetBuildVersion to a build of TargetOSVersion, or leave it out"))
		}
		r.enforcement = &enforcement{where: where, payload: c.Payload}
	case ddm.SettingsType:
		c, err := read.ReadSettings(r.doc.Data)
		r.invalid(where, err)
		if a := c.Payload.AutomaticActions; a != nil && a.Download == ddm.AlwaysOn {
			r.add(where.finding(Warning, AutomaticDownload, "AutomaticActions.Download",
				"AutomaticActions.Download is AlwaysOn: the Mac downloads updates on its own and may not report an update it cached, so a managed update looks stalled",
				"set AutomaticActions.Download to AlwaysOff beside managed OS updates"))
		}
	}
}
