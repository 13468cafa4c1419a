package mechanism

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestEveryErrorStaysSmallWhateverTheValue feeds a value of 100 KB to each entry
// point of this package that reads outside text, at every key it reads: the error
// is there and its message stays under 1 KB.
func TestEveryErrorStaysSmallWhateverTheValue(t *testing.T) {
	huge := strings.Repeat("x", 100<<10)
	digits := strings.Repeat("9", 100<<10)
	var (
		o Observation
		v CacheVerdict
		d Delivery
		i Installer
		s CacheState
	)
	tests := map[string]func() error{
		"Delivery.UnmarshalText":              func() error { return d.UnmarshalText([]byte(huge)) },
		"Installer.UnmarshalText":             func() error { return i.UnmarshalText([]byte(huge)) },
		"CacheState.UnmarshalText":            func() error { return s.UnmarshalText([]byte(huge)) },
		"Observation.UnmarshalJSON a time":    func() error { return json.Unmarshal([]byte(`{"at":"`+huge+`"}`), &o) },
		"Observation.UnmarshalJSON a count":   func() error { return json.Unmarshal([]byte(`{"failure_count":`+digits+`}`), &o) },
		"Observation.UnmarshalJSON a percent": func() error { return json.Unmarshal([]byte(`{"percent":`+digits+`e999}`), &o) },
		"Observation.UnmarshalJSON a key":     func() error { return json.Unmarshal([]byte(`{"`+huge+`":1}`), &o) },
		"CacheVerdict.UnmarshalJSON a state":  func() error { return json.Unmarshal([]byte(`{"verdict":"`+huge+`"}`), &v) },
		"CacheVerdict.UnmarshalJSON a time":   func() error { return json.Unmarshal([]byte(`{"since":"2026-01-01T00:00:00`+huge+`"}`), &v) },
		"CacheVerdict.UnmarshalJSON a count":  func() error { return json.Unmarshal([]byte(`{"observations":`+digits+`}`), &v) },
	}
	for name, call := range tests {
		t.Run(name, func(t *testing.T) {
			err := call()
			require.Error(t, err)
			assert.Less(t, len(err.Error()), 1<<10, "%.300s", err)
		})
	}
}
