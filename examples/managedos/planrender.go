package main

import (
	"bytes"
	"encoding/json"

	"github.com/managedos/managedos/compat"
	"github.com/managedos/managedos/internal/jsontext"
	"github.com/managedos/managedos/rollout"
)

// planShapeJSON is the part of a plan line that every device of one shape shares,
// as encoding/json writes it: the target verb's fields, then the decision's
// prerequisites and rule, and the reason when there is one.
type planShapeJSON struct {
	targetFields
	Requires compat.Prerequisites `json:"requires,omitzero"`
	Rule     string               `json:"rule,omitempty"`
	Reason   string               `json:"reason,omitempty"`
}

// shapeJSON returns the fields of d a plan line prints.
func shapeJSON(d rollout.Decided) planShapeJSON {
	s := planShapeJSON{targetFields: targetFieldsOf(d.Target, d.Decision), Requires: d.Decision.Requires, Rule: d.Decision.Rule}
	if d.Target.Reason.Code != compat.ReasonNone {
		s.Reason = d.Target.Reason.String()
	}
	return s
}

// renderShape renders what devices of one shape share: for JSON the fields after
// "id" (each preceded by its comma), for text the columns after the id.
func renderShape(d rollout.Decided, jsonOut bool) []byte {
	if !jsonOut {
		return shapeText(d)
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(shapeJSON(d)); err != nil {
		// Every field is a value the library produced and knows how to write.
		panic("managedos: plan: rendering a decision: " + err.Error())
	}
	b := bytes.TrimSuffix(buf.Bytes(), []byte("}\n"))
	b[0] = ','
	return b
}

// appendStepJSON appends the per-device end of a plan line: ring, deadline and
// payload, and the closing brace and newline. scratch, when not nil, is reused to
// encode a command's plist.
func appendStepJSON(dst []byte, s rollout.Step, scratch *[]byte) []byte {
	if s.Ring.Name != "" {
		dst = jsontext.AppendString(append(dst, `,"ring":`...), s.Ring.Name)
	}
	if !s.Deadline.IsZero() {
		dst = append(dst, `,"deadline":"`...)
		dst, _ = s.Deadline.AppendText(dst)
		dst = append(dst, '"')
	}
	dst = appendPayloadJSON(dst, s.Payload, scratch)
	return append(dst, "}\n"...)
}

// appendPayloadJSON appends the payload fields of a plan line; a payload that
// fails to encode becomes its payload_error.
func appendPayloadJSON(dst []byte, p rollout.Payload, scratch *[]byte) []byte {
	mark := len(dst)
	switch {
	case p.Err != nil:
		dst = append(dst, `,"payload_error":{"code":`...)
		dst = jsontext.AppendString(dst, errorCode(p.Err))
		dst = jsontext.AppendString(append(dst, `,"message":`...), p.Err.Error())
		dst = append(dst, '}')
	case p.Command != nil:
		var buf []byte
		if scratch != nil {
			buf = (*scratch)[:0]
		}
		body, err := p.Command.AppendPlist(buf)
		if err != nil {
			return appendPayloadJSON(dst[:mark], rollout.Payload{Err: err}, nil)
		}
		if scratch != nil {
			*scratch = body
		}
		dst = jsontext.AppendString(append(dst, `,"command":`...), body)
	case p.Declarations != nil:
		dst = append(dst, `,"declarations":[`...)
		for i, decl := range p.Declarations {
			body, err := decl.MarshalJSON()
			if err != nil {
				return appendPayloadJSON(dst[:mark], rollout.Payload{Err: err}, nil)
			}
			if i > 0 {
				dst = append(dst, ',')
			}
			dst = append(dst, body...)
		}
		dst = append(dst, ']')
	case p.StartOSInstall != nil:
		inv := p.StartOSInstall
		dst = jsontext.AppendString(append(dst, `,"startosinstall":{"app":`...), inv.App)
		dst = jsontext.AppendString(append(dst, `,"path":`...), inv.Path)
		dst = append(dst, `,"args":[`...)
		for i, a := range inv.Args {
			if i > 0 {
				dst = append(dst, ',')
			}
			dst = jsontext.AppendString(dst, a)
		}
		dst = append(dst, "]}"...)
	}
	return dst
}

// planTextHeader names the text form's columns; a value longer than its column
// pushes the rest right.
const planTextHeader = "ID                    TARGET        KIND   DELIVERY        RING        DEADLINE                   RULE\n"

// planTextWidths are the widths of the columns of planTextHeader but the last.
var planTextWidths = [...]int{22, 14, 7, 16, 12, 27}

// shapeText renders the text columns a shape's devices share: target, kind and
// delivery, with the rule or reason last (after the per-device ring and deadline).
func shapeText(d rollout.Decided) []byte {
	var b []byte
	if d.Target.Compliant {
		b = padded(b, "compliant", planTextWidths[1])
		b = padded(b, "none", planTextWidths[2])
		b = padded(b, "none", planTextWidths[3])
	} else {
		b = padded(b, d.Target.Version.String(), planTextWidths[1])
		b = padded(b, d.Decision.Kind.String(), planTextWidths[2])
		b = padded(b, d.Decision.Delivery.String(), planTextWidths[3])
	}
	return b
}

// appendStepTextTail appends the per-device end of a text line: ring, deadline, the
// rule or reason, and any payload error.
func appendStepTextTail(dst []byte, s rollout.Step) []byte {
	ring := s.Ring.Name
	if ring == "" {
		ring = "-"
	}
	dst = padded(dst, ring, planTextWidths[4])
	deadline := "-"
	if !s.Deadline.IsZero() {
		deadline = s.Deadline.String()
	}
	dst = padded(dst, deadline, planTextWidths[5])
	if s.Decision.Rule != "" {
		dst = append(dst, s.Decision.Rule...)
	} else if s.Target.Reason.Code != compat.ReasonNone {
		dst = append(dst, s.Target.Reason.String()...)
	}
	if s.Payload.Err != nil {
		dst = append(dst, " (payload: "...)
		dst = append(dst, s.Payload.Err.Error()...)
		dst = append(dst, ')')
	}
	return append(dst, '\n')
}

// padded appends s and spaces up to width, or s and one space when s is longer.
func padded[S []byte | string](dst []byte, s S, width int) []byte {
	dst = append(dst, s...)
	return append(dst, spaces[:max(1, min(len(spaces), width-len(s)))]...)
}

// spaces pads the text columns.
const spaces = "                                "
