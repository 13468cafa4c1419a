package mdmcmd

import (
	"fmt"
	"unicode/utf8"

	"github.com/managedos/managedos/internal/errtext"
)

// checkWireText refuses a string that an XML property list would not carry
// unchanged, wrapping [ErrInvalidCommand] with key: howett.net/plist's XML writer
// (encoding/xml's EscapeText) replaces invalid UTF-8, the control characters U+0000
// to U+001F other than tab, newline and carriage return, and U+FFFE and U+FFFF with
// U+FFFD, and no XML parser, Apple's included, reads them back. Tab, newline and
// carriage return are written as character references and arrive intact. A builder
// refuses such a value rather than send one the Mac reads differently: a rewritten
// CommandUUID would no longer match the Mac's answer.
func checkWireText(key, s string) error {
	for i, r := range s {
		switch {
		case r == utf8.RuneError:
			if _, size := utf8.DecodeRuneInString(s[i:]); size == 1 {
				return fmt.Errorf("%s: %s: byte %d is not UTF-8, which a plist cannot carry: %w", key, errtext.Quote(s), i, ErrInvalidCommand)
			}
		case r < 0x20 && r != '\t' && r != '\n' && r != '\r', r == 0xFFFE, r == 0xFFFF:
			return fmt.Errorf("%s: %s: character %U at byte %d, which a plist cannot carry: %w", key, errtext.Quote(s), r, i, ErrInvalidCommand)
		}
	}
	return nil
}

// printable reports whether s is one line of text an XML property list carries
// unchanged and a person can read: valid UTF-8 without control characters (tab,
// newline and carriage return included), DEL, U+FFFD (what invalid bytes become),
// U+FFFE or U+FFFF.
func printable(s string) bool {
	for _, r := range s {
		if r == utf8.RuneError || r < 0x20 || r == 0x7f || r == 0xfffe || r == 0xffff {
			return false
		}
	}
	return true
}
