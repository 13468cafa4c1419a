package compat

import "github.com/managedos/managedos/mechanism"

// Decision is how one Mac gets from its current macOS to a target: the answer of
// [Resolve]. Commands and declarations are built from it by the mdmcmd and ddm
// packages.
type Decision struct {
	// Chip is the Mac's chip.
	Chip Chip `json:"chip"`
	// Current is the Mac's macOS version now.
	Current Version `json:"current"`
	// Target is the version the Mac must reach.
	Target Version `json:"target"`
	// Kind is the sort of update from Current to Target.
	Kind Kind `json:"kind"`
	// Delivery is how the vendor drives the update; DeliveryNone when Kind is
	// NoUpdate.
	Delivery mechanism.Delivery `json:"delivery"`
	// Installer is what macOS runs to apply the update; InstallerNone when Kind is
	// NoUpdate.
	Installer mechanism.Installer `json:"installer"`
	// Requires lists what must be in place before the update can run unattended.
	Requires Prerequisites `json:"requires"`
	// Rule is the table row that decided, in words a support engineer can paste
	// into a ticket.
	Rule string `json:"rule"`
}

// Upgrade returns what a startosinstall invocation needs from d, for
// [mechanism.NewStartOSInstall].
func (d Decision) Upgrade() mechanism.Upgrade {
	return mechanism.Upgrade{
		Delivery:     d.Delivery,
		AppleSilicon: d.Chip == AppleSilicon,
		TargetMajor:  d.Target.Major(),
		TargetMinor:  d.Target.Minor(),
	}
}
