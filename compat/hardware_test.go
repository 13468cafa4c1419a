package compat

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The Macs the issue pins, as a vendor would know them.
var (
	macBookAirM2    = Mac{Model: "Mac14,2", DeviceID: "J413AP"}
	macBookAirM1    = Mac{Model: "MacBookAir10,1"}
	iMac2019        = Mac{Model: "iMac19,1", DeviceID: "Mac-63001698E7A34814"}
	macBookPro2017  = Mac{Model: "MacBookPro14,1"}
	macBookPro16in  = Mac{Model: "MacBookPro16,1", DeviceID: "J152FAP"}
	unknownAppleMac = Mac{Model: "Mac99,1"}
	unknownIntelMac = Mac{Model: "MacBookPro11,1"}
)

func TestHardwareOfThePinnedMacs(t *testing.T) {
	c := mustFixture(t)
	tests := []struct {
		name   string
		mac    Mac
		cat    *Catalog
		basis  Basis
		chip   Chip
		newest string
		runs   []string
		not    []string
	}{
		{"MacBook Air M2 by its device ID", macBookAirM2, c, BasisCatalog, AppleSilicon, "26.6.2", []string{"26.6.2", "26.4", "15.1", "27", "26.3.1 (a)"}, []string{"26.3.2 (a)"}},
		{"MacBook Air M2 without a catalogue", macBookAirM2, nil, BasisModel, AppleSilicon, "26", []string{"12.0.1", "26.6.2", "27.0"}, nil},
		{"MacBook Air M1 by its model", macBookAirM1, c, BasisModel, AppleSilicon, "26", []string{"11.7.11", "26.6.2", "27"}, []string{"10.15.7"}},
		{"iMac 2019 by its device ID", iMac2019, c, BasisCatalog, Intel, "15.7.9", []string{"15.7.9", "15.1", "11.7.11"}, []string{"26", "26.6.2", "27"}},
		{"iMac 2019 by its model", Mac{Model: "iMac19,1"}, nil, BasisModel, Intel, "15", []string{"15.7.9", "12.0.1"}, []string{"26.0", "27"}},
		{"MacBook Pro 2017 stops at Ventura", macBookPro2017, c, BasisModel, Intel, "13", []string{"13.7.8", "12.7.6", "11.7.11"}, []string{"14", "15.7.9", "26.6.2"}},
		{"MacBook Pro 16-inch 2019 by its T2's device ID", macBookPro16in, c, BasisCatalog, Intel, "26.6.2", []string{"26.6.2", "11.7.11", "26.3.1 (a)"}, []string{"27.0", "28"}},
		{"a device ID the catalogue does not know falls back to the model", Mac{Model: "MacBookPro16,1", DeviceID: "J999AP"}, c, BasisModel, Intel, "26", []string{"26.6.2"}, []string{"27"}},
		{"an Apple silicon model the library has never seen", unknownAppleMac, c, BasisChip, AppleSilicon, "invalid Version", []string{"26.6.2", "27", "40"}, []string{"10.15.7"}},
		{"an Intel model the library has never seen", unknownIntelMac, nil, BasisChip, Intel, "26", []string{"26.6.2", "10.15.7"}, []string{"27"}},
		{"a chip alone", Mac{Chip: Intel}, nil, BasisChip, Intel, "26", []string{"26"}, []string{"27"}},
		{"a given chip wins over the model's", Mac{Model: "iMac19,1", Chip: Intel}, nil, BasisModel, Intel, "15", nil, []string{"26"}},
		{"a model listed from Ventura ran nothing before Monterey", Mac{Model: "Mac14,3"}, nil, BasisModel, AppleSilicon, "26", []string{"13", "26"}, []string{"11.7", "12.7"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h, err := HardwareOf(tt.mac, tt.cat)
			require.NoError(t, err)
			assert.Equal(t, tt.basis, h.Basis)
			assert.Equal(t, tt.chip, h.Chip)
			newest := h.Newest.String()
			if h.Basis != BasisCatalog && h.Newest.IsValid() {
				newest = h.Newest.ReleaseName() // a major
			}
			assert.Equal(t, tt.newest, newest)
			for _, v := range tt.runs {
				assert.Truef(t, h.Runs(MustParseVersion(v)), "runs %s", v)
				assert.NoError(t, h.Check(MustParseVersion(v)))
			}
			for _, v := range tt.not {
				assert.Falsef(t, h.Runs(MustParseVersion(v)), "runs %s", v)
				assert.ErrorIs(t, h.Check(MustParseVersion(v)), ErrUnsupportedHardware)
			}
			assert.False(t, h.Runs(Version{}))
		})
	}
}

func TestHardwareCheckNamesTheMacAndTheNewest(t *testing.T) {
	c := mustFixture(t)
	tests := []struct {
		mac    Mac
		cat    *Catalog
		target string
		says   string
	}{
		{iMac2019, c, "26.6.2", `compat: the Mac (model "iMac19,1", device ID "Mac-63001698E7A34814") cannot run macOS 26.6.2: the newest it can run is macOS 15.7.9 (24G830, per Apple's catalogue): unsupported hardware`},
		{macBookPro2017, c, "26", `compat: the Mac (model "MacBookPro14,1") cannot run macOS 26.0: the newest it can run is macOS 13 (built-in model table, knowledge of 2026-08-22): unsupported hardware`},
		{macBookPro16in, c, "27.0", `the newest it can run is macOS 26.6.2 (25G83, per Apple's catalogue)`},
		{unknownIntelMac, nil, "27", `compat: the Mac (model "MacBookPro11,1") cannot run macOS 27.0: the newest it can run is macOS 26 (model unknown to the library; Intel chip rules): unsupported hardware`},
		{Mac{Chip: Intel}, nil, "27", `compat: this Intel Mac cannot run macOS 27`},
	}
	for _, tt := range tests {
		err := func() error {
			h, err := HardwareOf(tt.mac, tt.cat)
			require.NoError(t, err)
			return h.Check(MustParseVersion(tt.target))
		}()
		require.ErrorIs(t, err, ErrUnsupportedHardware)
		assert.Contains(t, err.Error(), tt.says)
	}
}

func TestHardwareOfNeedsAChip(t *testing.T) {
	_, err := HardwareOf(Mac{Model: "iPhone15,2"}, nil)
	assert.ErrorIs(t, err, ErrUnknownChip)
	_, err = HardwareOf(Mac{}, nil)
	assert.ErrorIs(t, err, ErrUnknownChip)
}

func TestHardwareOfDoesNotAllocate(t *testing.T) {
	c := mustFixture(t)
	for _, mac := range []Mac{macBookAirM2, macBookAirM1, iMac2019, macBookPro2017, unknownAppleMac} {
		allocs := testing.AllocsPerRun(100, func() {
			h, _ := HardwareOf(mac, c)
			_ = h.Runs(MustParseVersion("26.6.2"))
		})
		assert.Zero(t, allocs, mac.Model)
	}
}

func TestBasisText(t *testing.T) {
	for _, b := range []Basis{BasisUnknown, BasisCatalog, BasisModel, BasisChip} {
		text, err := b.MarshalText()
		require.NoError(t, err)
		var back Basis
		require.NoError(t, back.UnmarshalText(text))
		assert.Equal(t, b, back)
	}
	assert.Equal(t, "catalog", BasisCatalog.String())
	var b Basis
	assert.Error(t, b.UnmarshalText([]byte("feed")))
}

// TestAKnownModelListedForNoMajorStopsAtBigSur: the research table lists every
// model it knows for some major from Monterey on, so this rule is checked on a
// model shaped by hand.
func TestAKnownModelListedForNoMajorStopsAtBigSur(t *testing.T) {
	h := Hardware{Model: "MacBookPro11,1", Chip: Intel, Basis: BasisModel, dev: -1, known: true}
	assert.True(t, h.Runs(MustParseVersion("11.7.10")))
	assert.True(t, h.Runs(MustParseVersion("10.15.7")))
	for _, v := range []string{"12.0.1", "15.7.9", "26", "27"} {
		assert.False(t, h.Runs(MustParseVersion(v)), v)
	}
}

func TestHardwareErrorGivesTheMacAndTheTarget(t *testing.T) {
	h, err := HardwareOf(Mac{Model: "MacBookPro14,1"}, nil)
	require.NoError(t, err)
	err = h.Check(MustParseVersion("26"))
	var he *HardwareError
	require.ErrorAs(t, err, &he)
	assert.ErrorIs(t, err, ErrUnsupportedHardware)
	assert.Equal(t, MustParseVersion("26"), he.Target)
	assert.Equal(t, "13", he.Hardware.Newest.ReleaseName())
	assert.Equal(t, "compat: "+he.Explain()+": unsupported hardware", err.Error())
}
