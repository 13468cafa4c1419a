package lint

import (
	"github.com/managedos/managedos/compat"
	"github.com/managedos/managedos/mdmcmd"
)

// command checks a planned MDM command with package mdmcmd's rules, within the
// lint's limits; top is the decoded plist, for naming the command when mdmcmd
// cannot read it.
func (r *reader) command(top map[string]any) {
	cmd, _ := top["Command"].(map[string]any)
	where := at{doc: r.doc.Name, typ: str(cmd["RequestType"]), id: str(top["CommandUUID"])}
	c, err := mdmcmd.ParseOptions{Limits: r.opts.Limits}.ParseCommand(r.doc.Data)
	if err != nil {
		r.invalid(where, err)
		return
	}
	// The Mac's version is not known here: the rules that need it are applied as
	// the builder applies them to a Mac of unknown version.
	r.invalid(where, c.Validate(compat.Version{}))
	if c.RequestType == "ScheduleOSUpdate" {
		r.schedule = &where
	}
}
