// Package mdmcmd builds the MDM commands that drive macOS updates on Macs before
// macOS 14 (ScheduleOSUpdate, ScheduleOSUpdateScan, OSUpdateStatus,
// AvailableOSUpdates, and the DeviceInformation query the library needs), and reads
// every answer a Mac gives to them.
//
// # Building
//
// Builders return a [Command]: a complete, validated command with its CommandUUID and
// RequestType, encoded by [Command.Plist] as an XML property list. A command Apple
// would reject is never produced; the builder returns an error wrapping
// [ErrInvalidCommand] that names the key and the rule instead. The rules come from
// Apple's schema (mdm/commands/system.update.schedule.yaml in
// github.com/apple/device-management) and from device errors: a major upgrade on a
// Mac before macOS 14 takes neither NotifyOnly nor InstallLater (the Mac answers
// MCMDMErrorDomain 12008).
//
// [FromDecision] turns a [compat.Decision] whose delivery is MDM commands into the
// right ScheduleOSUpdate.
//
// Deprecated commands: Apple deprecated ScheduleOSUpdate, ScheduleOSUpdateScan,
// AvailableOSUpdates and OSUpdateStatus in macOS 26.0 and removes them in macOS 27.
// The builders refuse a Mac on 27 or later with [ErrRemoved]; Macs on 14 and later
// are enforced with declarations (package ddm).
//
// # Reading answers
//
// Parsers take the plist bytes a Mac sent and return typed values: the envelope's
// Status and ErrorChain ([Result]), UpdateResults, OSUpdateStatus items,
// AvailableOSUpdates items and DeviceInformation. They are liberal in what they
// accept (IsDownloaded as an integer, sizes and fractions as integer or real, a major
// upgrade with a build in Version and no Build) and exact in what they keep; an
// unknown key is ignored and an unknown enum value is kept, with IsValid to ask. An
// item with a problem is left out and reported, and the others are kept.
// [DeviceInformation.Mac] gives the device snapshot ([compat.Mac]).
// Input that is not an XML or binary plist is an error, although howett.net/plist
// would read some such text as an OpenStep plist.
//
// All functions are pure and safe for concurrent use.
package mdmcmd
