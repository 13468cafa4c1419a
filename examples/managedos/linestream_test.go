package main

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"runtime"
	"strings"
	"testing"
	"testing/iotest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/managedos/managedos/internal/hostile"
)

// echoWorker writes each line back with its number.
type echoWorker struct{}

func (echoWorker) line(dst, line []byte, n int) []byte {
	return fmt.Appendf(dst, "%d:%s\n", n, line)
}

func (echoWorker) tooLong(dst []byte, n, limit int) []byte {
	return fmt.Appendf(dst, "%d: over %d\n", n, limit)
}

// echoSequential is what streamLines must print, computed the simple way.
func echoSequential(input string, maxLine int) string {
	var b strings.Builder
	lines := strings.Split(input, "\n")
	if strings.HasSuffix(input, "\n") {
		lines = lines[:len(lines)-1]
	}
	for i, l := range lines {
		if len(l) > maxLine {
			fmt.Fprintf(&b, "%d: over %d\n", i+1, maxLine)
		} else {
			fmt.Fprintf(&b, "%d:%s\n", i+1, l)
		}
	}
	return b.String()
}

func TestStreamLinesKeepsOrderAndNumbersLines(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	readers := map[string]func(io.Reader) io.Reader{
		"whole":    func(r io.Reader) io.Reader { return r },
		"one byte": iotest.OneByteReader,
		"half":     iotest.HalfReader,
	}
	for round := range 40 {
		var in strings.Builder
		for range rng.IntN(200) {
			in.WriteString(strings.Repeat("x", rng.IntN(90)))
			in.WriteByte('\n')
		}
		if rng.IntN(2) == 0 {
			in.WriteString("last line without newline")
		}
		for name, wrap := range readers {
			t.Run(fmt.Sprintf("%d/%s", round, name), func(t *testing.T) {
				o := streamOptions{blockSize: 16 + rng.IntN(100), maxLine: 40 + rng.IntN(60)}
				var out bytes.Buffer
				workers := []lineWorker{echoWorker{}, echoWorker{}, echoWorker{}}
				require.NoError(t, streamLines(wrap(strings.NewReader(in.String())), &out, o, workers))
				assert.Equal(t, echoSequential(in.String(), o.maxLine), out.String())
			})
		}
	}
}

func TestStreamLinesSkipsAnOverLongLineWithoutHoldingIt(t *testing.T) {
	huge := strings.Repeat("y", 10<<20)
	in := "first\n" + huge + "\nthird\n" + huge
	var out bytes.Buffer
	o := streamOptions{blockSize: 4096, maxLine: 64 << 10}
	require.NoError(t, streamLines(strings.NewReader(in), &out, o, []lineWorker{echoWorker{}}))
	assert.Equal(t, "1:first\n2: over 65536\n3:third\n4: over 65536\n", out.String())
}

// failingWriter fails every write.
type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, io.ErrClosedPipe }

func TestStreamLinesStopsOnAWriteError(t *testing.T) {
	in := strings.Repeat("line\n", 100000)
	err := streamLines(strings.NewReader(in), failingWriter{}, streamOptions{blockSize: 64, maxLine: 64}, []lineWorker{echoWorker{}})
	assert.ErrorIs(t, err, io.ErrClosedPipe)
}

// failAfter takes n bytes, then fails every write.
type failAfter struct {
	n   int
	got bytes.Buffer
}

func (f *failAfter) Write(p []byte) (int, error) {
	k := min(len(p), f.n-f.got.Len())
	f.got.Write(p[:k])
	if k < len(p) {
		return k, io.ErrClosedPipe
	}
	return k, nil
}

func TestStreamLinesStopsReadingWhenAWriteFailsMidStream(t *testing.T) {
	before := runtime.NumGoroutine()
	for _, workers := range []int{1, 2, 5} {
		t.Run(fmt.Sprint(workers), func(t *testing.T) {
			w := &failAfter{n: 10_000}
			r := &repeatReader{line: []byte("line\n"), n: math.MaxInt} // never ends
			lw := make([]lineWorker, workers)
			for i := range lw {
				lw[i] = echoWorker{}
			}
			o := streamOptions{blockSize: 256, maxLine: 64}
			require.ErrorIs(t, streamLines(r, w, o, lw), io.ErrClosedPipe)
			want := echoSequential(strings.Repeat("line\n", 2000), o.maxLine)
			assert.Equal(t, want[:w.got.Len()], w.got.String(), "what was written is the output's start, in order")
			assert.Less(t, (math.MaxInt-r.n)*len("line\n"), w.n+(2*workers+4)*o.blockSize, "bytes read after the write failed")
		})
	}
	// The goroutines are done when streamLines returns, but may take a moment to exit.
	deadline := time.Now().Add(time.Second)
	for runtime.NumGoroutine() > before && time.Now().Before(deadline) {
		time.Sleep(time.Millisecond)
	}
	assert.LessOrEqual(t, runtime.NumGoroutine(), before, "goroutines left running")
}

func TestReadBlocksGoesBackToTheBlockSizeAfterALongLine(t *testing.T) {
	in := strings.Repeat("x", 5000) + "\n" + strings.Repeat("short line\n", 1000)
	o := streamOptions{blockSize: 256, maxLine: 8192}
	var sizes []int
	b := &lineBlock{}
	require.NoError(t, readBlocks(strings.NewReader(in), o, func(fill func(*lineBlock)) bool {
		fill(b)
		sizes = append(sizes, len(b.data))
		return true
	}))
	require.Greater(t, len(sizes), 2)
	assert.GreaterOrEqual(t, sizes[0], 5001)
	for i, n := range sizes[1:] {
		assert.LessOrEqual(t, n, o.blockSize, "block %d", i+1)
	}
}

func TestStreamLinesReportsAReadError(t *testing.T) {
	r := io.MultiReader(strings.NewReader("a\nb\n"), iotest.ErrReader(io.ErrUnexpectedEOF))
	var out bytes.Buffer
	err := streamLines(r, &out, streamOptions{blockSize: 64, maxLine: 64}, []lineWorker{echoWorker{}})
	assert.ErrorIs(t, err, io.ErrUnexpectedEOF)
}

// chunkReader returns its chunks one a read, the last with err, then io.EOF: an
// error said once, which the reader must not drop.
type chunkReader struct {
	chunks []string
	err    error
}

func (c *chunkReader) Read(p []byte) (int, error) {
	if len(c.chunks) == 0 {
		return 0, io.EOF
	}
	n := copy(p, c.chunks[0])
	if c.chunks[0] = c.chunks[0][n:]; c.chunks[0] == "" {
		c.chunks = c.chunks[1:]
	}
	if len(c.chunks) == 0 {
		return n, c.err
	}
	return n, nil
}

func TestStreamLinesReportsAReadErrorThatEndsAnOverLongLine(t *testing.T) {
	r := &chunkReader{chunks: []string{strings.Repeat("x", 200), "xx\nnext\n"}, err: io.ErrUnexpectedEOF}
	var out bytes.Buffer
	err := streamLines(r, &out, streamOptions{blockSize: 64, maxLine: 64}, []lineWorker{echoWorker{}})
	assert.ErrorIs(t, err, io.ErrUnexpectedEOF)
}

// repeatReader yields the same line n times without holding the input.
type repeatReader struct {
	line []byte
	n    int
	off  int
}

func (r *repeatReader) Read(p []byte) (int, error) {
	written := 0
	for written < len(p) {
		if r.n == 0 {
			if written == 0 {
				return 0, io.EOF
			}
			break
		}
		c := copy(p[written:], r.line[r.off:])
		written += c
		r.off += c
		if r.off == len(r.line) {
			r.off = 0
			r.n--
		}
	}
	return written, nil
}

// countWorker counts lines and writes nothing.
type countWorker struct{ lines *int }

func (c countWorker) line(dst, _ []byte, _ int) []byte { *c.lines++; return dst }
func (c countWorker) tooLong(dst []byte, _, _ int) []byte {
	*c.lines++
	return dst
}

func TestStreamLinesMemoryDoesNotGrowWithTheInput(t *testing.T) {
	measure := func(lines int) uint64 {
		var n int
		r := &repeatReader{line: []byte(`{"id":"device-000001","model":"Mac14,2","current":"14.2.1"}` + "\n"), n: lines}
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		require.NoError(t, streamLines(r, io.Discard, streamOptions{blockSize: 64 << 10, maxLine: 64 << 10}, []lineWorker{countWorker{&n}}))
		runtime.ReadMemStats(&after)
		require.Equal(t, lines, n)
		return after.TotalAlloc - before.TotalAlloc
	}
	small, large := measure(10_000), measure(1_000_000)
	assert.Less(t, large, small+(1<<20), "allocated %d bytes for 1M lines, %d for 10k", large, small)
}

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

// TestStreamLinesDoesNotBufferAnOverLongLine reads a 500 MB line of white space
// (made on the fly, never held) and the line after it, within a few blocks.
func TestStreamLinesDoesNotBufferAnOverLongLine(t *testing.T) {
	r := &filler{n: 500 << 20, c: ' ', tail: "\nnext\n"}
	var out bytes.Buffer
	used := hostile.Allocated(func() {
		require.NoError(t, streamLines(r, &out, streamOptions{blockSize: 64 << 10, maxLine: maxLineBytes}, []lineWorker{echoWorker{}}))
	})
	assert.Equal(t, "1: over 1048576\n2:next\n", out.String())
	assert.Less(t, used, uint64(4<<20), "bytes allocated reading 500 MB")
}
