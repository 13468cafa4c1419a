package compat

import (
	"bytes"
	"encoding/binary"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"howett.net/plist"

	"github.com/managedos/managedos/internal/hostile"
)

func TestCheckPlistAcceptsWhatHowettWrites(t *testing.T) {
	v := map[string]any{
		"CommandUUID": "7B0F1A52",
		"Status":      "Acknowledged",
		"Unicode":     "héllo wörld ☃ 🍎",
		"Numbers":     []any{uint64(1), int64(-1), uint64(1) << 40, 0.5, float32(0.25), true, false},
		"Data":        bytes.Repeat([]byte{1, 2, 3}, 100),
		"Date":        time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC),
		"Nested":      map[string]any{"a": []any{map[string]any{}, []any{}}},
		"Long":        strings.Repeat("x", 300),
	}
	data, err := plist.Marshal(v, plist.BinaryFormat)
	require.NoError(t, err)
	require.True(t, bytes.HasPrefix(data, []byte("bplist00")))
	assert.NoError(t, Limits{}.CheckPlist(data))
}

// measure decodes data with howett.net/plist and returns the elements (values and
// keys), string and data bytes and depth of what it materialised.
func measure(t *testing.T, data []byte) (elements, strBytes, depth int) {
	t.Helper()
	var v any
	_, err := plist.Unmarshal(data, &v)
	require.NoError(t, err)
	var walk func(x any, d int)
	walk = func(x any, d int) {
		elements++
		switch x := x.(type) {
		case string:
			strBytes += len(x)
		case []byte:
			strBytes += len(x)
		case []any:
			depth = max(depth, d+1)
			for _, e := range x {
				walk(e, d+1)
			}
		case map[string]any:
			depth = max(depth, d+1)
			for k, e := range x {
				elements++
				strBytes += len(k)
				walk(e, d+1)
			}
		}
	}
	walk(v, 0)
	return elements, strBytes, depth
}

func TestCheckPlistBinaryCountsWhatTheDecoderMaterialises(t *testing.T) {
	// A diamond of shared references: top holds A twice and B; A holds B and a
	// string; B holds two integers and a dictionary {"key": "value"}.
	b := hostile.Bplist{}
	top, a, bb := b.Add(nil), b.Add(nil), b.Add(nil)
	str, one, two := b.Add(hostile.ASCII("shared")), b.Add(hostile.Int(1)), b.Add(hostile.Int(2))
	dict := b.Add(b.Dict([]uint64{b.Add(hostile.ASCII("key"))}, []uint64{b.Add(hostile.ASCII("value"))}))
	b.Set(bb, b.Array(one, two, dict))
	b.Set(a, b.Array(bb, str))
	b.Set(top, b.Array(a, a, bb))
	data := b.Bytes(top)

	elements, strBytes, depth := measure(t, data)
	require.Equal(t, 23, elements) // top 1 + a 8 twice + b 6 (b: itself, 2 integers, a dictionary of 3)
	require.Equal(t, 36, strBytes) // "shared" twice, "key" and "value" three times
	require.Equal(t, 4, depth)     // top, a, b, the dictionary
	for _, tt := range []struct {
		name   string
		ok     Limits
		over   Limits
		says   string
		object string
	}{
		{"elements after expansion", Limits{MaxElements: elements}, Limits{MaxElements: elements - 1}, "23 elements after expansion over MaxElements 22", "object 0"},
		{"bytes after expansion", Limits{MaxBytes: int64(max(strBytes, len(data)))}, Limits{MaxBytes: int64(len(data))}, "", ""},
		{"depth through a shared child", Limits{MaxDepth: depth}, Limits{MaxDepth: depth - 1}, "depth 4 over MaxDepth 3", ""},
		{"string length", Limits{MaxStringBytes: 6}, Limits{MaxStringBytes: 5}, "string or data of 6 bytes over MaxStringBytes 5", "object 3"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			require.NoError(t, tt.ok.CheckPlist(data))
			if tt.says == "" {
				return
			}
			err := tt.over.CheckPlist(data)
			require.ErrorIs(t, err, ErrTooLarge)
			assert.Contains(t, err.Error(), tt.says)
			assert.Contains(t, err.Error(), "binary plist "+tt.object)
		})
	}
}

func TestCheckPlistBinaryBytesAfterExpansion(t *testing.T) {
	b := hostile.Bplist{}
	s := b.Add(hostile.ASCII(strings.Repeat("x", 100)))
	data := b.Bytes(b.Add(b.ArrayRepeat(s, 50))) // 5,000 bytes of strings from a 190-byte file
	_, strBytes, _ := measure(t, data)
	require.Equal(t, 5000, strBytes)
	assert.NoError(t, Limits{MaxBytes: 5000}.CheckPlist(data))
	err := Limits{MaxBytes: 4999}.CheckPlist(data)
	require.ErrorIs(t, err, ErrTooLarge)
	assert.Contains(t, err.Error(), "strings and data after expansion of 5000 bytes over MaxBytes 4999")
}

func TestCheckPlistBinaryUTF16IsMeasuredDecoded(t *testing.T) {
	// "é☃🍎" in UTF-16: 1 + 1 + 2 units, 2 + 3 + 4 bytes of UTF-8; then a lone
	// surrogate, which decodes to U+FFFD (3 bytes).
	units := []uint16{0x00E9, 0x2603, 0xD83C, 0xDF4E, 0xD800}
	obj := []byte{0x60 | byte(len(units))}
	for _, u := range units {
		obj = binary.BigEndian.AppendUint16(obj, u)
	}
	b := hostile.Bplist{}
	data := b.Bytes(b.Add(obj))
	_, strBytes, _ := measure(t, data)
	require.Equal(t, 12, strBytes)
	require.NoError(t, Limits{MaxStringBytes: 12}.CheckPlist(data))
	assert.ErrorIs(t, Limits{MaxStringBytes: 11}.CheckPlist(data), ErrTooLarge)
}

func TestCheckPlistBinaryRefusesBrokenStructure(t *testing.T) {
	valid := func() []byte {
		b := hostile.Bplist{OffSize: 1}
		top := b.Add(nil)
		b.Set(top, b.Array(b.Add(hostile.ASCII("a")), b.Add(hostile.Int(7))))
		return b.Bytes(top)
	}
	require.NoError(t, Limits{}.CheckPlist(valid()))
	tbl := uint64(len(valid()) - 32 - 3)
	trailer := func(offSize, refSize int, objects, top, table uint64) []byte {
		d := valid()
		return append(d[:len(d)-32], hostile.Trailer(offSize, refSize, objects, top, table)...)
	}
	one := func(object []byte) []byte {
		b := hostile.Bplist{}
		return b.Bytes(b.Add(object))
	}
	for _, tt := range []struct {
		name string
		data []byte
		says string
	}{
		{"too short", []byte("bplist00"), `not "bplist00" with a 32-byte trailer`},
		{"another version", append([]byte("bplist01"), valid()[8:]...), `not "bplist00"`},
		{"offset size 0", trailer(0, 1, 3, 0, tbl), "offset size 0"},
		{"offset size 9", trailer(9, 1, 3, 0, tbl), "offset size 9"},
		{"reference size 0", trailer(1, 0, 3, 0, tbl), "reference size 0"},
		{"table in the header", trailer(1, 1, 3, 0, 4), "offset table at byte 4"},
		{"table past the file", trailer(1, 1, 3, 0, 1<<62), "outside the"},
		{"no objects", trailer(1, 1, 0, 0, tbl), "0 objects"},
		{"a table larger than the file", trailer(1, 1, 1<<40, 0, tbl), "1099511627776 objects"},
		{"an overflowing table", trailer(8, 1, 1<<61+1, 0, tbl), "objects"},
		{"bytes between table and trailer", trailer(1, 1, 2, 0, tbl), "1 bytes between the offset table and the trailer"},
		{"top out of range", trailer(1, 1, 3, 3, tbl), "top object 3 of 3"},
		{"offset in the header", func() []byte { d := valid(); d[len(d)-32-3] = 2; return d }(), "offset 2 outside the object area"},
		{"an unknown type", one([]byte{0x70}), "unknown object type 0x70"},
		{"null", one([]byte{0x00}), "unknown object type 0x00"},
		{"a 32-byte integer", one([]byte{0x15}), "unknown object type 0x15"},
		{"a 2-byte real", one([]byte{0x21, 0, 0}), "unknown object type 0x21"},
		{"a date of another size", one([]byte{0x32, 0, 0, 0, 0}), "unknown object type 0x32"},
		{"an integer past the area", one([]byte{0x13, 0, 0}), "bytes past the object area"},
		{"a string past the area", one([]byte{0x55, 'a', 'b'}), "length 5 runs past the object area"},
		{"a length that is not an integer", one([]byte{0x5F, 0x50, 'a'}), "length is not an integer"},
		{"a 16-byte length", one(append([]byte{0x5F, 0x14}, make([]byte, 16)...)), "length is not an integer"},
		{"a huge length", one([]byte{0xAF, 0x13, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF}), "runs past the object area"},
		{"a dictionary of 2^62 pairs", one([]byte{0xDF, 0x13, 0x40, 0, 0, 0, 0, 0, 0, 0}), "runs past the object area"},
		{"a reference out of range", one([]byte{0xA1, 0x05}), "reference to object 5 of 1"},
		{"a self reference", one([]byte{0xA1, 0x00}), "reference to object 0 forms a cycle"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			err := Limits{}.CheckPlist(tt.data)
			require.ErrorIs(t, err, ErrMalformed)
			assert.Contains(t, err.Error(), tt.says)
		})
	}
}

// TestCheckPlistShieldsTheDecoder shows inputs that crash howett.net/plist with a
// runtime error it re-panics (no recover in the caller's code can be sure to catch
// it): CheckPlist refuses each of them first.
func TestCheckPlistShieldsTheDecoder(t *testing.T) {
	one := func(object []byte) []byte {
		b := hostile.Bplist{}
		return b.Bytes(b.Add(object))
	}
	for name, data := range map[string][]byte{
		"an array of 2^64-1 entries":    one([]byte{0xAF, 0x13, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF}),
		"a UTF-16 string of 2^63 units": one([]byte{0x6F, 0x13, 0x80, 0, 0, 0, 0, 0, 0, 0}),
	} {
		t.Run(name, func(t *testing.T) {
			assert.ErrorIs(t, Limits{}.CheckPlist(data), ErrMalformed)
			assert.Panics(t, func() {
				var v any
				_, _ = plist.Unmarshal(data, &v)
			}, "howett.net/plist alone")
		})
	}
}

func TestCheckPlistBinaryRefusesObjectsItCannotReference(t *testing.T) {
	b := hostile.Bplist{RefSize: 1, OffSize: 2}
	for range 300 {
		b.Add(hostile.Bool(true))
	}
	err := Limits{}.CheckPlist(b.Bytes(0))
	require.ErrorIs(t, err, ErrMalformed)
	assert.Contains(t, err.Error(), "300 objects cannot be referenced in 1 bytes")
}

func TestCheckPlistBinaryRefusesMoreObjectsThanElements(t *testing.T) {
	b := hostile.Bplist{}
	for range 11 {
		b.Add(hostile.Bool(true))
	}
	data := b.Bytes(0)
	require.NoError(t, Limits{MaxElements: 11}.CheckPlist(data))
	err := Limits{MaxElements: 10}.CheckPlist(data)
	require.ErrorIs(t, err, ErrTooLarge)
	assert.Contains(t, err.Error(), "binary plist trailer: 11 objects over MaxElements 10")
}

func TestCheckPlistBinaryRefusesCyclesAndNonStringKeys(t *testing.T) {
	for _, c := range hostile.Plists() {
		if !strings.HasSuffix(c.Name, ".bplist") || c.Want != hostile.Malformed {
			continue
		}
		t.Run(c.Name, func(t *testing.T) {
			assert.ErrorIs(t, Limits{}.CheckPlist(c.Build()), ErrMalformed)
		})
	}
}
