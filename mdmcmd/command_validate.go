package mdmcmd

import (
	"slices"

	"github.com/managedos/managedos/compat"
	"github.com/managedos/managedos/internal/errtext"
)

// KeyError is one problem with one key of a command or an answer: [ParseCommand] and
// the answer parsers report each missing or mistyped key as a *KeyError, and the
// command builders ([NewScheduleOSUpdate] and the others), [CommandContent.Validate],
// [SoftwareUpdateRequired.Validate] and [NewSoftwareUpdateRequired] each key that
// breaks a builder's rule. Match it with [errors.As]; several problems come joined,
// one *KeyError each. Its Key is the key's path from the top of the document, such as
// "CommandUUID", "Command.RequestType", "Command.Updates[0].InstallAction" or
// "details.OSVersion"; its Err wraps [ErrInvalidCommand], [ErrInvalidAnswer] or
// [ErrRemoved] and names the key. It is the same type as ddm.KeyError.
type KeyError = errtext.KeyError

// Validate checks c, as [ParseCommand] read it, with the rules the builder of its
// request type applies, for a Mac on deviceOS (the zero Version when unknown, which
// the builders treat as they do when building: no OS gating, and no NotifyOnly or
// InstallLater for a major upgrade). It returns nil when some call of the builder
// could have produced c, or the builder's own error: every problem as a
// *[KeyError], joined (at most [errtext.MaxErrors] of them, then a count). A
// request type this package does not build is not checked.
//
// A command does not carry its updates' [Update.Kind]. Where neither the update nor
// deviceOS tells the kind, the builder refuses the rules that depend on it
// (MaxUserDeferrals, Priority); Validate, reading rather than building, accepts
// the update when the builder accepts it for some kind.
func (c CommandContent) Validate(deviceOS compat.Version) error {
	var err error
	switch c.RequestType {
	case requestScheduleOSUpdate:
		updates := slices.Clone(c.Updates)
		for i, u := range updates {
			updates[i] = u.withOpenKind(deviceOS)
		}
		_, err = NewScheduleOSUpdate(c.UUID, deviceOS, updates...)
	case requestScheduleOSUpdateScan, requestOSUpdateStatus, requestAvailableOSUpdates, requestDeviceInformation:
		_, err = newCommand(c.UUID, c.RequestType, deviceOS, wireRequest{RequestType: c.RequestType})
	}
	return err
}

// withOpenKind returns u with its Kind set to one the builder accepts u as, when
// neither u nor deviceOS tells the kind and one does; otherwise u as it is.
func (u Update) withOpenKind(deviceOS compat.Version) Update {
	if k, _, err := u.kind(deviceOS); err != nil || k != compat.NoUpdate {
		return u
	}
	for _, k := range []compat.Kind{compat.Minor, compat.Major, compat.RSR} {
		v := u
		v.Kind = k
		if len(v.validate(0, deviceOS)) == 0 {
			return v
		}
	}
	return u
}
