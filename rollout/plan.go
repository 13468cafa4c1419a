package rollout

import (
	"fmt"
	"time"

	"github.com/managedos/managedos/compat"
	"github.com/managedos/managedos/internal/errtext"
)

// Plan is how a fleet's update is rolled out: what each Mac must reach, its ring
// and deadline, and which payloads to build. [Plan.Step] applies it to one device.
//
// A Plan is read-only once built: all its methods are pure (now is always passed
// in) and safe for concurrent use.
type Plan struct {
	// Target, when valid, is the version every Mac must reach, resolved as
	// [compat.Table.ResolveMac] does: a Mac already on it has nothing to do, and a
	// Mac past it is refused as a downgrade. With the zero Version, Policy decides
	// per Mac instead.
	Target compat.Version
	// Policy chooses each Mac's target when Target is zero; see
	// [compat.SelectTarget].
	Policy compat.Policy
	// Catalog is Apple's software-update catalogue: it names targets' builds and
	// posting dates and says what each device ID can run. It may be nil.
	Catalog *compat.Catalog
	// Table is the compatibility table to resolve with; nil means the default
	// table.
	Table *compat.Table
	// Rings stagger the rollout; the zero Rings puts every Mac in one unnamed ring.
	Rings Rings
	// Deadline places each Mac's deadline; the zero DeadlinePolicy gives none.
	Deadline DeadlinePolicy
	// Payloads, when set, makes Step build what each Mac needs: the
	// ScheduleOSUpdate command, the enforcement declarations or the
	// startosinstall invocation. DDM declarations need a deadline.
	Payloads *PayloadOptions
}

// Validate reports what makes p unusable, each problem wrapping
// [ErrInvalidPlan] or the part's own sentinel: neither Target nor a valid Policy,
// both, an invalid deadline policy, payloads for DDM without a deadline, or a
// table that does not validate.
func (p *Plan) Validate() error {
	var errs []error
	switch {
	case p.Target.IsValid() && !p.Policy.IsZero():
		errs = append(errs, fmt.Errorf("rollout: plan: both Target and Policy: %w", ErrInvalidPlan))
	case !p.Target.IsValid():
		if err := p.Policy.Validate(); err != nil {
			errs = append(errs, fmt.Errorf("rollout: plan: Policy: %w", err))
		}
	}
	if p.Deadline != (DeadlinePolicy{}) {
		if err := p.Deadline.Validate(); err != nil {
			errs = append(errs, err)
		}
	} else if p.Payloads != nil {
		errs = append(errs, fmt.Errorf("rollout: plan: Payloads without a Deadline: enforcement declarations need one: %w", ErrInvalidPlan))
	}
	if p.Table != nil {
		if err := p.Table.Validate(); err != nil {
			errs = append(errs, err)
		}
	}
	return errtext.Join(errs...)
}

// Device is one Mac of the fleet as the vendor's inventory knows it.
type Device struct {
	// ID identifies the device in the vendor's inventory; it also places the device
	// in a ring when Ring is empty.
	ID string
	// Mac is what is known of the Mac.
	Mac compat.Mac
	// Ring is the ring the inventory puts the device in; empty to place it by ID.
	Ring string
}

// Decided is what a Mac must reach and how: the part of a [Step] that depends only
// on the Mac's snapshot and the time, so Macs that look alike share it (see
// [Plan.Decide]).
type Decided struct {
	// Target is what the Mac must reach, or that it is compliant.
	Target compat.Target `json:"target"`
	// Decision is how the Mac gets there; its Kind is NoUpdate when Target is
	// compliant.
	Decision compat.Decision `json:"decision"`
}

// Decide works out what mac must reach under p at now, and how. It fails as
// [compat.SelectTarget] and [compat.Table.ResolveMac] do, with their sentinels
// (downgrade, unsupported, unsupported hardware, unknown chip, invalid version).
// It decides for p.ShapeOf(mac), so Macs of one shape get the same answer or the
// same error (which names no more of the Mac than its shape), and a caller deciding
// for many Macs may keep one answer per shape.
func (p *Plan) Decide(mac compat.Mac, now time.Time) (Decided, error) {
	mac = p.ShapeOf(mac)
	var t compat.Target
	if p.Target.IsValid() {
		t = p.fixedTarget()
	} else {
		var err error
		if t, err = compat.SelectTarget(mac, p.Catalog, p.Policy, now); err != nil {
			return Decided{}, err
		}
		if t.Compliant {
			return Decided{Target: t}, nil
		}
	}
	d, err := p.resolve(mac, t.Version)
	if err != nil {
		return Decided{}, err
	}
	if d.Kind == compat.NoUpdate {
		t = compat.Target{Compliant: true, Reason: t.Reason}
	}
	return Decided{Target: t, Decision: d}, nil
}

// fixedTarget is the Target of a plan with a fixed version: its build and posting
// date from the catalogue when it lists the version. Its Reason is empty: the
// decision's rule says why.
func (p *Plan) fixedTarget() compat.Target {
	t := compat.Target{Version: p.Target}
	if p.Catalog != nil {
		if r, ok := p.Catalog.LookupVersion(p.Target); ok {
			t.Build, t.Posted = r.Build, r.Posted
		}
	}
	return t
}

// resolve decides how mac reaches target on p's table.
func (p *Plan) resolve(mac compat.Mac, target compat.Version) (compat.Decision, error) {
	if p.Table != nil {
		return p.Table.ResolveMac(mac, target, p.Catalog)
	}
	return compat.ResolveMac(mac, target, p.Catalog)
}

// ShapeOf returns mac with what [Plan.Decide] does not read for p cleared: its
// serial, UDID and the facts a decision does not depend on, and with a fixed Target
// its build, and without a catalogue its device ID too. Decide decides for the
// shape, so Macs with the same shape get the same answer; the fewer fields a shape
// keeps, the more Macs share it.
func (p *Plan) ShapeOf(mac compat.Mac) compat.Mac {
	shape := compat.Mac{Model: mac.Model, DeviceID: mac.DeviceID, Chip: mac.Chip, Version: mac.Version, Build: mac.Build}
	if p.Target.IsValid() {
		shape.Build = compat.Build{}
		if p.Catalog == nil {
			shape.DeviceID = ""
		}
	}
	return shape
}
