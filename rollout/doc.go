// Package rollout takes one Mac, or a whole fleet one Mac at a time, through its
// update: what it must reach, how, in which ring of a staggered rollout, by when, and
// the payload to send; and it decides at the door whether a Mac enrolling through
// Automated Device Enrollment must update first.
//
// # One device's step
//
// A [Plan] holds what the fleet shares: a fixed target or a [compat.Policy] (with
// Apple's catalogue), the rings, the deadline policy and whether to build payloads.
// [Plan.Step] applies it to one [Device]: [Plan.Decide] picks the target and the
// delivery from the Mac's snapshot ([compat.SelectTarget], [compat.ResolveMac]), and
// [Plan.Schedule] places the device in its ring, sets its deadline and builds the
// ScheduleOSUpdate ([CommandUUID] makes its UUID stable), the enforcement
// declarations or the startosinstall invocation. Decide depends only on the part of
// the snapshot [Plan.ShapeOf] keeps, so a fleet of a million Macs needs only as many
// decisions as it has shapes; the managedos plan verb streams an inventory this way.
//
// # The enrollment gate
//
// [EnrollGate.Decide] reads an enrolling Mac's MachineInfo and answers with an
// [Enrollment]: let it enroll (compliant, or it cannot be asked before macOS 14 or
// without MDM_CAN_REQUEST_SOFTWARE_UPDATE, and then the update happens after
// enrollment by the delivery it names), or require the update with Apple's
// com.apple.softwareupdate.required 403 body. It never asks for a version the Mac's
// hardware cannot run, nor for a downgrade: such a Mac enrolls, with a warning.
//
// # Rings
//
// [ParseRings] reads a spec such as "canary=5%:0,early=25%:3,broad=100%:7": named
// rings, each with a cumulative share of the fleet and an offset in days. A Mac's ring
// is the one its inventory names, or else the one a stable hash of its id falls in
// ([Rings.Assign], [Bucket]): the same id always lands in the same ring, and each
// ring gets its share of a large fleet.
//
// # Deadlines
//
// A [DeadlinePolicy] places a deadline a number of days after the release's posting
// date, plus the ring's offset, at a local time of day ([ParseTimeOfDay]), either in
// an enforcement time zone the caller loads or on each Mac's own clock (DDM's civil
// TargetLocalDateTime). A deadline already past moves forward by the policy's grace
// days; days on which the clocks skip or repeat an hour have one documented answer
// ([DeadlinePolicy.Deadline]).
//
// Everything here is pure: no clock (now is always passed in), no files, no time zone
// database beyond the *time.Location values the caller passes. All functions are
// safe for concurrent use.
package rollout
