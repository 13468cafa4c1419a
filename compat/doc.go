// Package compat decides what a Mac must reach and how: it parses chips, macOS
// versions and builds and Apple's software-update catalogue, knows which macOS each
// Mac's hardware runs, chooses the version a policy asks of each Mac, classifies the
// update, and resolves it against a validated compatibility table into a
// [Decision].
//
// # Versions and builds
//
// [Version] is a macOS version (14.2.1, 10.15.7) with an optional rapid security
// response letter (13.4.1 (c), also accepted as 13.4.1(c)); Apple calls these
// Background Security Improvements from macOS 26.1, and they parse and compare the
// same way. [Build] is a build identifier (23C71, 22F770820d). Both are small
// comparable values with hand-written parsers that do not allocate.
//
// # The compatibility table
//
// [Resolve] reads the default table, the canonical reading of the managed OS
// compatibility tables (knowledge as of [KnowledgeDate]):
//
//   - macOS 14.0 and later: Declarative Device Management for every kind of update.
//   - macOS 13.x: ScheduleOSUpdate MDM commands, rapid security responses included.
//   - macOS 12.0.1 to 12.x: MDM commands, except Intel major upgrades, which cache
//     the full installer and run startosinstall.
//   - Before 12.0.1: only major upgrades (MDM commands with InstallASAP on Apple
//     silicon, startosinstall on Intel); Apple silicon never ran anything before 11.0.
//
// The table is data: [DefaultTable] returns a copy a vendor may change and resolve
// against with [Table.Resolve]; [Table.Validate] proves the rows cover every chip,
// kind, current version and target version exactly once, and [Table.Markdown]
// prints the matrix.
//
// Rows may also depend on the target version: the default table refuses any Intel
// target from macOS 27 on (Tahoe 26 is the last Intel release), and a vendor's table
// can say "DDM only for targets from 15". [ResolveMac] adds the hardware check to
// Resolve for one [Mac].
//
// # Apple's catalogue
//
// [ParseCatalog] reads the bytes of Apple's software-update feed
// (https://gdmf.apple.com/v2/pmv, bare or as SOFA caches it) into a [Catalog]: the
// releases Apple offers or still signs, with builds, posting dates and the
// software-update device IDs that can install them, and the Background Security
// Improvements with the build each installs on. The vendor fetches the feed; this
// package does no I/O.
//
// # Hardware
//
// [HardwareOf] says which macOS a Mac can run. With a catalogue and the Mac's
// software-update device ID (DeviceInformation SoftwareUpdateDeviceID, DDM
// softwareupdate.device-id) the catalogue's device lists decide; otherwise the
// built-in model table (Monterey 12 to Tahoe 26, as of [HardwareKnowledgeDate])
// does; a model the library has never seen falls back to its chip's rules: Intel
// runs nothing after [LastIntelMajor]. A target the hardware cannot run is
// [ErrUnsupportedHardware], naming the newest macOS the Mac can reach.
//
// # Targets
//
// [SelectTarget] applies a [Policy] (a minimum, the latest release, the latest of the
// Mac's major, a delay in days after Apple posts a release, floors per major) to one
// Mac and returns a [Target]: compliant, or the version, build and posting date to
// reach, with the [Reason] as data that prints as words. Once the catalogue is parsed
// it takes well under a microsecond and no allocation per Mac.
//
// # Errors
//
// Failures wrap one of the sentinel errors ([ErrInvalidVersion], [ErrInvalidBuild],
// [ErrUnknownChip], [ErrDowngrade], [ErrUnsupported], [ErrUnsupportedHardware],
// [ErrInvalidCatalog], [ErrInvalidPolicy], ...) with the values that caused them;
// match them with [errors.Is].
//
// All functions are pure and safe for concurrent use.
package compat
