package compat

import (
	"bytes"
	"fmt"
	"strings"
)

// Default limits: a real device answer, status report, profile or feed is well
// under a megabyte and a few levels deep, so these leave a wide margin while keeping
// a hostile input's cost small.
const (
	DefaultMaxBytes       = 16 << 20 // 16 MiB of input
	DefaultMaxDepth       = 64       // nested arrays and dictionaries
	DefaultMaxElements    = 1 << 20  // values and keys, after a binary plist's shared references are expanded
	DefaultMaxStringBytes = 1 << 20  // one string, data, key or number
)

// Limits bounds what a parser accepts from a device, a feed or a file before it
// decodes anything: every parser in this module checks its input against limits
// first and refuses input over any of them with an error wrapping [ErrTooLarge]
// (a *[LimitError]) that names the limit and where it was hit. A zero field means
// its default, so the zero Limits is the safe default set.
//
// The check runs in time linear in the input and needs memory bounded by the
// limits, so no input, however crafted, can exhaust the process: a binary plist
// whose objects share references (an expansion bomb) is measured as the decoder
// would materialise it, before it does. Limits is a small value, safe to copy and to
// use from several goroutines.
type Limits struct {
	// MaxBytes is the most input accepted, in bytes, and also the most bytes of
	// strings and data a binary plist may expand to; 0 means DefaultMaxBytes.
	MaxBytes int64
	// MaxDepth is the deepest nesting of arrays and dictionaries accepted (a
	// top-level dictionary is depth 1); 0 means DefaultMaxDepth.
	MaxDepth int
	// MaxElements is the most values (strings, numbers, arrays, dictionaries, ...)
	// and dictionary keys accepted, counting every expansion of a shared binary
	// plist reference; 0 means DefaultMaxElements.
	MaxElements int
	// MaxStringBytes is the longest single string, key, data value or number
	// accepted, in bytes as written in the input (for a binary plist's UTF-16
	// strings, as UTF-8 once decoded); in XML it also bounds each run of text,
	// comment and directive. 0 means DefaultMaxStringBytes.
	MaxStringBytes int
}

// WithDefaults returns l with every zero field set to its default.
func (l Limits) WithDefaults() Limits {
	if l.MaxBytes <= 0 {
		l.MaxBytes = DefaultMaxBytes
	}
	if l.MaxDepth <= 0 {
		l.MaxDepth = DefaultMaxDepth
	}
	if l.MaxElements <= 0 {
		l.MaxElements = DefaultMaxElements
	}
	if l.MaxStringBytes <= 0 {
		l.MaxStringBytes = DefaultMaxStringBytes
	}
	return l
}

// LimitError is the error every check of [Limits] returns for input over a limit;
// it wraps [ErrTooLarge]. Its message names the limit, its value, the value the
// input reached and where, such as
//
//	compat: XML plist at byte 1234 (OSUpdateStatus[3]): depth 65 over MaxDepth 64: too large
type LimitError struct {
	// Limit is the field of Limits that was exceeded, such as "MaxDepth".
	Limit string
	// Max is the limit's value, and Got the value the input reached when the check
	// stopped (it stops at the first value over the limit, so Got may be less than
	// the input's total).
	Max, Got int64
	// What names what was measured: "depth", "elements", "elements after
	// expansion", or for the byte limits the thing measured, such as "input",
	// "<string>" or "text".
	What string
	// Where says where the limit was hit, such as "XML plist at byte 1234" or
	// "binary plist object 7 at byte 96"; empty for the input as a whole.
	Where string
}

// Error describes where the limit was hit, the value reached and the limit.
func (e *LimitError) Error() string {
	var b strings.Builder
	b.WriteString("compat: ")
	if e.Where != "" {
		b.WriteString(e.Where)
		b.WriteString(": ")
	}
	switch e.Limit {
	case "MaxDepth":
		fmt.Fprintf(&b, "depth %d", e.Got)
	case "MaxElements":
		fmt.Fprintf(&b, "%d %s", e.Got, e.What)
	default:
		fmt.Fprintf(&b, "%s of %d bytes", e.What, e.Got)
	}
	fmt.Fprintf(&b, " over %s %d: %v", e.Limit, e.Max, ErrTooLarge)
	return b.String()
}

// Unwrap returns [ErrTooLarge].
func (e *LimitError) Unwrap() error { return ErrTooLarge }

// CheckSize refuses n bytes of input over MaxBytes with a *[LimitError].
func (l Limits) CheckSize(n int64) error {
	l = l.WithDefaults()
	if n > l.MaxBytes {
		return &LimitError{Limit: "MaxBytes", Max: l.MaxBytes, Got: n, What: "input"}
	}
	return nil
}

// CheckPlist reports whether data, an XML or binary property list, is within l,
// without decoding it: size, nesting depth, element count after expansion and string
// length. Over a limit it returns a *[LimitError] (wrapping [ErrTooLarge]). It wraps
// [ErrMalformed] when data is neither an XML property list (starting with "<",
// after an optional UTF-8 byte order mark and white space) nor a binary one (starting
// with "bplist00"), so no OpenStep or GNUStep text ever reaches a decoder; when a
// binary plist's structure is broken (a reference cycle, an offset or a count
// outside the file, an offset table larger than the file, an unknown object type);
// and when XML markup is cut short, unbalanced or not plist vocabulary.
//
// CheckPlist does not decide whether the document is a valid plist in every detail
// (entities, numbers, dates and base64 are left to the decoder); it guarantees that
// decoding it with howett.net/plist stays within l. It runs in one pass, in time
// linear in len(data); an XML check allocates nothing, a binary one about 24 bytes
// per object.
func (l Limits) CheckPlist(data []byte) error {
	l = l.WithDefaults()
	if err := l.CheckSize(int64(len(data))); err != nil {
		return err
	}
	if bytes.HasPrefix(data, []byte("bplist")) {
		return l.checkBinaryPlist(data)
	}
	return l.checkXMLPlist(data)
}

// CheckJSON reports whether data, JSON text, is within l without decoding it: size,
// nesting depth, element count (values and object keys) and the length of each string
// and number as written. Over a limit it returns a *[LimitError] (wrapping
// [ErrTooLarge]). Text that is not JSON (RFC 8259: one value, UTF-8, no NaN or
// comments) wraps [ErrMalformed], so what CheckJSON accepts decodes with
// encoding/json, apart from numbers too large for the Go type they are decoded into.
// It runs in one pass, in time linear in len(data), and allocates nothing unless
// MaxDepth is over 64.
func (l Limits) CheckJSON(data []byte) error {
	l = l.WithDefaults()
	if err := l.CheckSize(int64(len(data))); err != nil {
		return err
	}
	return l.checkJSON(data)
}
