package rollout

import (
	"crypto/sha1"
	"encoding/hex"
	"time"

	"github.com/managedos/managedos/compat"
	"github.com/managedos/managedos/ddm"
	"github.com/managedos/managedos/mdmcmd"
	"github.com/managedos/managedos/mechanism"
)

// Step is one device's whole step of a rollout: what it must reach and how, its
// ring, its deadline and, when the plan asks for them, the payloads to send.
type Step struct {
	// ID is the device's inventory id.
	ID string `json:"id"`
	Decided
	// Ring is the ring the device is in; the zero Ring without rings.
	Ring Ring `json:"ring"`
	// Deadline is when the device must have installed the target; zero when it is
	// compliant or the plan sets no deadline.
	Deadline Deadline `json:"deadline,omitzero"`
	// Payload is what to send the device, when the plan asks for payloads.
	Payload Payload `json:"payload,omitzero"`
}

// PayloadOptions are the parts of the payloads a decision does not hold.
type PayloadOptions struct {
	// Command is the template of ScheduleOSUpdate commands. Its UUID is ignored:
	// each device's CommandUUID is [CommandUUID] of its id and target.
	Command mdmcmd.Options
	// Declaration is the template of enforcement declarations; its Build is
	// ignored (the target's build from the catalogue is used).
	Declaration ddm.Options
	// StartOSInstall are the options of startosinstall invocations.
	StartOSInstall mechanism.StartOSInstallOptions
}

// Payload is what a device needs sent for its step: one of the three, by the
// decision's delivery, or why it could not be built.
type Payload struct {
	// Command is the ScheduleOSUpdate command, for delivery by MDM commands.
	Command *mdmcmd.Command `json:"command,omitempty"`
	// Declarations are the enforcement declarations, in the order to send them,
	// for delivery by DDM.
	Declarations []ddm.Enforcement `json:"declarations,omitempty"`
	// StartOSInstall is the invocation for the vendor's agent, for Intel upgrades
	// by startosinstall.
	StartOSInstall *mechanism.Invocation `json:"startosinstall,omitempty"`
	// Err says why the payload could not be built, such as a rapid security
	// response over MDM commands, whose ProductKey only the Mac's
	// AvailableOSUpdates answer gives. The step itself stands.
	Err error `json:"-"`
}

// IsZero reports whether p holds no payload and no error.
func (p Payload) IsZero() bool {
	return p.Command == nil && p.Declarations == nil && p.StartOSInstall == nil && p.Err == nil
}

// Step applies p to one device at now: [Plan.Decide] for its Mac, then
// [Plan.Schedule]. Errors are the device's refusal (see Decide) or its ring
// ([ErrUnknownRing], [ErrNoDeviceID]) or deadline ([ErrInvalidDeadline]).
func (p *Plan) Step(dev Device, now time.Time) (Step, error) {
	d, err := p.Decide(dev.Mac, now)
	if err != nil {
		return Step{ID: dev.ID}, err
	}
	return p.Schedule(dev, d, now)
}

// Schedule completes a device's step from what [Plan.Decide] decided for its Mac:
// its ring, its deadline and its payloads. Without a posting date for the target
// (no catalogue, or a version it does not list), the deadline counts its days from
// now's date in UTC.
func (p *Plan) Schedule(dev Device, d Decided, now time.Time) (Step, error) {
	s := Step{ID: dev.ID, Decided: d}
	var err error
	if s.Ring, err = p.Rings.Assign(dev.ID, dev.Ring); err != nil {
		return s, err
	}
	if d.Decision.Kind == compat.NoUpdate || p.Deadline == (DeadlinePolicy{}) {
		return s, nil
	}
	posted := now.UTC()
	if d.Target.Posted.IsValid() {
		posted = d.Target.Posted.In(time.UTC)
	}
	if s.Deadline, err = p.Deadline.Deadline(posted, s.Ring, now); err != nil {
		return s, err
	}
	if p.Payloads != nil {
		s.Payload = p.payload(dev.ID, d, s.Deadline)
	}
	return s, nil
}

// payload builds what the decision's delivery needs.
func (p *Plan) payload(id string, d Decided, deadline Deadline) Payload {
	var pl Payload
	switch d.Decision.Delivery {
	case mechanism.MDMCommands:
		opts := p.Payloads.Command
		opts.UUID = CommandUUID(id, d.Target.Version, d.Target.Build)
		cmd, err := mdmcmd.FromDecision(d.Decision, opts)
		if err != nil {
			return Payload{Err: err}
		}
		pl.Command = &cmd
	case mechanism.DDM:
		opts := p.Payloads.Declaration
		opts.Build = d.Target.Build
		decls, err := ddm.FromDecisionSteps(d.Decision, deadline.Local(), opts)
		if err != nil {
			return Payload{Err: err}
		}
		pl.Declarations = decls
	case mechanism.StartOSInstall:
		inv, err := mechanism.NewStartOSInstall(d.Decision.Upgrade(), p.Payloads.StartOSInstall)
		if err != nil {
			return Payload{Err: err}
		}
		pl.StartOSInstall = &inv
	}
	return pl
}

// commandNamespace is the name space of [CommandUUID]'s name-based UUIDs.
var commandNamespace = [16]byte{0x6d, 0x61, 0x6e, 0x61, 0x67, 0x65, 0x64, 0x6f, 0x73, 0x2d, 0x63, 0x6d, 0x64, 0x2d, 0x76, 0x31}

// CommandUUID returns the CommandUUID of the ScheduleOSUpdate that takes device
// id to target (and build, when known): a name-based UUID (RFC 9562 version 5)
// in managedos's own name space, lowercase. The same device and target always give
// the same UUID, so planning twice never queues a second command for one update,
// and the Mac's answer can be matched to the step without storing anything.
func CommandUUID(id string, target compat.Version, build compat.Build) string {
	h := sha1.New()
	h.Write(commandNamespace[:])
	h.Write([]byte(id))
	var buf [48]byte
	b, _ := target.AppendText(append(buf[:0], 0))
	b, _ = build.AppendText(append(b, 0))
	h.Write(b)
	var sum [sha1.Size]byte
	u := h.Sum(sum[:0])[:16]
	u[6] = u[6]&0x0f | 0x50 // version 5
	u[8] = u[8]&0x3f | 0x80 // RFC 9562 variant
	var out [36]byte
	hex.Encode(out[0:8], u[0:4])
	out[8] = '-'
	hex.Encode(out[9:13], u[4:6])
	out[13] = '-'
	hex.Encode(out[14:18], u[6:8])
	out[18] = '-'
	hex.Encode(out[19:23], u[8:10])
	out[23] = '-'
	hex.Encode(out[24:36], u[10:16])
	return string(out[:])
}
