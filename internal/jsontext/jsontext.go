// Package jsontext writes JSON as encoding/json does with HTML escaping off
// (json.Encoder.SetEscapeHTML(false)): whole values through reflection, and string
// literals byte for byte for the places that build JSON by appending.
package jsontext

import (
	"bytes"
	"encoding/json"
	"unicode/utf8"
)

// Marshal returns the compact JSON of v as json.Marshal does, but with &, < and >
// left as they are, so that text such as an XML property list stays readable.
func Marshal(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}

// hex are the digits of \u00XX escapes.
const hex = "0123456789abcdef"

// AppendString appends s as a JSON string literal, exactly as encoding/json encodes
// a string with HTML escaping off: quote and backslash escaped, control characters
// as \b, \f, \n, \r, \t or \u00XX, each byte of invalid UTF-8 as \ufffd, U+2028 and
// U+2029 escaped, everything else as is.
func AppendString[S []byte | string](dst []byte, s S) []byte {
	dst = append(dst, '"')
	start := 0 // s[start:i] is copied as it is
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch c {
			case '"', '\\':
				dst = append(dst, '\\', c)
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := decodeRune(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hex[r&0xF])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}

// decodeRune decodes the first rune of s, as utf8.DecodeRune or
// utf8.DecodeRuneInString does.
func decodeRune[S []byte | string](s S) (rune, int) {
	switch s := any(s).(type) {
	case string:
		return utf8.DecodeRuneInString(s)
	case []byte:
		return utf8.DecodeRune(s)
	}
	return utf8.RuneError, 1
}
