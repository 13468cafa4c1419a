package main

import (
	"fmt"
	"io"
	"os"

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
	return data, checkRead(data, name, max)
}

// readFlagFile reads the file at path that the flag flagName names, as readInput
// reads stdin: more than max bytes is refused as too large, naming the flag and the
// file, without reading the rest. A file that cannot be opened or read is a usage
// error naming the flag.
func readFlagFile(flagName, path string, max int64) ([]byte, error) {
	data, err := readFileUpTo(path, max+1)
	if err != nil {
		return nil, usageError{flagName + ": " + err.Error()}
	}
	return data, checkRead(data, flagName+" "+path, max)
}

// readFileUpTo reads the first n bytes of the file at path, or all of it when it is
// shorter, never more.
func readFileUpTo(path string, n int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(io.LimitReader(f, n))
}

// checkRead refuses data, read up to max+1 bytes from name, when it holds more than
// max, wrapping compat.ErrTooLarge.
func checkRead(data []byte, name string, max int64) error {
	if int64(len(data)) > max {
		return errOverMax(name, max)
	}
	return nil
}

// errOverMax is the error for input from name that held more than max bytes, of
// which no more than max+1 were read.
func errOverMax(name string, max int64) error {
	return fmt.Errorf("%s: more than %d bytes, over MaxBytes %d (the rest was not read): %w", name, max, max, compat.ErrTooLarge)
}
