package main

import (
	"bytes"
	"errors"
	"io"
	"runtime"
	"slices"
	"sync"
)

// lineWorker turns input lines into output, one line at a time, in the order given.
// Each worker is used by one goroutine only, so it may keep caches and counters
// without locks.
type lineWorker interface {
	// line appends the output for line number n (1-based; the line without its
	// newline) to dst.
	line(dst, line []byte, n int) []byte
	// tooLong appends the output for line n, which was longer than limit bytes and
	// was skipped without being read whole.
	tooLong(dst []byte, n, limit int) []byte
}

// lineBlock is a run of whole input lines handed to a worker, or one over-long line.
type lineBlock struct {
	data    []byte // whole lines, each ending in '\n' but perhaps the last at end of input
	first   int    // the number of the first line
	lines   int    // how many lines the block holds
	tooLong bool   // the block stands for line first, over the limit and skipped
	out     []byte // the output, filled by a worker
	done    chan struct{}
}

// streamOptions sizes a stream.
type streamOptions struct {
	blockSize int // bytes read at a time; lines are never cut, so a block may grow to maxLine
	maxLine   int // the longest line read; a longer one is skipped and reported
	// progress, when set, is called with the number of lines written so far after
	// each block, and with -1 once all are written.
	progress func(lines int)
}

// streamLines reads r in blocks of whole lines, lets workers turn each line into
// output in parallel, and writes the outputs to w in input order as they complete.
// Memory is bounded by a few blocks per worker whatever the size of the input: a
// line over maxLine is skipped up to its newline and handed to the worker's tooLong.
// It returns the first read or write error; after a write error it reads no more.
// It panics without workers, which would leave every block undone.
func streamLines(r io.Reader, w io.Writer, o streamOptions, workers []lineWorker) error {
	if len(workers) == 0 {
		panic("managedos: streamLines without workers")
	}
	inflight := 2*len(workers) + 2
	free := make(chan *lineBlock, inflight)
	for range inflight {
		free <- &lineBlock{data: make([]byte, 0, o.blockSize), done: make(chan struct{}, 1)}
	}
	jobs := make(chan *lineBlock, inflight)
	order := make(chan *lineBlock, inflight)

	var wg sync.WaitGroup
	for _, lw := range workers {
		wg.Go(func() {
			for b := range jobs {
				b.out = b.out[:0]
				if b.tooLong {
					b.out = lw.tooLong(b.out, b.first, o.maxLine)
				} else {
					b.out = runLines(lw, b.out, b.data, b.first, o.maxLine)
				}
				b.done <- struct{}{}
			}
		})
	}

	readErr := make(chan error, 1)
	stop := make(chan struct{})
	go func() {
		defer close(order)
		defer close(jobs)
		readErr <- readBlocks(r, o, func(fill func(*lineBlock)) bool {
			select {
			case <-stop: // before a free block, which may be ready too
				return false
			default:
			}
			var b *lineBlock
			select {
			case b = <-free:
			case <-stop:
				return false
			}
			fill(b)
			jobs <- b
			order <- b
			return true
		})
	}()

	var writeErr error
	done := 0
	for b := range order {
		<-b.done
		if writeErr == nil {
			if _, err := w.Write(b.out); err != nil {
				writeErr = err
				close(stop)
			}
		}
		done += b.lines
		if cap(b.data) > o.blockSize {
			b.data = nil // it held a long line: let it go
		}
		free <- b
		if o.progress != nil {
			o.progress(done)
		}
	}
	if o.progress != nil {
		o.progress(-1)
	}
	wg.Wait()
	return errors.Join(<-readErr, writeErr)
}

// runLines hands each line of data, numbered from first, to lw, and the lines over
// maxLine to its tooLong (a block may hold a line a little over the limit, since
// buffers grow in steps).
func runLines(lw lineWorker, dst, data []byte, first, maxLine int) []byte {
	for n := first; len(data) > 0; n++ {
		line := data
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			line, data = data[:i], data[i+1:]
		} else {
			data = nil
		}
		if len(line) > maxLine {
			dst = lw.tooLong(dst, n, maxLine)
			continue
		}
		dst = lw.line(dst, line, n)
	}
	return dst
}

// readBlocks cuts r into blocks of whole lines. emit takes a function that fills a
// free block and queues it; it returns false when reading must stop. A block is
// blockSize bytes unless a longer line needs more, and the next one is blockSize
// again.
func readBlocks(r io.Reader, o streamOptions, emit func(fill func(*lineBlock)) bool) error {
	block := min(o.blockSize, o.maxLine+1)
	buf := make([]byte, 0, block)
	want := block // how much to read before cutting a block
	line, eof := 1, false
	for {
		for len(buf) < want && !eof {
			n, err := r.Read(buf[len(buf):want])
			buf = buf[:len(buf)+n]
			switch {
			case err == io.EOF:
				eof = true
			case err != nil:
				return err
			}
		}
		if len(buf) == 0 {
			return nil
		}
		end := bytes.LastIndexByte(buf, '\n') + 1
		switch {
		case end == 0 && len(buf) > o.maxLine:
			// One line over the limit: report it, then drop it up to its newline.
			n := line
			if !emit(func(b *lineBlock) { b.data, b.first, b.lines, b.tooLong = b.data[:0], n, 1, true }) {
				return nil
			}
			line++
			if eof {
				return nil
			}
			rest, ended, err := skipLine(r, buf[:0])
			if err != nil {
				return err
			}
			buf, eof, want = append(buf[:0], rest...), ended, block
			continue
		case end == 0 && !eof:
			// A long line: read more of it (len(buf) is at least want here).
			want = min(2*len(buf), o.maxLine+1)
			buf = slices.Grow(buf, want-len(buf))
			continue
		case end == 0:
			end = len(buf) // the last line, without a newline
		}
		n, data := line, buf[:end]
		line += bytes.Count(data, []byte{'\n'})
		if data[len(data)-1] != '\n' {
			line++
		}
		if !emit(func(b *lineBlock) {
			b.data, b.first, b.lines, b.tooLong = append(b.data[:0], data...), n, line-n, false
		}) {
			return nil
		}
		buf, want = append(buf[:0], buf[end:]...), block
	}
}

// skipLine reads and drops input up to and including the next newline, returning
// what followed it in the last read, whether the input ended, and any read error.
func skipLine(r io.Reader, scratch []byte) (rest []byte, eof bool, err error) {
	buf := scratch[:cap(scratch)]
	for {
		n, err := r.Read(buf)
		if i := bytes.IndexByte(buf[:n], '\n'); i >= 0 {
			if err != nil && err != io.EOF {
				return nil, false, err
			}
			return buf[i+1 : n], err == io.EOF, nil
		}
		if err == io.EOF {
			return nil, true, nil
		}
		if err != nil {
			return nil, false, err
		}
	}
}

// defaultWorkers is how many goroutines plan uses.
func defaultWorkers() int { return max(1, runtime.GOMAXPROCS(0)) }
