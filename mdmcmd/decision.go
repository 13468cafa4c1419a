package mdmcmd

import (
	"fmt"

	"github.com/managedos/managedos/compat"
	"github.com/managedos/managedos/internal/errtext"
	"github.com/managedos/managedos/mechanism"
)

// Options are the parts of a ScheduleOSUpdate a decision does not hold.
type Options struct {
	// UUID is the CommandUUID, required.
	UUID string
	// ProductKey is the update's key from AvailableOSUpdates: required for a rapid
	// security response and for a Mac before macOS 12.0 (which cannot read
	// ProductVersion); otherwise the command names the target by ProductVersion.
	ProductKey string
	// Action is the install action, InstallASAP when empty. Apple silicon major
	// upgrades take InstallASAP only.
	Action InstallAction
	// MaxUserDeferrals and Priority are passed on for minor updates; see [Update].
	MaxUserDeferrals int
	Priority         Priority // see MaxUserDeferrals
	// Available is the update's item from the Mac's AvailableOSUpdates answer, when
	// the vendor has it: its ProductKey is used when ProductKey is empty, and its
	// AllowsInstallLater decides whether NotifyOnly and InstallLater are accepted
	// (see [Update]). An item that is not a macOS update is refused. Optional.
	Available *AvailableOSUpdate
}

// FromDecision builds the ScheduleOSUpdate for d, which must come from
// [compat.Resolve] with delivery MDM commands. The decision's kind and the Mac's
// current version drive the rules of [NewScheduleOSUpdate].
//
// A decision with another delivery wraps [mechanism.ErrWrongDelivery] and names the
// delivery the Mac needs instead (startosinstall for Intel upgrades from macOS 12, a
// DDM declaration from macOS 14); a NoUpdate decision wraps [mechanism.ErrNoUpdate].
func FromDecision(d compat.Decision, opts Options) (Command, error) {
	switch {
	case d.Kind == compat.NoUpdate:
		return Command{}, fmt.Errorf("mdmcmd: %v is already at %v: %w", d.Chip, d.Target, mechanism.ErrNoUpdate)
	case d.Delivery != mechanism.MDMCommands:
		return Command{}, fmt.Errorf("mdmcmd: %v on %v needs delivery %v, not MDM commands: %w", d.Chip, d.Current, d.Delivery, mechanism.ErrWrongDelivery)
	}
	u := Update{
		ProductKey:       opts.ProductKey,
		InstallAction:    opts.Action,
		MaxUserDeferrals: opts.MaxUserDeferrals,
		Priority:         opts.Priority,
		Kind:             d.Kind,
	}
	if item := opts.Available; item != nil {
		if c := item.Categorize(); c != CategoryMacOS {
			return Command{}, fmt.Errorf("mdmcmd: ScheduleOSUpdate: Available: %s is %v, not a macOS update: %w", errtext.Quote(item.ProductKey), c, ErrInvalidCommand)
		}
		if u.ProductKey == "" {
			u.ProductKey = item.ProductKey
		}
		u.AllowsInstallLater = item.AllowsInstallLater
	}
	if u.InstallAction == "" {
		u.InstallAction = InstallASAP
	}
	if d.Chip == compat.AppleSilicon && d.Kind == compat.Major && u.InstallAction != InstallASAP {
		return Command{}, fmt.Errorf("mdmcmd: ScheduleOSUpdate: InstallAction: %s: Apple silicon upgrades take InstallASAP only (macOS downloads and installs in one step): %w", errtext.Plain(string(u.InstallAction)), ErrInvalidCommand)
	}
	switch {
	case d.Kind == compat.RSR && u.ProductKey == "":
		return Command{}, fmt.Errorf("mdmcmd: ScheduleOSUpdate: ProductKey: rapid security response %v needs the ProductKey from AvailableOSUpdates: %w", d.Target, ErrInvalidCommand)
	case u.ProductKey == "" && d.Current.Compare(since12) < 0:
		return Command{}, fmt.Errorf("mdmcmd: ScheduleOSUpdate: ProductKey: a Mac on %v cannot read ProductVersion (macOS 12.0); pass the ProductKey from AvailableOSUpdates: %w", d.Current, ErrInvalidCommand)
	case u.ProductKey == "":
		u.ProductVersion = d.Target
	}
	return NewScheduleOSUpdate(opts.UUID, d.Current, u)
}
