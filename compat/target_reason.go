package compat

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/managedos/managedos/internal/enum"
	"github.com/managedos/managedos/internal/errtext"
)

// ReasonCode says which part of a [Policy] decided a [Target]. The zero value,
// ReasonNone, is no reason: SelectTarget never returns it.
type ReasonCode uint8

const (
	// ReasonNone is the zero ReasonCode. Token "none".
	ReasonNone ReasonCode = iota
	// ReasonAtMinimum: compliant, at or past the policy's Minimum. Token
	// "at-minimum".
	ReasonAtMinimum
	// ReasonAtFloor: compliant, at or past the floor of the Mac's major. Token
	// "at-floor".
	ReasonAtFloor
	// ReasonAtNewest: compliant, at or past the newest release Latest,
	// LatestInMajor or LatestPatch picks, or nothing newer qualifies. Token
	// "at-newest".
	ReasonAtNewest
	// ReasonNoPolicy: compliant, the policy has only floors and none for the
	// Mac's major. Token "no-policy".
	ReasonNoPolicy
	// ReasonMinimum: the target is the policy's Minimum. Token "minimum".
	ReasonMinimum
	// ReasonFloor: the target is the floor of the Mac's major. Token "floor".
	ReasonFloor
	// ReasonLatest: the target is the newest release the Mac can run. Token
	// "latest".
	ReasonLatest
	// ReasonLatestInMajor: the target is the newest release of the Mac's major.
	// Token "latest-in-major".
	ReasonLatestInMajor
	// ReasonLatestPatch: the target is the newest release of Minimum's major.
	// Token "latest-patch".
	ReasonLatestPatch
	// ReasonBSI: the target is a Background Security Improvement on the build the
	// Mac runs. Token "bsi".
	ReasonBSI
	// ReasonBSIBase: step 1 of 2: the target is the base a Background Security
	// Improvement installs on. Token "bsi-base".
	ReasonBSIBase
	// ReasonNextSigned: the version the policy names is not installable on this
	// Mac (Apple no longer signs it, or it is an improvement the Mac cannot
	// reach), so the target is the oldest release above it the Mac can install.
	// Token "next-signed".
	ReasonNextSigned
)

var reasonTokens = enum.Tokens[ReasonCode]{
	Type: "ReasonCode",
	Names: []string{"none", "at-minimum", "at-floor", "at-newest", "no-policy", "minimum", "floor",
		"latest", "latest-in-major", "latest-patch", "bsi", "bsi-base", "next-signed"},
}

// String returns the token of c.
func (c ReasonCode) String() string { return reasonTokens.String(c) }

// MarshalText returns the token of c.
func (c ReasonCode) MarshalText() ([]byte, error) { return reasonTokens.Marshal(c) }

// UnmarshalText sets c from its token.
func (c *ReasonCode) UnmarshalText(text []byte) error {
	v, err := reasonTokens.Parse(string(text))
	if err != nil {
		return fmt.Errorf("compat: %w", err)
	}
	*c = v
	return nil
}

// blocker says why the version a policy names cannot be installed as it is.
type blocker uint8

const (
	blockNone        blocker = iota
	blockUnsigned            // not in the catalogue: Apple no longer signs it
	blockBaseMissing         // an improvement whose base Apple no longer signs
	blockNotListed           // an improvement the catalogue does not list for the device
	blockOtherBuild          // an improvement for another build of the base
	blockUnknown             // an improvement the catalogue does not have
)

// Reason is why [SelectTarget] chose a [Target], as data: [Reason.String] puts it
// in words a support engineer can paste into a ticket, only when asked, so that
// choosing a target costs no allocation. Reasons are comparable values.
type Reason struct {
	Code ReasonCode // which part of the policy decided
	// Current is the Mac's version and Target the version it must reach (zero
	// when compliant).
	Current, Target Version
	// Policy is the version the policy names for this Mac (its Minimum or floor),
	// or the newest release the policy picks; zero when there is none.
	Policy Version
	// Prerequisite is the build a Background Security Improvement installs on,
	// for ReasonBSI and ReasonBSIBase.
	Prerequisite Build
	// Major is the major a floor, LatestInMajor or LatestPatch is about, or
	// MaxMajor for Latest; 0 when none.
	Major int
	// DelayDays is the policy's delay, for the codes that pick releases.
	DelayDays int
	// Catalog reports whether Apple's catalogue was given.
	Catalog bool
	// Basis says where the hardware knowledge came from; Model and DeviceID are
	// the Mac's, for the words.
	Basis           Basis
	Model, DeviceID string

	blocked blocker
}

// String returns r in words, such as "below the minimum 15.7.9; hardware support
// from Apple's catalogue (device ID J413AP)".
func (r Reason) String() string {
	var b strings.Builder
	v := func(x Version) string { return x.String() }
	major := strconv.Itoa(r.Major)
	switch r.Code {
	case ReasonAtMinimum:
		b.WriteString("macOS " + v(r.Current) + " is at or past the minimum " + v(r.Policy))
	case ReasonAtFloor:
		b.WriteString("macOS " + v(r.Current) + " is at or past the floor " + v(r.Policy) + " for macOS " + major)
	case ReasonAtNewest:
		if r.Policy.IsValid() {
			b.WriteString("macOS " + v(r.Current) + " is at or past " + v(r.Policy) + ", the newest release the policy picks for this Mac")
		} else {
			b.WriteString("no release the policy picks for this Mac is newer than macOS " + v(r.Current))
		}
		r.delay(&b)
	case ReasonNoPolicy:
		b.WriteString("the policy has no floor for macOS " + major + " and nothing else applies")
	case ReasonMinimum:
		b.WriteString("below the minimum " + v(r.Policy))
	case ReasonFloor:
		b.WriteString("below the floor " + v(r.Policy) + " for macOS " + major)
	case ReasonLatest:
		b.WriteString("the newest release this Mac can run")
		if r.Major != 0 {
			b.WriteString(" up to macOS " + major)
		}
		r.delay(&b)
	case ReasonLatestInMajor:
		b.WriteString("the newest release of macOS " + major + " this Mac can run")
		r.delay(&b)
	case ReasonLatestPatch:
		b.WriteString("below the minimum " + v(r.Policy) + ": the newest release of macOS " + major + " at or past it")
		r.delay(&b)
	case ReasonBSI:
		b.WriteString("the background security improvement " + v(r.Target) + " installs on the build this Mac runs (" + r.Prerequisite.String() + ")")
	case ReasonBSIBase:
		b.WriteString("step 1 of 2: the background security improvement " + v(r.Policy) + " installs only on " + v(r.Target))
		if r.Prerequisite.IsValid() {
			b.WriteString(" (" + r.Prerequisite.String() + ")")
		}
		b.WriteString(", so this Mac reaches " + v(r.Target) + " first and the improvement second")
	case ReasonNextSigned:
		b.WriteString(v(r.Policy) + " " + r.blocked.String() + ": " + v(r.Target) + " is the oldest release above it this Mac can install")
	default:
		return r.Code.String()
	}
	if r.Target.IsValid() {
		b.WriteString("; " + r.hardware())
	}
	return b.String()
}

// delay adds the policy's delay to a pick's words.
func (r Reason) delay(b *strings.Builder) {
	if r.DelayDays > 0 {
		b.WriteString(" among releases posted at least " + strconv.Itoa(r.DelayDays) + " days ago")
	}
}

// hardware says where the knowledge of the Mac's hardware came from.
func (r Reason) hardware() string {
	var s string
	switch r.Basis {
	case BasisCatalog:
		s = "hardware support from Apple's catalogue (device ID " + errtext.Quote(r.DeviceID) + ")"
	case BasisModel:
		s = "hardware support from the built-in model table for " + errtext.Quote(r.Model) + " (knowledge of " + HardwareKnowledgeDate + ")"
		if r.Catalog && r.DeviceID != "" {
			s += "; the catalogue does not list device ID " + errtext.Quote(r.DeviceID)
		}
	case BasisChip:
		s = "chip rules only"
		if r.Model != "" {
			s += ": model " + errtext.Quote(r.Model) + " is unknown to the library"
		}
	}
	if !r.Catalog {
		s += "; without Apple's catalogue, so no build or posting date"
	}
	return s
}

// String says why the version named cannot be installed as it is.
func (b blocker) String() string {
	switch b {
	case blockUnsigned:
		return "is not in Apple's catalogue for this Mac (Apple no longer signs it)"
	case blockBaseMissing:
		return "installs only on a base that Apple no longer signs, so a Mac below the base cannot take the two steps"
	case blockNotListed:
		return "is not offered to this Mac's device ID"
	case blockOtherBuild:
		return "installs only on another build of this Mac's version"
	case blockUnknown:
		return "is not in Apple's catalogue"
	}
	return "cannot be installed"
}

// MarshalText returns r in words, as String does.
func (r Reason) MarshalText() ([]byte, error) { return []byte(r.String()), nil }
