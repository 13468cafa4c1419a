// Package rollout holds the fleet-wide policies of an update: which ring of a
// staggered rollout each Mac is in, and when each Mac's deadline falls.
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
// Everything here is pure: no clock, no files, no time zone database beyond the
// *time.Location values the caller passes. All functions are safe for concurrent use.
package rollout
