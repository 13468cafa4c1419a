// Package errtext keeps error messages small whatever the input: values are quoted
// and cut to a fixed length, and lists of problems are cut to a fixed count.
package errtext

import (
	"errors"
	"fmt"
	"slices"
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
	s := err.Error()
	if len(s) <= MaxMessage {
		return s
	}
	return Quote(s)
}

// Join joins errs like [errors.Join], nil ones dropped, but keeps only the first
// MaxErrors and ends with an error saying how many more there were. Every error
// kept, and so every sentinel they wrap, stays visible to [errors.Is].
func Join(errs ...error) error {
	var p Problems
	for _, err := range errs {
		p.Add(err)
	}
	return p.Err()
}

// Problems collects the problems of one document one by one, as [Join] would join
// them all: it keeps the first MaxErrors and only counts the rest, so a document
// with millions of problems costs no more memory than one with MaxErrors. The zero
// value is empty and ready to use.
type Problems struct {
	kept []error
	n    int // problems added, kept or not
}

// Add records err; a nil err is no problem and is dropped.
func (p *Problems) Add(err error) {
	if err == nil {
		return
	}
	p.n++
	if len(p.kept) < MaxErrors {
		p.kept = append(p.kept, err)
	}
}

// AddAll records every problem of q, those q only counted included.
func (p *Problems) AddAll(q *Problems) {
	for _, err := range q.kept {
		p.Add(err)
	}
	if dropped := q.n - len(q.kept); dropped > 0 {
		p.n += dropped
	}
}

// Len returns how many problems were added, kept or not.
func (p *Problems) Len() int { return p.n }

// Err returns the problems joined as Join joins them: the first MaxErrors, then
// "and N more" when there were more; nil when there are none.
func (p *Problems) Err() error {
	kept := p.kept
	if p.n > len(kept) {
		kept = append(slices.Clip(kept), fmt.Errorf("and %d more", p.n-len(kept)))
	}
	return errors.Join(kept...)
}
