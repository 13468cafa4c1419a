// Package compat decides how a Mac reaches a macOS version: it parses chips, macOS
// versions and builds, classifies the update, and resolves it against a validated
// compatibility table into a [Decision].
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
// kind and current version exactly once, and [Table.Markdown] prints the matrix.
//
// # Errors
//
// Failures wrap one of the sentinel errors ([ErrInvalidVersion], [ErrInvalidBuild],
// [ErrUnknownChip], [ErrDowngrade], [ErrUnsupported], ...) with the values that
// caused them; match them with [errors.Is].
//
// All functions are pure and safe for concurrent use.
package compat
