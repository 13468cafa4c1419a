// Package ddm builds the Declarative Device Management declarations that enforce
// macOS updates on macOS 14 and later, and reads the status reports Macs send back.
//
// # Declarations
//
// [NewEnforcement] builds a com.apple.configuration.softwareupdate.enforcement.specific
// declaration: a target version, an optional build, a deadline as a civil
// [LocalDateTime] the Mac reads in its own time zone, and an optional details URL.
// [FromDecision] builds one from a [compat.Decision] whose delivery is DDM, under one
// fixed identifier per Mac ([DefaultEnforcementIdentifier]), so a new target replaces
// the old declaration; [FromDecisionSteps] also builds Apple's two declarations for a
// supplemental update (a Background Security Improvement) on a base the Mac is not on
// yet: the base first, then the supplemental update on it.
// [NewSettings] builds com.apple.configuration.softwareupdate.settings (macOS 15 and
// later), which can turn automatic downloads off next to enforcement.
//
// Every declaration carries a ServerToken derived from its canonical content: the same
// input always gives byte-identical JSON and the same token, and any change gives a
// new token, so a server re-sends only declarations that changed.
//
// # Status
//
// [ParseStatusReport] reads the JSON status report a Mac sends (the StatusItems tree
// and Errors) into typed values: the softwareupdate.install-state,
// pending-version, failure-reason and install-reason items, the operating system's
// version and build, the model, serial number, UDID, software update device ID and
// beta enrollment, the client's capabilities, and the status of each declaration. A
// report with a bad item returns everything else it could read and one error per bad
// item. [StatusReport.Mac] gives the device snapshot ([compat.Mac]) a report says;
// [StatusReport.MergeInto] folds a partial report into the previous snapshot; and
// [StatusReport.Observation] feeds compat's Tracker, which follows the update to
// compliant.
//
// Schema: https://github.com/apple/device-management (declarative/declarations/
// configurations/softwareupdate.*.yaml and declarative/status/softwareupdate.*.yaml).
//
// All functions are pure and safe for concurrent use.
package ddm
