package compat

import (
	"encoding/binary"
	"fmt"
)

// A binary property list ("bplist00") is a header, the objects, an offset table
// giving each object's position, and a 32-byte trailer: 6 unused bytes, the size
// of an offset (1 to 8 bytes), the size of an object reference (1 to 8 bytes), then
// the number of objects, the top object and the offset table's position, 8 bytes
// each. Containers hold references (object numbers), so one object may be reached
// many times; the decoder expands every reference.
const (
	bplistHeader  = "bplist00"
	bplistTrailer = 32
)

// Object types, the high nibble of an object's first byte.
const (
	bpSimple = 0x0 // 0x08 false, 0x09 true
	bpInt    = 0x1
	bpReal   = 0x2
	bpDate   = 0x3
	bpData   = 0x4
	bpASCII  = 0x5
	bpUTF16  = 0x6
	bpUID    = 0x8
	bpArray  = 0xA
	bpDict   = 0xD
)

// bpMemo is what the check knows about one object once it has been measured.
type bpMemo struct {
	elements uint64 // values and keys the object expands to, itself included
	bytes    uint64 // bytes of strings and data it expands to
	height   int32  // containers on the longest path down from it, itself included
	state    uint8  // bpUnseen, bpOpen (on the walk's stack) or bpDone
	kind     uint8  // the object's type
}

const (
	bpUnseen = iota
	bpOpen
	bpDone
)

// bpFrame is one container on the walk's stack.
type bpFrame struct {
	index uint64 // the container's object number
	refs  int    // where its references start
	n     uint64 // how many references (twice the count for a dictionary: keys, then values)
	keys  uint64 // how many of them are keys
	next  uint64 // the next reference to follow
}

// bpPage is how many objects one memo page holds: the check's memory grows with
// the objects the walk reaches, not with the count the trailer claims.
const bpPage = 4096

// Objects and stack frames a check keeps inline: a typical answer fits, and its
// check allocates nothing.
const (
	bpSmallObjects = 32
	bpSmallStack   = 16
)

type bplistCheck struct {
	Limits
	data    []byte
	offSize int
	refSize int
	count   uint64 // objects
	tableAt int    // the offset table's position, the end of the object area
	small   [bpSmallObjects]bpMemo
	pages   [][]bpMemo // memo pages when count > bpSmallObjects, allocated as the walk reaches them
	depth   int        // containers on the stack
	frames  [bpSmallStack]bpFrame
	more    []bpFrame // frames beyond bpSmallStack
}

// checkBinaryPlist checks a binary plist's trailer and offset table with every
// bound checked, then walks the object graph from the top object without
// recursion, measuring each object once (memoised), so the walk is linear in
// objects plus references however often they are shared.
func (l Limits) checkBinaryPlist(data []byte) error {
	if len(data) < len(bplistHeader)+bplistTrailer || string(data[:len(bplistHeader)]) != bplistHeader {
		return fmt.Errorf("compat: binary plist: not %q with a %d-byte trailer: %w", bplistHeader, bplistTrailer, ErrMalformed)
	}
	t := data[len(data)-bplistTrailer:]
	c := bplistCheck{Limits: l, data: data, offSize: int(t[6]), refSize: int(t[7])}
	c.count = binary.BigEndian.Uint64(t[8:])
	top := binary.BigEndian.Uint64(t[16:])
	tableAt := binary.BigEndian.Uint64(t[24:])
	tableEnd := uint64(len(data) - bplistTrailer)
	switch {
	case c.offSize < 1 || c.offSize > 8:
		return c.malformed("trailer: offset size %d: want 1 to 8", c.offSize)
	case c.refSize < 1 || c.refSize > 8:
		return c.malformed("trailer: reference size %d: want 1 to 8", c.refSize)
	case tableAt < uint64(len(bplistHeader)) || tableAt > tableEnd:
		return c.malformed("trailer: offset table at byte %d, outside the %d bytes before the trailer", tableAt, tableEnd)
	case c.count == 0 || c.count > (tableEnd-tableAt)/uint64(c.offSize):
		return c.malformed("trailer: %d objects: the offset table at byte %d has room for %d", c.count, tableAt, (tableEnd-tableAt)/uint64(c.offSize))
	case c.count*uint64(c.offSize) != tableEnd-tableAt:
		return c.malformed("trailer: %d bytes between the offset table and the trailer", tableEnd-tableAt-c.count*uint64(c.offSize))
	case c.refSize < 8 && c.count > 1<<(8*c.refSize):
		return c.malformed("trailer: %d objects cannot be referenced in %d bytes", c.count, c.refSize)
	case top >= c.count:
		return c.malformed("trailer: top object %d of %d", top, c.count)
	case c.count > uint64(l.MaxElements):
		return &LimitError{Limit: "MaxElements", Max: int64(l.MaxElements), Got: int64(min(c.count, 1<<62)), What: "objects", Where: "binary plist trailer"}
	}
	c.tableAt = int(tableAt)
	if c.count > bpSmallObjects {
		c.pages = make([][]bpMemo, (c.count+bpPage-1)/bpPage)
	}
	return c.walk(top)
}

// memo returns what the check knows about object index.
func (c *bplistCheck) memo(index uint64) *bpMemo {
	if c.pages == nil {
		return &c.small[index]
	}
	p := &c.pages[index/bpPage]
	if *p == nil {
		*p = make([]bpMemo, min(bpPage, c.count-index/bpPage*bpPage))
	}
	return &(*p)[index%bpPage]
}

// top returns the innermost container on the stack.
func (c *bplistCheck) top() *bpFrame {
	if c.depth <= bpSmallStack {
		return &c.frames[c.depth-1]
	}
	return &c.more[c.depth-1-bpSmallStack]
}

func (c *bplistCheck) push(f bpFrame) {
	if c.depth < bpSmallStack {
		c.frames[c.depth] = f
	} else {
		c.more = append(c.more[:c.depth-bpSmallStack], f)
	}
	c.depth++
}

func (c *bplistCheck) malformed(format string, args ...any) error {
	return fmt.Errorf("compat: binary plist: %s: %w", fmt.Sprintf(format, args...), ErrMalformed)
}

// at names an object for messages.
func (c *bplistCheck) at(index uint64) string {
	return fmt.Sprintf("object %d at byte %d", index, c.offset(index))
}

func (c *bplistCheck) tooLarge(index uint64, limit string, max, got uint64, what string) error {
	return &LimitError{Limit: limit, Max: int64(max), Got: int64(min(got, 1<<62)), What: what, Where: "binary plist " + c.at(index)}
}

// uint reads a big-endian unsigned integer of n bytes at i.
func (c *bplistCheck) uint(i, n int) uint64 {
	switch n {
	case 1:
		return uint64(c.data[i])
	case 2:
		return uint64(binary.BigEndian.Uint16(c.data[i:]))
	case 4:
		return uint64(binary.BigEndian.Uint32(c.data[i:]))
	case 8:
		return binary.BigEndian.Uint64(c.data[i:])
	}
	var v uint64
	for _, b := range c.data[i : i+n] {
		v = v<<8 | uint64(b)
	}
	return v
}

// offset returns where object index starts, as the offset table says.
func (c *bplistCheck) offset(index uint64) uint64 {
	return c.uint(c.tableAt+int(index)*c.offSize, c.offSize)
}

// walk measures the top object and everything it reaches, depth first with an
// explicit stack: an object on the stack reached again is a reference cycle.
func (c *bplistCheck) walk(top uint64) error {
	if err := c.enter(top); err != nil {
		return err
	}
	for c.depth > 0 {
		f := c.top()
		if f.next == f.n {
			done := f.index
			c.memo(done).state = bpDone
			c.depth--
			if c.depth > 0 {
				if err := c.add(c.top(), done); err != nil {
					return err
				}
			}
			continue
		}
		ref := c.uint(f.refs+int(f.next)*c.refSize, c.refSize)
		parent, entry, keys := f.index, f.next, f.keys
		f.next++
		if ref >= c.count {
			return c.malformed("%s: reference to object %d of %d", c.at(parent), ref, c.count)
		}
		m := c.memo(ref)
		switch m.state {
		case bpOpen:
			return c.malformed("%s: reference to object %d forms a cycle", c.at(parent), ref)
		case bpUnseen:
			if err := c.enter(ref); err != nil { // may push: f is stale from here
				return err
			}
		}
		if entry < keys && m.kind != bpASCII && m.kind != bpUTF16 {
			return c.malformed("%s: key %d is not a string", c.at(parent), entry)
		}
		if m.state == bpDone {
			if err := c.add(c.top(), ref); err != nil {
				return err
			}
		}
	}
	return nil
}

// add adds a measured child to the container of frame f, checking the limits as
// the sums grow, and the depth the child's height adds to the stack.
func (c *bplistCheck) add(f *bpFrame, child uint64) error {
	m, cm := c.memo(f.index), c.memo(child)
	m.elements += cm.elements
	m.bytes += cm.bytes
	depth := c.depth + int(cm.height)
	if h := cm.height + 1; h > m.height {
		m.height = h
	}
	switch {
	case depth > c.MaxDepth:
		return c.tooLarge(child, "MaxDepth", uint64(c.MaxDepth), uint64(depth), "depth")
	case m.elements > uint64(c.MaxElements):
		return c.tooLarge(f.index, "MaxElements", uint64(c.MaxElements), m.elements, "elements after expansion")
	case m.bytes > uint64(c.MaxBytes):
		return c.tooLarge(f.index, "MaxBytes", uint64(c.MaxBytes), m.bytes, "strings and data after expansion")
	}
	return nil
}

// enter reads object index: a scalar is measured at once, a container is pushed
// on the stack.
func (c *bplistCheck) enter(index uint64) error {
	m := c.memo(index)
	kind, n, at, err := c.object(index)
	if err != nil {
		return err
	}
	m.kind, m.elements = kind, 1
	switch kind {
	case bpArray, bpDict:
		m.state, m.height = bpOpen, 1
		if c.depth+1 > c.MaxDepth {
			return c.tooLarge(index, "MaxDepth", uint64(c.MaxDepth), uint64(c.depth+1), "depth")
		}
		f := bpFrame{index: index, refs: at, n: n}
		if kind == bpDict {
			f.keys = n / 2
		}
		c.push(f)
		return nil
	case bpASCII, bpData, bpUTF16:
		m.bytes = n
		if n > uint64(c.MaxStringBytes) {
			return c.tooLarge(index, "MaxStringBytes", uint64(c.MaxStringBytes), n, "string or data")
		}
	}
	m.state = bpDone
	return nil
}

// object reads the header of object index: its kind and, for a container, the
// number of references and where they start; for a string or data value, the
// bytes it decodes to. Every size is checked to lie inside the object area.
func (c *bplistCheck) object(index uint64) (kind uint8, n uint64, at int, err error) {
	off := c.offset(index)
	if off < uint64(len(bplistHeader)) || off >= uint64(c.tableAt) {
		return 0, 0, 0, c.malformed("object %d: offset %d outside the object area (bytes %d to %d)", index, off, len(bplistHeader), c.tableAt)
	}
	i := int(off)
	tag := c.data[i]
	kind = tag >> 4
	size := uint64(0) // the bytes of a fixed-size object after its tag
	switch kind {
	case bpSimple:
		if tag == 0x08 || tag == 0x09 {
			return kind, 0, 0, nil
		}
	case bpInt:
		size = 1 << (tag & 0xF)
	case bpReal:
		if tag&0xF == 2 || tag&0xF == 3 {
			size = 1 << (tag & 0xF)
		}
	case bpDate:
		if tag == 0x33 {
			size = 8
		}
	case bpUID:
		size = uint64(tag&0xF) + 1
	case bpData, bpASCII, bpUTF16, bpArray, bpDict:
		count, start, err := c.length(index, i)
		if err != nil {
			return 0, 0, 0, err
		}
		unit := uint64(1)
		switch kind {
		case bpUTF16:
			unit = 2
		case bpArray:
			unit = uint64(c.refSize)
		case bpDict:
			unit = 2 * uint64(c.refSize)
		}
		if count > uint64(c.tableAt-start)/unit {
			return 0, 0, 0, c.malformed("%s: length %d runs past the object area", c.at(index), count)
		}
		switch kind {
		case bpDict:
			return kind, 2 * count, start, nil
		case bpUTF16:
			return kind, c.utf8Len(start, int(count)), start, nil
		}
		return kind, count, start, nil
	}
	if size == 0 || kind == bpInt && size > 16 {
		return 0, 0, 0, c.malformed("%s: unknown object type 0x%02x", c.at(index), tag)
	}
	if room := uint64(c.tableAt - i - 1); size > room {
		return 0, 0, 0, c.malformed("%s: %d bytes past the object area", c.at(index), size-room)
	}
	return kind, 0, 0, nil
}

// length reads the length of a variable-size object at i: the tag's low nibble, or
// when that is 0xF an integer object of 1, 2, 4 or 8 bytes after it. It returns
// the length and where the object's content starts.
func (c *bplistCheck) length(index uint64, i int) (uint64, int, error) {
	if n := c.data[i] & 0xF; n != 0xF {
		return uint64(n), i + 1, nil
	}
	if i+1 >= c.tableAt || c.data[i+1]>>4 != bpInt || c.data[i+1]&0xF > 3 {
		return 0, 0, c.malformed("%s: length is not an integer of 1 to 8 bytes", c.at(index))
	}
	size := 1 << (c.data[i+1] & 0xF)
	if i+2+size > c.tableAt {
		return 0, 0, c.malformed("%s: length past the object area", c.at(index))
	}
	return c.uint(i+2, size), i + 2 + size, nil
}

// utf8Len returns how many bytes of UTF-8 the n UTF-16 units at i decode to (an
// unpaired surrogate becomes U+FFFD, 3 bytes).
func (c *bplistCheck) utf8Len(i, n int) uint64 {
	var total uint64
	for j := 0; j < n; j++ {
		u := binary.BigEndian.Uint16(c.data[i+2*j:])
		switch {
		case u < 0x80:
			total++
		case u < 0x800:
			total += 2
		case u >= 0xD800 && u < 0xDC00 && j+1 < n:
			if v := binary.BigEndian.Uint16(c.data[i+2*j+2:]); v >= 0xDC00 && v < 0xE000 {
				total += 4
				j++
				continue
			}
			total += 3
		default:
			total += 3
		}
	}
	return total
}
