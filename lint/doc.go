// Package lint checks what a vendor is about to deploy to a Mac beside managed OS
// updates: configuration profiles, DDM declarations and planned MDM commands,
// each on its own and together.
//
// [Check] takes the deployment's documents and returns [Finding] values in
// document order: each names the document, the payload (its type and identifier)
// and the key at fault, says what is wrong and what to change, and carries a
// [Severity] and the [Rule] that found it. Error findings break managed updates
// (a blocked Software Update pane, a declaration the Mac rejects, a
// ScheduleOSUpdate the Mac will ignore); Warning findings get in their way
// (automatic downloads caching an update behind the server's back, two
// enforcement declarations that are not Apple's two-step, the com.apple.SoftwareUpdate
// profile Apple removes in macOS 27).
//
// Declarations and commands are read with the rules of the packages that build
// them, never with rules of the lint's own: an enforcement or settings declaration
// with ddm.ReadEnforcement and ddm.ReadSettings, a command with mdmcmd.ParseCommand
// and mdmcmd.CommandContent.Validate. What those builders would refuse is an Error.
// Reading is not building, in one place: a TargetBuildVersion from another release
// than its TargetOSVersion is a Warning, because Apple's schema says the Mac then
// follows the version, while the builders still refuse to produce one.
//
// Every document is untrusted input: it is checked against [Options] Limits
// (compat.Limits) before it is decoded, and one that is over a limit gets an
// Error finding with the rule [TooLarge] instead of being read. Findings and their
// messages are bounded whatever a document holds.
//
// Schema: https://github.com/apple/device-management (mdm/profiles/
// com.apple.systempreferences.yaml, com.apple.SoftwareUpdate.yaml,
// declarative/declarations/configurations/softwareupdate.*.yaml,
// mdm/commands/system.update.schedule.yaml).
//
// All functions are pure and safe for concurrent use.
package lint
