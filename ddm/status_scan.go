package ddm

import (
	"bytes"
	"encoding/json"
	"strings"
)

// scanStatusReport reads a status report in one pass over data, which must be JSON
// that compat.Limits.CheckJSON accepted. It reads every value into the same place
// as readStatusReport, with the same result, and returns ok false as soon as it
// meets what it leaves to encoding/json: a value of another type than the item's
// (an item in error), a key repeated in an object (encoding/json keeps the last or
// merges them), an escaped key, a key of a struct that is not ASCII (encoding/json
// matches a struct's keys ignoring case, and folds some letters that are not ASCII
// onto ASCII ones), or an integer that is not digits or out of range.
// Otherwise it returns the report, whose items it has checked, and w, holding the
// errors of the checks.
func scanStatusReport(data []byte) (r *StatusReport, w *statusWire, ok bool) {
	r, w = &StatusReport{}, &statusWire{}
	s := statusScan{data: data, r: r, w: w}
	s.report()
	if s.failed {
		return nil, nil, false
	}
	r.Raw = bytes.Clone(data)
	for i := range statusItems {
		if w.present&(1<<i) != 0 {
			w.checkItem(i, r)
		}
	}
	w.finish(r)
	return r, w, true
}

// report reads the report's top object.
func (s *statusScan) report() {
	object(s, s.r, []structField[StatusReport]{
		{"statusitems", func(s *statusScan, _ *StatusReport) { s.tree("", 0, len(statusItems)) }},
		{"errors", func(s *statusScan, r *StatusReport) {
			if errs := list(s, readObject(statusErrorFields)); len(errs) > 0 {
				r.Errors = errs // nil when empty, as readStatusReport leaves it
			}
		}},
	})
}

// tree reads one level of the StatusItems tree: an object whose keys continue the
// names of statusItems[lo:hi], which all start with prefix. Its keys are matched
// exactly, as encoding/json matches a map's.
func (s *statusScan) tree(prefix string, lo, hi int) {
	if !s.open('{') {
		return
	}
	var seen uint32
	for s.next('}') {
		key := s.key()
		i := lo // the first item under key
		for ; i < hi; i++ {
			rest := statusItems[i].name[len(prefix):]
			if len(rest) >= len(key) && rest[:len(key)] == string(key) && (len(rest) == len(key) || rest[len(key)] == '.') {
				break
			}
		}
		switch {
		case i == hi:
			s.skip()
			continue
		case seen&(1<<i) != 0:
			s.fail()
		}
		seen |= 1 << i
		name := statusItems[i].name
		if len(name) == len(prefix)+len(key) {
			s.item(i)
			continue
		}
		level := name[:len(prefix)+len(key)+1]
		end := i + 1
		for end < hi && strings.HasPrefix(statusItems[end].name, level) {
			end++
		}
		s.tree(level, i, end)
	}
}

// item reads the value of statusItems[i] into its place; a null is no item.
func (s *statusScan) item(i int) {
	if s.null() {
		return
	}
	s.w.present |= 1 << i
	switch v := statusItems[i].into(s.r, s.w).(type) {
	case *string:
		*v = s.str()
	case *InstallState:
		*v = InstallState(s.str())
	case *pendingVersionWire:
		object(s, v, pendingVersionFields)
	case *failureReasonWire:
		object(s, v, failureReasonFields)
	case *installReasonWire:
		object(s, v, installReasonFields)
	case *declarationList:
		s.declarations(v)
	case *capabilitiesWire:
		object(s, v, capabilitiesFields)
	default:
		s.fail()
	}
}

// declarations reads management.declarations, whose keys are matched exactly (a
// map for encoding/json): it notes where each group starts, then reads the groups in
// declarationGroups order.
func (s *statusScan) declarations(l *declarationList) {
	if !s.open('{') {
		return
	}
	var at [len(declarationGroups)]int
	for s.next('}') {
		key := s.key()
		g := 0
		for g < len(declarationGroups) && declarationGroups[g] != string(key) {
			g++
		}
		if g < len(declarationGroups) {
			if at[g] != 0 {
				s.fail()
			}
			at[g] = s.i
		}
		s.skip()
	}
	if s.failed {
		return
	}
	end := s.i
	for g, start := range at {
		if start == 0 {
			continue
		}
		s.i = start
		if !s.open('[') {
			continue
		}
		for s.next(']') {
			*l = append(*l, DeclarationStatus{Group: declarationGroups[g]})
			object(s, &(*l)[len(*l)-1], declarationFields)
		}
	}
	if !s.failed {
		s.i = end
	}
}

// The fields of the structs readStatusReport decodes, in the scanner's terms.
var (
	pendingVersionFields = []structField[pendingVersionWire]{
		{"os-version", func(s *statusScan, p *pendingVersionWire) { p.OSVersion = s.strPtr() }},
		{"build-version", func(s *statusScan, p *pendingVersionWire) { p.BuildVersion = s.strPtr() }},
		{"target-local-date-time", func(s *statusScan, p *pendingVersionWire) { p.TargetLocalDateTime = s.str() }},
	}
	failureReasonFields = []structField[failureReasonWire]{
		{"count", func(s *statusScan, f *failureReasonWire) { f.Count = s.integer() }},
		{"reason", func(s *statusScan, f *failureReasonWire) { f.Reason = s.str() }},
		{"timestamp", func(s *statusScan, f *failureReasonWire) { f.Timestamp = s.str() }},
	}
	installReasonFields = []structField[installReasonWire]{
		{"reason", func(s *statusScan, ir *installReasonWire) {
			if l := list(s, readString[InstallReasonCode]); l != nil {
				ir.Reason = &l
			}
		}},
		{"declaration-id", func(s *statusScan, ir *installReasonWire) { ir.DeclarationID = s.str() }},
	}
	declarationFields = []structField[DeclarationStatus]{
		{"identifier", func(s *statusScan, d *DeclarationStatus) { d.Identifier = s.str() }},
		{"active", func(s *statusScan, d *DeclarationStatus) { d.Active = s.boolean() }},
		{"valid", func(s *statusScan, d *DeclarationStatus) { d.Valid = s.str() }},
		{"server-token", func(s *statusScan, d *DeclarationStatus) { d.ServerToken = s.str() }},
		{"reasons", func(s *statusScan, d *DeclarationStatus) { d.Reasons = list(s, readObject(reasonFields)) }},
	}
	statusErrorFields = []structField[StatusError]{
		{"statusitem", func(s *statusScan, e *StatusError) { e.StatusItem = s.str() }},
		{"reasons", func(s *statusScan, e *StatusError) { e.Reasons = list(s, readObject(reasonFields)) }},
	}
	reasonFields = []structField[Reason]{
		{"code", func(s *statusScan, r *Reason) { r.Code = s.str() }},
		{"description", func(s *statusScan, r *Reason) { r.Description = s.str() }},
		{"details", func(s *statusScan, r *Reason) { // free-form: read with encoding/json
			s.peek()
			start := s.i
			s.skip()
			if json.Unmarshal(s.data[start:s.i], &r.Details) != nil {
				s.fail()
			}
		}},
	}
	capabilitiesFields = []structField[capabilitiesWire]{
		{"supported-versions", func(s *statusScan, c *capabilitiesWire) { c.SupportedVersions = list(s, readString[string]) }},
		{"supported-payloads", func(s *statusScan, c *capabilitiesWire) {
			if !s.null() {
				c.SupportedPayloads = &supportedPayloadsWire{}
				object(s, c.SupportedPayloads, supportedPayloadsFields)
			}
		}},
	}
	supportedPayloadsFields = []structField[supportedPayloadsWire]{
		{"declarations", func(s *statusScan, p *supportedPayloadsWire) { object(s, &p.Declarations, supportedDeclarationsFields) }},
		{"status-items", func(s *statusScan, p *supportedPayloadsWire) { p.StatusItems = list(s, readString[string]) }},
	}
	supportedDeclarationsFields = []structField[supportedDeclarationsWire]{
		{"activations", func(s *statusScan, d *supportedDeclarationsWire) { d.Activations = list(s, readString[string]) }},
		{"assets", func(s *statusScan, d *supportedDeclarationsWire) { d.Assets = list(s, readString[string]) }},
		{"configurations", func(s *statusScan, d *supportedDeclarationsWire) { d.Configurations = list(s, readString[string]) }},
		{"management", func(s *statusScan, d *supportedDeclarationsWire) { d.Management = list(s, readString[string]) }},
	}
)
