package main

import (
	"fmt"

	"github.com/managedos/managedos/compat"
	"github.com/managedos/managedos/mechanism"
)

// targetFields are the fields the target verb and every plan line print alike for
// a Mac's target and its decision: what to reach, and how. The target's are zero
// when the Mac is compliant, the step's unless it is a two-step improvement, and
// the decision's when there is no decision (compliant).
type targetFields struct {
	Compliant bool                `json:"compliant"`
	Target    compat.Version      `json:"target,omitzero"`
	Build     compat.Build        `json:"build,omitzero"`
	Posted    compat.Date         `json:"posted,omitzero"`
	Step      compat.Step         `json:"step,omitzero"`
	Kind      compat.Kind         `json:"kind,omitzero"`
	Delivery  mechanism.Delivery  `json:"delivery,omitzero"`
	Installer mechanism.Installer `json:"installer,omitzero"`
}

// targetFieldsOf returns the fields of t and d the target verb and plan print.
func targetFieldsOf(t compat.Target, d compat.Decision) targetFields {
	return targetFields{
		Compliant: t.Compliant, Target: t.Version, Build: t.Build, Posted: t.Posted, Step: t.Step,
		Kind: d.Kind, Delivery: d.Delivery, Installer: d.Installer,
	}
}

// targetOutput is the JSON object target prints, exactly
// {"compliant","target","build","posted","step","kind","delivery","installer","reason"}
// (see targetFields for which are left out).
type targetOutput struct {
	targetFields
	Reason compat.Reason `json:"reason"`
}

func runTarget(e *env, args []string) error {
	fs := e.flags("target", "(-model M [-device-id ID] | -chip C) -current V [-build B] "+targetUsage)
	model := fs.String("model", "", "the Mac's model identifier, such as Mac14,2 or iMac19,1")
	deviceID := fs.String("device-id", "", "the Mac's software-update device ID, such as J413AP (DeviceInformation SoftwareUpdateDeviceID)")
	chip := fs.String("chip", "", "the Mac's chip, when the model is not known: apple-silicon or intel")
	current := fs.String("current", "", "the Mac's macOS version now, such as 15.7.7 or 26.3.1 (a)")
	build := fs.String("build", "", "the Mac's build now, such as 25D2128 (needed for background security improvements)")
	tf := addTargetFlags(fs)
	if err := parse(fs, args, false); err != nil {
		return err
	}
	if err := requireFlags(fs, "current"); err != nil {
		return err
	}
	if *model == "" && *chip == "" && *deviceID == "" {
		fs.Usage()
		return usageError{"missing -model, -device-id or -chip"}
	}
	cat, policy, now, err := tf.load()
	if err != nil {
		return err
	}
	mac, err := macFlags(*model, *deviceID, *chip, *current, *build)
	if err != nil {
		return err
	}
	t, err := compat.SelectTarget(mac, cat, policy, now)
	if err != nil {
		return err
	}
	var d compat.Decision
	if !t.Compliant {
		if d, err = compat.ResolveMac(mac, t.Version, cat); err != nil {
			return err
		}
	}
	if e.json {
		return e.writeJSON(targetOutput{targetFieldsOf(t, d), t.Reason})
	}
	if t.Compliant {
		_, err = fmt.Fprintf(e.stdout, "compliant: %s\n", t.Reason)
		return err
	}
	fmt.Fprintf(e.stdout, "target:    %v", t.Version)
	if t.Build.IsValid() {
		fmt.Fprintf(e.stdout, " (%v", t.Build)
		if t.Posted.IsValid() {
			fmt.Fprintf(e.stdout, ", posted %v", t.Posted)
		}
		fmt.Fprint(e.stdout, ")")
	}
	fmt.Fprintln(e.stdout)
	if t.Step != (compat.Step{}) {
		fmt.Fprintf(e.stdout, "step:      %v\n", t.Step)
	}
	_, err = fmt.Fprintf(e.stdout, "kind:      %v\ndelivery:  %v\ninstaller: %v\nrequires:  %v\nreason:    %s\n", d.Kind, d.Delivery, d.Installer, d.Requires, t.Reason)
	return err
}

// macFlags builds the Mac the flags describe.
func macFlags(model, deviceID, chip, current, build string) (compat.Mac, error) {
	mac := compat.Mac{Model: model, DeviceID: deviceID}
	var err error
	if chip != "" {
		if mac.Chip, err = compat.ParseChip(chip); err != nil {
			return compat.Mac{}, err
		}
	}
	if mac.Version, err = compat.ParseVersion(current); err != nil {
		return compat.Mac{}, fmt.Errorf("-current: %w", err)
	}
	if build != "" {
		if mac.Build, err = compat.ParseBuild(build); err != nil {
			return compat.Mac{}, fmt.Errorf("-build: %w", err)
		}
	}
	return mac, nil
}
