package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"unicode/utf8"

	"github.com/managedos/managedos/compat"
)

// inventoryDevice is one line of plan's inventory, as JSON:
// {"id","model","chip","device_id","current","build","ring"}, every field optional to
// the reader (plan decides what it needs). Its fields point into the line they were
// read from and are valid until that line's buffer is reused.
type inventoryDevice struct {
	ID, Model, Chip, DeviceID, Current, Build, Ring []byte
}

// inventoryJSON is the same line for encoding/json, the reference reader.
type inventoryJSON struct {
	ID       string `json:"id"`
	Model    string `json:"model"`
	Chip     string `json:"chip"`
	DeviceID string `json:"device_id"`
	Current  string `json:"current"`
	Build    string `json:"build"`
	Ring     string `json:"ring"`
}

// readInventoryLine reads one inventory line into d. Lines in the common shape — one
// flat object whose keys are spelled exactly as above and whose values are plain
// strings or null, with no escapes — are read in place without allocating; anything
// else is checked against the line limits (depth, string length), then goes to
// encoding/json, so the result of a line within the limits is always what encoding/json would give (its
// case-insensitive keys, escapes, replaced invalid UTF-8 and errors included).
func readInventoryLine(line []byte, d *inventoryDevice) error {
	*d = inventoryDevice{}
	if readInventoryFast(line, d) {
		return nil
	}
	if err := lineLimits().CheckJSON(line); errors.Is(err, compat.ErrTooLarge) {
		return err // broken JSON is left to encoding/json, whose message says more
	}
	var j inventoryJSON
	if err := json.Unmarshal(line, &j); err != nil {
		return fmt.Errorf("not a JSON object of strings: %v", err)
	}
	*d = inventoryDevice{
		ID: []byte(j.ID), Model: []byte(j.Model), Chip: []byte(j.Chip), DeviceID: []byte(j.DeviceID),
		Current: []byte(j.Current), Build: []byte(j.Build), Ring: []byte(j.Ring),
	}
	return nil
}

// readInventoryFast reads a line in the common shape; false means "not that shape",
// never "invalid": the caller then asks encoding/json.
func readInventoryFast(line []byte, d *inventoryDevice) bool {
	i := skipSpace(line, 0)
	if i == len(line) || line[i] != '{' {
		return false
	}
	i = skipSpace(line, i+1)
	if i < len(line) && line[i] == '}' {
		return skipSpace(line, i+1) == len(line)
	}
	for {
		key, next, ok := plainString(line, i)
		if !ok {
			return false
		}
		i = skipSpace(line, next)
		if i == len(line) || line[i] != ':' {
			return false
		}
		i = skipSpace(line, i+1)
		var val []byte
		if bytes.HasPrefix(line[i:], []byte("null")) {
			i += len("null")
		} else if val, next, ok = plainString(line, i); ok {
			i = next
		} else {
			return false
		}
		field := d.field(key)
		if field == nil {
			return false // an unknown or differently spelled key: encoding/json decides
		}
		if val != nil || *field == nil {
			*field = val
		}
		i = skipSpace(line, i)
		if i == len(line) {
			return false
		}
		switch line[i] {
		case ',':
			i = skipSpace(line, i+1)
		case '}':
			return skipSpace(line, i+1) == len(line)
		default:
			return false
		}
	}
}

// field returns where the value of an exactly spelled key goes, or nil.
func (d *inventoryDevice) field(key []byte) *[]byte {
	switch string(key) {
	case "id":
		return &d.ID
	case "model":
		return &d.Model
	case "chip":
		return &d.Chip
	case "device_id":
		return &d.DeviceID
	case "current":
		return &d.Current
	case "build":
		return &d.Build
	case "ring":
		return &d.Ring
	}
	return nil
}

// plainString reads a JSON string at line[i] that needs no decoding: no escapes, no
// control characters, valid UTF-8. It returns the contents (never nil) and the index
// after the closing quote.
func plainString(line []byte, i int) (s []byte, next int, ok bool) {
	if i >= len(line) || line[i] != '"' {
		return nil, 0, false
	}
	start := i + 1
	ascii := true
	for j := start; j < len(line); j++ {
		switch c := line[j]; {
		case c == '"':
			s = line[start:j:j]
			if !ascii && !utf8.Valid(s) {
				return nil, 0, false
			}
			return s, j + 1, true
		case c == '\\' || c < 0x20:
			return nil, 0, false
		case c >= utf8.RuneSelf:
			ascii = false
		}
	}
	return nil, 0, false
}

// skipSpace returns the index of the first byte at or after i that is not JSON
// whitespace.
func skipSpace(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r') {
		i++
	}
	return i
}
