package hostile

import (
	"encoding/binary"
	"math"
)

// Bplist assembles binary property lists object by object, so tests can build
// ones no encoder would write: shared references, cycles, bad offsets.
type Bplist struct {
	// RefSize is the size of an object reference in bytes (1 to 8); 0 means 1.
	RefSize int
	// OffSize is the size of an offset in the offset table (1 to 8); 0 means 4.
	OffSize int
	objects [][]byte
}

// Add appends an encoded object and returns its number.
func (b *Bplist) Add(object []byte) uint64 {
	b.objects = append(b.objects, object)
	return uint64(len(b.objects) - 1)
}

// Set replaces object n, for references to objects added later.
func (b *Bplist) Set(n uint64, object []byte) { b.objects[n] = object }

func (b *Bplist) refSize() int {
	if b.RefSize == 0 {
		return 1
	}
	return b.RefSize
}

// Array encodes an array of refs.
func (b *Bplist) Array(refs ...uint64) []byte {
	out := header(0xA0, uint64(len(refs)))
	for _, r := range refs {
		out = appendSized(out, r, b.refSize())
	}
	return out
}

// ArrayRepeat encodes an array holding ref n times.
func (b *Bplist) ArrayRepeat(ref uint64, n int) []byte {
	out := header(0xA0, uint64(n))
	for range n {
		out = appendSized(out, ref, b.refSize())
	}
	return out
}

// Dict encodes a dictionary: keys[i] maps to values[i].
func (b *Bplist) Dict(keys, values []uint64) []byte {
	out := header(0xD0, uint64(len(keys)))
	for _, r := range keys {
		out = appendSized(out, r, b.refSize())
	}
	for _, r := range values {
		out = appendSized(out, r, b.refSize())
	}
	return out
}

// Bytes returns the binary plist with top as its top object.
func (b *Bplist) Bytes(top uint64) []byte {
	off := b.OffSize
	if off == 0 {
		off = 4
	}
	out := []byte("bplist00")
	offsets := make([]uint64, len(b.objects))
	for i, o := range b.objects {
		offsets[i] = uint64(len(out))
		out = append(out, o...)
	}
	table := uint64(len(out))
	for _, o := range offsets {
		out = appendSized(out, o, off)
	}
	return append(out, Trailer(off, b.refSize(), uint64(len(b.objects)), top, table)...)
}

// Trailer encodes a binary plist trailer.
func Trailer(offSize, refSize int, objects, top, table uint64) []byte {
	t := make([]byte, 32)
	t[6], t[7] = byte(offSize), byte(refSize)
	binary.BigEndian.PutUint64(t[8:], objects)
	binary.BigEndian.PutUint64(t[16:], top)
	binary.BigEndian.PutUint64(t[24:], table)
	return t
}

// ASCII encodes an ASCII string object (any bytes, as the format allows).
func ASCII(s string) []byte { return append(header(0x50, uint64(len(s))), s...) }

// Int encodes a non-negative integer object of 8 bytes.
func Int(n uint64) []byte { return binary.BigEndian.AppendUint64([]byte{0x13}, n) }

// Real encodes an 8-byte real object.
func Real(f float64) []byte { return binary.BigEndian.AppendUint64([]byte{0x23}, math.Float64bits(f)) }

// Bool encodes true or false.
func Bool(v bool) []byte {
	if v {
		return []byte{0x09}
	}
	return []byte{0x08}
}

// header encodes an object's type nibble and length, with the length as an
// integer object after it when it does not fit in the low nibble.
func header(tag byte, n uint64) []byte {
	if n < 15 {
		return []byte{tag | byte(n)}
	}
	return binary.BigEndian.AppendUint64([]byte{tag | 0xF, 0x13}, n)
}

func appendSized(out []byte, v uint64, size int) []byte {
	for i := size - 1; i >= 0; i-- {
		out = append(out, byte(v>>(8*i)))
	}
	return out
}
