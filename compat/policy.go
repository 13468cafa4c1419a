package compat

import (
	"fmt"
	"strings"

	"github.com/managedos/managedos/internal/errtext"
)

// MaxDelayDays is the longest delay a [Policy] accepts: ten years.
const MaxDelayDays = 3650

// Policy says which macOS version each Mac must reach; [SelectTarget] applies it to
// one Mac. Its parts combine:
//
//   - Minimum: a Mac at or past it, on a newer release or a beta included, is
//     compliant; a Mac below it must reach it, or with LatestPatch the newest
//     release of its major, or with Latest the newest release the Mac can run.
//   - Latest: the newest release the Mac can run, no newer than MaxMajor when set.
//   - LatestInMajor: the newest release of the major the Mac runs now.
//   - DelayDays: Latest, LatestInMajor and LatestPatch only pick releases posted at
//     least that many days before now (Minimum and Floors name versions exactly and
//     are not delayed).
//   - Floors: a Mac on a major with a floor must reach at least that floor, and
//     the rest of the policy does not apply to it.
//
// The zero Policy asks for nothing and is refused by [Policy.Validate].
type Policy struct {
	// Minimum is the version every Mac must reach (the zero Version for none). A
	// Background Security Improvement (26.3.1 (a)) is allowed: a Mac below its
	// base reaches the base first.
	Minimum Version `json:"minimum,omitzero"`
	// LatestPatch, with Minimum, sends a Mac below Minimum to the newest release of
	// Minimum's major that is at or past Minimum, as Apple does for a target
	// written without its patch.
	LatestPatch bool `json:"latest_patch,omitempty"`
	// Latest sends each Mac to the newest release it can run; with Minimum, only
	// a Mac below Minimum.
	Latest bool `json:"latest,omitempty"`
	// LatestInMajor sends each Mac to the newest release of its current major.
	LatestInMajor bool `json:"latest_in_major,omitempty"`
	// MaxMajor caps Latest at a major (15 keeps every Mac on Sequoia or older); 0
	// for no cap.
	MaxMajor int `json:"max_major,omitempty"`
	// DelayDays makes Latest, LatestInMajor and LatestPatch ignore releases posted
	// fewer than this many whole days before now; 0 for none. See [SelectTarget]
	// for the day boundary.
	DelayDays int `json:"delay_days,omitempty"`
	// Floors are per-major minimums; at most one per major.
	Floors []Floor `json:"floors,omitempty"`
}

// Floor is the version a Mac on one major must reach at least, whatever the rest
// of its [Policy] says: Floor{Major: 14, Version: 14.8.9}.
type Floor struct {
	Major   int     `json:"major"`   // the major the floor applies to: 14, 15, 26
	Version Version `json:"version"` // the floor, a version of Major
}

// PolicyError is a [Policy] that contradicts itself: the fields that clash, named
// as in the Policy type, and why. It wraps [ErrInvalidPolicy].
type PolicyError struct {
	Fields []string // the clashing fields, such as "Latest" and "LatestInMajor"
	Reason string   // why they clash, in words
}

// Error returns "compat: policy: Latest, LatestInMajor: …: invalid policy".
func (e *PolicyError) Error() string {
	return "compat: policy: " + strings.Join(e.Fields, ", ") + ": " + e.Reason + ": " + ErrInvalidPolicy.Error()
}

// Unwrap returns [ErrInvalidPolicy].
func (e *PolicyError) Unwrap() error { return ErrInvalidPolicy }

// IsZero reports whether p sets nothing at all: the zero Policy, which asks for
// nothing (and which [Policy.Validate] refuses).
func (p Policy) IsZero() bool {
	return !p.Minimum.IsValid() && !p.Latest && !p.LatestInMajor && !p.LatestPatch &&
		p.MaxMajor == 0 && p.DelayDays == 0 && len(p.Floors) == 0
}

// Validate reports every contradiction in p, each a [*PolicyError] naming the
// fields, joined: nothing asked for; Latest with LatestInMajor; LatestPatch without
// Minimum or with Latest; Minimum with LatestInMajor (use LatestPatch); MaxMajor
// without Latest, below Minimum's major or before macOS 11; DelayDays negative, over
// [MaxDelayDays], or without a policy that picks releases (Latest, LatestInMajor,
// LatestPatch); a floor before macOS 11, not in its own major, or a second floor
// for a major. It does not allocate when p is valid.
func (p Policy) Validate() error {
	var errs []error
	clash := func(reason string, fields ...string) {
		errs = append(errs, &PolicyError{Fields: fields, Reason: reason})
	}
	if !p.Minimum.IsValid() && !p.Latest && !p.LatestInMajor && len(p.Floors) == 0 {
		clash("the policy asks for nothing: set Minimum, Latest, LatestInMajor or Floors", "Minimum", "Latest", "LatestInMajor", "Floors")
	}
	if p.Latest && p.LatestInMajor {
		clash("the newest release overall and the newest of the Mac's own major are different targets", "Latest", "LatestInMajor")
	}
	if p.LatestPatch && !p.Minimum.IsValid() {
		clash("LatestPatch picks the newest patch of Minimum's major, and there is no Minimum", "LatestPatch", "Minimum")
	}
	if p.LatestPatch && p.Latest {
		clash("the newest patch of Minimum's major and the newest release overall are different targets", "LatestPatch", "Latest")
	}
	if p.Minimum.IsValid() && p.LatestInMajor {
		clash("LatestInMajor keeps a Mac on its own major, which may be below Minimum: use LatestPatch", "Minimum", "LatestInMajor")
	}
	switch {
	case p.MaxMajor != 0 && !p.Latest:
		clash("MaxMajor caps Latest, which is not set", "MaxMajor", "Latest")
	case p.MaxMajor < 0 || p.MaxMajor != 0 && p.MaxMajor < 11:
		clash(fmt.Sprintf("MaxMajor %d is not a macOS major from 11 on", p.MaxMajor), "MaxMajor")
	case p.MaxMajor != 0 && p.Minimum.IsValid() && p.Minimum.Major() > p.MaxMajor:
		clash(fmt.Sprintf("Minimum %v is above MaxMajor %d", p.Minimum, p.MaxMajor), "Minimum", "MaxMajor")
	}
	switch {
	case p.DelayDays < 0 || p.DelayDays > MaxDelayDays:
		clash(fmt.Sprintf("DelayDays %d is not from 0 to %d", p.DelayDays, MaxDelayDays), "DelayDays")
	case p.DelayDays != 0 && !p.picks():
		clash("DelayDays delays the releases Latest, LatestInMajor or LatestPatch pick, and none is set", "DelayDays")
	}
	for i, f := range p.Floors {
		switch {
		case f.Major < 11:
			clash(fmt.Sprintf("the floor for major %d: not a macOS major from 11 on", f.Major), "Floors")
		case !f.Version.IsValid() || f.Version.Major() != f.Major:
			clash(fmt.Sprintf("the floor %v for major %d is not in its own major", f.Version, f.Major), "Floors")
		}
		for j := range i {
			if p.Floors[j].Major == f.Major {
				clash(fmt.Sprintf("two floors for major %d", f.Major), "Floors")
				break // one problem per repeated floor, not one per pair
			}
		}
	}
	return errtext.Join(errs...)
}

// picks reports whether p picks releases from the catalogue.
func (p Policy) picks() bool { return p.Latest || p.LatestInMajor || p.LatestPatch }

// floor returns the floor for major, if p has one.
func (p Policy) floor(major int) (Version, bool) {
	for _, f := range p.Floors {
		if f.Major == major {
			return f.Version, true
		}
	}
	return Version{}, false
}
