package mdmcmd

import (
	"fmt"
	"math"
	"time"

	"github.com/managedos/managedos/internal/errtext"
)

// dict reads one decoded plist dictionary leniently: it accepts every encoding
// devices have been seen to send for a key (booleans as <integer> 0/1, numbers as
// <integer> or <real>) and records, instead of failing, each key that is missing or
// mistyped, named by its path. Answers are decoded into plain Go values first
// (howett.net/plist aborts a whole document on the first mismatch and names no key),
// then read through dict.
type dict struct {
	m     map[string]any
	where string            // path prefix for messages, such as "OSUpdateStatus[0]."
	errs  *errtext.Problems // shared by every dict read from one answer
}

// fail records that key is missing or mistyped. The problems keep only the first
// errtext.MaxErrors and count the rest, so an answer with millions of bad entries
// costs neither memory nor a long message.
func (d dict) fail(key, format string, args ...any) {
	d.errs.Add(&KeyError{Key: d.where + key, Err: fmt.Errorf("%s%s: %s: %w", d.where, key, fmt.Sprintf(format, args...), ErrInvalidAnswer)})
}

// get returns the value of key, recording a missing required key.
func (d dict) get(key string, required bool) (any, bool) {
	x, ok := d.m[key]
	if !ok && required {
		d.fail(key, "missing")
	}
	return x, ok
}

func (d dict) str(key string, required bool) string {
	x, ok := d.get(key, required)
	if !ok {
		return ""
	}
	s, ok := x.(string)
	if !ok {
		d.fail(key, "want a string, got %s", plistType(x))
	}
	return s
}

// boolean reads a <true/>, <false/>, or <integer> 0 or 1; set reports presence.
func (d dict) boolean(key string, required bool) (v, set bool) {
	x, ok := d.get(key, required)
	if !ok {
		return false, false
	}
	switch t := x.(type) {
	case bool:
		return t, true
	case uint64, int64:
		if n, _ := integer(t); n == 0 || n == 1 {
			return n == 1, true
		}
	}
	d.fail(key, "want a boolean, got %s", describe(x))
	return false, false
}

// integer reads an <integer>, or a <real> without a fraction.
func (d dict) integer(key string, required bool) (v int64, set bool) {
	x, ok := d.get(key, required)
	if !ok {
		return 0, false
	}
	if n, ok := integer(x); ok {
		return n, true
	}
	if f, ok := real(x); ok && f == math.Trunc(f) && math.Abs(f) < 1<<62 {
		return int64(f), true
	}
	d.fail(key, "want an integer, got %s", describe(x))
	return 0, false
}

// number reads a finite <real> or an <integer>.
func (d dict) number(key string, required bool) float64 {
	x, ok := d.get(key, required)
	if !ok {
		return 0
	}
	if f, ok := real(x); ok && !math.IsNaN(f) && !math.IsInf(f, 0) {
		return f
	}
	if n, ok := integer(x); ok {
		return float64(n)
	}
	d.fail(key, "want a number, got %s", describe(x))
	return 0
}

func (d dict) date(key string, required bool) time.Time {
	x, ok := d.get(key, required)
	if !ok {
		return time.Time{}
	}
	t, ok := x.(time.Time)
	if !ok {
		d.fail(key, "want a date, got %s", plistType(x))
	}
	return t
}

// array returns the array at key; set reports presence.
func (d dict) array(key string, required bool) (v []any, set bool) {
	x, ok := d.get(key, required)
	if !ok {
		return nil, false
	}
	a, ok := x.([]any)
	if !ok {
		d.fail(key, "want an array, got %s", plistType(x))
		return nil, false
	}
	return a, true
}

// dicts returns the dictionaries of the array at key; set reports presence.
func (d dict) dicts(key string, required bool) (v []dict, set bool) {
	a, ok := d.array(key, required)
	if !ok {
		return nil, false
	}
	out := make([]dict, 0, len(a))
	for i, x := range a {
		m, ok := x.(map[string]any)
		if !ok {
			d.fail(fmt.Sprintf("%s[%d]", key, i), "want a dictionary, got %s", plistType(x))
			continue
		}
		out = append(out, dict{m: m, where: fmt.Sprintf("%s%s[%d].", d.where, key, i), errs: d.errs})
	}
	return out, true
}

// sub returns the dictionary at key; set reports presence.
func (d dict) sub(key string, required bool) (v dict, set bool) {
	x, ok := d.get(key, required)
	if !ok {
		return dict{}, false
	}
	m, ok := x.(map[string]any)
	if !ok {
		d.fail(key, "want a dictionary, got %s", plistType(x))
		return dict{}, false
	}
	return dict{m: m, where: d.where + key + ".", errs: d.errs}, true
}

// integer returns the value of a plist <integer>, which howett.net/plist decodes as
// uint64 when non-negative and int64 when negative.
func integer(x any) (int64, bool) {
	switch v := x.(type) {
	case uint64:
		if v > math.MaxInt64 {
			return 0, false
		}
		return int64(v), true
	case int64:
		return v, true
	}
	return 0, false
}

// real returns the value of a plist <real>: float64, or float32 from a binary plist.
func real(x any) (float64, bool) {
	switch v := x.(type) {
	case float64:
		return v, true
	case float32:
		return float64(v), true
	}
	return 0, false
}

// describe names a value's plist type, with the value for numbers.
func describe(x any) string {
	if n, ok := integer(x); ok {
		return fmt.Sprintf("integer %d", n)
	}
	return plistType(x)
}

// plistType names the plist type of a decoded value for messages.
func plistType(x any) string {
	switch x.(type) {
	case string:
		return "string"
	case bool:
		return "boolean"
	case uint64, int64:
		return "integer"
	case float64, float32:
		return "real"
	case time.Time:
		return "date"
	case []byte:
		return "data"
	case []any:
		return "array"
	case map[string]any:
		return "dictionary"
	default:
		return fmt.Sprintf("%T", x)
	}
}
