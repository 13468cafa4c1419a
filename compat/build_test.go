package compat

import (
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseBuildSplitsParts(t *testing.T) {
	tests := []struct {
		in     string
		major  int
		train  byte
		number int
		suffix byte
	}{
		{"23C71", 23, 'C', 71, 0},
		{"22F770820d", 22, 'F', 770820, 'd'},
		{"24A5331b", 24, 'A', 5331, 'b'},
		{"22E772610a", 22, 'E', 772610, 'a'},
		{"25D2128", 25, 'D', 2128, 0},
		{"20A242a", 20, 'A', 242, 'a'},
		{"9A0", 9, 'A', 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			b, err := ParseBuild(tt.in)
			require.NoError(t, err)
			assert.Equal(t, tt.major, b.Major())
			assert.Equal(t, tt.train, b.Train())
			assert.Equal(t, tt.number, b.Number())
			assert.Equal(t, tt.suffix, b.Suffix())
			assert.Equal(t, tt.in, b.String())
			text, err := b.MarshalText()
			require.NoError(t, err)
			var back Build
			require.NoError(t, back.UnmarshalText(text))
			assert.Equal(t, b, back)
		})
	}
}

func TestParseBuildRejectsMalformed(t *testing.T) {
	for _, in := range []string{"", "23", "23c71", "C71", "023C71", "256A1", "23C", "23C071", "23C71ab",
		"23C71A", "23C1234567890", " 23C71", "23C71 ", "23-C71", "0A1"} {
		t.Run(in, func(t *testing.T) {
			_, err := ParseBuild(in)
			require.ErrorIs(t, err, ErrInvalidBuild)
			assert.Contains(t, err.Error(), strconv.Quote(in))
		})
	}
}

func TestBuildCompareOrdersPartByPart(t *testing.T) {
	ordered := []string{"21G115", "22E261", "22E772610a", "22F82", "22F770820a", "22F770820d", "22G74", "23A344", "24A335", "24A5331b"}
	for i := 1; i < len(ordered); i++ {
		a, b := MustParseBuild(ordered[i-1]), MustParseBuild(ordered[i])
		assert.Equalf(t, -1, a.Compare(b), "%s < %s", a, b)
		assert.Equalf(t, 1, b.Compare(a), "%s > %s", b, a)
		assert.Zero(t, a.Compare(a))
	}
	assert.False(t, Build{}.IsValid())
	assert.Equal(t, "invalid Build", Build{}.String())
}
