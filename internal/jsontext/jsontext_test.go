package jsontext

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var samples = []string{
	"", "plain", `quote " and \ backslash`, "ctl \b \f \n \r \t \x00 \x1f", "café ☕",
	"bad \xff \xc3 utf8", "sep \u2028 \u2029", "<html> & more", "\xed\xa0\x80 surrogate",
}

func encodingJSON(t testing.TB, s string) []byte {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	require.NoError(t, enc.Encode(s))
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
}

func TestAppendStringMatchesEncodingJSON(t *testing.T) {
	for _, s := range samples {
		assert.Equalf(t, string(encodingJSON(t, s)), string(AppendString(nil, s)), "AppendString(%q)", s)
		assert.Equalf(t, string(encodingJSON(t, s)), string(AppendString(nil, []byte(s))), "AppendString([]byte(%q))", s)
	}
}

func TestAppendStringDoesNotAllocateIntoRoom(t *testing.T) {
	buf := make([]byte, 0, 256)
	allocs := testing.AllocsPerRun(100, func() { buf = AppendString(buf[:0], "MacBookPro18,3 café") })
	assert.Zero(t, allocs)
}

func FuzzAppendString(f *testing.F) {
	for _, s := range samples {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := AppendString(nil, s), encodingJSON(t, s); !bytes.Equal(got, want) {
			t.Fatalf("AppendString(%q) = %s, want %s", s, got, want)
		}
	})
}

func TestMarshalIsAppendStringForStringsAndCompact(t *testing.T) {
	for _, s := range samples {
		got, err := Marshal(s)
		require.NoError(t, err)
		assert.Equalf(t, string(AppendString(nil, s)), string(got), "Marshal(%q)", s)
	}
	got, err := Marshal(struct {
		A string `json:"a"`
		B []int  `json:"b"`
	}{"<p>&", []int{1, 2}})
	require.NoError(t, err)
	assert.Equal(t, `{"a":"<p>&","b":[1,2]}`, string(got))
	_, err = Marshal(func() {})
	assert.Error(t, err)
}
