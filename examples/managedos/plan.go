package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
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

// planEntry is plan's answer for one device: a decision or a refusal.
type planEntry struct {
	ID string `json:"id"`
	*resolveOutput
	Error *refusal `json:"error,omitempty"`
}

type refusal struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

func runPlan(e *env, args []string) error {
	fs := e.flags("plan", "-target V < inventory (JSON lines of {\"id\",\"chip\" or \"model\",\"current\"})")
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
	sc := bufio.NewScanner(e.stdin)
	for n := 1; sc.Scan(); n++ {
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 {
			continue
		}
		var dev inventoryLine
		if err := json.Unmarshal(line, &dev); err != nil {
			return fmt.Errorf("line %d: %v: %w", n, err, errInvalidInput)
		}
		if (dev.Chip == "") == (dev.Model == "") || dev.Current == "" {
			return fmt.Errorf("line %d: want \"current\" and one of \"chip\" or \"model\": %w", n, errInvalidInput)
		}
		entries = append(entries, planDevice(dev, *target))
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("reading inventory: %v: %w", err, errInvalidInput)
	}
	if e.json {
		if entries == nil {
			entries = []planEntry{}
		}
		return e.writeJSON(struct {
			Target    string      `json:"target"`
			Decisions []planEntry `json:"decisions"`
		}{*target, entries})
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
	return w.Flush()
}

// planDevice resolves one device, turning a refusal into data.
func planDevice(dev inventoryLine, target string) planEntry {
	chip := dev.Chip
	if dev.Model != "" {
		c, err := compat.ChipForModel(dev.Model)
		if err != nil {
			return planEntry{ID: dev.ID, Error: &refusal{errorCode(err), err.Error()}}
		}
		chip = c.String()
	}
	d, err := resolveFlags(chip, dev.Current, target)
	if err != nil {
		return planEntry{ID: dev.ID, Error: &refusal{errorCode(err), err.Error()}}
	}
	out := decisionOutput(d)
	return planEntry{ID: dev.ID, resolveOutput: &out}
}
