package main

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/managedos/managedos/compat"
	"github.com/managedos/managedos/ddm"
	"github.com/managedos/managedos/mechanism"
)

func runDeclaration(e *env, args []string) error {
	fs := e.flags("declaration", "-target V -deadline yyyy-mm-ddThh:mm:ss [-build B] [-details-url U] [-identifier I] [-chip C -current V]\n"+
		"  Without -chip and -current the Mac's version is unknown, so the tool cannot check\n"+
		"  that it runs macOS 14 or later, the first to apply the declaration.")
	target := fs.String("target", "", "the macOS version to enforce, such as 14.2.1 or 13.4.1 (c) (with -build)")
	deadline := fs.String("deadline", "", "the deadline in the Mac's local time, exactly yyyy-mm-ddThh:mm:ss")
	build := fs.String("build", "", "the target build, required for a rapid security response (22F770820d); a build the library knows for another version is refused")
	detailsURL := fs.String("details-url", "", "an absolute http or https URL about the update")
	identifier := fs.String("identifier", "", "the declaration identifier (default: derived from the target)")
	chip := fs.String("chip", "", "with -current: resolve first and refuse a Mac whose delivery is not DDM (any Mac below macOS 14)")
	current := fs.String("current", "", "with -chip: the Mac's macOS version now")
	if err := parse(fs, args, false); err != nil {
		return err
	}
	if err := requireFlags(fs, "target", "deadline"); err != nil {
		return err
	}
	if err := requireTogether(fs, "chip", "current"); err != nil {
		return err
	}
	d, err := ddm.ParseLocalDateTime(*deadline)
	if err != nil {
		return fmt.Errorf("-deadline: %w", err)
	}
	opts := ddm.Options{Identifier: *identifier, DetailsURL: *detailsURL}
	if *build != "" {
		if opts.Build, err = compat.ParseBuild(*build); err != nil {
			return fmt.Errorf("-build: %w", err)
		}
	}
	var decision compat.Decision
	if *chip != "" {
		decision, err = resolveFlags(*chip, *current, *target)
	} else {
		decision, err = decisionForTarget(*target)
	}
	if err != nil {
		return err
	}
	decl, err := ddm.FromDecision(decision, d, opts)
	if err != nil {
		return err
	}
	b, err := decl.MarshalJSON()
	if err != nil {
		return err
	}
	if !e.json {
		var out bytes.Buffer
		_ = json.Indent(&out, b, "", "  ")
		b = out.Bytes()
	}
	_, err = fmt.Fprintf(e.stdout, "%s\n", b)
	return err
}

// decisionForTarget stands in for a resolved decision when the Mac is not named: a
// DDM update to target, whatever the Mac runs now.
func decisionForTarget(target string) (compat.Decision, error) {
	v, err := compat.ParseVersion(target)
	if err != nil {
		return compat.Decision{}, fmt.Errorf("-target: %w", err)
	}
	kind := compat.Minor
	if v.RSR() != 0 {
		kind = compat.RSR
	}
	return compat.Decision{Target: v, Kind: kind, Delivery: mechanism.DDM}, nil
}
