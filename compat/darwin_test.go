package compat

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestDarwinMajorAndReleaseFollowAppleNumbering(t *testing.T) {
	tests := []struct {
		version, build, release string
		darwin                  int
	}{
		{"10.13.6", "17G14042", "10.13", 17},
		{"10.15.7", "19H2", "10.15", 19},
		{"11.7.10", "20G1427", "11", 20},
		{"13.4.1 (c)", "22F770820d", "13", 22},
		{"14.2.1", "23C71", "14", 23},
		{"15.7.2", "24G325", "15", 24},
		{"26.1", "25B78", "26", 25},
		{"27", "26A1", "27", 26},
	}
	for _, tt := range tests {
		t.Run(tt.version, func(t *testing.T) {
			assert.Equalf(t, tt.darwin, MustParseVersion(tt.version).DarwinMajor(), "MustParseVersion(%q).DarwinMajor()", tt.version)
			assert.Equalf(t, MustParseVersion(tt.release), MustParseBuild(tt.build).Release(), "MustParseBuild(%q).Release()", tt.build)
		})
	}
}

func TestReleaseOfUnshippedDarwinIsZero(t *testing.T) {
	assert.False(t, Build{}.Release().IsValid())
	assert.False(t, MustParseBuild("3A1").Release().IsValid())
	assert.Equal(t, 0, Version{}.DarwinMajor())
}
