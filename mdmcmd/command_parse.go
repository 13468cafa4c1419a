package mdmcmd

import (
	"fmt"

	"github.com/managedos/managedos/compat"
	"github.com/managedos/managedos/internal/errtext"
)

// CommandContent is what a command plist holds, as [ParseCommand] reads it: for
// checking a queued command, or reading back what a builder produced.
type CommandContent struct {
	UUID        string // the CommandUUID
	RequestType string // the Command.RequestType
	// Updates are a ScheduleOSUpdate's updates; their Kind is NoUpdate, since the
	// kind is not sent.
	Updates []Update
	// Force is a ScheduleOSUpdateScan's Force.
	Force bool
	// Queries are a DeviceInformation's Queries.
	Queries []string
}

// ParseCommand reads a command plist (XML or binary) of any request type this
// package builds, within the default [compat.Limits]; it is
// ParseOptions{}.ParseCommand. Missing or mistyped keys wrap [ErrInvalidAnswer] with
// the key's path, as for device answers; input over a limit or not a plist also
// wraps compat.ErrTooLarge or compat.ErrMalformed.
func ParseCommand(data []byte) (CommandContent, error) { return ParseOptions{}.ParseCommand(data) }

// ParseCommand is [ParseCommand] within o.Limits, checked before anything is
// decoded.
func (o ParseOptions) ParseCommand(data []byte) (CommandContent, error) {
	top, err := o.decode(data, "command")
	if err != nil {
		return CommandContent{}, err
	}
	m, ok := top.(map[string]any)
	if !ok {
		return CommandContent{}, fmt.Errorf("mdmcmd: command: want a dictionary, got %s: %w", plistType(top), ErrInvalidAnswer)
	}
	var errs errtext.Problems
	d := dict{m: m, errs: &errs}
	c := CommandContent{UUID: d.str("CommandUUID", true)}
	if cmd, ok := d.sub("Command", true); ok {
		c.RequestType = cmd.str("RequestType", true)
		c.Force, _ = cmd.boolean("Force", false)
		if qs, ok := cmd.array("Queries", false); ok {
			for i, q := range qs {
				s, ok := q.(string)
				if !ok {
					cmd.fail(fmt.Sprintf("Queries[%d]", i), "want a string, got %s", plistType(q))
				}
				c.Queries = append(c.Queries, s)
			}
		}
		updates, _ := cmd.dicts("Updates", c.RequestType == requestScheduleOSUpdate)
		for _, u := range updates {
			c.Updates = append(c.Updates, readUpdate(u))
		}
	}
	if err := errs.Err(); err != nil {
		return CommandContent{}, fmt.Errorf("mdmcmd: command: %w", err)
	}
	return c, nil
}

func readUpdate(d dict) Update {
	u := Update{
		ProductKey:    d.str("ProductKey", false),
		InstallAction: InstallAction(d.str("InstallAction", true)),
		Priority:      Priority(d.str("Priority", false)),
	}
	if n, ok := d.integer("MaxUserDeferrals", false); ok {
		u.MaxUserDeferrals = int(n)
	}
	if s := d.str("ProductVersion", false); s != "" {
		v, err := compat.ParseVersion(s)
		if err != nil {
			d.fail("ProductVersion", "%v", err)
		}
		u.ProductVersion = v
	}
	return u
}
