package compat

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	m "github.com/managedos/managedos/mechanism"
)

type resolveCase struct {
	name            string
	chip            Chip
	current, target string
	kind            Kind
	delivery        m.Delivery
	installer       m.Installer
	requires        Prerequisites
}

// seedCases holds every cell of the seed's two tables (Apple silicon: current 12.0.1+,
// 13.0+, 14.0+ against Monterey, Ventura and Sonoma minor and major columns; Intel:
// the same rows against Monterey and Ventura/Sonoma columns), plus the rule for
// upgrades from before Monterey.
var seedCases = []resolveCase{
	// Apple silicon, current 12.0.1+.
	{"apple silicon 12.0.1+ Monterey minor", AppleSilicon, "12.0.1", "12.7.6", Minor, m.MDMCommands, m.SoftwareUpdate, Supervised | BootstrapToken},
	{"apple silicon 12.0.1+ Ventura major", AppleSilicon, "12.6", "13.0", Major, m.MDMCommands, m.SoftwareUpdate, Supervised | BootstrapToken},
	{"apple silicon 12.0.1+ Sonoma major", AppleSilicon, "12.7.6", "14.2.1", Major, m.MDMCommands, m.SoftwareUpdate, Supervised | BootstrapToken},
	// Apple silicon, current 13.0+.
	{"apple silicon 13.0+ Ventura minor", AppleSilicon, "13.0", "13.6.9", Minor, m.MDMCommands, m.SoftwareUpdate, Supervised | BootstrapToken},
	{"apple silicon 13.0+ Sonoma major", AppleSilicon, "13.6.9", "14.2.1", Major, m.MDMCommands, m.SoftwareUpdate, Supervised | BootstrapToken},
	// Apple silicon, current 14.0+.
	{"apple silicon 14.0+ Sonoma minor", AppleSilicon, "14.0", "14.2.1", Minor, m.DDM, m.SoftwareUpdate, Supervised},
	{"apple silicon 14.0+ Sequoia major", AppleSilicon, "14.7", "15.1", Major, m.DDM, m.SoftwareUpdate, Supervised},
	// Intel, current 12.0.1+.
	{"intel 12.0.1+ Monterey minor", Intel, "12.0.1", "12.7.6", Minor, m.MDMCommands, m.SoftwareUpdate, Supervised},
	{"intel 12.0.1+ Ventura major", Intel, "12.6", "13.0", Major, m.StartOSInstall, m.InstallAssistant, CachedInstaller},
	{"intel 12.0.1+ Sonoma major", Intel, "12.7.1", "14.2.1", Major, m.StartOSInstall, m.InstallAssistant, CachedInstaller},
	// Intel, current 13.0+.
	{"intel 13.0+ Ventura minor", Intel, "13.0", "13.6.9", Minor, m.MDMCommands, m.SoftwareUpdate, Supervised},
	{"intel 13.0+ Sonoma major", Intel, "13.6.9", "14.2.1", Major, m.MDMCommands, m.SoftwareUpdate, Supervised},
	// Intel, current 14.0+.
	{"intel 14.0+ Sonoma minor", Intel, "14.0", "14.2.1", Minor, m.DDM, m.SoftwareUpdate, Supervised},
	{"intel 14.0+ Sequoia major", Intel, "14.7", "15.1", Major, m.DDM, m.SoftwareUpdate, Supervised},
	// Upgrades to Monterey or later from before it.
	{"apple silicon Big Sur upgrades to Monterey by MDM commands", AppleSilicon, "11.5", "12.0.1", Major, m.MDMCommands, m.SoftwareUpdate, Supervised | BootstrapToken},
	{"intel Catalina upgrades to Monterey by startosinstall", Intel, "10.15.7", "12.6", Major, m.StartOSInstall, m.InstallAssistant, CachedInstaller},
	{"intel Big Sur upgrades to Ventura by startosinstall", Intel, "11.7.10", "13.6", Major, m.StartOSInstall, m.InstallAssistant, CachedInstaller},
	{"intel 10.14 upgrades to 10.15 by startosinstall", Intel, "10.14.6", "10.15.7", Major, m.StartOSInstall, m.InstallAssistant, CachedInstaller},
}

var boundaryCases = []resolveCase{
	{"apple silicon 11.0 exactly upgrades", AppleSilicon, "11.0", "12.7", Major, m.MDMCommands, m.SoftwareUpdate, Supervised | BootstrapToken},
	{"12.0 is still before Monterey's supplemental updates: major from 12.0", AppleSilicon, "12.0", "13.1", Major, m.MDMCommands, m.SoftwareUpdate, Supervised | BootstrapToken},
	{"12.0.1 exactly takes minor updates", Intel, "12.0.1", "12.0.2", Minor, m.MDMCommands, m.SoftwareUpdate, Supervised},
	{"13.0 exactly is Ventura: intel major by MDM", Intel, "13.0", "14.0", Major, m.MDMCommands, m.SoftwareUpdate, Supervised},
	{"12.7.6 is the last Monterey: intel major by startosinstall", Intel, "12.7.6", "13.0", Major, m.StartOSInstall, m.InstallAssistant, CachedInstaller},
	{"13.7.8 is still Ventura: MDM", AppleSilicon, "13.7.8", "14.0", Major, m.MDMCommands, m.SoftwareUpdate, Supervised | BootstrapToken},
	{"14.0 exactly is DDM", Intel, "14.0", "14.0.1", Minor, m.DDM, m.SoftwareUpdate, Supervised},
	{"15 to 26 is DDM", AppleSilicon, "15.7.2", "26.1", Major, m.DDM, m.SoftwareUpdate, Supervised},
	{"26 minor is DDM", Intel, "26.0.1", "26.6.2", Minor, m.DDM, m.SoftwareUpdate, Supervised},
	{"26 to a future 27 is DDM", AppleSilicon, "26.6.2", "27.0", Major, m.DDM, m.SoftwareUpdate, Supervised},
	{"short target 14 from 13.6 is major", Intel, "13.6", "14", Major, m.MDMCommands, m.SoftwareUpdate, Supervised},
	{"minor from 10.15.6 to 10.15.7 is refused below", Intel, "10.15.7", "10.15.7", NoUpdate, m.DeliveryNone, m.InstallerNone, 0},
	{"equal versions need nothing", AppleSilicon, "14.2.1", "14.2.1", NoUpdate, m.DeliveryNone, m.InstallerNone, 0},
	{"14.2 and 14.2.0 are equal", AppleSilicon, "14.2", "14.2.0", NoUpdate, m.DeliveryNone, m.InstallerNone, 0},
	{"equal rsr versions need nothing", Intel, "13.4.1 (c)", "13.4.1 (c)", NoUpdate, m.DeliveryNone, m.InstallerNone, 0},
}

var rsrCases = []resolveCase{
	{"rsr on 13 by MDM commands", AppleSilicon, "13.4.1", "13.4.1 (a)", RSR, m.MDMCommands, m.RapidSecurityResponse, Supervised | BootstrapToken},
	{"later rsr letter on 13", Intel, "13.4.1 (a)", "13.4.1 (c)", RSR, m.MDMCommands, m.RapidSecurityResponse, Supervised},
	{"rsr on 14 by DDM", Intel, "14.1.1", "14.1.1 (a)", RSR, m.DDM, m.RapidSecurityResponse, Supervised},
	{"background security improvement on 26 without a space", AppleSilicon, "26.3", "26.3(a)", RSR, m.DDM, m.RapidSecurityResponse, Supervised},
	{"from an rsr to the next release is minor", AppleSilicon, "13.4.1 (c)", "13.5", Minor, m.MDMCommands, m.SoftwareUpdate, Supervised | BootstrapToken},
	{"from 26.3 (a) to 26.4 is minor", Intel, "26.3 (a)", "26.4", Minor, m.DDM, m.SoftwareUpdate, Supervised},
	{"rsr of a later release is a minor update", Intel, "13.4", "13.4.1 (a)", Minor, m.MDMCommands, m.SoftwareUpdate, Supervised},
}

func TestResolve(t *testing.T) {
	for _, group := range [][]resolveCase{seedCases, boundaryCases, rsrCases} {
		for _, tt := range group {
			t.Run(tt.name, func(t *testing.T) {
				cur, tgt := MustParseVersion(tt.current), MustParseVersion(tt.target)
				d, err := Resolve(tt.chip, cur, tgt)
				require.NoError(t, err)
				assert.Equal(t, tt.chip, d.Chip)
				assert.Equal(t, cur, d.Current)
				assert.Equal(t, tgt, d.Target)
				assert.Equal(t, tt.kind, d.Kind)
				assert.Equal(t, tt.delivery, d.Delivery)
				assert.Equal(t, tt.installer, d.Installer)
				assert.Equal(t, tt.requires, d.Requires)
				assert.NotEmpty(t, d.Rule)
			})
		}
	}
}

func TestResolveRefuses(t *testing.T) {
	tests := []struct {
		name            string
		chip            Chip
		current, target string
		err             error
	}{
		{"minor update before 12.0.1 on apple silicon", AppleSilicon, "11.7.10", "11.7.11", ErrUnsupported},
		{"minor update on 12.0 on intel", Intel, "12.0", "12.0.1", ErrUnsupported},
		{"minor update on catalina", Intel, "10.15.6", "10.15.7", ErrUnsupported},
		{"rsr on 12 (rsrs began in 13) apple silicon", AppleSilicon, "12.6", "12.6 (a)", ErrUnsupported},
		{"rsr on 12 intel", Intel, "12.6", "12.6 (a)", ErrUnsupported},
		{"apple silicon never ran 10.x", AppleSilicon, "10.15.7", "12.0.1", ErrUnsupported},
		{"apple silicon never ran 10.x even to stay", AppleSilicon, "10.15.7", "10.15.7", ErrUnsupported},
		{"downgrade across majors", Intel, "14.2", "13.6", ErrDowngrade},
		{"downgrade within a major", AppleSilicon, "14.2.1", "14.2", ErrDowngrade},
		{"rsr rollback to its base", AppleSilicon, "13.4.1 (c)", "13.4.1", ErrDowngrade},
		{"rsr rollback to an earlier letter", Intel, "13.4.1 (c)", "13.4.1 (a)", ErrDowngrade},
		{"unknown chip", ChipUnknown, "14.0", "14.1", ErrUnknownChip},
		{"out of range chip", Chip(9), "14.0", "14.1", ErrUnknownChip},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Resolve(tt.chip, MustParseVersion(tt.current), MustParseVersion(tt.target))
			require.ErrorIs(t, err, tt.err)
			assert.Equal(t, Decision{}, d, "no half decision")
			assert.Contains(t, err.Error(), tt.chip.String())
		})
	}
}

func TestResolveRefusalNamesTheRule(t *testing.T) {
	_, err := Resolve(AppleSilicon, MustParseVersion("12.6"), MustParseVersion("12.6 (a)"))
	require.ErrorIs(t, err, ErrUnsupported)
	assert.Contains(t, err.Error(), "12.6 → 12.6 (a)")
	assert.Contains(t, err.Error(), "rapid security responses began with macOS 13")
}

func TestResolveRefusesZeroVersions(t *testing.T) {
	_, err := Resolve(Intel, Version{}, MustParseVersion("14"))
	assert.ErrorIs(t, err, ErrInvalidVersion)
	_, err = Resolve(Intel, MustParseVersion("14"), Version{})
	assert.ErrorIs(t, err, ErrInvalidVersion)
}

// TestResolveRefusesIntelFrom27 checks the default table's Intel ceiling, as data.
func TestResolveRefusesIntelFrom27(t *testing.T) {
	for _, tt := range []struct{ current, target string }{
		{"26.6.2", "27.0"}, {"15.7.9", "27"}, {"12.7.6", "28.1"}, {"27.0", "27.1"}, {"27.0", "27.0"}, {"27.0", "27.0 (a)"},
	} {
		d, err := Resolve(Intel, MustParseVersion(tt.current), MustParseVersion(tt.target))
		require.ErrorIs(t, err, ErrUnsupported, tt)
		assert.Contains(t, err.Error(), "Tahoe 26 is the last Intel release")
		assert.Equal(t, Decision{}, d)
	}
	d, err := Resolve(Intel, MustParseVersion("26.5"), MustParseVersion("26.6.2"))
	require.NoError(t, err)
	assert.Equal(t, m.DDM, d.Delivery, "Tahoe itself is fine")
}

func TestResolveMac(t *testing.T) {
	c := mustFixture(t)
	tests := []struct {
		name     string
		mac      Mac
		cat      *Catalog
		target   string
		err      error
		says     string
		delivery m.Delivery
	}{
		{"MacBook Air M2 to Tahoe", on(macBookAirM2, "15.7.9", ""), c, "26.6.2", nil, "", m.DDM},
		{"MacBook Pro 2017 from Monterey to Ventura by startosinstall", on(macBookPro2017, "12.7.6", ""), nil, "13.7.8", nil, "", m.StartOSInstall},
		{"MacBook Pro 16-inch 2019 to 27", on(macBookPro16in, "26.6.2", ""), c, "27.0", ErrUnsupportedHardware, `model "MacBookPro16,1", device ID "J152FAP") cannot run macOS 27.0: the newest it can run is macOS 26.6.2`, 0},
		{"MacBook Pro 16-inch 2019 to 27 without a catalogue", on(Mac{Model: "MacBookPro16,1"}, "26.6.2", ""), nil, "27.0", ErrUnsupportedHardware, "the newest it can run is macOS 26 (built-in model table", 0},
		{"iMac 2019 to Tahoe", on(iMac2019, "15.7.9", ""), c, "26.0", ErrUnsupportedHardware, "macOS 15.7.9", 0},
		{"MacBook Pro 2017 to Sonoma", on(macBookPro2017, "13.7.8", ""), nil, "14.0", ErrUnsupportedHardware, `model "MacBookPro14,1") cannot run macOS 14.0: the newest it can run is macOS 13`, 0},
		{"a downgrade is refused as a downgrade first", on(macBookPro2017, "13.7.8", ""), nil, "12.7.6", ErrDowngrade, "13.7.8 → 12.7.6", 0},
		{"an unknown version", macBookAirM2, c, "26.6.2", ErrInvalidVersion, "", 0},
		{"no chip at all", on(Mac{Model: "Watch6,1"}, "10.0", ""), nil, "11.0", ErrUnknownChip, `"Watch6,1"`, 0},
		{"the table still refuses what it refuses", on(macBookAirM2, "12.6", ""), nil, "12.6 (a)", ErrUnsupported, "rapid security responses began with macOS 13", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := ResolveMac(tt.mac, MustParseVersion(tt.target), tt.cat)
			if tt.err != nil {
				require.ErrorIs(t, err, tt.err)
				assert.Contains(t, err.Error(), tt.says)
				assert.Equal(t, Decision{}, d)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.delivery, d.Delivery)
			want, err := Resolve(d.Chip, tt.mac.Version, MustParseVersion(tt.target))
			require.NoError(t, err)
			assert.Equal(t, want, d, "the same decision as Resolve")

			d2, err := DefaultTable().ResolveMac(tt.mac, MustParseVersion(tt.target), tt.cat)
			require.NoError(t, err)
			assert.Equal(t, d, d2, "a copy of the table decides alike")
		})
	}
}

func TestResolveMacDoesNotAllocate(t *testing.T) {
	c := mustFixture(t)
	mac, target := on(macBookAirM2, "15.7.9", ""), MustParseVersion("26.6.2")
	allocs := testing.AllocsPerRun(100, func() {
		if _, err := ResolveMac(mac, target, c); err != nil {
			t.Fatal(err)
		}
	})
	assert.Zero(t, allocs)
}

// TestVendorTableCanRuleOnTargets shows a target-based rule a vendor may write:
// DDM only for targets from 15, so a minor update within Sonoma goes by MDM
// commands.
func TestVendorTableCanRuleOnTargets(t *testing.T) {
	tb := DefaultTable()
	r := findRow(tb, AppleSilicon, Minor, v14)
	below15 := *r
	below15.Target = Range{Before: MustParseVersion("15")}
	below15.Delivery, below15.Requires, below15.Rule = m.MDMCommands, Supervised|BootstrapToken, "our fleet: DDM only for targets from 15"
	r.Target = Range{From: MustParseVersion("15")}
	tb.Rows = append(tb.Rows, below15)
	require.NoError(t, tb.Validate())

	d, err := tb.Resolve(AppleSilicon, MustParseVersion("14.2"), MustParseVersion("14.8.9"))
	require.NoError(t, err)
	assert.Equal(t, m.MDMCommands, d.Delivery)
	assert.Equal(t, "our fleet: DDM only for targets from 15", d.Rule)
	d, err = tb.Resolve(AppleSilicon, MustParseVersion("15.1"), MustParseVersion("15.7.9"))
	require.NoError(t, err)
	assert.Equal(t, m.DDM, d.Delivery)
	assert.Contains(t, tb.Markdown(), "| `>= 14.0` | `< 15.0` | `mdm-commands` (`software-update`) |")

	below15.Requires = Supervised
	tb.Rows[len(tb.Rows)-1] = below15
	assert.ErrorContains(t, tb.Validate(), "must require the bootstrap token")
}
