package rollout

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseTimeOfDayAcceptsHHMM(t *testing.T) {
	for _, tt := range []struct {
		in           string
		hour, minute int
	}{
		{"00:00", 0, 0}, {"07:30", 7, 30}, {"18:00", 18, 0}, {"23:59", 23, 59},
	} {
		got, err := ParseTimeOfDay(tt.in)
		require.NoError(t, err, tt.in)
		assert.Truef(t, got.IsValid(), "ParseTimeOfDay(%q).IsValid()", tt.in)
		assert.Equalf(t, tt.hour, got.Hour(), "ParseTimeOfDay(%q).Hour()", tt.in)
		assert.Equalf(t, tt.minute, got.Minute(), "ParseTimeOfDay(%q).Minute()", tt.in)
		assert.Equal(t, tt.in, got.String())
		text, err := got.MarshalText()
		require.NoError(t, err)
		var back TimeOfDay
		require.NoError(t, back.UnmarshalText(text))
		assert.Equal(t, got, back, "values compare with ==")
	}
}

func TestParseTimeOfDayRefusesEverythingElse(t *testing.T) {
	for _, in := range []string{"", "7:30", "24:00", "23:60", "18:00:00", "6pm", "18h00", "18-00", " 18:00", "１8:00", "-1:00", "99:99"} {
		t.Run(in, func(t *testing.T) {
			_, err := ParseTimeOfDay(in)
			require.ErrorIs(t, err, ErrInvalidTimeOfDay)
			assert.Contains(t, err.Error(), "rollout: time of day")
		})
	}
	_, err := NewTimeOfDay(24, 0)
	assert.ErrorIs(t, err, ErrInvalidTimeOfDay)
}

func TestZeroTimeOfDayIsNotMidnight(t *testing.T) {
	var zero TimeOfDay
	assert.False(t, zero.IsValid())
	assert.NotEqual(t, MustParseTimeOfDay("00:00"), zero)
	assert.Equal(t, "invalid TimeOfDay", zero.String())
	_, err := zero.MarshalText()
	assert.ErrorIs(t, err, ErrInvalidTimeOfDay)
}
