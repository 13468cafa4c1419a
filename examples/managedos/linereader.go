package main

import (
	"bufio"
	"bytes"
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

// lineReader reads input one line at a time, keeping one line in memory: a line
// longer than max bytes is reported with its number and skipped to the next newline
// without being buffered, and reading goes on.
type lineReader struct {
	r   *bufio.Reader
	max int
	n   int // the number of the line read last
}

func newLineReader(r io.Reader, max int) *lineReader {
	return &lineReader{r: bufio.NewReaderSize(r, max+1), max: max}
}

// next returns the next line, without its line ending, and its 1-based number;
// io.EOF after the last line. An over-long line returns its number and an error
// wrapping compat.ErrTooLarge that names the limit; the next call reads the line
// after it. A read error ends the input: it is returned, not a line's fault.
func (lr *lineReader) next() (line []byte, n int, err error) {
	line, err = lr.r.ReadSlice('\n')
	if len(line) == 0 && err == io.EOF {
		return nil, lr.n, io.EOF
	}
	lr.n++
	switch {
	case errors.Is(err, bufio.ErrBufferFull):
		read := len(line)
		for errors.Is(err, bufio.ErrBufferFull) {
			line, err = lr.r.ReadSlice('\n')
			read += len(line)
		}
		switch {
		case err == nil:
			read-- // the newline
		case err != io.EOF:
			return nil, lr.n, fmt.Errorf("reading line %d: %w", lr.n, err)
		}
		return nil, lr.n, lr.tooLong(read)
	case err != nil && err != io.EOF:
		return nil, lr.n, fmt.Errorf("reading line %d: %w", lr.n, err)
	}
	line = bytes.TrimSuffix(line, []byte("\n"))
	if len(line) > lr.max { // bufio's buffer has a minimum size, which may be more
		return nil, lr.n, lr.tooLong(len(line))
	}
	return bytes.TrimSuffix(line, []byte("\r")), lr.n, nil
}

// tooLong refuses the current line, of length bytes.
func (lr *lineReader) tooLong(length int) error {
	return fmt.Errorf("line %d: %d bytes, over the limit of %d bytes per line: %w", lr.n, length, lr.max, compat.ErrTooLarge)
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
