package compat

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// pathFrame is one open array or dictionary while a text scanner (XML plist or
// JSON) walks a document: for a dictionary, where the key read last lies in the
// input; for an array, the index of the element being read (-1 before the first).
type pathFrame struct {
	dict             bool
	keyStart, keyEnd int
	index            int
}

// frameStack holds the open containers: the first 64 inline, so a scan of a
// document no deeper than that allocates nothing, the rest on the heap.
type frameStack struct {
	n    int
	low  [64]pathFrame
	high []pathFrame
}

// depth returns how many containers are open.
func (st *frameStack) depth() int { return st.n }

func (st *frameStack) push(f pathFrame) {
	if st.n < len(st.low) {
		st.low[st.n] = f
	} else {
		st.high = append(st.high, f)
	}
	st.n++
}

func (st *frameStack) pop() {
	st.n--
	if st.n >= len(st.low) {
		st.high = st.high[:st.n-len(st.low)]
	}
}

// top returns the innermost open container, or nil when none is open.
func (st *frameStack) top() *pathFrame {
	switch k := st.n - 1; {
	case k < 0:
		return nil
	case k < len(st.low):
		return &st.low[k]
	default:
		return &st.high[k-len(st.low)]
	}
}

// frames returns a copy of the open containers, outermost first, for a message.
func (st *frameStack) frames() []pathFrame {
	return append(append([]pathFrame(nil), st.low[:min(st.n, len(st.low))]...), st.high...)
}

// textScan is what the XML plist and JSON checks share: the input, the open
// containers, the elements counted, and the errors that say where in them the
// check stopped.
type textScan struct {
	Limits
	format   string // "XML plist" or "JSON", for messages
	data     []byte
	frames   frameStack // the open arrays and dictionaries (objects)
	elements int        // values and keys so far
}

// element counts one more value or key, starting at i, against MaxElements, and
// inside an array moves the array's index on to it.
func (s *textScan) element(i int) error {
	s.elements++
	if s.elements > s.MaxElements {
		return s.tooLarge(i, "MaxElements", int64(s.MaxElements), int64(s.elements), "elements")
	}
	if top := s.frames.top(); top != nil && !top.dict {
		top.index++
	}
	return nil
}

// open opens an array, or a dictionary (object) when dict is set, starting at i,
// against MaxDepth.
func (s *textScan) open(i int, dict bool) error {
	s.frames.push(pathFrame{dict: dict, index: -1})
	if s.frames.depth() > s.MaxDepth {
		return s.tooLarge(i, "MaxDepth", int64(s.MaxDepth), int64(s.frames.depth()), "depth")
	}
	return nil
}

// isSpace reports whether c is white space, which is the same four bytes in XML
// and in JSON: space, tab, newline and carriage return.
func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// skipSpace returns the index of the first byte at or after i that is not white
// space.
func skipSpace(data []byte, i int) int {
	for i < len(data) && isSpace(data[i]) {
		i++
	}
	return i
}

func (s *textScan) malformed(at int, format string, args ...any) error {
	return fmt.Errorf("compat: %s: %s: %w", where(s.format, at, s.data, s.frames.frames()), fmt.Sprintf(format, args...), ErrMalformed)
}

func (s *textScan) tooLarge(at int, limit string, max, got int64, what string) error {
	return &LimitError{Limit: limit, Max: max, Got: got, What: what, Where: where(s.format, at, s.data, s.frames.frames())}
}

// Bounds on the key path a limit error shows, so the message stays small.
const (
	pathLevels   = 8  // the innermost levels shown
	pathKeyBytes = 32 // bytes of each key shown
)

// where describes a position for a LimitError or a malformed input: the format,
// the byte offset and, when inside a container, the key path such as
// StatusItems.softwareupdate[3]. Only the innermost pathLevels levels are shown,
// and each key is cut to pathKeyBytes, so the text stays small.
func where(format string, offset int, data []byte, frames []pathFrame) string {
	s := fmt.Sprintf("%s at byte %d", format, offset)
	if p := keyPath(data, frames); p != "" {
		s += " (" + p + ")"
	}
	return s
}

func keyPath(data []byte, frames []pathFrame) string {
	var b strings.Builder
	if len(frames) > pathLevels {
		b.WriteString("…")
		frames = frames[len(frames)-pathLevels:]
	}
	for _, f := range frames {
		switch {
		case f.dict && f.keyEnd > f.keyStart:
			if b.Len() > 0 {
				b.WriteByte('.')
			}
			b.WriteString(pathKey(data[f.keyStart:f.keyEnd]))
		case !f.dict && f.index >= 0:
			fmt.Fprintf(&b, "[%d]", f.index)
		}
	}
	return b.String()
}

// pathKey returns a key for a path: as written when it is plain text, quoted when
// it holds anything else, and cut after pathKeyBytes with "…".
func pathKey(key []byte) string {
	cut := false
	if len(key) > pathKeyBytes {
		n := pathKeyBytes
		for n > 0 && !utf8.RuneStart(key[n]) {
			n--
		}
		key, cut = key[:n], true
	}
	s := string(key)
	for _, c := range key {
		if c <= ' ' || c == '.' || c == '[' || c == '"' || c == 0x7f {
			s = strconv.Quote(s)
			break
		}
	}
	if cut {
		s += "…"
	}
	return s
}
