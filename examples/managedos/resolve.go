package main

import (
	"fmt"

	"github.com/managedos/managedos/compat"
)

// resolveOutput is the JSON object resolve prints.
type resolveOutput struct {
	Chip      string `json:"chip"`
	Current   string `json:"current"`
	Target    string `json:"target"`
	Kind      string `json:"kind"`
	Delivery  string `json:"delivery"`
	Installer string `json:"installer"`
	// Requires is what must be in place first: "supervised", "bootstrap-token",
	// "cached-installer" joined by "+", or "none".
	Requires string `json:"requires"`
	Rule     string `json:"rule"`
}

func runResolve(e *env, args []string) error {
	fs := e.flags("resolve", "(-chip C | -model M) -current V -target V")
	chip := fs.String("chip", "", "the Mac's chip: apple-silicon (apple, arm64) or intel (x86_64, amd64)")
	model := fs.String("model", "", "instead of -chip: the Mac's model identifier, such as MacBookPro16,1; then the hardware check applies")
	current := fs.String("current", "", "the Mac's macOS version now, such as 12.7.1 or 13.4.1 (a)")
	target := fs.String("target", "", "the macOS version the Mac must reach")
	if err := parse(fs, args, false); err != nil {
		return err
	}
	if err := requireFlags(fs, "current", "target"); err != nil {
		return err
	}
	if (*chip == "") == (*model == "") {
		fs.Usage()
		return usageError{"give one of -chip or -model"}
	}
	var (
		d   compat.Decision
		err error
	)
	if *model != "" {
		d, err = resolveModel(*model, *current, *target)
	} else {
		d, err = resolveFlags(*chip, *current, *target)
	}
	if err != nil {
		return err
	}
	if e.json {
		return e.writeJSON(decisionOutput(d))
	}
	fmt.Fprintf(e.stdout, "%v %v → %v: %v\n", d.Chip, d.Current, d.Target, d.Kind)
	fmt.Fprintf(e.stdout, "delivery:  %v\ninstaller: %v\nrequires:  %v\nrule:      %s\n", d.Delivery, d.Installer, d.Requires, d.Rule)
	return nil
}

// decisionOutput is the JSON form of a decision the contract fixes.
func decisionOutput(d compat.Decision) resolveOutput {
	return resolveOutput{
		Chip:      d.Chip.String(),
		Current:   d.Current.String(),
		Target:    d.Target.String(),
		Kind:      d.Kind.String(),
		Delivery:  d.Delivery.String(),
		Installer: d.Installer.String(),
		Requires:  d.Requires.String(),
		Rule:      d.Rule,
	}
}

// resolveFlags parses the -chip, -current and -target values and resolves them.
func resolveFlags(chip, current, target string) (compat.Decision, error) {
	c, err := compat.ParseChip(chip)
	if err != nil {
		return compat.Decision{}, err
	}
	cur, err := compat.ParseVersion(current)
	if err != nil {
		return compat.Decision{}, fmt.Errorf("-current: %w", err)
	}
	tgt, err := compat.ParseVersion(target)
	if err != nil {
		return compat.Decision{}, fmt.Errorf("-target: %w", err)
	}
	return compat.Resolve(c, cur, tgt)
}

// resolveModel resolves for a Mac known by its model identifier, refusing a target
// its hardware cannot run.
func resolveModel(model, current, target string) (compat.Decision, error) {
	mac, err := macFlags(model, "", "", current, "")
	if err != nil {
		return compat.Decision{}, err
	}
	tgt, err := compat.ParseVersion(target)
	if err != nil {
		return compat.Decision{}, fmt.Errorf("-target: %w", err)
	}
	return compat.ResolveMac(mac, tgt, nil)
}
