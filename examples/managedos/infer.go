package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/managedos/managedos/mechanism"
)

// errInvalidInput marks a malformed line of input: exit 1, code invalid-input.
var errInvalidInput = errors.New("invalid input")

// observationLine is one line of infer's input.
type observationLine struct {
	At         *time.Time `json:"at"`
	Status     string     `json:"status"`
	Percent    *float64   `json:"percent"`
	Downloaded bool       `json:"downloaded"`
}

// inferOutput is what infer prints.
type inferOutput struct {
	Verdict      mechanism.CacheState `json:"verdict"`
	Since        *time.Time           `json:"since,omitempty"`
	EnforceAt    *time.Time           `json:"enforce_at,omitempty"`
	Observations int                  `json:"observations"`
}

func runInfer(e *env, args []string) error {
	fs := e.flags("infer", "[-now T] [-window D] [-min-stalls N] < observations (JSON lines)")
	nowText := fs.String("now", "", "the time to judge at, RFC 3339 (default: the current time)")
	window := fs.Duration("window", mechanism.DefaultCacheWindow, "how long without progress before the update is assumed cached")
	minStalls := fs.Int("min-stalls", mechanism.DefaultMinStalls, "how many non-progressing observations in a row count as multiple")
	if err := parse(fs, args, false); err != nil {
		return err
	}
	now := time.Now()
	if *nowText != "" {
		t, err := time.Parse(time.RFC3339, *nowText)
		if err != nil {
			fs.Usage()
			return usageError{fmt.Sprintf("-now %q: want RFC 3339", *nowText)}
		}
		now = t
	}
	if *window <= 0 || *minStalls < 1 {
		fs.Usage()
		return usageError{"-window must be positive and -min-stalls at least 1"}
	}
	obs, err := readObservations(e.stdin)
	if err != nil {
		return err
	}
	v := mechanism.InferCache(obs, now, mechanism.CachePolicy{Window: *window, MinStalls: *minStalls})
	out := inferOutput{Verdict: v.State, Observations: v.Observations}
	if !v.Since.IsZero() {
		out.Since = new(v.Since.UTC())
	}
	if !v.EnforceAt.IsZero() {
		out.EnforceAt = new(v.EnforceAt.UTC())
	}
	if e.json {
		return e.writeJSON(out)
	}
	fmt.Fprintf(e.stdout, "%v", v.State)
	if out.Since != nil {
		fmt.Fprintf(e.stdout, " since %s", out.Since.Format(time.RFC3339))
	}
	if out.EnforceAt != nil {
		fmt.Fprintf(e.stdout, ", enforce at %s", out.EnforceAt.Format(time.RFC3339))
	}
	fmt.Fprintf(e.stdout, " (%d observations)\n", v.Observations)
	return nil
}

// readObservations reads one JSON observation per line; blank lines are skipped.
func readObservations(r io.Reader) ([]mechanism.Observation, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	var obs []mechanism.Observation
	for n := 1; sc.Scan(); n++ {
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 {
			continue
		}
		var l observationLine
		dec := json.NewDecoder(bytes.NewReader(line))
		if err := dec.Decode(&l); err != nil {
			return nil, fmt.Errorf("line %d: %v: %w", n, err, errInvalidInput)
		}
		if dec.More() {
			return nil, fmt.Errorf("line %d: more than one JSON value: %w", n, errInvalidInput)
		}
		if l.At == nil {
			return nil, fmt.Errorf("line %d: \"at\" is required: %w", n, errInvalidInput)
		}
		o := mechanism.Observation{At: *l.At, Status: l.Status, Downloaded: l.Downloaded}
		if l.Percent != nil {
			o.Percent, o.HasPercent = *l.Percent, true
		}
		obs = append(obs, o)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("reading observations: %v: %w", err, errInvalidInput)
	}
	return obs, nil
}
