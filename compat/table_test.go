package compat

import (
	"encoding/json"
	"slices"
	"testing"

	"github.com/Masterminds/semver/v3"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	m "github.com/managedos/managedos/mechanism"
)

func TestDefaultTableValidates(t *testing.T) {
	require.NoError(t, DefaultTable().Validate())
}

func TestValidateFindsBrokenTables(t *testing.T) {
	tests := []struct {
		name   string
		mutate func(*Table)
		says   string
	}{
		{"a gap", func(tb *Table) {
			r := findRow(tb, Intel, Minor, v13)
			r.Current.From = MustParseVersion("13.1")
		}, "intel minor: gap at current >= 13.0, < 13.1, target < 27.0"},
		{"an overlap", func(tb *Table) {
			r := findRow(tb, Intel, Minor, v13)
			r.Current.From = MustParseVersion("12.5")
		}, "overlap at current >= 12.5, < 13.0, target < 27.0"},
		{"a missing row", func(tb *Table) {
			tb.Rows = deleteRow(tb.Rows, findRow(tb, AppleSilicon, RSR, v14))
		}, "apple-silicon rsr: gap at current >= 14.0: "},
		{"a gap at the bottom", func(tb *Table) {
			tb.Rows = deleteRow(tb.Rows, findRow(tb, Intel, Minor, Version{}))
		}, "intel minor: gap at current < 12.0.1, target < 27.0"},
		{"no rows for a kind", func(tb *Table) {
			tb.Rows = slices.DeleteFunc(tb.Rows, func(r Row) bool { return r.Chip == Intel && r.Kind == NoUpdate })
		}, "intel none: no rows"},
		{"a gap in the targets", func(tb *Table) {
			tb.Rows = slices.DeleteFunc(tb.Rows, func(r Row) bool { return r.Chip == Intel && r.Kind == Major && r.Unsupported })
		}, "intel major: gap at current < 13.0, target >= 27.0"},
		{"targets that overlap", func(tb *Table) {
			findRow(tb, Intel, Minor, v14).Target = Range{}
		}, "overlap at current >= 14.0, target >= 27.0"},
		{"an empty target range", func(tb *Table) {
			findRow(tb, Intel, Minor, v14).Target = Range{From: v27, Before: v14}
		}, "empty target range"},
		{"apple silicon over MDM commands without the bootstrap token", func(tb *Table) {
			findRow(tb, AppleSilicon, Minor, v13).Requires = Supervised
		}, "row 15: Apple silicon over MDM commands must require the bootstrap token"},
		{"an empty range", func(tb *Table) {
			findRow(tb, Intel, Minor, v13).Current.Before = v13
		}, "empty range"},
		{"a row without a rule", func(tb *Table) { findRow(tb, Intel, Minor, v13).Rule = "" }, "no rule"},
		{"a refusal with a delivery", func(tb *Table) {
			findRow(tb, Intel, Minor, Version{}).Delivery = m.MDMCommands
		}, "refusal with delivery"},
		{"a supported row without a delivery", func(tb *Table) {
			findRow(tb, Intel, Minor, v13).Delivery = m.DeliveryNone
		}, "without delivery"},
		{"no update with a delivery", func(tb *Table) {
			findRow(tb, Intel, NoUpdate, Version{}).Delivery = m.DDM
		}, "no update with delivery"},
		{"an unknown chip", func(tb *Table) { tb.Rows = append(tb.Rows, Row{Rule: "x"}) }, "chip unknown"},
		{"an unknown kind", func(tb *Table) { tb.Rows = append(tb.Rows, Row{Chip: Intel, Kind: 9, Rule: "x"}) }, "kind Kind(9)"},
		{"an out-of-range delivery", func(tb *Table) { findRow(tb, Intel, Minor, v13).Delivery = 9 }, "delivery Delivery(9)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tb := DefaultTable()
			tt.mutate(tb)
			err := tb.Validate()
			require.ErrorIs(t, err, ErrInvalidTable)
			assert.Contains(t, err.Error(), tt.says)
		})
	}
}

// findRow returns the row deciding for chip, kind and current on the way to a target
// before macOS 27.
func findRow(tb *Table, chip Chip, kind Kind, current Version) *Row {
	r := tb.lookup(chip, kind, current, v14)
	if r == nil {
		panic("no row")
	}
	return r
}

func deleteRow(rows []Row, r *Row) []Row {
	for i := range rows {
		if &rows[i] == r {
			return append(rows[:i], rows[i+1:]...)
		}
	}
	panic("row not in table")
}

func TestDefaultTableIsACopy(t *testing.T) {
	tb := DefaultTable()
	findRow(tb, Intel, Major, v1201).Delivery = m.MDMCommands
	findRow(tb, Intel, Major, v1201).Installer = m.SoftwareUpdate
	require.NoError(t, tb.Validate())

	d, err := tb.Resolve(Intel, MustParseVersion("12.7.1"), MustParseVersion("14.2.1"))
	require.NoError(t, err)
	assert.Equal(t, m.MDMCommands, d.Delivery, "the vendor's table decides")

	d, err = Resolve(Intel, MustParseVersion("12.7.1"), MustParseVersion("14.2.1"))
	require.NoError(t, err)
	assert.Equal(t, m.StartOSInstall, d.Delivery, "the default table is unchanged")
}

func TestTableWithoutARowRefuses(t *testing.T) {
	tb := &Table{}
	_, err := tb.Resolve(Intel, MustParseVersion("14"), MustParseVersion("14.1"))
	assert.ErrorIs(t, err, ErrUnsupported)
}

func TestTableRoundTripsThroughJSON(t *testing.T) {
	b, err := json.Marshal(DefaultTable())
	require.NoError(t, err)
	var back Table
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, DefaultTable(), &back)
	require.NoError(t, back.Validate())
}

// TestRangesReadAsSemverConstraints checks that every range of the default table,
// printed as a constraint, means the same to github.com/Masterminds/semver/v3.
func TestRangesReadAsSemverConstraints(t *testing.T) {
	var probes []Version
	for major := 10; major <= 28; major++ {
		for minor := 0; minor <= 16; minor++ {
			for patch := 0; patch <= 2; patch++ {
				probes = append(probes, newVersion(uint16(major), uint16(minor), uint16(patch), 0))
			}
		}
	}
	for _, r := range DefaultTable().Rows {
		for _, rg := range []Range{r.Current, r.Target} {
			c, err := semver.NewConstraint(rg.String())
			require.NoError(t, err, rg.String())
			for _, v := range probes {
				sv, err := v.Semver()
				require.NoError(t, err)
				assert.Equalf(t, c.Check(sv), rg.Contains(v), "%q contains %v", rg, v)
			}
		}
	}
}

func TestSemverBridge(t *testing.T) {
	sv, err := MustParseVersion("14.2").Semver()
	require.NoError(t, err)
	assert.Equal(t, "14.2.0", sv.String())
	v, err := VersionFromSemver(sv)
	require.NoError(t, err)
	assert.Equal(t, MustParseVersion("14.2.0"), v)

	_, err = MustParseVersion("13.4.1 (c)").Semver()
	assert.ErrorIs(t, err, ErrInvalidVersion, "an RSR has no semver form")
	_, err = Version{}.Semver()
	assert.ErrorIs(t, err, ErrInvalidVersion)
	for _, s := range []string{"14.0.0-beta2", "14.0.0+a", "0.1.0", "70000.0.0"} {
		_, err := VersionFromSemver(semver.MustParse(s))
		assert.ErrorIs(t, err, ErrInvalidVersion, s)
	}
	_, err = VersionFromSemver(nil)
	assert.ErrorIs(t, err, ErrInvalidVersion)
}

func TestRangeString(t *testing.T) {
	assert.Equal(t, "*", Range{}.String())
	assert.Equal(t, "< 11.0", Range{Before: v11}.String())
	assert.Equal(t, ">= 14.0", Range{From: v14}.String())
	assert.Equal(t, ">= 12.0.1, < 13.0", Range{From: v1201, Before: v13}.String())
}

func TestKindText(t *testing.T) {
	for _, k := range []Kind{NoUpdate, Minor, Major, RSR} {
		b, err := k.MarshalText()
		require.NoError(t, err)
		var back Kind
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, k, back)
	}
	assert.Equal(t, []string{"none", "minor", "major", "rsr"}, []string{NoUpdate.String(), Minor.String(), Major.String(), RSR.String()})
	var k Kind
	assert.ErrorIs(t, k.UnmarshalText([]byte("patch")), ErrUnknownKind)
	_, err := Kind(4).MarshalText()
	assert.ErrorIs(t, err, ErrUnknownKind)
}

func TestPrerequisitesText(t *testing.T) {
	tests := []struct {
		p    Prerequisites
		text string
	}{
		{0, ""},
		{Supervised, "supervised"},
		{Supervised | BootstrapToken, "supervised+bootstrap-token"},
		{CachedInstaller, "cached-installer"},
	}
	for _, tt := range tests {
		b, err := tt.p.MarshalText()
		require.NoError(t, err)
		assert.Equal(t, tt.text, string(b))
		var back Prerequisites
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, tt.p, back)
	}
	assert.Equal(t, "none", Prerequisites(0).String())
	assert.Equal(t, "Prerequisites(0x80)", Prerequisites(0x80).String())
	var p Prerequisites
	assert.ErrorIs(t, p.UnmarshalText([]byte("supervised+magic")), ErrUnknownPrerequisite)
	assert.True(t, (Supervised | BootstrapToken).Has(BootstrapToken))
	assert.False(t, Supervised.Has(Supervised|CachedInstaller))
}

func TestKindOfIsExplicitAboutInvalidInput(t *testing.T) {
	_, err := KindOf(Version{}, MustParseVersion("14"))
	assert.ErrorIs(t, err, ErrInvalidVersion)
}
