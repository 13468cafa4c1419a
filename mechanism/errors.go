package mechanism

import "errors"

// ErrUnknownToken reports text that names no [Delivery] or [Installer]; the wrapping
// error quotes the text.
var ErrUnknownToken = errors.New("mechanism: unknown token")
