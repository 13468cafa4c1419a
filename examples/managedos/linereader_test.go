package main

import (
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/managedos/managedos/compat"
	"github.com/managedos/managedos/internal/hostile"
)

// filler is a reader of n bytes of c made on the fly, with an optional tail: input
// far larger than memory should ever hold.
type filler struct {
	n    int64
	c    byte
	tail string
}

func (f *filler) Read(p []byte) (int, error) {
	if f.n == 0 {
		if f.tail == "" {
			return 0, io.EOF
		}
		k := copy(p, f.tail)
		f.tail = f.tail[k:]
		return k, nil
	}
	k := int(min(int64(len(p)), f.n))
	for i := range p[:k] {
		p[i] = f.c
	}
	f.n -= int64(k)
	return k, nil
}

func TestLineReaderNumbersLines(t *testing.T) {
	lr := newLineReader(strings.NewReader("a\r\n\nbb\nccc"), 3)
	var got []string
	for {
		line, n, err := lr.next()
		if err == io.EOF {
			break
		}
		require.NoError(t, err)
		got = append(got, strings.Repeat("#", n)+string(line))
	}
	assert.Equal(t, []string{"#a", "##", "###bb", "####ccc"}, got)
}

func TestLineReaderSkipsAnOverLongLineAndGoesOn(t *testing.T) {
	lr := newLineReader(strings.NewReader("ok\n"+strings.Repeat("x", 10)+"\nabcd\nabcde\nlast"), 4)
	type result struct {
		line string
		n    int
		err  string
	}
	var got []result
	for {
		line, n, err := lr.next()
		if err == io.EOF {
			break
		}
		r := result{line: string(line), n: n}
		if err != nil {
			require.ErrorIs(t, err, compat.ErrTooLarge)
			r.err = err.Error()
		}
		got = append(got, r)
	}
	assert.Equal(t, []result{
		{"ok", 1, ""},
		{"", 2, "line 2: 10 bytes, over the limit of 4 bytes per line: too large"},
		{"abcd", 3, ""},
		{"", 4, "line 4: 5 bytes, over the limit of 4 bytes per line: too large"},
		{"last", 5, ""},
	}, got)
}

// TestLineReaderDoesNotBufferAnOverLongLine reads a 500 MB line of white space
// (made on the fly, never held) and the line after it, within one line's buffer.
func TestLineReaderDoesNotBufferAnOverLongLine(t *testing.T) {
	r := &filler{n: 500 << 20, c: ' ', tail: "\nnext\n"}
	var lines []string
	var errs []error
	used := hostile.Allocated(func() {
		lr := newLineReader(r, maxLineBytes)
		for {
			line, _, err := lr.next()
			if err == io.EOF {
				return
			}
			lines, errs = append(lines, string(line)), append(errs, err)
		}
	})
	require.Len(t, errs, 2)
	assert.ErrorIs(t, errs[0], compat.ErrTooLarge)
	assert.Contains(t, errs[0].Error(), "line 1: 524288000 bytes")
	assert.Equal(t, "next", lines[1])
	assert.Less(t, used, uint64(4<<20), "bytes allocated reading 500 MB")
}

func TestLineReaderPassesOnReadErrors(t *testing.T) {
	broken := errors.New("disk on fire")
	lr := newLineReader(io.MultiReader(strings.NewReader("a\nb"), &failing{broken}), 16)
	line, n, err := lr.next()
	require.NoError(t, err)
	assert.Equal(t, "a", string(line))
	assert.Equal(t, 1, n)
	_, _, err = lr.next()
	assert.ErrorIs(t, err, broken)
}

type failing struct{ err error }

func (f *failing) Read([]byte) (int, error) { return 0, f.err }
