package compat

import (
	"fmt"
	"time"
)

// Target is what one Mac must reach under a [Policy]: the answer of [SelectTarget].
// Either Compliant is true and Version, Build, Posted and Step are zero, or Version
// is the version to reach. Targets are comparable values.
type Target struct {
	// Compliant reports that the Mac already meets the policy.
	Compliant bool `json:"compliant"`
	// Version is the version the Mac must reach; zero when compliant.
	Version Version `json:"target,omitzero"`
	// Build is Version's build from Apple's catalogue; zero without a catalogue
	// or when the catalogue does not have the version.
	Build Build `json:"build,omitzero"`
	// Posted is the date Apple first posted Version, from the catalogue; zero
	// when unknown.
	Posted Date `json:"posted,omitzero"`
	// Step is 1 of 2 when Version is the base a Background Security Improvement
	// installs on, to be followed by the improvement; zero for a single step.
	Step Step `json:"step,omitzero"`
	// Reason says why, as data that prints as words.
	Reason Reason `json:"reason"`
}

// Step numbers one step of an update that takes several, such as 1 of 2 for the
// base of a Background Security Improvement. The zero Step is a single step.
type Step struct {
	N  uint8 // this step's number, from 1
	Of uint8 // how many steps there are
}

// String returns s as "1/2", or "" for the zero Step.
func (s Step) String() string {
	b, _ := s.MarshalText()
	return string(b)
}

// MarshalText returns s as "1/2"; the zero Step encodes as empty text.
func (s Step) MarshalText() ([]byte, error) {
	if s == (Step{}) {
		return nil, nil
	}
	return fmt.Appendf(nil, "%d/%d", s.N, s.Of), nil
}

// SelectTarget applies policy p to mac: it returns the version mac must reach, or
// that it is compliant, with the reason. It is pure: cat (which may be nil) and now
// are all it reads.
//
// A Mac at or past what the policy asks is compliant, so a target is never a
// downgrade, and a Mac on a newer release or a beta is never pushed back. The
// target is always something the Mac's hardware runs (see [HardwareOf]): when the
// policy asks for more, SelectTarget fails with [ErrUnsupportedHardware] naming the
// newest macOS the Mac can reach.
//
// With a catalogue, a target names the release's build and posting date. A
// version the policy names that Apple no longer signs for the Mac gives way to the
// oldest release of the same major above it that the Mac can install. A
// Background Security Improvement is installed only on its prerequisite build and
// on the devices the catalogue lists: a Mac below its base gets the base first
// (Step 1 of 2) when Apple still signs the base. Without a catalogue only Minimum
// and Floors work, from the built-in knowledge; Latest, LatestInMajor and
// LatestPatch fail with [ErrNoCatalog].
//
// Delay counts whole UTC calendar days: with DelayDays N, a release posted on day
// D counts from 00:00 UTC of day D+N on, so one posted exactly N days before now
// counts; a release without a posting date counts only when N is 0. now must not
// be the zero time when the policy picks releases.
//
// SelectTarget fails with the policy's [*PolicyError] (wrapping
// [ErrInvalidPolicy]), [ErrInvalidVersion] when mac.Version is not known, and
// [ErrUnknownChip] when neither mac.Chip nor mac.Model gives the chip. Once the
// catalogue is parsed it does not allocate unless it fails.
func SelectTarget(mac Mac, cat *Catalog, p Policy, now time.Time) (Target, error) {
	if err := p.Validate(); err != nil {
		return Target{}, err
	}
	if !mac.Version.IsValid() {
		return Target{}, fmt.Errorf("compat: select target: the Mac's version is not known: %w", ErrInvalidVersion)
	}
	if p.picks() {
		if cat == nil {
			return Target{}, fmt.Errorf("compat: select target: Latest, LatestInMajor and LatestPatch pick from Apple's catalogue, and there is none: %w", ErrNoCatalog)
		}
		if now.IsZero() {
			return Target{}, fmt.Errorf("compat: select target: now is the zero time: %w", ErrInvalidDate)
		}
	}
	hw, err := HardwareOf(mac, cat)
	if err != nil {
		return Target{}, err
	}
	s := selector{mac: &mac, cat: cat, p: &p, hw: &hw}
	if p.picks() {
		s.cutoff = DateOf(now.UTC()).AddDays(-p.DelayDays)
	}
	return s.choose()
}

// selector holds one SelectTarget call's inputs.
type selector struct {
	mac    *Mac
	cat    *Catalog
	p      *Policy
	hw     *Hardware
	cutoff Date // the latest posting date a picked release may have
}

// choose applies the parts of the policy in order: the floor of the Mac's major,
// then Minimum, Latest or LatestInMajor.
func (s *selector) choose() (Target, error) {
	cur := s.mac.Version
	if f, ok := s.p.floor(cur.Major()); ok {
		if cur.Compare(f) >= 0 {
			return s.compliant(ReasonAtFloor, f, cur.Major()), nil
		}
		return s.exact(f, ReasonFloor, cur.Major())
	}
	switch {
	case s.p.Minimum.IsValid():
		minimum := s.p.Minimum
		if cur.Compare(minimum) >= 0 {
			return s.compliant(ReasonAtMinimum, minimum, 0), nil
		}
		if s.p.Latest {
			if r := s.newest(s.p.MaxMajor, 0, Version{}); r != nil && r.Version.Compare(minimum) >= 0 {
				return s.release(r, ReasonLatest, Version{}, s.p.MaxMajor), nil
			}
		}
		if s.p.LatestPatch {
			if r := s.newest(0, minimum.Major(), minimum); r != nil {
				return s.release(r, ReasonLatestPatch, minimum, minimum.Major()), nil
			}
		}
		return s.exact(minimum, ReasonMinimum, 0)
	case s.p.Latest:
		return s.pick(s.newest(s.p.MaxMajor, 0, Version{}), ReasonLatest, s.p.MaxMajor), nil
	case s.p.LatestInMajor:
		return s.pick(s.newest(0, cur.Major(), Version{}), ReasonLatestInMajor, cur.Major()), nil
	}
	return s.compliant(ReasonNoPolicy, Version{}, cur.Major()), nil
}

// reason returns the parts of a Reason every answer shares.
func (s *selector) reason(code ReasonCode, policy Version, major int) Reason {
	return Reason{
		Code: code, Current: s.mac.Version, Policy: policy, Major: major, DelayDays: s.p.DelayDays,
		Catalog: s.cat != nil, Basis: s.hw.Basis, Model: s.mac.Model, DeviceID: s.mac.DeviceID,
	}
}

func (s *selector) compliant(code ReasonCode, policy Version, major int) Target {
	return Target{Compliant: true, Reason: s.reason(code, policy, major)}
}

// to returns the target v with the reason code.
func (s *selector) to(v Version, build Build, posted Date, code ReasonCode, policy Version, major int) Target {
	r := s.reason(code, policy, major)
	r.Target = v
	return Target{Version: v, Build: build, Posted: posted, Reason: r}
}

// counts reports whether r was posted early enough for the policy's delay.
func (s *selector) counts(r *Release) bool {
	if !r.Posted.IsValid() {
		return s.p.DelayDays == 0
	}
	return r.Posted.Compare(s.cutoff) <= 0
}

// newest returns the newest full release the Mac can run that counts, of major
// when it is not 0, no newer than maxMajor when it is not 0, and at or past atLeast;
// nil when there is none.
func (s *selector) newest(maxMajor, major int, atLeast Version) *Release {
	for i := range s.cat.releases {
		r := &s.cat.releases[i]
		m := r.Version.Major()
		switch {
		case major != 0 && m != major, maxMajor != 0 && m > maxMajor:
			continue
		case r.Version.Compare(atLeast) < 0:
			return nil // newest first: nothing further qualifies
		case s.counts(r) && s.hw.runsRelease(r):
			return r
		}
	}
	return nil
}

// pick returns the target for a release Latest or LatestInMajor picked, or
// compliance when it is nil or not newer than the Mac.
func (s *selector) pick(r *Release, code ReasonCode, major int) Target {
	if r == nil {
		return s.compliant(ReasonAtNewest, Version{}, major)
	}
	return s.release(r, code, Version{}, major)
}

// release returns the target for a picked full release r, or for the Background
// Security Improvement on it that the Mac can take; compliance when the Mac is
// already at or past the result.
func (s *selector) release(r *Release, code ReasonCode, policy Version, major int) Target {
	if b := s.improvementOn(r); b != nil {
		if t, blocked := s.improvement(b, code, major); blocked == blockNone {
			return t
		}
	}
	if s.mac.Version.Compare(r.Version) >= 0 {
		return s.compliant(ReasonAtNewest, r.Version, major)
	}
	return s.to(r.Version, r.Build, r.Posted, code, policy, major)
}

// improvementOn returns the newest improvement on r's build that counts and lists
// the Mac, or nil.
func (s *selector) improvementOn(r *Release) *Release {
	if s.hw.dev < 0 {
		return nil
	}
	for i := range s.cat.bsis {
		b := &s.cat.bsis[i]
		if b.Prerequisite == r.Build && s.counts(b) && s.cat.listed(b.entry, s.hw.dev) {
			return b
		}
	}
	return nil
}

// improvement returns the target on the way to the Background Security
// Improvement b (from the catalogue) that code and major came from: b itself on
// its prerequisite build, compliance past it, or its base as step 1 of 2 when
// Apple still signs the base for the Mac. Otherwise it says what blocks b.
func (s *selector) improvement(b *Release, code ReasonCode, major int) (Target, blocker) {
	cur := s.mac.Version
	switch base := b.Version.Base(); {
	case cur.Compare(b.Version) >= 0:
		return s.compliant(ReasonAtNewest, b.Version, major), blockNone
	case s.hw.dev < 0 || !s.cat.listed(b.entry, s.hw.dev):
		return Target{}, blockNotListed
	case cur.Compare(base) >= 0: // on the base version
		if s.mac.Build != b.Prerequisite {
			return Target{}, blockOtherBuild
		}
		t := s.to(b.Version, b.Build, b.Posted, ReasonBSI, b.Version, major)
		t.Reason.Prerequisite = b.Prerequisite
		return t, blockNone
	default:
		r, ok := s.cat.LookupBuild(b.Prerequisite)
		if !ok || r.IsBSI() || !s.cat.listed(r.entry, s.hw.dev) {
			return Target{}, blockBaseMissing
		}
		t := s.to(r.Version, r.Build, r.Posted, ReasonBSIBase, b.Version, major)
		t.Step = Step{1, 2}
		t.Reason.Prerequisite = b.Prerequisite
		return t, blockNone
	}
}

// exact returns the target for a version the policy names (its Minimum, or a
// floor of major): that release when the Mac can install it, else the oldest
// release above it in its major the Mac can install, else the bare version when
// the Mac's hardware runs it; ErrUnsupportedHardware when nothing will do.
func (s *selector) exact(v Version, code ReasonCode, major int) (Target, error) {
	if s.cat == nil {
		return s.exactWithoutCatalog(v, code, major)
	}
	blocked := blockUnsigned
	if v.rsr() != 0 {
		blocked = blockUnknown
		if b, ok := s.cat.LookupVersion(v); ok {
			var t Target
			if t, blocked = s.improvement(&b, code, major); blocked == blockNone {
				return t, nil
			}
		}
	} else {
		for i := range s.cat.releases {
			r := &s.cat.releases[i]
			if r.Version == v && s.hw.runsRelease(r) {
				return s.to(r.Version, r.Build, r.Posted, code, v, major), nil
			}
		}
	}
	for i := len(s.cat.releases) - 1; i >= 0; i-- {
		r := &s.cat.releases[i]
		if r.Version.Major() == v.Major() && r.Version.Compare(v) > 0 && s.hw.runsRelease(r) {
			t := s.to(r.Version, r.Build, r.Posted, ReasonNextSigned, v, major)
			t.Reason.blocked = blocked
			return t, nil
		}
	}
	if blocked == blockUnsigned && s.hw.Runs(v) {
		return s.to(v, Build{}, Date{}, code, v, major), nil
	}
	return Target{}, s.unreachable(v, blocked)
}

// exactWithoutCatalog is exact from the built-in knowledge alone: an improvement
// goes through its base first when the Mac is below it.
func (s *selector) exactWithoutCatalog(v Version, code ReasonCode, major int) (Target, error) {
	if err := s.hw.Check(v); err != nil {
		return Target{}, err
	}
	if base := v.Base(); v.rsr() != 0 && s.mac.Version.Compare(base) < 0 {
		t := s.to(base, Build{}, Date{}, ReasonBSIBase, v, major)
		t.Step = Step{1, 2}
		return t, nil
	}
	return s.to(v, Build{}, Date{}, code, v, major), nil
}

// unreachable is the error for a version the Mac cannot reach.
func (s *selector) unreachable(v Version, blocked blocker) error {
	if err := s.hw.Check(v); err != nil {
		return err
	}
	return fmt.Errorf("compat: %s cannot reach macOS %v, which %s, and no later release of macOS %d is offered to it: the newest it can run is %s: %w",
		s.hw.mac(), v, blocked, v.Major(), s.hw.newestText(), ErrUnsupportedHardware)
}
