// Package mechanism is the vocabulary shared by the rest of managedos: how a vendor
// drives a macOS update ([Delivery]), which macOS installer ends up running it
// ([Installer]), the startosinstall invocation for Intel upgrades, and the state of
// an update on one Mac ([CacheState]), inferred from what the Mac reports.
//
// The values are small comparable enums. Their zero values, [DeliveryNone] and
// [InstallerNone], mean "nothing to do" or "not known" and are never a valid choice
// by accident. Each has String, MarshalText and UnmarshalText using the tokens listed
// with its constants, so the same value reads the same in Go, JSON, plists and logs.
//
// # The update's state
//
// macOS may not report that an update is already cached: the user downloaded it, or
// automatic downloads did. Repeated non-progressing downloads or failures over three
// hours therefore mean "assume cached and enforce". [InferCacheFor] turns timestamped
// [Observation] values (from OSUpdateStatus items, package mdmcmd, or DDM status
// reports, package ddm) and a time now into a [CacheVerdict]:
//
//   - Observations about another target are ignored, as are those after now; the
//     rest are taken in time order whatever order they arrive in.
//   - The latest observation installing gives installing; a reported download
//     (downloaded, DDM prepared) gives cached.
//   - Progress is a percent above 0 and above the best since the last failure (a
//     failure ends an attempt, so a restarted download that climbs is progress
//     again), and the DDM state downloading. A first report at 0% or with no
//     percent is not progress. Failures and percents that are not progress do not
//     progress; the DDM states none and waiting, and reports with no install state,
//     are neutral: neither progress nor stall.
//   - The stall starts at the first observation of the current run of
//     non-progressing ones. At least MinStalls of them (default 2) and now − start ≥
//     Window (default 3 hours) give assumed-cached, since the later of start +
//     Window and the MinStalls-th observation; otherwise stalled, with EnforceAt =
//     start + Window, the earliest it can become assumed-cached. The latest
//     observation progressing gives downloading; nothing gives unknown. A verdict
//     reached through failures carries the Mac's last failure reason.
//
// A Mac at or past the target is compliant whatever the observations say. Only a
// caller that knows versions can tell, so package compat's Tracker, which knows the
// Mac's version and the target, adds that rule and decides which observations are
// about the target, and calls [InferCacheFor] for the rest.
//
// All functions are pure and safe for concurrent use.
package mechanism
