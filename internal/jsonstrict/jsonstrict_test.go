package jsonstrict

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type sample struct {
	Name   string  `json:"name"`
	Count  int     `json:"count,omitempty"`
	Ratio  float64 `json:"ratio"`
	Hidden string  `json:"-"`
	Plain  bool
	secret int // unexported: never read
}

func TestUnmarshalReadsKnownKeys(t *testing.T) {
	var s sample
	require.NoError(t, Unmarshal([]byte(`{"name":"x","count":3,"ratio":0.5,"Plain":true}`), &s))
	assert.Equal(t, sample{Name: "x", Count: 3, Ratio: 0.5, Plain: true}, s)
	require.NoError(t, Unmarshal([]byte(`null`), &s))
	assert.Equal(t, "x", s.Name, "null leaves the value alone")
}

func TestUnmarshalNamesTheField(t *testing.T) {
	tests := []struct {
		name, in string
		is       error
		says     []string
	}{
		{"unknown key", `{"name":"x","colour":"red"}`, ErrUnknownField, []string{`"colour": unknown field`}},
		{"other case", `{"Name":"x"}`, ErrUnknownField, []string{`"Name"`}},
		{"hidden field", `{"Hidden":"x"}`, ErrUnknownField, []string{`"Hidden"`}},
		{"wrong type", `{"count":"three"}`, nil, []string{"count: want an integer, got JSON string"}},
		{"two problems", `{"count":true,"zzz":1}`, ErrUnknownField, []string{"count: want an integer", `"zzz"`}},
		{"not an object", `[1]`, ErrNotObject, []string{"array"}},
		{"long key is cut", `{"` + strings.Repeat("k", 500) + `":1}`, ErrUnknownField, []string{"…"}},
		{"long number is cut", `{"count":` + strings.Repeat("9", 100<<10) + `}`, nil, []string{`count: want an integer, got JSON "number 999`, `"…`}},
		{"small number is plain", `{"count":1.5}`, nil, []string{"count: want an integer, got JSON number 1.5"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var s sample
			err := Unmarshal([]byte(tt.in), &s)
			require.Error(t, err)
			if tt.is != nil {
				assert.ErrorIs(t, err, tt.is)
			}
			for _, want := range tt.says {
				assert.Contains(t, err.Error(), want)
			}
			assert.Less(t, len(err.Error()), 300)
		})
	}
	var s sample
	require.ErrorIs(t, Unmarshal([]byte(`{"secret":1}`), &s), ErrUnknownField, "an unexported field has no key")
	assert.Zero(t, s.secret)
	assert.Error(t, Unmarshal([]byte(`{"name":"x"} {}`), &s), "trailing data")
	assert.Error(t, Unmarshal([]byte(`{"name":`), &s), "broken JSON")
}

type outer struct {
	In  inner     `json:"in"`
	Ptr *inner    `json:"ptr,omitempty"`
	At  time.Time `json:"at"`
}

type inner struct {
	N int `json:"n"`
}

func TestUnmarshalIsStrictInNestedStructs(t *testing.T) {
	var o outer
	require.NoError(t, Unmarshal([]byte(`{"in":{"n":1},"ptr":{"n":2},"at":"2026-11-27T09:00:00Z"}`), &o))
	assert.Equal(t, 1, o.In.N)
	require.NotNil(t, o.Ptr)
	assert.Equal(t, 2, o.Ptr.N)
	assert.False(t, o.At.IsZero(), "a type that reads itself is read with its own method")
	require.NoError(t, Unmarshal([]byte(`{"ptr":null}`), &o))
	assert.Nil(t, o.Ptr)

	err := Unmarshal([]byte(`{"in":{"n":1,"m":2}}`), &o)
	require.ErrorIs(t, err, ErrUnknownField)
	assert.Contains(t, err.Error(), `in: "m": unknown field`)
	err = Unmarshal([]byte(`{"ptr":{"n":"two"}}`), &o)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "ptr: n: want an integer, got JSON string")
	err = Unmarshal([]byte(`{"in":[]}`), &o)
	require.ErrorIs(t, err, ErrNotObject)
	assert.Contains(t, err.Error(), "in: got JSON array")
}

func TestUnmarshalCutsATimeThatDoesNotParse(t *testing.T) {
	var o outer
	err := Unmarshal([]byte(`{"at":"2026-11-27T09:00:00Z`+strings.Repeat("x", 100<<10)+`"}`), &o)
	require.Error(t, err)
	assert.Contains(t, err.Error(), `at: want an RFC 3339 time, got "2026-11-27T09:00:00Z`)
	assert.Less(t, len(err.Error()), 300)
}

func TestUnmarshalPanicsOnAProgrammingError(t *testing.T) {
	assert.Panics(t, func() { _ = Unmarshal([]byte(`{}`), sample{}) })
	var n int
	assert.Panics(t, func() { _ = Unmarshal([]byte(`{}`), &n) })
}
