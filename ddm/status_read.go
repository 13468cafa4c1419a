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
	tree := statusTree(top.StatusItems)
	for i := range statusItems {
		item := &statusItems[i]
		raw, ok, err := tree.get(strings.Split(item.name, ".")...)
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
// item names.
type statusTree map[string]json.RawMessage

// get returns the value at path, whether it is present, and an error when a level on
// the way is not an object.
func (t statusTree) get(path ...string) (json.RawMessage, bool, error) {
	raw, ok := t[path[0]]
	for _, key := range path[1:] {
		if !ok {
			return nil, false, nil
		}
		var level map[string]json.RawMessage
		if err := json.Unmarshal(raw, &level); err != nil {
			return nil, false, errors.New("not an object")
		}
		raw, ok = level[key]
	}
	if !ok || string(raw) == "null" {
		return nil, false, nil
	}
	return raw, true, nil
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
