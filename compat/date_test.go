package compat

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseDate(t *testing.T) {
	for _, s := range []string{"2026-08-17", "2024-02-29", "0001-01-01", "9999-12-31"} {
		d, err := ParseDate(s)
		require.NoError(t, err, s)
		assert.Equal(t, s, d.String())
		assert.True(t, d.IsValid())
	}
	for _, s := range []string{"", "2026-8-17", "2026-08-17T00:00:00Z", "2025-02-29", "2026-13-01", "2026-00-10", "2026-04-31", "0000-01-01", "2026/08/17", "２026-08-17", " 2026-08-17", "1900-02-29"} {
		_, err := ParseDate(s)
		assert.ErrorIs(t, err, ErrInvalidDate, s)
	}
}

func TestDateArithmeticAndOrder(t *testing.T) {
	d := MustParseDate("2026-08-17")
	assert.Equal(t, "2026-08-27", d.AddDays(10).String())
	assert.Equal(t, "2026-07-28", d.AddDays(-20).String())
	assert.Equal(t, "2024-03-01", MustParseDate("2024-02-28").AddDays(2).String())
	assert.Equal(t, Date{}, Date{}.AddDays(1))
	assert.Equal(t, Date{}, MustParseDate("9999-12-31").AddDays(1), "past year 9999")
	assert.Equal(t, -1, d.Compare(d.AddDays(1)))
	assert.Equal(t, 1, d.Compare(Date{}), "the zero Date is earliest")
	assert.Equal(t, 0, d.Compare(MustParseDate("2026-08-17")))
	assert.Equal(t, 2026, d.Year())
	assert.Equal(t, time.August, d.Month())
	assert.Equal(t, 17, d.Day())
	assert.Equal(t, time.Date(2026, 8, 17, 0, 0, 0, 0, time.UTC), d.In(nil))
	assert.True(t, Date{}.In(time.UTC).IsZero())

	assert.Equal(t, d, DateOf(time.Date(2026, 8, 17, 23, 59, 59, 0, time.UTC)))
	assert.Equal(t, d, DateOf(time.Date(2026, 8, 17, 1, 0, 0, 0, time.FixedZone("X", 5*3600))), "the date in t's own zone")
	assert.Equal(t, Date{}, DateOf(time.Time{}.AddDate(-1, 0, 0)))

	got, err := NewDate(2026, time.February, 29)
	assert.ErrorIs(t, err, ErrInvalidDate)
	assert.Equal(t, Date{}, got)
	got, err = NewDate(2028, time.February, 29)
	require.NoError(t, err)
	assert.Equal(t, "2028-02-29", got.String())
}

func TestDateText(t *testing.T) {
	type holder struct {
		Posted Date `json:"posted,omitzero"`
	}
	b, err := json.Marshal(holder{MustParseDate("2026-08-17")})
	require.NoError(t, err)
	assert.Equal(t, `{"posted":"2026-08-17"}`, string(b))
	var back holder
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, MustParseDate("2026-08-17"), back.Posted)

	b, err = json.Marshal(holder{})
	require.NoError(t, err)
	assert.Equal(t, `{}`, string(b), "an unknown date is left out")
	require.NoError(t, json.Unmarshal([]byte(`{"posted":""}`), &back))
	assert.Equal(t, Date{}, back.Posted)
	assert.ErrorIs(t, json.Unmarshal([]byte(`{"posted":"17.08.2026"}`), &back), ErrInvalidDate)
	assert.Equal(t, "invalid Date", Date{}.String())
}

func TestParseDateDoesNotAllocate(t *testing.T) {
	assert.Zero(t, testing.AllocsPerRun(100, func() { _, _ = ParseDate("2026-08-17") }))
}
