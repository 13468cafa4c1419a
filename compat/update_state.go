package compat

import (
	"fmt"
	"time"

	"github.com/managedos/managedos/mechanism"
)

// Tracker follows one update on one Mac: the target the Mac must reach and how
// patient to be with a download that does not progress. Its [Tracker.State] is the
// update's whole state, [mechanism.Compliant] included, by the rules of
// [mechanism.InferCacheFor]. The zero Tracker has no target; State refuses it.
type Tracker struct {
	// Target is the version the Mac must reach; required.
	Target Version
	// ProductKey is the update's product key, when the vendor knows it (from
	// AvailableOSUpdates or a ScheduleOSUpdate it sent): observations naming it are
	// about the target. Optional.
	ProductKey string
	// Policy is how long and how often a download may fail to progress before the
	// update is assumed cached; the zero value is the default.
	Policy mechanism.CachePolicy
}

// State returns the state of t's update on mac at now, from the observations:
//
//   - mac at or past the target is [mechanism.Compliant] whatever the observations
//     say (see [Tracker.Reached]); the verdict then reads no observation.
//   - Otherwise the observations about the target ([Tracker.About]) decide, as
//     [mechanism.InferCacheFor] says: installing, cached, downloading, stalled (with
//     EnforceAt), assumed-cached (with Since), or unknown, with the Mac's last
//     failure reason when failures led there.
//
// A zero Target wraps [ErrInvalidVersion]. State is pure and, like the inference, does
// not allocate when obs is in time order.
func (t Tracker) State(mac Mac, obs []mechanism.Observation, now time.Time) (mechanism.CacheVerdict, error) {
	if !t.Target.IsValid() {
		return mechanism.CacheVerdict{}, fmt.Errorf("compat: Tracker: Target: missing: %w", ErrInvalidVersion)
	}
	if t.Reached(mac) {
		return mechanism.CacheVerdict{State: mechanism.Compliant}, nil
	}
	return mechanism.InferCacheFor(obs, t.About, now, t.Policy), nil
}

// Reached reports whether mac is at or past the target: its version compares at or
// after it (a beta of the target, a rapid security response on it and any newer
// release count), or, when the Mac's version is not known, its build belongs to a
// later major release. A Mac whose version and build are both unknown has not
// reached it.
func (t Tracker) Reached(mac Mac) bool {
	switch {
	case !t.Target.IsValid():
		return false
	case mac.Version.IsValid():
		return mac.Version.Compare(t.Target) >= 0
	case mac.Build.IsValid():
		r := mac.Build.Release()
		return r.IsValid() && r.Compare(t.Target) > 0 && !r.SameMajor(t.Target)
	}
	return false
}

// About reports whether an observation's Target names t's update: an empty target
// (the Mac did not say) is about any update; t's ProductKey, exactly, is; a version is
// when it is at or past t's Target, since installing it makes the Mac compliant (a DDM
// Mac told to reach 14.2 reports the 14.2.1 it picked); anything else, an older
// version or another product key, is another update. It does not allocate.
func (t Tracker) About(target string) bool {
	if target == "" || target == t.ProductKey {
		return true
	}
	v, reason := parseVersion(target)
	return reason == "" && v.Compare(t.Target) >= 0
}
