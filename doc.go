// Package managedos is a library for MDM vendors that manage macOS updates across
// fleets of Macs. This package holds no code: it is the map, and the work is done by
// its packages. Everything is pure: bytes and values in, values and bytes out, with
// no network, no files and no clock.
//
// # The flow
//
//  1. Know the Mac. Parse what the device reports: a DeviceInformation answer
//     (package mdmcmd) or a DDM status report (package ddm) gives a compat.Mac
//     snapshot (model, chip, macOS version and build, supervision, ...), and a
//     partial report merges into the snapshot kept from before; compat.ChipForModel
//     maps a model identifier such as MacBookPro18,3 to its chip.
//  2. Decide. compat.ParseCatalog reads Apple's software-update feed (fetched by the
//     vendor), and compat.SelectTarget says which version the Mac must reach under a
//     compat.Policy ("at least 15.7.9", "the latest, a week after Apple posts it"),
//     or that it is compliant, never a release its hardware cannot run.
//     compat.ResolveMac (compat.Resolve for a chip alone) turns the Mac and that
//     target into a compat.Decision: the kind of update (minor, major, rapid
//     security response), how it is delivered (mechanism.Delivery: MDM commands,
//     startosinstall or DDM), which installer macOS runs (mechanism.Installer), what
//     must be in place first, and the rule that decided, in words for a support
//     ticket.
//  3. Build the payload. For MDM commands, mdmcmd.FromDecision builds the
//     ScheduleOSUpdate plist; for DDM, ddm.FromDecision builds the software update
//     enforcement declaration; for startosinstall, mechanism.NewStartOSInstall gives
//     the installer application and its arguments. Builders refuse a payload the Mac
//     would reject.
//  4. Read the answers. mdmcmd parses command results (OSUpdateStatus,
//     AvailableOSUpdates, errors); ddm parses the softwareupdate status items.
//  5. Follow the update to compliant: compat.Tracker reads the Mac's version and
//     timestamped observations and says compliant, installing, cached, downloading,
//     stalled or assumed-cached (a stalled download taken as already cached, and
//     enforcement proceeds).
//  6. Check the rest of the deployment: lint.Check finds profiles, declarations and
//     commands that would fight enforcement, such as a blocked Software Update pane,
//     and checks declarations and commands with the builders' own rules.
//
// For a fleet, rollout.Plan does steps 2 and 3 for each device, with staggered
// rings and deadlines; at enrollment, rollout.EnrollGate decides whether a new Mac
// must update before it enrolls, and builds Apple's 403 body.
//
// The packages: [github.com/managedos/managedos/mechanism],
// [github.com/managedos/managedos/compat], [github.com/managedos/managedos/mdmcmd],
// [github.com/managedos/managedos/ddm], [github.com/managedos/managedos/lint] and
// [github.com/managedos/managedos/rollout]. The command-line tool in
// examples/managedos runs each step from a shell:
//
//	go run ./examples/managedos resolve -chip intel -current 12.7.1 -target 14.2.1
package managedos
