package ddm

import (
	"fmt"

	"github.com/managedos/managedos/compat"
	"github.com/managedos/managedos/mechanism"
)

// Options are the parts of an enforcement declaration a decision does not hold.
type Options struct {
	// Identifier names the declaration; empty means [DefaultEnforcementIdentifier]
	// (see [NewEnforcement]). In Apple's two-step, the supplemental declaration is
	// named Identifier + ".supplemental".
	Identifier string
	// Build is the target build, optional for a release and required for a rapid
	// security response (a Background Security Improvement), whose letter only the
	// build's suffix carries (22F770820d for 13.4.1 (c)).
	Build compat.Build
	// BaseBuild is, in Apple's two-step, the build of the base version the first
	// declaration installs, optional: without it the Mac installs the latest patch of
	// the base release (see [FromDecisionSteps]).
	BaseBuild compat.Build
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
//
// A supplemental target on a Mac not yet on its base (13.4 to 13.4.1 (c)) takes two
// declarations, which Apple's schema asks for; FromDecision refuses it, wrapping
// [ErrTwoSteps] and saying why, rather than build one the Mac cannot apply. Use
// [FromDecisionSteps], which returns both.
func FromDecision(d compat.Decision, deadline LocalDateTime, opts Options) (Enforcement, error) {
	if err := checkDecision(d); err != nil {
		return Enforcement{}, err
	}
	if twoSteps(d) {
		return Enforcement{}, fmt.Errorf("ddm: %v on %v: a Mac installs a supplemental update only on its base, so %v takes two declarations (%v, then %v); use FromDecisionSteps: %w", d.Chip, d.Current, d.Target, d.Target.Base(), d.Target, ErrTwoSteps)
	}
	return supplemental(d, deadline, opts, opts.Identifier)
}

// FromDecisionSteps builds every enforcement declaration d needs, in the order the
// Mac applies them: one for most decisions, as [FromDecision] builds it; two for a
// supplemental target on a Mac not yet on its base, as Apple's schema describes it:
// first the base version (pinned to opts.BaseBuild when given), named opts.Identifier
// or [DefaultEnforcementIdentifier], then the supplemental update on it (the base
// version plus opts.Build), named that identifier + ".supplemental"
// ([SupplementalEnforcementIdentifier] by default). Both carry the same deadline; the
// Mac can only apply the second once the first is installed. It refuses what
// FromDecision refuses, ErrTwoSteps aside.
func FromDecisionSteps(d compat.Decision, deadline LocalDateTime, opts Options) ([]Enforcement, error) {
	if err := checkDecision(d); err != nil {
		return nil, err
	}
	if !twoSteps(d) {
		e, err := supplemental(d, deadline, opts, opts.Identifier)
		if err != nil {
			return nil, err
		}
		return []Enforcement{e}, nil
	}
	first := opts.Identifier
	if first == "" {
		first = DefaultEnforcementIdentifier
	}
	if err := checkSuffixBuild(d, opts.Build); err != nil {
		return nil, err
	}
	base, err := NewEnforcement(first, EnforcementPayload{
		TargetOSVersion:     d.Target.Base(),
		TargetBuildVersion:  opts.BaseBuild,
		TargetLocalDateTime: deadline,
		DetailsURL:          opts.DetailsURL,
	})
	if err != nil {
		return nil, err
	}
	second, err := supplemental(d, deadline, opts, first+".supplemental")
	if err != nil {
		return nil, err
	}
	return []Enforcement{base, second}, nil
}

// checkDecision refuses a decision no declaration is built for.
func checkDecision(d compat.Decision) error {
	switch {
	case d.Kind == compat.NoUpdate:
		return fmt.Errorf("ddm: %v is already at %v: %w", d.Chip, d.Target, mechanism.ErrNoUpdate)
	case d.Delivery != mechanism.DDM:
		return fmt.Errorf("ddm: %v on %v needs delivery %v, not a declaration: %w", d.Chip, d.Current, d.Delivery, mechanism.ErrWrongDelivery)
	case d.Current.IsValid() && d.Current.Compare(since14) < 0:
		return fmt.Errorf("ddm: a Mac on %v cannot apply software update declarations (macOS 14 and later): %w", d.Current, compat.ErrUnsupported)
	}
	return nil
}

// twoSteps reports whether d's target is a supplemental update on a base the Mac is
// not on yet: a target with a rapid security response letter that is not an RSR
// (which compat gives only on the target's own base) but a minor or major update.
func twoSteps(d compat.Decision) bool {
	return d.Target.RSR() != 0 && d.Kind != compat.RSR
}

// supplemental builds the one declaration that takes the Mac to d's target, named id.
func supplemental(d compat.Decision, deadline LocalDateTime, opts Options, id string) (Enforcement, error) {
	if opts.Build.IsValid() {
		if err := compat.CheckBuild(d.Target, opts.Build); err != nil {
			return Enforcement{}, fmt.Errorf("ddm: TargetBuildVersion: %w", err)
		}
	}
	if err := checkSuffixBuild(d, opts.Build); err != nil {
		return Enforcement{}, err
	}
	return NewEnforcement(id, EnforcementPayload{
		TargetOSVersion:     d.Target.Base(),
		TargetBuildVersion:  opts.Build,
		TargetLocalDateTime: deadline,
		DetailsURL:          opts.DetailsURL,
	})
}

// checkSuffixBuild requires, for a target with a rapid security response letter, a
// build with a suffix letter.
func checkSuffixBuild(d compat.Decision, build compat.Build) error {
	if d.Target.RSR() == 0 || build.Suffix() != 0 {
		return nil
	}
	got := "missing"
	if build.IsValid() {
		got = fmt.Sprintf("%v has no suffix letter", build)
	}
	return fmt.Errorf("ddm: TargetBuildVersion: %s; rapid security response %v needs a build with its suffix letter, such as 22F770820d: %w", got, d.Target, compat.ErrInvalidBuild)
}
