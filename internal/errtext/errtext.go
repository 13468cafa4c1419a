// Package errtext keeps error messages small whatever the input: values are quoted
// and cut to a fixed length, and lists of problems are cut to a fixed count.
package errtext

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxValue is how many bytes of a value [Quote] keeps before it cuts with "…".
const MaxValue = 64

// MaxErrors is how many errors [Join] keeps before it says "and N more".
const MaxErrors = 8

// Quote returns s as a Go-quoted string (%q), cut after MaxValue bytes (at a rune
// boundary) with "…" after the closing quote, so a message that quotes device input
// stays small however long the input is.
func Quote(s string) string {
	if len(s) <= MaxValue {
		return strconv.Quote(s)
	}
	cut := MaxValue
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return strconv.Quote(s[:cut]) + "…"
}

// Plain returns s as it is when it is at most MaxValue bytes of printable text, and
// Quote(s) otherwise: for text that reads better unquoted, such as encoding/json's
// "number 1.5", but may carry a value from outside of any length.
func Plain(s string) string {
	if len(s) <= MaxValue && utf8.ValidString(s) && !strings.ContainsFunc(s, func(r rune) bool { return !unicode.IsPrint(r) }) {
		return s
	}
	return Quote(s)
}

// MaxMessage is how long a message from another package [Error] keeps whole.
const MaxMessage = 4 * MaxValue

// Error returns err's message for a message of ours: whole when it is at most
// MaxMessage bytes, else cut by Quote. It is for errors of other packages, such as
// encoding/json's or time's, which may quote a value from outside of any length.
func Error(err error) string {
	if s := err.Error(); len(s) <= MaxMessage {
		return s
	}
	return Quote(err.Error())
}

// Join joins errs like [errors.Join], nil ones dropped, but keeps only the first
// MaxErrors and ends with an error saying how many more there were. Every error
// kept, and so every sentinel they wrap, stays visible to [errors.Is].
func Join(errs ...error) error {
	kept := make([]error, 0, min(len(errs), MaxErrors+1))
	n := 0
	for _, err := range errs {
		if err == nil {
			continue
		}
		n++
		if len(kept) < MaxErrors {
			kept = append(kept, err)
		}
	}
	if n > MaxErrors {
		kept = append(kept, fmt.Errorf("and %d more", n-MaxErrors))
	}
	return errors.Join(kept...)
}
