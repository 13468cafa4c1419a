package compat

import (
	"encoding/json"
	"errors"
	"testing"
	"unicode/utf8"

	"howett.net/plist"

	"github.com/managedos/managedos/internal/hostile"
)

// fuzzLimits are small, so the fuzzer reaches every limit with short inputs.
var fuzzLimits = Limits{MaxBytes: 1 << 16, MaxDepth: 6, MaxElements: 64, MaxStringBytes: 64}

// decodedSize measures a decoded value: nesting depth, values and keys, the longest
// string or data, and the bytes of all of them.
type decodedSize struct{ depth, elements, longest, bytes int }

func (s *decodedSize) walk(x any, depth int) {
	s.elements++
	text := func(n int) {
		s.longest = max(s.longest, n)
		s.bytes += n
	}
	switch x := x.(type) {
	case string:
		text(len(x))
	case []byte:
		text(len(x))
	case []any:
		s.depth = max(s.depth, depth+1)
		for _, e := range x {
			s.walk(e, depth+1)
		}
	case map[string]any:
		s.depth = max(s.depth, depth+1)
		for k, e := range x {
			s.elements++
			text(len(k))
			s.walk(e, depth+1)
		}
	}
}

func (s decodedSize) within(t *testing.T, l Limits) {
	t.Helper()
	if s.depth > l.MaxDepth || s.elements > l.MaxElements || s.longest > l.MaxStringBytes || int64(s.bytes) > l.MaxBytes {
		t.Fatalf("accepted, but decodes to %+v, over %+v", s, l)
	}
}

// checkError fails unless err is nil or one of the check's two sentinels, with a
// small message.
func checkError(t *testing.T, err error) {
	t.Helper()
	if err != nil && !errors.Is(err, ErrTooLarge) && !errors.Is(err, ErrMalformed) {
		t.Fatalf("error wraps neither ErrTooLarge nor ErrMalformed: %v", err)
	}
	if err != nil && len(err.Error()) > 1024 {
		t.Fatalf("error of %d bytes", len(err.Error()))
	}
}

// FuzzCheckPlist checks that CheckPlist never panics, and that whatever it accepts
// howett.net/plist decodes without panicking, as XML or binary (never OpenStep or
// GNUStep), into a value within the limits. The seeds are the small hostile cases.
func FuzzCheckPlist(f *testing.F) {
	for _, c := range hostile.Plists() {
		if !c.Large {
			f.Add(c.Build())
		}
	}
	f.Add([]byte(xmlProlog + `<plist version="1.0"><dict><key>a</key><array><string>x</string><integer>1</integer><true/></array></dict></plist>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		err := fuzzLimits.CheckPlist(data)
		checkError(t, err)
		if err != nil {
			return
		}
		var v any
		format, err := plist.Unmarshal(data, &v)
		if err != nil {
			return
		}
		if format != plist.XMLFormat && format != plist.BinaryFormat {
			t.Fatalf("accepted, but decodes as %s", plist.FormatNames[format])
		}
		var s decodedSize
		s.walk(v, 0)
		s.within(t, fuzzLimits)
	})
}

// FuzzCheckJSON checks that CheckJSON never panics, agrees with encoding/json on
// what is JSON (it refuses invalid UTF-8 besides), and that what it accepts decodes
// into a value within the limits.
func FuzzCheckJSON(f *testing.F) {
	for _, c := range hostile.JSON() {
		if !c.Large {
			f.Add(c.Build())
		}
	}
	f.Add([]byte(`{"a":[1,-2.5e3,"x\u00e9",true,null,{}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		err := fuzzLimits.CheckJSON(data)
		checkError(t, err)
		valid := json.Valid(data) && utf8.Valid(data)
		switch {
		case err == nil && !json.Valid(data):
			t.Fatalf("accepted, but encoding/json says it is not JSON")
		case errors.Is(err, ErrMalformed) && valid:
			t.Fatalf("refused as malformed, but encoding/json reads it: %v", err)
		case err != nil:
			return
		}
		var v any
		if err := json.Unmarshal(data, &v); err != nil {
			var typeErr *json.UnmarshalTypeError
			if !errors.As(err, &typeErr) {
				t.Fatalf("accepted, but encoding/json fails: %v", err)
			}
			return // a number out of float64's range
		}
		var s decodedSize
		s.walk(v, 0)
		s.within(t, fuzzLimits)
	})
}
