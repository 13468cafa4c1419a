package compat

import (
	"slices"

	m "github.com/managedos/managedos/mechanism"
)

// KnowledgeDate is the date, yyyy-mm-dd, of the knowledge the default table
// encodes: the newest major it knows is macOS 26 (Tahoe), and Apple has announced
// that macOS 27 removes the ScheduleOSUpdate command family.
const KnowledgeDate = "2026-11-27"

// Version bounds of the default table.
var (
	v11   = MustParseVersion("11.0")
	v1201 = MustParseVersion("12.0.1")
	v13   = MustParseVersion("13.0")
	v14   = MustParseVersion("14.0")
	v27   = MustParseVersion("27.0") // the first major after LastIntelMajor
)

// intelLast is the target range every Intel row but the refusals covers.
var intelLast = below(v27)

// ruleIntelLast is the rule of the Intel refusals for targets from macOS 27.
const ruleIntelLast = "Intel Macs run nothing newer than macOS 26: Tahoe 26 is the last Intel release, macOS 27 and later run on Apple silicon only"

// below, from and within spell the default table's ranges.
func below(v Version) Range       { return Range{Before: v} }
func from(v Version) Range        { return Range{From: v} }
func within(lo, hi Version) Range { return Range{From: lo, Before: hi} }

// defaultTable is the canonical reading of the seed's two tables; see DESIGN.md.
var defaultTable = Table{AsOf: KnowledgeDate, Rows: []Row{
	// Apple silicon never ran anything older than macOS 11.
	{Chip: AppleSilicon, Kind: NoUpdate, Current: below(v11), Unsupported: true, Rule: "Apple silicon Macs never ran macOS before 11.0"},
	{Chip: AppleSilicon, Kind: Minor, Current: below(v11), Unsupported: true, Rule: "Apple silicon Macs never ran macOS before 11.0"},
	{Chip: AppleSilicon, Kind: Major, Current: below(v11), Unsupported: true, Rule: "Apple silicon Macs never ran macOS before 11.0"},
	{Chip: AppleSilicon, Kind: RSR, Current: below(v11), Unsupported: true, Rule: "Apple silicon Macs never ran macOS before 11.0"},
	{Chip: AppleSilicon, Kind: NoUpdate, Current: from(v11), Rule: "the Mac is already at the target version"},
	{Chip: Intel, Kind: NoUpdate, Target: intelLast, Rule: "the Mac is already at the target version"},

	// Before Monterey 12.0.1: no supplemental (minor) updates, no rapid security responses.
	{Chip: AppleSilicon, Kind: Minor, Current: within(v11, v1201), Unsupported: true, Rule: "minor updates are not managed on macOS before 12.0.1 (no supplemental updates before Monterey)"},
	{Chip: Intel, Kind: Minor, Current: below(v1201), Target: intelLast, Unsupported: true, Rule: "minor updates are not managed on macOS before 12.0.1 (no supplemental updates before Monterey)"},
	{Chip: AppleSilicon, Kind: RSR, Current: within(v11, v13), Unsupported: true, Rule: "rapid security responses began with macOS 13"},
	{Chip: Intel, Kind: RSR, Current: below(v13), Target: intelLast, Unsupported: true, Rule: "rapid security responses began with macOS 13"},
	{Chip: AppleSilicon, Kind: Major, Current: within(v11, v1201), Delivery: m.MDMCommands, Installer: m.SoftwareUpdate, Requires: Supervised | BootstrapToken,
		Rule: "Apple silicon upgrading from macOS before 12.0.1: ScheduleOSUpdate with InstallASAP; Software Update downloads and installs in one step with no progress shown"},
	{Chip: Intel, Kind: Major, Current: below(v13), Target: intelLast, Delivery: m.StartOSInstall, Installer: m.InstallAssistant, Requires: CachedInstaller,
		Rule: "Intel upgrading from macOS before 13.0: cache the full installer locally and run startosinstall"},

	// Monterey 12.0.1 to 12.x.
	{Chip: AppleSilicon, Kind: Minor, Current: within(v1201, v13), Delivery: m.MDMCommands, Installer: m.SoftwareUpdate, Requires: Supervised | BootstrapToken,
		Rule: "Apple silicon on macOS 12.0.1 to 12.x, minor update: ScheduleOSUpdate MDM commands through Software Update"},
	{Chip: AppleSilicon, Kind: Major, Current: within(v1201, v13), Delivery: m.MDMCommands, Installer: m.SoftwareUpdate, Requires: Supervised | BootstrapToken,
		Rule: "Apple silicon on macOS 12.0.1 to 12.x, major upgrade: ScheduleOSUpdate with InstallASAP; Software Update downloads and installs in one step with no progress shown"},
	{Chip: Intel, Kind: Minor, Current: within(v1201, v13), Target: intelLast, Delivery: m.MDMCommands, Installer: m.SoftwareUpdate, Requires: Supervised,
		Rule: "Intel on macOS 12.0.1 to 12.x, minor update: ScheduleOSUpdate MDM commands through Software Update"},

	// Ventura 13.x: MDM commands for everything.
	{Chip: AppleSilicon, Kind: Minor, Current: within(v13, v14), Delivery: m.MDMCommands, Installer: m.SoftwareUpdate, Requires: Supervised | BootstrapToken,
		Rule: "macOS 13.x, minor update: ScheduleOSUpdate MDM commands through Software Update"},
	{Chip: AppleSilicon, Kind: Major, Current: within(v13, v14), Delivery: m.MDMCommands, Installer: m.SoftwareUpdate, Requires: Supervised | BootstrapToken,
		Rule: "macOS 13.x, major upgrade: ScheduleOSUpdate MDM commands through Software Update"},
	{Chip: AppleSilicon, Kind: RSR, Current: within(v13, v14), Delivery: m.MDMCommands, Installer: m.RapidSecurityResponse, Requires: Supervised | BootstrapToken,
		Rule: "macOS 13.x, rapid security response: ScheduleOSUpdate with the ProductKey from AvailableOSUpdates"},
	{Chip: Intel, Kind: Minor, Current: within(v13, v14), Target: intelLast, Delivery: m.MDMCommands, Installer: m.SoftwareUpdate, Requires: Supervised,
		Rule: "macOS 13.x, minor update: ScheduleOSUpdate MDM commands through Software Update"},
	{Chip: Intel, Kind: Major, Current: within(v13, v14), Target: intelLast, Delivery: m.MDMCommands, Installer: m.SoftwareUpdate, Requires: Supervised,
		Rule: "macOS 13.x, major upgrade: ScheduleOSUpdate MDM commands through Software Update"},
	{Chip: Intel, Kind: RSR, Current: within(v13, v14), Target: intelLast, Delivery: m.MDMCommands, Installer: m.RapidSecurityResponse, Requires: Supervised,
		Rule: "macOS 13.x, rapid security response: ScheduleOSUpdate with the ProductKey from AvailableOSUpdates"},

	// Tahoe 26 is the last Intel release.
	{Chip: Intel, Kind: NoUpdate, Target: from(v27), Unsupported: true, Rule: ruleIntelLast},
	{Chip: Intel, Kind: Minor, Target: from(v27), Unsupported: true, Rule: ruleIntelLast},
	{Chip: Intel, Kind: Major, Target: from(v27), Unsupported: true, Rule: ruleIntelLast},
	{Chip: Intel, Kind: RSR, Target: from(v27), Unsupported: true, Rule: ruleIntelLast},

	// Sonoma 14 and every later major: Declarative Device Management.
	{Chip: AppleSilicon, Kind: Minor, Current: from(v14), Delivery: m.DDM, Installer: m.SoftwareUpdate, Requires: Supervised,
		Rule: "macOS 14.0 and later, minor update: DDM software update enforcement declaration"},
	{Chip: AppleSilicon, Kind: Major, Current: from(v14), Delivery: m.DDM, Installer: m.SoftwareUpdate, Requires: Supervised,
		Rule: "macOS 14.0 and later, major upgrade: DDM software update enforcement declaration"},
	{Chip: AppleSilicon, Kind: RSR, Current: from(v14), Delivery: m.DDM, Installer: m.RapidSecurityResponse, Requires: Supervised,
		Rule: "macOS 14.0 and later, rapid security response or background security improvement: DDM enforcement declaration"},
	{Chip: Intel, Kind: Minor, Current: from(v14), Target: intelLast, Delivery: m.DDM, Installer: m.SoftwareUpdate, Requires: Supervised,
		Rule: "macOS 14.0 and later, minor update: DDM software update enforcement declaration"},
	{Chip: Intel, Kind: Major, Current: from(v14), Target: intelLast, Delivery: m.DDM, Installer: m.SoftwareUpdate, Requires: Supervised,
		Rule: "macOS 14.0 and later, major upgrade: DDM software update enforcement declaration"},
	{Chip: Intel, Kind: RSR, Current: from(v14), Target: intelLast, Delivery: m.DDM, Installer: m.RapidSecurityResponse, Requires: Supervised,
		Rule: "macOS 14.0 and later, rapid security response or background security improvement: DDM enforcement declaration"},
}}

// DefaultTable returns a copy of the table [Resolve] uses, for a vendor to change
// and resolve against with [Table.Resolve]. Changing the copy never changes Resolve.
func DefaultTable() *Table {
	t := defaultTable
	t.Rows = slices.Clone(defaultTable.Rows)
	return &t
}
