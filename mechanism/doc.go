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
// reports, package ddm) and a time now into a [CacheVerdict]: installing, cached,
// downloading, stalled (with the earliest moment it can turn), assumed-cached
// (after at least [DefaultMinStalls] non-progressing observations spanning
// [DefaultCacheWindow], unless a [CachePolicy] says otherwise), or unknown. A
// verdict reached through failures carries the Mac's last failure reason. The order
// the observations arrive in never changes the verdict; [InferCacheFor] lists the
// rules.
//
// A Mac at or past the target is compliant whatever the observations say. Only a
// caller that knows versions can tell, so package compat's Tracker, which knows the
// Mac's version and the target, adds that rule and decides which observations are
// about the target, and calls [InferCacheFor] for the rest.
//
// All functions are pure and safe for concurrent use.
package mechanism
