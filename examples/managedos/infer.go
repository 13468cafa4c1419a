package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/managedos/managedos/compat"
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
	// SkippedLines counts the lines that could not be read, and LineErrors shows
	// the first of them; the verdict is over the other lines, and the exit status
	// is 1.
	SkippedLines int         `json:"skipped_lines,omitempty"`
	LineErrors   []lineError `json:"line_errors,omitempty"`
}

func runInfer(e *env, args []string) error {
	fs := e.flags("infer", "[-now T] [-window D] [-min-stalls N] < observations (JSON lines; a line that cannot be read is skipped and reported, and the exit status is then 1)")
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
	obs, skipped, err := readObservations(e.stdin)
	if err != nil {
		return err
	}
	v := mechanism.InferCache(obs, now, mechanism.CachePolicy{Window: *window, MinStalls: *minStalls})
	out := inferOutput{Verdict: v.State, Observations: v.Observations, SkippedLines: skipped.count, LineErrors: skipped.kept}
	if skipped.count > 0 {
		err = errSomeLines
	}
	if !v.Since.IsZero() {
		out.Since = new(v.Since.UTC())
	}
	if !v.EnforceAt.IsZero() {
		out.EnforceAt = new(v.EnforceAt.UTC())
	}
	if e.json {
		if werr := e.writeJSON(out); werr != nil {
			return werr
		}
		return err
	}
	skipped.print(e.stderr)
	fmt.Fprintf(e.stdout, "%v", v.State)
	if out.Since != nil {
		fmt.Fprintf(e.stdout, " since %s", out.Since.Format(time.RFC3339))
	}
	if out.EnforceAt != nil {
		fmt.Fprintf(e.stdout, ", enforce at %s", out.EnforceAt.Format(time.RFC3339))
	}
	fmt.Fprintf(e.stdout, " (%d observations)\n", v.Observations)
	return err
}

// readObservations reads one JSON observation per line; blank lines are skipped.
// A line that cannot be read (not JSON, no time, too long) is skipped too and
// reported in the returned lineErrors, each naming its line: one bad line does not
// lose the others. The error is for input that cannot be read at all.
func readObservations(r io.Reader) ([]mechanism.Observation, lineErrors, error) {
	lr := newLineReader(r, maxLineBytes)
	var obs []mechanism.Observation
	var skipped lineErrors
	for {
		line, n, err := lr.next()
		switch {
		case err == io.EOF:
			return obs, skipped, nil
		case errors.Is(err, compat.ErrTooLarge):
			skipped.add(n, fmt.Errorf("%w: %w", err, errInvalidInput))
			continue
		case err != nil:
			return nil, skipped, fmt.Errorf("%v: %w", err, errInvalidInput)
		}
		line = bytes.TrimSpace(line)
		if len(line) == 0 {
			continue
		}
		o, err := readObservation(line)
		if err != nil {
			skipped.add(n, fmt.Errorf("line %d: %w", n, err))
			continue
		}
		obs = append(obs, o)
	}
}

// readObservation reads one line of infer's input.
func readObservation(line []byte) (mechanism.Observation, error) {
	if err := lineLimits().CheckJSON(line); err != nil {
		return mechanism.Observation{}, fmt.Errorf("%w: %w", err, errInvalidInput)
	}
	var l observationLine
	if err := json.Unmarshal(line, &l); err != nil {
		return mechanism.Observation{}, fmt.Errorf("%v: %w", err, errInvalidInput)
	}
	if l.At == nil {
		return mechanism.Observation{}, fmt.Errorf("\"at\" is required: %w", errInvalidInput)
	}
	o := mechanism.Observation{At: *l.At, Status: l.Status, Downloaded: l.Downloaded}
	if l.Percent != nil {
		o.Percent, o.HasPercent = *l.Percent, true
	}
	return o, nil
}
