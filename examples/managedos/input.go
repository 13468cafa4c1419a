package main

import (
	"fmt"
	"io"

	"github.com/managedos/managedos/compat"
)

// readInput reads all of r, a whole document such as a device's answer, reading at
// most max+1 bytes: more than max is refused, wrapping compat.ErrTooLarge with the
// limit, without reading the rest. name says what was read, for messages.
func readInput(r io.Reader, name string, max int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, fmt.Errorf("reading %s: %v: %w", name, err, errInvalidInput)
	}
	if int64(len(data)) > max {
		return nil, fmt.Errorf("%s: more than %d bytes, over MaxBytes %d (the rest was not read): %w", name, max, max, compat.ErrTooLarge)
	}
	return data, nil
}
