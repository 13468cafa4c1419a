// Package jsonstrict reads stored JSON objects into structs strictly: every key must
// be the exact json name of a field, and every error names the key it is about.
// encoding/json alone ignores unknown keys, matches names in any letter case, and
// reports an error from a field's UnmarshalText without saying which field it was.
package jsonstrict

import (
	"bytes"
	"encoding"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"time"

	"github.com/managedos/managedos/internal/errtext"
)

// ErrUnknownField reports a key that names no field of the struct being read.
var ErrUnknownField = errors.New("unknown field")

// ErrNotObject reports JSON text that is not an object where a struct is read.
var ErrNotObject = errors.New("not a JSON object")

// Unmarshal reads data, one JSON object or null, into the struct v points to. Each
// key must be the json name of one of the struct's exported fields, exactly. A field
// whose type has its own UnmarshalJSON or UnmarshalText is read with it; a field that
// is a struct, or a pointer to one, without them is read strictly in turn (its errors
// prefixed "Outer: "); any other field is read with encoding/json. Unknown
// keys, values of the wrong type and a field's own errors are returned joined (at
// most errtext.MaxErrors), each prefixed with its key; unknown keys are quoted and
// cut with errtext.Quote. null leaves v unchanged. Embedded structs are not
// supported. Unmarshal does not bound data's size or depth: check it against the
// caller's limits (compat.Limits.CheckJSON) first.
//
// Unmarshal panics if v is not a non-nil pointer to a struct: that is a programming
// error, not bad input.
func Unmarshal(data []byte, v any) error {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() || rv.Elem().Kind() != reflect.Struct {
		panic(fmt.Sprintf("jsonstrict: Unmarshal of %T, want a pointer to a struct", v))
	}
	return unmarshalStruct(data, rv.Elem())
}

// unmarshalStruct reads data into the struct st, which must be addressable.
func unmarshalStruct(data []byte, st reflect.Value) error {
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(data, &raw); err != nil {
		var typeErr *json.UnmarshalTypeError
		if errors.As(err, &typeErr) {
			return fmt.Errorf("got JSON %s: %w", errtext.Plain(typeErr.Value), ErrNotObject)
		}
		return err
	}
	fields := fieldIndex(st.Type())
	keys := make([]string, 0, len(raw))
	for k := range raw {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	var errs []error
	for _, k := range keys {
		i, ok := fields[k]
		if !ok {
			errs = append(errs, fmt.Errorf("%s: %w", errtext.Quote(k), ErrUnknownField))
			continue
		}
		if err := unmarshalField(raw[k], st.Field(i)); err != nil {
			errs = append(errs, fieldError(k, err))
		}
	}
	return errtext.Join(errs...)
}

var (
	jsonUnmarshaler = reflect.TypeFor[json.Unmarshaler]()
	textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()
)

// unmarshalField reads data into the field f: strictly when it is a struct, or a
// pointer to one, that does not read itself; with encoding/json otherwise.
func unmarshalField(data []byte, f reflect.Value) error {
	t := f.Type()
	readsItself := func(t reflect.Type) bool {
		p := reflect.PointerTo(t)
		return p.Implements(jsonUnmarshaler) || p.Implements(textUnmarshaler)
	}
	switch {
	case t.Kind() == reflect.Struct && !readsItself(t):
		return unmarshalStruct(data, f)
	case t.Kind() == reflect.Pointer && t.Elem().Kind() == reflect.Struct && !readsItself(t.Elem()):
		if string(bytes.TrimSpace(data)) == "null" {
			f.SetZero()
			return nil
		}
		v := reflect.New(t.Elem())
		if err := unmarshalStruct(data, v.Elem()); err != nil {
			return err
		}
		f.Set(v)
		return nil
	}
	return json.Unmarshal(data, f.Addr().Interface())
}

// fieldError prefixes err with the key, rewording encoding/json's type errors
// without its Go type paths, and the errors that quote a value whole (a number
// encoding/json cannot store, a time that does not parse) with the value cut.
func fieldError(key string, err error) error {
	var typeErr *json.UnmarshalTypeError
	var timeErr *time.ParseError
	switch {
	case errors.As(err, &typeErr):
		return fmt.Errorf("%s: want %s, got JSON %s", key, Kind(typeErr.Type), errtext.Plain(typeErr.Value))
	case errors.As(err, &timeErr):
		return fmt.Errorf("%s: want an RFC 3339 time, got %s", key, errtext.Quote(timeErr.Value))
	}
	return fmt.Errorf("%s: %w", key, err)
}

// Kind names, for messages, the JSON value a Go type reads from: "a string", "a
// boolean", "an integer", "a number", "an array", "an object", or "another type".
// Pointers read what they point to, and a type that unmarshals from text reads a
// string.
func Kind(t reflect.Type) string {
	for t != nil && t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t == nil {
		return "another type"
	}
	if reflect.PointerTo(t).Implements(textUnmarshaler) {
		return "a string"
	}
	switch t.Kind() {
	case reflect.Bool:
		return "a boolean"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "an integer"
	case reflect.Float32, reflect.Float64:
		return "a number"
	case reflect.String:
		return "a string"
	case reflect.Slice, reflect.Array:
		return "an array"
	case reflect.Map, reflect.Struct:
		return "an object"
	}
	return "another type"
}

// fieldIndex maps the json names of t's exported fields to their index.
func fieldIndex(t reflect.Type) map[string]int {
	m := make(map[string]int, t.NumField())
	for i := range t.NumField() {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		switch name {
		case "-":
			continue
		case "":
			name = f.Name
		}
		m[name] = i
	}
	return m
}
