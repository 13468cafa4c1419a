package mdmcmd

import (
	"fmt"

	"github.com/managedos/managedos/compat"
	"github.com/managedos/managedos/internal/errtext"
	"github.com/managedos/managedos/internal/jsonstrict"
	"github.com/managedos/managedos/internal/jsontext"
)

// wireCommandJSON is the JSON form of a Command, the same keys the command-line
// tool prints.
type wireCommandJSON struct {
	CommandUUID string `json:"command_uuid"`
	RequestType string `json:"request_type"`
	Plist       string `json:"plist"`
}

// MarshalJSON encodes c as {"command_uuid","request_type","plist"}, the plist being
// the XML [Command.Plist] returns; the zero Command is an error wrapping
// [ErrInvalidCommand], never "{}".
func (c Command) MarshalJSON() ([]byte, error) {
	p, err := c.Plist()
	if err != nil {
		return nil, err
	}
	// The plist stays readable; json.Marshal, calling this, still escapes it.
	b, err := jsontext.Marshal(wireCommandJSON{CommandUUID: c.uuid, RequestType: c.requestType, Plist: string(p)})
	if err != nil {
		return nil, fmt.Errorf("mdmcmd: Command: %w", err)
	}
	return b, nil
}

// UnmarshalJSON reads a Command stored with MarshalJSON. The plist must be a command
// this package writes, for the CommandUUID and RequestType beside it: it is read
// back and written again, and anything that does not come out byte for byte the
// same (a key this package does not write, another request type, a hand-edited
// value) is refused, so [Command.Plist] returns exactly what was stored. Apple's
// rules are not checked again: they held when the command was built. Data over the
// default [compat.Limits] is refused before anything is decoded. Every error wraps
// [ErrInvalidCommand] and names the key.
func (c *Command) UnmarshalJSON(data []byte) error {
	if err := (compat.Limits{}).CheckJSON(data); err != nil {
		return fmt.Errorf("mdmcmd: Command: %w: %w", err, ErrInvalidCommand)
	}
	var w wireCommandJSON
	if err := jsonstrict.Unmarshal(data, &w); err != nil {
		return fmt.Errorf("mdmcmd: Command: %w: %w", err, ErrInvalidCommand)
	}
	content, err := ParseCommand([]byte(w.Plist))
	if err != nil {
		return fmt.Errorf("mdmcmd: Command: plist: %w: %w", err, ErrInvalidCommand)
	}
	switch {
	case content.UUID != w.CommandUUID:
		return fmt.Errorf("mdmcmd: Command: command_uuid %s: the plist's CommandUUID is %s: %w", errtext.Quote(w.CommandUUID), errtext.Quote(content.UUID), ErrInvalidCommand)
	case content.RequestType != w.RequestType:
		return fmt.Errorf("mdmcmd: Command: request_type %s: the plist's RequestType is %s: %w", errtext.Quote(w.RequestType), errtext.Quote(content.RequestType), ErrInvalidCommand)
	}
	back, ok := content.command()
	if !ok {
		return fmt.Errorf("mdmcmd: Command: request_type %s: not a command this package builds: %w", errtext.Quote(w.RequestType), ErrInvalidCommand)
	}
	if again, err := back.Plist(); err != nil || string(again) != w.Plist {
		return fmt.Errorf("mdmcmd: Command: plist: not the XML this package writes for its content: %w", ErrInvalidCommand)
	}
	*c = back
	return nil
}

// command rebuilds the Command that holds c, without checking Apple's rules again;
// ok is false for a request type this package does not build.
func (c CommandContent) command() (cmd Command, ok bool) {
	cmd = Command{uuid: c.UUID, requestType: c.RequestType}
	switch c.RequestType {
	case requestScheduleOSUpdate:
		w := wireSchedule{RequestType: c.RequestType, Updates: make([]wireUpdate, len(c.Updates))}
		for i, u := range c.Updates {
			w.Updates[i] = u.wire()
		}
		cmd.envelope = wireCommand[wireSchedule]{CommandUUID: c.UUID, Command: w}
	case requestScheduleOSUpdateScan:
		cmd.envelope = wireCommand[wireScan]{CommandUUID: c.UUID, Command: wireScan{RequestType: c.RequestType, Force: c.Force}}
	case requestOSUpdateStatus, requestAvailableOSUpdates:
		cmd.envelope = wireCommand[wireRequest]{CommandUUID: c.UUID, Command: wireRequest{RequestType: c.RequestType}}
	case requestDeviceInformation:
		cmd.envelope = wireCommand[wireDeviceInformation]{CommandUUID: c.UUID, Command: wireDeviceInformation{RequestType: c.RequestType, Queries: c.Queries}}
	default:
		return Command{}, false
	}
	return cmd, true
}
