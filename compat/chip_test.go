package compat

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseChipAcceptsTokensAndAliasesInAnyCase(t *testing.T) {
	tests := []struct {
		in   string
		want Chip
	}{
		{"apple-silicon", AppleSilicon}, {"Apple-Silicon", AppleSilicon}, {"apple", AppleSilicon},
		{"APPLE", AppleSilicon}, {"arm64", AppleSilicon}, {"ARM64", AppleSilicon},
		{"intel", Intel}, {"Intel", Intel}, {"x86_64", Intel}, {"X86_64", Intel}, {"amd64", Intel},
	}
	for _, tt := range tests {
		got, err := ParseChip(tt.in)
		require.NoError(t, err, tt.in)
		assert.Equal(t, tt.want, got, tt.in)
	}
}

func TestParseChipRejectsUnknownNames(t *testing.T) {
	for _, in := range []string{"", "unknown", "m1", "arm", "x86", "powerpc", " intel", "intel "} {
		got, err := ParseChip(in)
		require.ErrorIs(t, err, ErrUnknownChip, in)
		assert.Contains(t, err.Error(), `"`+in+`"`)
		assert.Equal(t, ChipUnknown, got)
	}
}

func TestChipText(t *testing.T) {
	for _, c := range []Chip{ChipUnknown, AppleSilicon, Intel} {
		b, err := c.MarshalText()
		require.NoError(t, err)
		assert.Equal(t, c.String(), string(b))
		var back Chip
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, c, back)
	}
	var c Chip
	require.NoError(t, c.UnmarshalText([]byte("arm64")))
	assert.Equal(t, AppleSilicon, c)
	assert.ErrorIs(t, c.UnmarshalText([]byte("m2")), ErrUnknownChip)
	assert.Equal(t, "Chip(7)", Chip(7).String())
	assert.False(t, ChipUnknown.IsValid())
}

// TestChipForModelMatchesEveryKnownMac reads testdata/mac_models.tsv (see
// testdata/SOURCES.md): every Mac model identifier with the chip it has.
func TestChipForModelMatchesEveryKnownMac(t *testing.T) {
	rows := readTSV(t, "testdata/mac_models.tsv", 7)
	require.Equal(t, "model_identifier", rows[0][0], "the header")
	n := 0
	for _, cols := range rows[1:] {
		want := map[string]Chip{"apple": AppleSilicon, "intel": Intel}[cols[2]]
		require.NotEqual(t, ChipUnknown, want, cols)
		got, err := ChipForModel(cols[0])
		if assert.NoError(t, err, cols[0]) {
			assert.Equal(t, want, got, cols[0])
		}
		n++
	}
	assert.GreaterOrEqual(t, n, 95, "the whole model list was read")
}

func TestChipForModelCoversFutureAndPastModels(t *testing.T) {
	tests := []struct {
		model string
		want  Chip
	}{
		{"Mac13,1", AppleSilicon},
		{"Mac20,1", AppleSilicon},
		{"Mac99,12", AppleSilicon},
		{"MacBookPro18,3", AppleSilicon},
		{"MacBookPro16,1", Intel},
		{"MacBookAir10,1", AppleSilicon},
		{"Macmini8,1", Intel},
		{"iMac21,2", AppleSilicon},
		{"iMac4,1", Intel},
		{"MacPro7,1-Rack", Intel},
		{"VirtualMac2,1", AppleSilicon},
		{"VMM-x86_64", Intel},
	}
	for _, tt := range tests {
		got, err := ChipForModel(tt.model)
		require.NoError(t, err, tt.model)
		assert.Equal(t, tt.want, got, tt.model)
	}
}

func TestChipForModelRejectsWhatItCannotKnow(t *testing.T) {
	for _, model := range []string{"", "Mac", "Mac12,1", "Mac13", "Mac13,", "Mac13,0", "Mac13,1x", "Mac013,1",
		"MacBookPro19,1", "iPhone15,2", "iMac3,1", "MacPro7,1-Tower", "macbookpro18,3", "Mac13,1 ", ",1"} {
		got, err := ChipForModel(model)
		require.ErrorIs(t, err, ErrUnknownChip, model)
		assert.Contains(t, err.Error(), `"`+model+`"`)
		assert.Equal(t, ChipUnknown, got)
	}
}
