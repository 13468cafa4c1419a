package ddm

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseLocalDateTimeAcceptsExactlyTheCivilForm(t *testing.T) {
	for _, in := range []string{"2026-12-01T18:00:00", "2024-02-29T23:59:59", "0001-01-01T00:00:00", "9999-12-31T23:59:59"} {
		d, err := ParseLocalDateTime(in)
		require.NoError(t, err, in)
		assert.Equal(t, in, d.String())
		b, err := d.MarshalText()
		require.NoError(t, err)
		assert.Equal(t, in, string(b))
	}
}

func TestParseLocalDateTimeRejectsZonesFractionsAndImpossibleDates(t *testing.T) {
	for _, in := range []string{
		"", "2026-12-01", "2026-12-01T18:00", "2026-12-01T18:00:00Z", "2026-12-01T18:00:00+01:00",
		"2026-12-01T18:00:00.5", "2026-12-01 18:00:00", "2026-12-01t18:00:00", "2026-13-01T00:00:00",
		"2026-02-30T00:00:00", "2025-02-29T00:00:00", "2026-12-01T24:00:00", "2026-12-01T23:60:00",
		"2026-12-01T23:59:60", "0000-01-01T00:00:00", "2026-1-01T00:00:00X", "+026-12-01T18:00:00", "２026-12-01T18:00:0",
	} {
		t.Run(in, func(t *testing.T) {
			_, err := ParseLocalDateTime(in)
			require.ErrorIs(t, err, ErrInvalidDateTime)
			assert.Contains(t, err.Error(), in)
		})
	}
}

func TestLocalDateTimeInConvertsToTheMacsWallClock(t *testing.T) {
	instant := time.Date(2026, 12, 1, 17, 30, 15, 999, time.UTC)
	berlin := time.FixedZone("CET", 3600)
	assert.Equal(t, "2026-12-01T18:30:15", LocalDateTimeIn(instant, berlin).String())
	assert.Equal(t, "2026-12-01T17:30:15", LocalDateTimeIn(instant, nil).String())
	back := MustParseLocalDateTime("2026-12-01T18:30:15").In(berlin)
	assert.True(t, back.Equal(instant.Truncate(time.Second)))
	assert.False(t, LocalDateTimeIn(time.Time{}.Add(-time.Hour), time.UTC).IsValid(), "year 0 has no form")
}

func TestLocalDateTimeCompare(t *testing.T) {
	a := MustParseLocalDateTime("2026-12-01T18:00:00")
	b := MustParseLocalDateTime("2026-12-01T18:00:01")
	c := MustParseLocalDateTime("2027-01-01T00:00:00")
	assert.Equal(t, -1, a.Compare(b))
	assert.Equal(t, -1, b.Compare(c))
	assert.Equal(t, 1, c.Compare(a))
	assert.Equal(t, 0, a.Compare(MustParseLocalDateTime("2026-12-01T18:00:00")))
	assert.Equal(t, a, MustParseLocalDateTime("2026-12-01T18:00:00"), "values compare with ==")
}

func TestZeroLocalDateTimeHasNoText(t *testing.T) {
	var zero LocalDateTime
	_, err := zero.MarshalText()
	assert.ErrorIs(t, err, ErrInvalidDateTime)
	assert.Equal(t, "invalid LocalDateTime", zero.String())
	var d LocalDateTime
	assert.ErrorIs(t, d.UnmarshalText([]byte("2026-12-01T18:00:00Z")), ErrInvalidDateTime)
	require.NoError(t, d.UnmarshalText([]byte("2026-12-01T18:00:00")))
	assert.Equal(t, MustParseLocalDateTime("2026-12-01T18:00:00"), d)
}

func TestNewLocalDateTime(t *testing.T) {
	d, err := NewLocalDateTime(2026, time.December, 1, 18, 0, 0)
	require.NoError(t, err)
	assert.Equal(t, "2026-12-01T18:00:00", d.String())
	_, err = NewLocalDateTime(2026, time.February, 29, 0, 0, 0)
	assert.ErrorIs(t, err, ErrInvalidDateTime)
	_, err = NewLocalDateTime(10000, time.January, 1, 0, 0, 0)
	assert.ErrorIs(t, err, ErrInvalidDateTime)
}
