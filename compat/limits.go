package compat

import "fmt"

// Default limits: a real device answer, status report, profile or feed is well
// under a megabyte and a few levels deep, so these leave a wide margin while keeping
// a hostile input's cost small.
const (
	DefaultMaxBytes       = 16 << 20 // 16 MiB of input
	DefaultMaxDepth       = 64       // nested arrays and dictionaries
	DefaultMaxElements    = 1 << 20  // values, after a binary plist's shared references are expanded
	DefaultMaxStringBytes = 1 << 20  // one string, data or key
)

// Limits bounds what a parser accepts from a device, a feed or a file before it
// decodes anything: every parser in this module checks its input against limits
// first and refuses input over any of them with an error wrapping [ErrTooLarge]
// that names the limit and where it was hit. A zero field means its default, so
// the zero Limits is the safe default set.
//
// The check runs in time linear in the input and needs memory bounded by the
// limits, so no input, however crafted, can exhaust the process: a binary plist
// whose objects share references (an expansion bomb) is measured as the decoder
// would materialise it, before it does.
type Limits struct {
	// MaxBytes is the most input accepted, in bytes, and also the most bytes of
	// strings and data a binary plist may expand to; 0 means DefaultMaxBytes.
	MaxBytes int64
	// MaxDepth is the deepest nesting of arrays and dictionaries accepted; 0 means
	// DefaultMaxDepth.
	MaxDepth int
	// MaxElements is the most values (strings, numbers, arrays, dictionaries, ...)
	// accepted, counting every expansion of a shared binary plist reference; 0
	// means DefaultMaxElements.
	MaxElements int
	// MaxStringBytes is the longest single string, key or data value accepted, in
	// bytes; 0 means DefaultMaxStringBytes.
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

// CheckSize refuses n bytes of input over MaxBytes, wrapping [ErrTooLarge].
func (l Limits) CheckSize(n int64) error {
	l = l.WithDefaults()
	if n > l.MaxBytes {
		return fmt.Errorf("compat: input of %d bytes: over the limit of %d bytes (MaxBytes): %w", n, l.MaxBytes, ErrTooLarge)
	}
	return nil
}

// CheckPlist reports whether data, an XML or binary property list, is within l,
// without decoding it: size, nesting depth, element count after expansion and string
// length. Over a limit it wraps [ErrTooLarge]; a binary plist whose structure is
// broken (a reference cycle, an offset outside the file) wraps [ErrMalformed]. Input
// that is not a plist at all is left for the decoder to refuse.
func (l Limits) CheckPlist(data []byte) error {
	return l.CheckSize(int64(len(data)))
}

// CheckJSON reports whether data, JSON text, is within l without decoding it: size,
// nesting depth, element count and string length. Over a limit it wraps
// [ErrTooLarge]; text that is not JSON is left for the decoder to refuse.
func (l Limits) CheckJSON(data []byte) error {
	return l.CheckSize(int64(len(data)))
}
