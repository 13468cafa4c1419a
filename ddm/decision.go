package ddm

import (
	"fmt"

	"github.com/managedos/managedos/compat"
	"github.com/managedos/managedos/mechanism"
)

// Options are the parts of an enforcement declaration a decision does not hold.
type Options struct {
	// Identifier names the declaration; empty derives one from the target (see
	// [NewEnforcement]).
	Identifier string
	// Build is the target build, optional for a release and required for a rapid
	// security response, whose letter only the build's suffix carries (22F770820d for
	// 13.4.1 (c)).
	Build compat.Build
	// DetailsURL is an optional absolute http or https URL about the update.
	DetailsURL string
}

// since14 is the first macOS that applies software update declarations.
var since14 = compat.MustParseVersion("14.0")

// FromDecision builds the enforcement declaration for d, which must come from
// [compat.Resolve] with delivery DDM, with deadline as the Mac's local time.
//
// A decision with another delivery wraps [mechanism.ErrWrongDelivery] and names the
// delivery the Mac needs instead; a NoUpdate decision (the Mac is already at the
// target) wraps [mechanism.ErrNoUpdate], since a declaration for a version already
// installed only produces failures on the Mac. A target with a rapid security
// response letter becomes its base version plus opts.Build, which must then carry a
// suffix letter. A decision whose Current is known and below macOS 14 wraps
// [compat.ErrUnsupported] (such a Mac ignores the declaration), and an opts.Build the
// library knows to belong to another version than d.Target wraps
// compat.ErrInvalidBuild (see [compat.CheckBuild]); with a zero Current, the Mac's
// version cannot be checked.
func FromDecision(d compat.Decision, deadline LocalDateTime, opts Options) (Enforcement, error) {
	switch {
	case d.Kind == compat.NoUpdate:
		return Enforcement{}, fmt.Errorf("ddm: %v is already at %v: %w", d.Chip, d.Target, mechanism.ErrNoUpdate)
	case d.Delivery != mechanism.DDM:
		return Enforcement{}, fmt.Errorf("ddm: %v on %v needs delivery %v, not a declaration: %w", d.Chip, d.Current, d.Delivery, mechanism.ErrWrongDelivery)
	case d.Current.IsValid() && d.Current.Compare(since14) < 0:
		return Enforcement{}, fmt.Errorf("ddm: a Mac on %v cannot apply software update declarations (macOS 14 and later): %w", d.Current, compat.ErrUnsupported)
	}
	if opts.Build.IsValid() {
		if err := compat.CheckBuild(d.Target, opts.Build); err != nil {
			return Enforcement{}, fmt.Errorf("ddm: TargetBuildVersion: %w", err)
		}
	}
	if d.Target.RSR() != 0 && opts.Build.Suffix() == 0 {
		got := "missing"
		if opts.Build.IsValid() {
			got = fmt.Sprintf("%v has no suffix letter", opts.Build)
		}
		return Enforcement{}, fmt.Errorf("ddm: TargetBuildVersion: %s; rapid security response %v needs a build with its suffix letter, such as 22F770820d: %w", got, d.Target, compat.ErrInvalidBuild)
	}
	return NewEnforcement(opts.Identifier, EnforcementPayload{
		TargetOSVersion:     d.Target.Base(),
		TargetBuildVersion:  opts.Build,
		TargetLocalDateTime: deadline,
		DetailsURL:          opts.DetailsURL,
	})
}
