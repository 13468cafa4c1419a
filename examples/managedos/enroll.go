package main

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/managedos/managedos/compat"
	"github.com/managedos/managedos/mdmcmd"
	"github.com/managedos/managedos/mechanism"
	"github.com/managedos/managedos/rollout"
)

// enrollOutput is the JSON object enroll prints. Target and build are the 403's
// when require_update is true, and otherwise what the Mac reaches after enrollment
// (by delivery), absent when it is compliant or cannot reach what the policy asks.
// Body is the 403 body, absent when the Mac may enroll: with -format json the body
// itself, with -format plist the XML property list as one JSON string.
type enrollOutput struct {
	RequireUpdate bool                  `json:"require_update"`
	Code          rollout.EnrollCode    `json:"code"`
	Target        compat.Version        `json:"target,omitzero"`
	Build         compat.Build          `json:"build,omitzero"`
	Step          compat.Step           `json:"step,omitzero"`
	Delivery      mechanism.Delivery    `json:"delivery,omitzero"`
	Reason        string                `json:"reason"`
	ContentType   string                `json:"content_type,omitempty"`
	Body          any                   `json:"body,omitempty"` // json.RawMessage or string
	Warning       rollout.EnrollWarning `json:"warning,omitzero"`
}

func runEnroll(e *env, args []string) error {
	fs := e.flags("enroll", "-machine-info FILE "+targetUsage+" [-format json|plist]")
	path := fs.String("machine-info", "", "the MachineInfo plist of the enrollment request, the CMS envelope's signed content (- for stdin, at most 16 MiB)")
	format := fs.String("format", "json", "the 403 body's format: json (application/json) or plist (application/xml)")
	tf := addTargetFlags(fs)
	if err := parse(fs, args, false); err != nil {
		return err
	}
	if err := requireFlags(fs, "machine-info"); err != nil {
		return err
	}
	var bodyFormat mdmcmd.BodyFormat
	if err := bodyFormat.UnmarshalText([]byte(*format)); err != nil || bodyFormat == mdmcmd.FormatNone {
		fs.Usage()
		return usageError{"-format: want json or plist"}
	}
	cat, policy, now, err := tf.load()
	if err != nil {
		return err
	}
	data, err := e.readMachineInfo(*path)
	if err != nil {
		return err
	}
	info, err := mdmcmd.ParseMachineInfo(data)
	if err != nil {
		return err
	}
	decision, err := rollout.EnrollGate{Policy: policy, Catalog: cat}.Decide(info, now)
	if err != nil {
		return err
	}
	out := enrollOutput{RequireUpdate: decision.RequiresUpdate(), Code: decision.Code, Target: decision.Target, Build: decision.Build,
		Step: decision.Step, Delivery: decision.Delivery, Reason: decision.Reason, Warning: decision.Warning}
	var body []byte
	if out.RequireUpdate {
		if body, out.ContentType, err = decision.Body.Encode(bodyFormat); err != nil {
			return err
		}
		out.Body = json.RawMessage(body)
		if bodyFormat == mdmcmd.FormatPlist {
			out.Body = string(body)
		}
	}
	if e.json {
		return e.writeJSON(out)
	}
	return printEnrollment(e.stdout, out, body)
}

// readMachineInfo reads the MachineInfo from the file at path, or stdin for "-",
// reading at most one byte more than the parser accepts.
func (e *env) readMachineInfo(path string) ([]byte, error) {
	if path == "-" {
		return readInput(e.stdin, "stdin", compat.DefaultMaxBytes)
	}
	return readFlagFile("-machine-info", path, compat.DefaultMaxBytes)
}

// printEnrollment prints the answer for people: the decision, then the 403's
// Content-Type and body as they would be sent.
func printEnrollment(w io.Writer, out enrollOutput, body []byte) error {
	target := out.Target.String()
	if out.Build.IsValid() {
		target += " (" + out.Build.String() + ")"
	}
	if out.Step != (compat.Step{}) {
		target += ", step " + out.Step.String()
	}
	if out.RequireUpdate {
		fmt.Fprintf(w, "answer:  403 software update required: %s\n", target)
	} else {
		fmt.Fprintf(w, "answer:  enroll (%v)\n", out.Code)
		if out.Target.IsValid() {
			fmt.Fprintf(w, "after:   %s by %v\n", target, out.Delivery)
		}
	}
	fmt.Fprintf(w, "reason:  %s\n", out.Reason)
	if !out.Warning.IsZero() {
		fmt.Fprintf(w, "warning: %v: %s\n", out.Warning.Code, out.Warning.Message)
	}
	if !out.RequireUpdate {
		return nil
	}
	_, err := fmt.Fprintf(w, "\nContent-Type: %s\n\n%s\n", out.ContentType, body)
	return err
}
