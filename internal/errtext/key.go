package errtext

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
