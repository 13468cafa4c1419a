package ddm

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/managedos/managedos/internal/errtext"
)

// readStatusReport reads a status report with encoding/json, item by item, so that
// an item that does not decode is named in its own error and the others are still
// read. It is the reference for the one-pass scanner, and reads what the scanner
// leaves to it.
func readStatusReport(data []byte) (*StatusReport, error) {
	var top struct {
		StatusItems map[string]json.RawMessage `json:"StatusItems"`
		Errors      json.RawMessage            `json:"Errors"`
	}
	if err := json.Unmarshal(data, &top); err != nil {
		return nil, fmt.Errorf("ddm: status report: %s: %w", errtext.Error(err), ErrInvalidStatus)
	}
	r := &StatusReport{Raw: bytes.Clone(data)}
	var w statusWire
	tree := statusTree{"": {keys: top.StatusItems}}
	for i := range statusItems {
		item := &statusItems[i]
		raw, ok, err := tree.get(item.name)
		if err == nil && ok {
			err = json.Unmarshal(raw, item.into(r, &w))
		}
		switch {
		case err != nil:
			w.bad(item.name, err)
		case ok:
			w.present |= 1 << i
			w.checkItem(i, r)
		}
	}
	w.finish(r)
	if len(top.Errors) > 0 && string(top.Errors) != "null" {
		var list []statusErrorWire
		if err := json.Unmarshal(top.Errors, &list); err != nil {
			w.bad("Errors", err)
		}
		for _, e := range list {
			r.Errors = append(r.Errors, StatusError(e))
		}
	}
	return r, w.err()
}

// statusTree is the StatusItems object: nested objects whose paths are the status
// item names. It holds each level decoded, by its path ("" for the top, then such
// as "device" and "device.operating-system"), so that a level is decoded once for
// all the items under it.
type statusTree map[string]statusLevel

// statusLevel is one level of a statusTree: its keys, or why it is not an object.
type statusLevel struct {
	keys map[string]json.RawMessage // nil when the level is absent or null
	err  error
}

// get returns the value of the item named, whether it is present, and an error when
// a level on the way is not an object.
func (t statusTree) get(name string) (json.RawMessage, bool, error) {
	path, key := splitLast(name)
	level := t.level(path)
	raw, ok := level.keys[key]
	if level.err != nil || !ok || string(raw) == "null" {
		return nil, false, level.err
	}
	return raw, true, nil
}

// level returns the level at path, decoding it the first time.
func (t statusTree) level(path string) statusLevel {
	if l, ok := t[path]; ok {
		return l
	}
	parentPath, key := splitLast(path)
	var l statusLevel
	if parent := t.level(parentPath); parent.err != nil {
		l.err = parent.err
	} else if raw, ok := parent.keys[key]; ok && json.Unmarshal(raw, &l.keys) != nil {
		l = statusLevel{err: errors.New("not an object")}
	}
	t[path] = l
	return l
}

// splitLast splits a dotted name at its last dot: "a.b.c" is "a.b" and "c", "a" is
// "" and "a".
func splitLast(name string) (path, last string) {
	if i := strings.LastIndexByte(name, '.'); i >= 0 {
		return name[:i], name[i+1:]
	}
	return "", name
}

// UnmarshalJSON reads management.declarations, group by group: a group that does not
// decode is left out and named in the error, the others are kept.
func (l *declarationList) UnmarshalJSON(raw []byte) error {
	var groups map[string]json.RawMessage
	if err := json.Unmarshal(raw, &groups); err != nil {
		return err
	}
	var out []DeclarationStatus
	var errs []error
	for _, g := range declarationGroups {
		if len(groups[g]) == 0 {
			continue
		}
		var list []declarationWire
		if err := json.Unmarshal(groups[g], &list); err != nil {
			errs = append(errs, fmt.Errorf("%s: %s", g, errtext.Error(err)))
			continue
		}
		for _, d := range list {
			out = append(out, DeclarationStatus{Group: g, Identifier: d.Identifier, Active: d.Active, Valid: d.Valid, ServerToken: d.ServerToken, Reasons: d.Reasons})
		}
	}
	*l = out
	return errtext.Join(errs...)
}
