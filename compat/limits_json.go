package compat

import (
	"bytes"
	"unicode/utf8"
)

// jsonScan is one pass of the JSON check: a validating scanner with an explicit
// stack of open objects and arrays, so no input can make it recurse.
type jsonScan struct{ textScan }

func (l Limits) checkJSON(data []byte) error {
	s := jsonScan{textScan: textScan{Limits: l, format: "JSON", data: data}}
	return s.scan()
}

func (s *jsonScan) scan() error {
	data := s.data
	i := skipSpace(data, 0)
	var err error
value:
	for {
		// A value starts at i.
		if i == len(data) {
			return s.malformed(i, "cut short: expected a value")
		}
		if err := s.element(i); err != nil {
			return err
		}
		switch c := data[i]; c {
		case '{', '[':
			if err := s.open(i, c == '{'); err != nil {
				return err
			}
			i = skipSpace(data, i+1)
			switch {
			case i < len(data) && (data[i] == '}' && c == '{' || data[i] == ']' && c == '['):
				s.frames.pop()
				i++
			case c == '{':
				if i, err = s.key(i); err != nil {
					return err
				}
				continue value
			default:
				continue value
			}
		case '"':
			if i, err = s.string(i); err != nil {
				return err
			}
		case 't', 'f', 'n':
			lit := "null"
			switch c {
			case 't':
				lit = "true"
			case 'f':
				lit = "false"
			}
			if !bytes.HasPrefix(data[i:], []byte(lit)) {
				return s.malformed(i, "not a JSON value")
			}
			i += len(lit)
		default:
			if i, err = s.number(i); err != nil {
				return err
			}
		}
		// After a value: a comma, the end of its container, or the end of input.
		for {
			i = skipSpace(data, i)
			top := s.frames.top()
			switch {
			case top == nil:
				if i < len(data) {
					return s.malformed(i, "data after the top-level value")
				}
				return nil
			case i == len(data):
				return s.malformed(i, "cut short: an object or array is not closed")
			case data[i] == ',':
				i = skipSpace(data, i+1)
				if top.dict {
					if i, err = s.key(i); err != nil {
						return err
					}
				}
				continue value
			case data[i] == '}' && top.dict, data[i] == ']' && !top.dict:
				s.frames.pop()
				i++
			default:
				return s.malformed(i, "expected , or the end of the object or array")
			}
		}
	}
}

// key reads an object key and its colon at i, and returns where its value starts.
func (s *jsonScan) key(i int) (int, error) {
	if i == len(s.data) || s.data[i] != '"' {
		return 0, s.malformed(i, "expected a string key")
	}
	if err := s.element(i); err != nil {
		return 0, err
	}
	end, err := s.string(i)
	if err != nil {
		return 0, err
	}
	f := s.frames.top()
	f.keyStart, f.keyEnd = i+1, end-1
	i = skipSpace(s.data, end)
	if i == len(s.data) || s.data[i] != ':' {
		return 0, s.malformed(i, "expected : after a key")
	}
	return skipSpace(s.data, i+1), nil
}

// string reads a string at i (its opening quote) and returns where it ends.
func (s *jsonScan) string(i int) (int, error) {
	data := s.data
	j := i + 1
	for j < len(data) {
		c := data[j]
		switch {
		case c >= 0x20 && c < utf8.RuneSelf && c != '"' && c != '\\':
			j++
		case c == '"':
			if n := j - i - 1; n > s.MaxStringBytes {
				return 0, s.tooLarge(i, "MaxStringBytes", int64(s.MaxStringBytes), int64(n), "string")
			}
			return j + 1, nil
		case c == '\\':
			if j+1 == len(data) {
				return 0, s.malformed(i, "cut short: string not closed")
			}
			switch data[j+1] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				j += 2
			case 'u':
				if j+6 > len(data) || !isHex(data[j+2]) || !isHex(data[j+3]) || !isHex(data[j+4]) || !isHex(data[j+5]) {
					return 0, s.malformed(j, `\u not followed by four hex digits`)
				}
				j += 6
			default:
				return 0, s.malformed(j, "invalid escape in a string")
			}
		case c < 0x20:
			return 0, s.malformed(j, "control character 0x%02x in a string", c)
		default:
			r, size := utf8.DecodeRune(data[j:])
			if r == utf8.RuneError && size == 1 {
				return 0, s.malformed(j, "not UTF-8")
			}
			j += size
		}
	}
	return 0, s.malformed(i, "cut short: string not closed")
}

// number reads a number at i as RFC 8259 writes it and returns where it ends.
func (s *jsonScan) number(i int) (int, error) {
	data := s.data
	j := i
	digits := func() int {
		k := j
		for j < len(data) && data[j] >= '0' && data[j] <= '9' {
			j++
		}
		return j - k
	}
	if j < len(data) && data[j] == '-' {
		j++
	}
	switch {
	case j < len(data) && data[j] == '0':
		j++
	case digits() == 0:
		return 0, s.malformed(i, "not a JSON value")
	}
	if j < len(data) && data[j] == '.' {
		j++
		if digits() == 0 {
			return 0, s.malformed(j, "expected a digit after the decimal point")
		}
	}
	if j < len(data) && (data[j] == 'e' || data[j] == 'E') {
		j++
		if j < len(data) && (data[j] == '+' || data[j] == '-') {
			j++
		}
		if digits() == 0 {
			return 0, s.malformed(j, "expected a digit in the exponent")
		}
	}
	if n := j - i; n > s.MaxStringBytes {
		return 0, s.tooLarge(i, "MaxStringBytes", int64(s.MaxStringBytes), int64(n), "number")
	}
	return j, nil
}

func isHex(c byte) bool { return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' }
