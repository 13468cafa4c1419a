package errtext

import "errors"

// KeyError is one problem with one key of a document a parser read, so that a
// caller can tell which key to fix without reading the message. Packages export it
// under their own name and say what their keys look like.
type KeyError struct {
	// Key is the key's path in the document, such as "Command.Updates[0].InstallAction".
	Key string
	// Err is the problem; its message names the key.
	Err error
}

// Error returns Err's message.
func (e *KeyError) Error() string { return e.Err.Error() }

// Unwrap returns Err.
func (e *KeyError) Unwrap() error { return e.Err }

// EachProblem calls f once for each problem joined in err (by [errors.Join] or
// [Join], at any depth), in order: with its Key for a *KeyError, with "" for any
// other problem. A wrapper around joined problems that hold a *KeyError, such as
// fmt.Errorf("pkg: thing: %w", joined), adds nothing they do not say and is looked
// through. A nil err calls f never.
func EachProblem(err error, f func(key string, err error)) {
	var ke *KeyError
	switch e := err.(type) {
	case nil:
	case *KeyError:
		f(e.Key, e)
	case interface{ Unwrap() []error }:
		for _, inner := range e.Unwrap() {
			EachProblem(inner, f)
		}
	default:
		if inner := errors.Unwrap(err); inner != nil && errors.As(inner, &ke) {
			EachProblem(inner, f)
			return
		}
		f("", err)
	}
}
