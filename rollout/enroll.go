package rollout

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/managedos/managedos/compat"
	"github.com/managedos/managedos/internal/errtext"
	"github.com/managedos/managedos/mdmcmd"
	"github.com/managedos/managedos/mechanism"
)

// EnrollGate decides, for each Mac that asks to enroll during Automated Device
// Enrollment, whether to let it in or to answer Apple's "software update required"
// 403 so that it updates first (macOS 14 and later). It holds the vendor's target
// policy, Apple's catalogue and the text the Mac shows; build it once and call
// [EnrollGate.Decide] per enrollment request. The zero EnrollGate has no policy,
// which Decide refuses.
type EnrollGate struct {
	// Policy says what each Mac must reach, exactly as [compat.SelectTarget] reads
	// it: Minimum, Latest, LatestInMajor, LatestPatch, delays and floors.
	Policy compat.Policy
	// Catalog is Apple's software-update catalogue, or nil. Without it only
	// Minimum and Floors work, from the built-in knowledge, and the 403 names no
	// build.
	Catalog *compat.Catalog
	// Message is shown to the user by a Mac that can show it (the 403's message);
	// empty for none. Description is only logged by the Mac (description); empty
	// for none. Both must be one line of text an XML property list carries as is.
	Message, Description string
}

// Enrollment is the answer of [EnrollGate.Decide] for one Mac: let it enroll, or
// require an update first with the 403 body in Body. Enrollments are comparable
// values; their JSON form uses the snake_case keys below, zero fields left out.
type Enrollment struct {
	// Action is LetEnroll or RequireUpdate.
	Action EnrollAction `json:"action"`
	// Code says why, as a token.
	Code EnrollCode `json:"code"`
	// Compliant is whether the Mac meets the policy now: FlagTrue, FlagFalse, or
	// FlagUnknown when a Mac before macOS 14 does not say its exact version (it
	// sends no OS_VERSION) and the policy asks for one of its own major, or when
	// the answer depends on a chip the library cannot tell (JSON null).
	Compliant compat.Flag `json:"compliant"`
	// Target is the version the Mac must reach: the one the 403 names when Action
	// is RequireUpdate, the one it reaches after enrollment otherwise (for a Mac
	// whose Compliant is FlagUnknown, the one it must reach if it runs below it);
	// the zero Version when it is compliant or cannot reach what the policy asks.
	// It may carry a supplemental letter: 26.3.1 (a).
	Target compat.Version `json:"target,omitzero"`
	// Build is Target's build from Apple's catalogue; zero without one.
	Build compat.Build `json:"build,omitzero"`
	// Step is 1 of 2 when Target is the base a Background Security Improvement
	// installs on: the Mac reaches the base first and the improvement second (at
	// its next enrollment attempt, or after enrollment). Zero for a single step.
	Step compat.Step `json:"step,omitzero"`
	// Delivery is how the vendor takes the Mac to Target after enrollment, from
	// the compatibility table (MDM commands on macOS 13, DDM from 14, ...);
	// DeliveryNone when the Mac updates before enrolling, is compliant, or no
	// delivery is known (Reason says why).
	Delivery mechanism.Delivery `json:"delivery,omitzero"`
	// Reason says it all in words a support engineer can paste into a ticket:
	// what is known of the Mac's macOS, the decision, and the policy's reason.
	Reason string `json:"reason"`
	// Warning is set when the Mac enrolls although it cannot meet the policy
	// (code unsupported-hardware) or the library cannot tell its chip
	// (unknown-chip); the zero EnrollWarning otherwise.
	Warning EnrollWarning `json:"warning,omitzero"`
	// Body is the com.apple.softwareupdate.required body to answer with when
	// Action is RequireUpdate, built by [mdmcmd.MachineInfo.RequireUpdate];
	// encode it with [mdmcmd.SoftwareUpdateRequired.Encode]. The zero value
	// otherwise. Its JSON form is Apple's body.
	Body mdmcmd.SoftwareUpdateRequired `json:"body,omitzero"`
}

// RequiresUpdate reports whether the answer is the 403 that makes the Mac update
// before it enrolls.
func (e Enrollment) RequiresUpdate() bool { return e.Action == RequireUpdate }

// Decide answers one Mac's enrollment request from its MachineInfo (read with
// [mdmcmd.ParseMachineInfo] from the request's signed content) at time now, which
// the policy's delays count from. It is pure: g, info and now are all it reads.
//
// It picks the Mac's target with [compat.SelectTarget]. A Mac that meets the
// policy enrolls (EnrollCompliant). A Mac below it gets the 403
// (EnrollBelowTarget), whose body asks for the target and, with a catalogue, its
// build; for a Background Security Improvement the Mac is not yet on the base of,
// the body asks for the base first (Step 1 of 2). The 403 is never an answer a Mac
// cannot act on: a Mac that cannot be asked ([mdmcmd.MachineInfo.CanRequestSoftwareUpdate]
// is false) enrolls, and Delivery and Reason say how it updates afterwards
// (EnrollBeforeMacOS14, EnrollCannotRequest); a policy asking for more than the
// Mac's hardware runs lets it enroll with a warning naming the newest version it
// can reach (EnrollUnsupportedHardware); and the target is never older than what
// the Mac runs.
//
// A Mac before macOS 14 sends no OS_VERSION: its version is then the one the
// library or the catalogue knows for its build ([compat.KnownVersion],
// [compat.Catalog.LookupBuild]), else only its major release; Decide uses what is
// known as a lower bound, asks [mdmcmd.MachineInfo.AtLeast] whether the Mac
// reaches the target, and says in Reason what it could not tell.
//
// A model the library does not know gives no chip (see [compat.ChipForModel]);
// Decide then applies the chip rules of both Apple silicon and Intel and answers
// when they agree, saying so, or lets the Mac enroll with a warning when they do
// not (EnrollUnknownChip).
//
// Decide fails, with the library's error, when info is nil or has no valid build
// (wrapping [mdmcmd.ErrInvalidAnswer]), when the policy contradicts itself
// ([compat.ErrInvalidPolicy]), picks releases without a catalogue
// ([compat.ErrNoCatalog]) or with a zero now ([compat.ErrInvalidDate]), and when
// Message or Description is not text the body can carry
// ([mdmcmd.ErrInvalidCommand]). It is safe for concurrent use.
func (g EnrollGate) Decide(info *mdmcmd.MachineInfo, now time.Time) (Enrollment, error) {
	if info == nil || !info.Build.IsValid() {
		return Enrollment{}, fmt.Errorf("rollout: enroll: no machine info with a valid build (VERSION): read it with mdmcmd.ParseMachineInfo: %w", mdmcmd.ErrInvalidAnswer)
	}
	if err := g.Policy.Validate(); err != nil {
		return Enrollment{}, err
	}
	known := knowOS(info, g.Catalog)
	if !known.mac.Version.IsValid() {
		return Enrollment{Action: LetEnroll, Code: EnrollBeforeMacOS14,
			Reason: known.words + ", which cannot be asked to update before it enrolls: it enrolls, and the policy cannot be applied until its version is known"}, nil
	}
	c, err := g.choose(known.mac, now)
	if err != nil {
		return Enrollment{}, err
	}
	switch {
	case c.split != "":
		return Enrollment{Action: LetEnroll, Code: EnrollUnknownChip, Compliant: c.compliant,
			Reason:  known.words + ": " + c.chipWords() + ", and the policy's answer depends on the chip, so it enrolls without an update",
			Warning: EnrollWarning{Code: EnrollUnknownChip, Message: c.chipWords() + ": " + c.split + "; update it after enrollment once its chip is known"}}, nil
	case c.hwErr != nil:
		return Enrollment{Action: LetEnroll, Code: EnrollUnsupportedHardware, Compliant: known.shortOf(),
			Reason:  known.words + ": the policy asks for more than this Mac can reach, so it enrolls without an update" + c.note(),
			Warning: EnrollWarning{Code: EnrollUnsupportedHardware, Message: hardwareWords(c.hwErr)}}, nil
	case c.t.Compliant:
		return Enrollment{Action: LetEnroll, Code: EnrollCompliant, Compliant: compat.FlagTrue, Reason: known.compliantWords(c.t.Reason) + c.note()}, nil
	}
	e := Enrollment{Compliant: known.atLeast(info, c.t.Version), Target: c.t.Version, Build: c.t.Build, Step: c.t.Step}
	if !info.CanRequestSoftwareUpdate() {
		e.Action, e.Code = LetEnroll, EnrollCannotRequest
		why := cannotRequestWords(info)
		if info.Release().Compare(macOS14) < 0 {
			e.Code, why = EnrollBeforeMacOS14, "; a Mac before macOS 14 cannot be asked to update before it enrolls"
		}
		var after string
		e.Delivery, after = g.afterEnrollment(known.mac, c.t)
		if e.Compliant == compat.FlagUnknown {
			after = "if it runs below " + c.t.Version.String() + ", " + after
		}
		e.Reason = known.words + why + "; it enrolls, and " + after + ": " + c.t.Reason.String() + c.note()
		return e, nil
	}
	body, err := info.RequireUpdate(c.t.Version, c.t.Build, mdmcmd.RequiredOptions{Message: g.Message, Description: g.Description})
	if err != nil {
		return Enrollment{}, err
	}
	e.Action, e.Code, e.Body = RequireUpdate, EnrollBelowTarget, body
	e.Reason = known.words + " must update to " + versionBuild(c.t.Version, c.t.Build) + " before it enrolls: " + c.t.Reason.String() + c.note()
	return e, nil
}

// macOS14 is the first macOS that reads the 403.
var macOS14 = compat.MustParseVersion("14")

// cannotRequestWords says what the Mac sent instead of MDM_CAN_REQUEST_SOFTWARE_UPDATE true.
func cannotRequestWords(info *mdmcmd.MachineInfo) string {
	if info.MDMCanRequestSoftwareUpdate == compat.FlagFalse {
		return ": the Mac sends MDM_CAN_REQUEST_SOFTWARE_UPDATE false, so it cannot be asked to update before it enrolls"
	}
	return ": the Mac sends no MDM_CAN_REQUEST_SOFTWARE_UPDATE (false, as Apple's schema says), so it cannot be asked to update before it enrolls"
}

// afterEnrollment returns the delivery that takes mac to t after enrollment, and
// says so in words: "ddm takes it to 15.7.9 (24G830) after enrollment (rule)".
func (g EnrollGate) afterEnrollment(mac compat.Mac, t compat.Target) (mechanism.Delivery, string) {
	to := versionBuild(t.Version, t.Build)
	d, err := bothChips(mac, func(m compat.Mac) (compat.Decision, error) {
		d, err := compat.ResolveMac(m, t.Version, g.Catalog)
		d.Chip = compat.ChipUnknown // the same delivery and rule for both chips is one answer
		return d, err
	})
	switch {
	case errors.Is(err, errChipDecides):
		return mechanism.DeliveryNone, "the delivery to " + to + " after enrollment depends on its chip"
	case err != nil:
		return mechanism.DeliveryNone, "no delivery is known to take it to " + to + " after enrollment (" + strings.TrimPrefix(err.Error(), "compat: ") + ")"
	}
	return d.Delivery, d.Delivery.String() + " takes it to " + to + " after enrollment (" + d.Rule + ")"
}

// versionBuild writes a version with its build when known: "15.7.9 (24G830)".
func versionBuild(v compat.Version, b compat.Build) string {
	if b.IsValid() {
		return v.String() + " (" + b.String() + ")"
	}
	return v.String()
}

// hardwareWords turns compat's unsupported-hardware error, which names the model
// and the newest version the Mac can reach, into a warning's message.
func hardwareWords(err error) string {
	if he, ok := errors.AsType[*compat.HardwareError](err); ok {
		return he.Explain()
	}
	return err.Error()
}

// choice is the target the policy gives a Mac: for its chip, or, when its model
// gives none, for both chips when they agree.
type choice struct {
	t     compat.Target
	hwErr error // the policy asks for more than the hardware runs (ErrUnsupportedHardware)

	model     string      // the Mac's model, when its chip is unknown
	unknown   bool        // the chip is unknown and both chips agree
	split     string      // the chip is unknown and the chips disagree: how
	compliant compat.Flag // with split: compliance when both chips agree on it
}

// choose selects mac's target, for both chips when mac's is unknown. An error other
// than unsupported hardware is the caller's.
func (g EnrollGate) choose(mac compat.Mac, now time.Time) (choice, error) {
	sel := func(m compat.Mac) (compat.Target, error) { return compat.SelectTarget(m, g.Catalog, g.Policy, now) }
	if mac.Chip.IsValid() {
		t, err := sel(mac)
		if err != nil && !errors.Is(err, compat.ErrUnsupportedHardware) {
			return choice{}, err
		}
		return choice{t: t, hwErr: err}, nil
	}
	c := choice{model: mac.Model, unknown: true}
	ts, errs := forEachChip(mac, sel)
	for _, err := range errs {
		if err != nil && !errors.Is(err, compat.ErrUnsupportedHardware) {
			return choice{}, err
		}
	}
	switch {
	case errs[0] == nil && errs[1] == nil && ts[0] == ts[1]:
		c.t = ts[0]
	case errs[0] != nil && errs[1] != nil:
		c.hwErr = errs[0]
	default:
		c.unknown = false
		c.split = "on Apple silicon " + outcome(ts[0], errs[0]) + ", on Intel " + outcome(ts[1], errs[1])
		if a, b := errs[0] == nil && ts[0].Compliant, errs[1] == nil && ts[1].Compliant; a == b {
			c.compliant = compat.FlagOf(a)
		}
	}
	return c, nil
}

// chips are the chips a Mac of unknown model may have, in the order choice.split
// names them.
var chips = [...]compat.Chip{compat.AppleSilicon, compat.Intel}

// errChipDecides reports that the answer depends on a chip the library cannot tell.
var errChipDecides = errors.New("the answer depends on the chip")

// bothChips runs f for mac, or, when mac's chip is unknown, for both chips: the
// answer when they agree, errChipDecides when they do not.
func bothChips[T comparable](mac compat.Mac, f func(compat.Mac) (T, error)) (T, error) {
	if mac.Chip.IsValid() {
		return f(mac)
	}
	got, errs := forEachChip(mac, f)
	if errs[0] != nil || errs[1] != nil || got[0] != got[1] {
		var zero T
		return zero, errChipDecides
	}
	return got[0], nil
}

// forEachChip runs f for mac with each of chips in turn.
func forEachChip[T any](mac compat.Mac, f func(compat.Mac) (T, error)) (got [len(chips)]T, errs [len(chips)]error) {
	for i, chip := range chips {
		m := mac
		m.Chip = chip
		got[i], errs[i] = f(m)
	}
	return got, errs
}

// outcome says what the policy asks of a Mac of one chip.
func outcome(t compat.Target, err error) string {
	switch {
	case err != nil:
		return "its hardware cannot reach what the policy asks"
	case t.Compliant:
		return "it meets the policy"
	}
	return "the policy asks for " + versionBuild(t.Version, t.Build)
}

// chipWords says that the Mac's model gives no chip.
func (c choice) chipWords() string {
	return "PRODUCT " + errtext.Quote(c.model) + " names no chip the library knows"
}

// note is what a reason adds when the chip is unknown and both chips agree.
func (c choice) note() string {
	if !c.unknown {
		return ""
	}
	return "; " + c.chipWords() + ", and Apple silicon and Intel get the same answer"
}
