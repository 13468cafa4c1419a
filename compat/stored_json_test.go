package compat

import (
	"encoding/json"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/managedos/managedos/internal/golden"
	"github.com/managedos/managedos/mechanism"
)

func TestMacJSONGolden(t *testing.T) {
	macs := []Mac{knownMac, {Model: "MacBookPro16,1", Chip: Intel, Version: MustParseVersion("13.4.1 (c)"), Build: MustParseBuild("22F770820d"), Beta: FlagTrue, BetaProgram: "macOS Sonoma Developer Beta"}, {}}
	assert.Equal(t, macs, golden.JSON(t, "testdata/json/macs.golden.json", macs))
}

func TestDecisionJSONGolden(t *testing.T) {
	var ds []Decision
	for _, c := range []struct {
		chip            Chip
		current, target string
	}{{Intel, "12.7.1", "14.2.1"}, {AppleSilicon, "13.4.1", "13.4.1 (c)"}, {AppleSilicon, "14.2", "14.2.0"}} {
		d, err := Resolve(c.chip, MustParseVersion(c.current), MustParseVersion(c.target))
		require.NoError(t, err)
		ds = append(ds, d)
	}
	assert.Equal(t, ds, golden.JSON(t, "testdata/json/decisions.golden.json", ds))
}

// TestStoredJSONRoundTripsRandomValues is the property that Version, Build, Mac and
// Decision values read back from their JSON unchanged (==).
func TestStoredJSONRoundTripsRandomValues(t *testing.T) {
	r := rand.New(rand.NewPCG(14, 2))
	version := func() Version {
		if r.IntN(6) == 0 {
			return Version{}
		}
		return newVersion(uint16(10+r.IntN(20)), uint16(r.IntN(16)), uint16(r.IntN(8)), []byte{0, 0, 'a', 'c'}[r.IntN(4)])
	}
	build := func() Build {
		if r.IntN(6) == 0 {
			return Build{}
		}
		return Build{major: uint8(19 + r.IntN(8)), train: byte('A' + r.IntN(8)), number: uint32(r.IntN(1e9)), suffix: []byte{0, 'a', 'f'}[r.IntN(3)]}
	}
	text := func() string { return []string{"", "Mac14,2", "J413AP", "\"quoted\" <b>&", "é"}[r.IntN(5)] }
	flag := func() Flag { return Flag(r.IntN(3)) }
	for range 2000 {
		m := Mac{Model: text(), DeviceID: text(), Chip: Chip(r.IntN(3)), Version: version(), Build: build(), Serial: text(), UDID: text(),
			Supervised: flag(), BootstrapToken: flag(), Beta: flag(), BetaProgram: text()}
		d := Decision{Chip: Chip(r.IntN(3)), Current: version(), Target: version(), Kind: Kind(r.IntN(4)),
			Delivery: mechanism.Delivery(r.IntN(4)), Installer: mechanism.Installer(r.IntN(5)), Requires: Prerequisites(r.IntN(8)), Rule: text()}
		roundTrip(t, m)
		roundTrip(t, d)
		roundTrip(t, m.Version)
		roundTrip(t, m.Build)
	}
}

// roundTrip checks that v reads back from its JSON as the same value.
func roundTrip[T any](t *testing.T, v T) {
	t.Helper()
	b, err := json.Marshal(v)
	require.NoError(t, err)
	var back T
	require.NoError(t, json.Unmarshal(b, &back), string(b))
	assert.Equal(t, v, back, string(b))
}

func TestStoredJSONNamesTheBadField(t *testing.T) {
	tests := []struct {
		name string
		in   string
		into any
		says string
	}{
		{"unknown Mac key", `{"model":"Mac14,2","modle":"x"}`, new(Mac), `"modle": unknown field`},
		{"camel case", `{"DeviceID":"J413AP"}`, new(Mac), `"DeviceID": unknown field`},
		{"flag as text", `{"supervised":"yes"}`, new(Mac), "supervised:"},
		{"bad version", `{"version":"14.x"}`, new(Mac), "version: compat: version"},
		{"bad chip", `{"chip":"powerpc"}`, new(Mac), "chip: compat: chip"},
		{"unknown Decision key", `{"chip":"intel","target":"14.2","deadline":"soon"}`, new(Decision), `"deadline": unknown field`},
		{"bad prerequisite", `{"requires":"supervised+luck"}`, new(Decision), "requires: compat: prerequisite"},
		{"not an object", `["Mac14,2"]`, new(Mac), "not a JSON object"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := json.Unmarshal([]byte(tt.in), tt.into)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.says)
		})
	}
}
