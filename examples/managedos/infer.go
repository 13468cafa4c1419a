package main

import (
	"bufio"
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
	At           *time.Time `json:"at"`
	Status       string     `json:"status"`
	Percent      *float64   `json:"percent"`
	Downloaded   bool       `json:"downloaded"`
	Target       string     `json:"target"`        // the version or product key it is about; "" for any
	Reason       string     `json:"reason"`        // the Mac's failure reason, when it gave one
	FailureCount int        `json:"failure_count"` // the Mac's failure count, when it gave one
}

func runInfer(e *env, args []string) error {
	fs := e.flags("infer", "[-target V] [-current V] [-now T] [-window D] [-min-stalls N] < observations (JSON lines)")
	targetText := fs.String("target", "", "the version the Mac must reach: lines about another target are ignored")
	currentText := fs.String("current", "", "with -target: the Mac's version now; at or past the target is compliant")
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
	if *currentText != "" && *targetText == "" {
		fs.Usage()
		return usageError{"-current needs -target"}
	}
	tracker := compat.Tracker{Policy: mechanism.CachePolicy{Window: *window, MinStalls: *minStalls}}
	var mac compat.Mac
	var err error
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
	obs, err := readObservations(e.stdin)
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
	if e.json {
		return e.writeJSON(v)
	}
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
	return nil
}

// utc returns t in UTC, leaving the zero Time zero.
func utc(t time.Time) time.Time {
	if t.IsZero() {
		return t
	}
	return t.UTC()
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
		o := mechanism.Observation{At: *l.At, Target: l.Target, Status: l.Status, Downloaded: l.Downloaded, Reason: l.Reason, FailureCount: l.FailureCount}
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
