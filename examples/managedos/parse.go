package main

import (
	"bytes"
	"errors"
	"fmt"

	"github.com/managedos/managedos/compat"
	"github.com/managedos/managedos/ddm"
)

// parseOutput is what parse prints: the kind of answer, the device snapshot the
// library derives from it (chip, version with its rapid security response letter,
// build, ...) when the answer describes the Mac, what the library read, and one line
// per item it could not read.
type parseOutput struct {
	Type     string      `json:"type"`
	Mac      *compat.Mac `json:"mac,omitempty"`
	Answer   any         `json:"answer"`
	Problems []string    `json:"problems,omitempty"`
}

func runParse(e *env, args []string) error {
	fs := e.flags("parse", "< answer (an MDM result plist or a DDM status report, at most 16 MiB)")
	if err := parse(fs, args, false); err != nil {
		return err
	}
	data, err := readInput(e.stdin, "stdin", compat.DefaultMaxBytes)
	if err != nil {
		return err
	}
	out, err := parseAnswer(data)
	if err != nil {
		return err
	}
	if e.json {
		return e.writeJSON(out)
	}
	fmt.Fprintf(e.stdout, "%s:\n", out.Type)
	if out.Mac != nil {
		fmt.Fprintf(e.stdout, "mac: %s %v %v %v\n", out.Mac.Model, out.Mac.Chip, out.Mac.Version, out.Mac.Build)
	}
	if err := e.writeIndentedJSON(out.Answer); err != nil {
		return err
	}
	for _, p := range out.Problems {
		fmt.Fprintf(e.stdout, "problem: %s\n", p)
	}
	return nil
}

// parseAnswer reads a DDM status report (JSON: it starts with { or [) or an MDM
// answer (plist).
func parseAnswer(data []byte) (parseOutput, error) {
	trimmed := bytes.TrimSpace(data)
	if len(trimmed) > 0 && (trimmed[0] == '{' || trimmed[0] == '[') {
		r, err := ddm.ParseStatusReport(data)
		if r == nil {
			return parseOutput{}, err
		}
		out := parseOutput{Type: "ddm-status-report", Answer: r, Problems: problems(err)}
		if mac := r.Mac(); mac != (compat.Mac{}) {
			out.Mac = &mac
		}
		return out, nil
	}
	return parseMDMAnswer(data)
}

// problems lists the errors joined in err, one string each.
func problems(err error) []string {
	if err == nil {
		return nil
	}
	var joined interface{ Unwrap() []error }
	if errors.As(err, &joined) {
		var out []string
		for _, e := range joined.Unwrap() {
			out = append(out, boundedMessage(e))
		}
		return out
	}
	return []string{boundedMessage(err)}
}
