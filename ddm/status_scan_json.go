package ddm

import (
	"bytes"
	"encoding/json"
	"strconv"
)

// statusScan reads JSON that CheckJSON accepted, so it checks only what tells
// JSON values apart: a failed read moves to the end of the input, after which every
// read fails at once.
type statusScan struct {
	data   []byte
	i      int // where the next byte to read is
	failed bool
	folded [32]byte // the last key read by field, in lower case
	r      *StatusReport
	w      *statusWire // where the items are read
}

// fail stops the scan: the report is left to encoding/json.
func (s *statusScan) fail() {
	s.failed = true
	s.i = len(s.data)
}

// peek skips white space and returns the next byte, or 0 at the end.
func (s *statusScan) peek() byte {
	for ; s.i < len(s.data); s.i++ {
		if c := s.data[s.i]; c != ' ' && c != '\n' && c != '\r' && c != '\t' {
			return c
		}
	}
	return 0
}

// literal reads lit, which the byte at s.i starts.
func (s *statusScan) literal(lit string) {
	if !bytes.HasPrefix(s.data[s.i:], []byte(lit)) {
		s.fail()
		return
	}
	s.i += len(lit)
}

// null reads a null if one is next.
func (s *statusScan) null() bool {
	if s.peek() == 'n' {
		s.literal("null")
		return true
	}
	return false
}

// open reads the start of an object ('{') or an array ('['), or a null in its
// place. It reports whether the object or array is there; any other value fails
// the scan.
func (s *statusScan) open(c byte) bool {
	switch s.peek() {
	case c:
		s.i++
		return true
	case 'n':
		s.literal("null")
	default:
		s.fail()
	}
	return false
}

// next reports whether another member follows in the object or array that close
// ends, reading the comma before it, or close after the last one.
func (s *statusScan) next(close byte) bool {
	switch s.peek() {
	case close:
		s.i++
		return false
	case ',':
		s.i++
		return true
	case 0:
		s.fail()
		return false
	}
	return true // the first member
}

// quoted reads the string that starts at s.i and returns its text between the
// quotes, and whether the text has escapes.
func (s *statusScan) quoted() (text []byte, escaped bool) {
	start := s.i + 1
	end := bytes.IndexByte(s.data[start:], '"')
	if end < 0 {
		s.fail()
		return nil, false
	}
	text = s.data[start : start+end]
	if bytes.IndexByte(text, '\\') < 0 {
		s.i = start + end + 1
		return text, false
	}
	for j := start; j < len(s.data); j++ {
		switch s.data[j] {
		case '\\':
			j++
		case '"':
			s.i = j + 1
			return s.data[start:j], true
		}
	}
	s.fail()
	return nil, false
}

// key reads an object's key and the colon after it. An escaped key fails the scan.
func (s *statusScan) key() []byte {
	if s.peek() != '"' {
		s.fail()
		return nil
	}
	k, escaped := s.quoted()
	if escaped || s.peek() != ':' {
		s.fail()
		return nil
	}
	s.i++
	return k
}

// field reads the key of an object decoded into a struct, in lower case: the
// struct's fields are matched in lower case, as encoding/json matches keys
// ignoring case. A key that is not ASCII fails the scan; one too long for a field
// name reads as nothing.
func (s *statusScan) field() []byte {
	k := s.key()
	for _, c := range k {
		if c >= 0x80 {
			s.fail()
			return nil
		}
	}
	if len(k) > len(s.folded) {
		return nil
	}
	for j, c := range k {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		s.folded[j] = c
	}
	return s.folded[:len(k)]
}

// str reads a string, or a null as "" (encoding/json leaves a string unchanged on
// null). Any other value fails the scan.
func (s *statusScan) str() string {
	switch s.peek() {
	case 'n':
		s.literal("null")
		return ""
	case '"':
		start := s.i
		text, escaped := s.quoted()
		if !escaped {
			return string(text) // CheckJSON made sure it is UTF-8 without control characters
		}
		var v string
		if json.Unmarshal(s.data[start:s.i], &v) != nil {
			s.fail()
		}
		return v
	}
	s.fail()
	return ""
}

// strPtr reads a string into a new pointer, or a null as nil.
func (s *statusScan) strPtr() *string {
	if s.null() {
		return nil
	}
	v := s.str()
	return &v
}

// integer reads a number into a new pointer as encoding/json reads one into an
// int, or a null as nil. A number that is not an integer in range, or any other
// value, fails the scan.
func (s *statusScan) integer() *int {
	if s.null() {
		return nil
	}
	start := s.i
	for ; s.i < len(s.data); s.i++ {
		if c := s.data[s.i]; (c < '0' || c > '9') && c != '-' && c != '+' && c != '.' && c != 'e' && c != 'E' {
			break
		}
	}
	n, err := strconv.ParseInt(string(s.data[start:s.i]), 10, strconv.IntSize)
	if err != nil || start == s.i {
		s.fail()
		return nil
	}
	v := int(n)
	return &v
}

// boolean reads true or false, or a null as false. Any other value fails the scan.
func (s *statusScan) boolean() bool {
	switch s.peek() {
	case 't':
		s.literal("true")
		return true
	case 'f':
		s.literal("false")
		return false
	case 'n':
		s.literal("null")
		return false
	}
	s.fail()
	return false
}

// skip reads a value of any type.
func (s *statusScan) skip() {
	switch s.peek() {
	case '"':
		s.quoted()
	case '{', '[':
		depth := 0
		for s.i < len(s.data) {
			switch s.data[s.i] {
			case '"':
				s.quoted()
				continue
			case '{', '[':
				depth++
			case '}', ']':
				depth--
			}
			s.i++
			if depth == 0 {
				return
			}
		}
		s.fail()
	case 0:
		s.fail()
	default: // a number, true, false or null
		for s.i < len(s.data) && !isDelimiter(s.data[s.i]) {
			s.i++
		}
	}
}

// isDelimiter reports whether c ends a number, true, false or null.
func isDelimiter(c byte) bool {
	switch c {
	case ',', ']', '}', ' ', '\n', '\r', '\t':
		return true
	}
	return false
}

// structField is how the scanner reads a field of a struct T that encoding/json
// decodes: the field's JSON name in lower case, and how its value is read.
type structField[T any] struct {
	name string
	read func(s *statusScan, v *T)
}

// object reads an object into v as encoding/json reads one into a struct with
// fields: a key that is a field's name, ignoring ASCII case, is read into the field
// (twice fails the scan); other keys are skipped. A null leaves v as it is.
func object[T any](s *statusScan, v *T, fields []structField[T]) {
	if !s.open('{') {
		return
	}
	var seen uint32
	for s.next('}') {
		key := s.field()
		f := 0
		for f < len(fields) && fields[f].name != string(key) {
			f++
		}
		if f == len(fields) {
			s.skip()
			continue
		}
		if seen&(1<<f) != 0 {
			s.fail()
		}
		seen |= 1 << f
		fields[f].read(s, v)
	}
}

// list reads an array into a new slice, each element with read (a null element is
// the zero T, as encoding/json leaves it), or a null as nil.
func list[T any](s *statusScan, read func(s *statusScan, v *T)) []T {
	if !s.open('[') {
		return nil
	}
	l := []T{} // encoding/json reads [] as an empty slice, not nil
	for s.next(']') {
		l = append(l, *new(T))
		read(s, &l[len(l)-1])
	}
	return l
}

func readString[T ~string](s *statusScan, v *T) { *v = T(s.str()) }

// readObject returns the reader of an object into a T, for list.
func readObject[T any](fields []structField[T]) func(s *statusScan, v *T) {
	return func(s *statusScan, v *T) { object(s, v, fields) }
}
