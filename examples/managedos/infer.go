package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"time"

	"github.com/managedos/managedos/compat"
	"github.com/managedos/managedos/internal/errtext"
	"github.com/managedos/managedos/mechanism"
)

// observationLine is one line of infer's input.
type observationLine struct {
	At           *time.Time `json:"at"`
	Status       string     `json:"status"`
	Percent      *float64   `json:"percent"`
	Downloaded   bool       `json:"downloaded"`
	Target       string     `json:"target"`        // the version or product key it is about; "" for any
	Reason       string     `json:"reason"`        // the Mac's failure reason, when it gave one
	FailureCount int        `json:"failure_count"` // the Mac's failure count, when it gave one
}

// inferOutput is what infer prints: the verdict, and the lines it could not read.
// It is only written: the embedded verdict's strict UnmarshalJSON would refuse the
// line fields.
type inferOutput struct {
	mechanism.CacheVerdict
	// SkippedLines counts the lines that could not be read, and LineErrors shows
	// the first of them; the verdict is over the other lines, and the exit status
	// is 1.
	SkippedLines int         `json:"skipped_lines,omitempty"`
	LineErrors   []lineError `json:"line_errors,omitempty"`
}

func runInfer(e *env, args []string) error {
	fs := e.flags("infer", "[-target V] [-current V] [-now T] [-window D] [-min-stalls N] < observations (JSON lines, at most 16 MiB; a line that cannot be read is skipped and reported, and the exit status is then 1)")
	targetText := fs.String("target", "", "the version the Mac must reach: lines about another target are ignored")
	currentText := fs.String("current", "", "with -target: the Mac's version now; at or past the target is compliant")
	nowText := fs.String("now", "", "the time to judge at, RFC 3339 (default: the current time)")
	window := fs.Duration("window", mechanism.DefaultCacheWindow, "how long without progress before the update is assumed cached")
	minStalls := fs.Int("min-stalls", mechanism.DefaultMinStalls, "how many non-progressing observations in a row count as multiple")
	if err := parse(fs, args, false); err != nil {
		return err
	}
	now, err := parseNow(*nowText)
	if err != nil {
		fs.Usage()
		return err
	}
	if *window <= 0 || *minStalls < 1 {
		fs.Usage()
		return usageError{"-window must be positive and -min-stalls at least 1"}
	}
	if *currentText != "" && *targetText == "" {
		fs.Usage()
		return usageError{"-current needs -target"}
	}
	tracker := compat.Tracker{Policy: mechanism.CachePolicy{Window: *window, MinStalls: *minStalls}}
	var mac compat.Mac
	if *targetText != "" {
		if tracker.Target, err = compat.ParseVersion(*targetText); err != nil {
			return fmt.Errorf("-target: %w", err)
		}
	}
	if *currentText != "" {
		if mac.Version, err = compat.ParseVersion(*currentText); err != nil {
			return fmt.Errorf("-current: %w", err)
		}
	}
	obs, skipped, err := readObservations(e.stdin)
	if err != nil {
		return err
	}
	var v mechanism.CacheVerdict
	if tracker.Target.IsValid() {
		if v, err = tracker.State(mac, obs, now); err != nil {
			return err
		}
	} else {
		v = mechanism.InferCache(obs, now, tracker.Policy)
	}
	v.Since, v.EnforceAt = utc(v.Since), utc(v.EnforceAt)
	if skipped.count > 0 {
		err = errSomeLines
	}
	if e.json {
		if werr := e.writeJSON(inferOutput{v, skipped.count, skipped.kept}); werr != nil {
			return werr
		}
		return err
	}
	skipped.print(e.stderr)
	fmt.Fprintf(e.stdout, "%v", v.State)
	if !v.Since.IsZero() {
		fmt.Fprintf(e.stdout, " since %s", v.Since.Format(time.RFC3339))
	}
	if !v.EnforceAt.IsZero() && v.State == mechanism.Stalled {
		fmt.Fprintf(e.stdout, ", enforce at %s", v.EnforceAt.Format(time.RFC3339))
	}
	if v.Reason != "" {
		fmt.Fprintf(e.stdout, ", last failure: %s", v.Reason)
	}
	fmt.Fprintf(e.stdout, " (%d observations)\n", v.Observations)
	return err
}

// utc returns t in UTC, leaving the zero Time zero.
func utc(t time.Time) time.Time {
	if t.IsZero() {
		return t
	}
	return t.UTC()
}

// readObservations reads one JSON observation per line; blank lines are skipped.
// A line that cannot be read (not JSON, no time, too long) is skipped too and
// reported in the returned lineErrors, each naming its line: one bad line does not
// lose the others. The error is for input that cannot be read at all, and for input
// over 16 MiB (compat.DefaultMaxBytes), which is refused as too large without
// reading the rest: the observations are held in memory, and one Mac's are far
// fewer.
func readObservations(r io.Reader) ([]mechanism.Observation, lineErrors, error) {
	var c observationReader
	in := &io.LimitedReader{R: r, N: compat.DefaultMaxBytes + 1}
	err := streamLines(in, io.Discard, streamOptions{blockSize: 64 << 10, maxLine: maxLineBytes}, []lineWorker{&c})
	switch {
	case err != nil:
		return nil, c.skipped, fmt.Errorf("reading observations: %w: %w", err, errInvalidInput)
	case in.N == 0:
		return nil, c.skipped, errOverMax("stdin", compat.DefaultMaxBytes)
	}
	return c.obs, c.skipped, nil
}

// observationReader collects infer's observations, line by line, in order.
type observationReader struct {
	obs     []mechanism.Observation
	skipped lineErrors
}

// line reads one observation, or records why it could not.
func (c *observationReader) line(dst, line []byte, n int) []byte {
	line = bytes.TrimSpace(line)
	if len(line) == 0 {
		return dst
	}
	o, err := readObservation(line)
	if err != nil {
		c.skipped.add(n, fmt.Errorf("line %d: %w", n, err))
		return dst
	}
	c.obs = append(c.obs, o)
	return dst
}

// tooLong records a line over the limit.
func (c *observationReader) tooLong(dst []byte, n, limit int) []byte {
	c.skipped.add(n, fmt.Errorf("line %d: over the limit of %d bytes per line: %w: %w", n, limit, compat.ErrTooLarge, errInvalidInput))
	return dst
}

// readObservation reads one line of infer's input.
func readObservation(line []byte) (mechanism.Observation, error) {
	if err := lineLimits().CheckJSON(line); err != nil {
		return mechanism.Observation{}, fmt.Errorf("%w: %w", err, errInvalidInput)
	}
	var l observationLine
	if err := json.Unmarshal(line, &l); err != nil {
		return mechanism.Observation{}, fmt.Errorf("%s: %w", errtext.Error(err), errInvalidInput)
	}
	if l.At == nil {
		return mechanism.Observation{}, fmt.Errorf("\"at\" is required: %w", errInvalidInput)
	}
	o := mechanism.Observation{At: *l.At, Target: l.Target, Status: l.Status, Downloaded: l.Downloaded, Reason: l.Reason, FailureCount: l.FailureCount}
	if l.Percent != nil {
		o.Percent, o.HasPercent = *l.Percent, true
	}
	return o, nil
}
