// Package enum holds the token tables behind the project's small enumerations, so that
// every enum spells String, MarshalText and UnmarshalText the same way.
package enum

import (
	"errors"
	"fmt"
	"strconv"

	"github.com/managedos/managedos/internal/errtext"
)

// ErrUnknownToken reports text that names no value of an enumeration.
var ErrUnknownToken = errors.New("unknown token")

// Tokens lists the text form of each value of an enumeration whose values are the
// indexes 0, 1, 2, … of the list. Type names the Go type in messages; Err, when set,
// is wrapped instead of ErrUnknownToken so that each package keeps its own sentinel.
type Tokens[T ~uint8] struct {
	Type  string   // the Go type's name, for messages
	Names []string // the tokens, indexed by value
	Err   error    // the sentinel wrapped by parse and marshal errors
}

// String returns the token of v, or Type(n) when v is out of range.
func (t Tokens[T]) String(v T) string {
	if int(v) < len(t.Names) {
		return t.Names[v]
	}
	return t.Type + "(" + strconv.Itoa(int(v)) + ")"
}

// Marshal returns the token of v as bytes, or an error when v is out of range.
func (t Tokens[T]) Marshal(v T) ([]byte, error) {
	if int(v) < len(t.Names) {
		return []byte(t.Names[v]), nil
	}
	return nil, fmt.Errorf("%s(%d): %w", t.Type, v, t.err())
}

// Parse returns the value whose token is text, matched exactly.
func (t Tokens[T]) Parse(text string) (T, error) {
	for i, name := range t.Names {
		if name == text {
			return T(i), nil
		}
	}
	return 0, fmt.Errorf("%s %s: %w", t.Type, errtext.Quote(text), t.err())
}

func (t Tokens[T]) err() error {
	if t.Err != nil {
		return t.Err
	}
	return ErrUnknownToken
}
