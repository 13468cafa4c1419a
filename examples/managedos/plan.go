package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/managedos/managedos/compat"
)

// inventoryLine is one device of plan's input: a chip or a model identifier, and the
// current version.
type inventoryLine struct {
	ID      string `json:"id"`
	Chip    string `json:"chip"`
	Model   string `json:"model"`
	Current string `json:"current"`
}

// planEntry is plan's answer for one device: a decision or a refusal. Line is set
// for a line that could not be read, whose entry holds only its id (when it had
// one) and the error.
type planEntry struct {
	ID   string `json:"id"`
	Line int    `json:"line,omitempty"`
	*resolveOutput
	Error *refusal `json:"error,omitempty"`
}

type refusal struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

func runPlan(e *env, args []string) error {
	fs := e.flags("plan", "-target V < inventory (JSON lines of {\"id\",\"chip\" or \"model\",\"current\"}; a line that cannot be read becomes an entry with its line number and error, and the exit status is then 1)")
	target := fs.String("target", "", "the macOS version every device must reach")
	if err := parse(fs, args, false); err != nil {
		return err
	}
	if err := requireFlags(fs, "target"); err != nil {
		return err
	}
	if _, err := compat.ParseVersion(*target); err != nil {
		return fmt.Errorf("-target: %w", err)
	}
	var entries []planEntry
	failed := 0
	lr := newLineReader(e.stdin, maxLineBytes)
	for {
		line, n, err := lr.next()
		if err == io.EOF {
			break
		}
		if err != nil && !errors.Is(err, compat.ErrTooLarge) {
			return fmt.Errorf("%v: %w", err, errInvalidInput)
		}
		var dev inventoryLine
		if err == nil {
			if line = bytes.TrimSpace(line); len(line) == 0 {
				continue
			}
			if err = readInventoryLine(line, &dev); err != nil {
				err = fmt.Errorf("line %d: %w", n, err)
			}
		}
		if err != nil {
			failed++
			entries = append(entries, planEntry{ID: dev.ID, Line: n, Error: new(refusalOf(err))})
			continue
		}
		entries = append(entries, planDevice(dev, *target))
	}
	var done error
	if failed > 0 {
		done = errSomeLines
		defer fmt.Fprintf(e.stderr, "managedos: %d lines could not be read\n", failed)
	}
	if e.json {
		if entries == nil {
			entries = []planEntry{}
		}
		if err := e.writeJSON(struct {
			Target    string      `json:"target"`
			Decisions []planEntry `json:"decisions"`
		}{*target, entries}); err != nil {
			return err
		}
		return done
	}
	w := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(w, "ID\tCHIP\tCURRENT\tKIND\tDELIVERY\tINSTALLER\tRULE")
	for _, en := range entries {
		if en.Error != nil {
			fmt.Fprintf(w, "%s\t\t\t\trefused: %s\t\t%s\n", en.ID, en.Error.Code, en.Error.Message)
			continue
		}
		d := en.resolveOutput
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", en.ID, d.Chip, d.Current, d.Kind, d.Delivery, d.Installer, d.Rule)
	}
	if err := w.Flush(); err != nil {
		return err
	}
	return done
}

// readInventoryLine reads one line of plan's input into dev: JSON within the line
// limits, with "current" and one of "chip" or "model".
func readInventoryLine(line []byte, dev *inventoryLine) error {
	if err := lineLimits().CheckJSON(line); err != nil {
		return fmt.Errorf("%w: %w", err, errInvalidInput)
	}
	if err := json.Unmarshal(line, dev); err != nil {
		return fmt.Errorf("%v: %w", err, errInvalidInput)
	}
	if (dev.Chip == "") == (dev.Model == "") || dev.Current == "" {
		return fmt.Errorf("want \"current\" and one of \"chip\" or \"model\": %w", errInvalidInput)
	}
	return nil
}

// planDevice resolves one device, turning a refusal into data.
func planDevice(dev inventoryLine, target string) planEntry {
	chip := dev.Chip
	if dev.Model != "" {
		c, err := compat.ChipForModel(dev.Model)
		if err != nil {
			return planEntry{ID: dev.ID, Error: new(refusalOf(err))}
		}
		chip = c.String()
	}
	d, err := resolveFlags(chip, dev.Current, target)
	if err != nil {
		return planEntry{ID: dev.ID, Error: new(refusalOf(err))}
	}
	out := decisionOutput(d)
	return planEntry{ID: dev.ID, resolveOutput: &out}
}
