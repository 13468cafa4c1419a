package mdmcmd

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/managedos/managedos/compat"
)

func TestParseProductKeyForms(t *testing.T) {
	tests := []struct {
		key     string
		build   string
		version string
		kind    compat.Kind
		macOS   bool
		full    bool
	}{
		{"MSU_UPDATE_22F770820d_patch_13.4.1_rsr", "22F770820d", "13.4.1", compat.RSR, true, false},
		{"MSU_UPDATE_22H417_patch_13.7.3_minor", "22H417", "13.7.3", compat.Minor, true, false},
		{"MSU_UPDATE_23G93_patch_14.6.1_major", "23G93", "14.6.1", compat.Major, true, false},
		{"MSU_UPDATE_25F80_patch_26.5.1", "25F80", "26.5.1", compat.NoUpdate, true, false},
		{"MSU_UPDATE_21E5227a_patch_12.3", "21E5227a", "12.3", compat.NoUpdate, true, false},
		{"_OSX_18A391", "18A391", "", compat.Major, true, false},
		{"_MACOS_14.7.3", "", "14.7.3", compat.Major, true, false},
		{"MSU_UPDATE_22A240a_full_13.0_minor", "22A240a", "13.0", compat.Minor, true, true},
		{"041-14451", "", "", compat.NoUpdate, false, false},
		{"093-37361", "", "", compat.NoUpdate, false, false},
		{"zzzz091-81933", "", "", compat.NoUpdate, false, false},
		{"iOSUpdate17A576", "", "", compat.NoUpdate, false, false},
		{"MSU_UPDATE_garbage", "", "", compat.NoUpdate, false, false},
		{"", "", "", compat.NoUpdate, false, false},
	}
	for _, tt := range tests {
		p := ParseProductKey(tt.key)
		assert.Equal(t, tt.key, p.Raw)
		if tt.build != "" {
			assert.Equal(t, tt.build, p.Build.String(), tt.key)
		} else {
			assert.False(t, p.Build.IsValid(), tt.key)
		}
		if tt.version != "" {
			assert.Equal(t, tt.version, p.Version.String(), tt.key)
		} else {
			assert.False(t, p.Version.IsValid(), tt.key)
		}
		assert.Equal(t, tt.kind, p.Kind, tt.key)
		assert.Equal(t, tt.macOS, p.MacOS, tt.key)
		assert.Equal(t, tt.full, p.Full, tt.key)
	}
}
