package main

import (
	"errors"
	"fmt"
	"io"

	"github.com/managedos/managedos/compat"
	"github.com/managedos/managedos/internal/errtext"
)

// maxLineBytes is the longest line of JSON-lines input (observations, inventory)
// the tool reads, without its newline: a real line is under a kilobyte.
const maxLineBytes = 1 << 20

// lineLimits bounds each line's JSON, checked before it is decoded.
func lineLimits() compat.Limits { return compat.Limits{MaxBytes: maxLineBytes} }

// errSomeLines marks a run that read its input but had to skip some lines: the
// output is printed, with an entry per bad line, and the exit status is 1.
var errSomeLines = errors.New("some input lines could not be read")

// refusal is the error object the tool prints: {"code","message"}.
type refusal struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

// lineError is one line the tool could not read, as printed: its number and the
// refusal, {"line":N,"error":{"code","message"}}.
type lineError struct {
	Line  int     `json:"line"`
	Error refusal `json:"error"`
}

// lineErrors collects the lines a run skipped, keeping the first errtext.MaxErrors
// and counting all, so a file of bad lines still gives a small report.
type lineErrors struct {
	kept  []lineError
	count int
}

// add counts line n, skipped with err, and keeps it while fewer than
// errtext.MaxErrors are kept.
func (l *lineErrors) add(n int, err error) {
	l.count++
	if len(l.kept) < errtext.MaxErrors {
		l.kept = append(l.kept, lineError{Line: n, Error: refusalOf(err)})
	}
}

// print writes the skipped lines on w, one a line, then how many more there were.
func (l *lineErrors) print(w io.Writer) {
	for _, e := range l.kept {
		fmt.Fprintf(w, "managedos: skipped: %s (%s)\n", e.Error.Message, e.Error.Code)
	}
	if more := l.count - len(l.kept); more > 0 {
		fmt.Fprintf(w, "managedos: skipped %d more lines\n", more)
	}
}
