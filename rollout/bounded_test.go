package rollout

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestEveryErrorStaysSmallWhateverTheValue feeds a value of 100 KB to each entry
// point of this package that reads outside text: the error is there and its
// message stays under 1 KB.
func TestEveryErrorStaysSmallWhateverTheValue(t *testing.T) {
	huge := strings.Repeat("x", 100<<10)
	rings, err := ParseRings("canary=5%:0,broad=100%:7")
	require.NoError(t, err)
	var (
		back Rings
		tod  TimeOfDay
	)
	tests := map[string]func() error{
		"ParseRings a name":       func() error { _, err := ParseRings(huge + "=100%:0"); return err },
		"ParseRings a share":      func() error { _, err := ParseRings("a=" + huge + "%:0"); return err },
		"ParseRings an offset":    func() error { _, err := ParseRings("a=100%:" + huge); return err },
		"ParseRings a part":       func() error { _, err := ParseRings(huge); return err },
		"Rings.UnmarshalText":     func() error { return back.UnmarshalText([]byte(huge)) },
		"Rings.Assign a ring":     func() error { _, err := rings.Assign("id", huge); return err },
		"ParseTimeOfDay":          func() error { _, err := ParseTimeOfDay(huge); return err },
		"TimeOfDay.UnmarshalText": func() error { return tod.UnmarshalText([]byte(huge)) },
	}
	for name, call := range tests {
		t.Run(name, func(t *testing.T) {
			err := call()
			require.Error(t, err)
			assert.Less(t, len(err.Error()), 1<<10, "%.300s", err)
		})
	}
}
