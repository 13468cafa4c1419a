package compat_test

import (
	"errors"
	"fmt"

	"github.com/managedos/managedos/compat"
	"github.com/managedos/managedos/mechanism"
)

// Resolve tells how a Mac reaches a target version, and why.
func ExampleResolve() {
	current := compat.MustParseVersion("12.7.1")
	target := compat.MustParseVersion("14.2.1")
	d, err := compat.Resolve(compat.Intel, current, target)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(d.Kind, d.Delivery, d.Installer, d.Requires)
	fmt.Println(d.Rule)
	// Output:
	// major startosinstall install-assistant cached-installer
	// Intel upgrading from macOS before 13.0: cache the full installer locally and run startosinstall
}

// Refusals wrap a sentinel error that names the reason.
func ExampleResolve_refused() {
	_, err := compat.Resolve(compat.AppleSilicon, compat.MustParseVersion("13.4.1 (c)"), compat.MustParseVersion("13.4.1 (a)"))
	fmt.Println(errors.Is(err, compat.ErrDowngrade))
	fmt.Println(err)
	_, err = compat.Resolve(compat.Intel, compat.MustParseVersion("12.6"), compat.MustParseVersion("12.6 (a)"))
	fmt.Println(errors.Is(err, compat.ErrUnsupported))
	// Output:
	// true
	// compat: resolve apple-silicon 13.4.1 (c) → 13.4.1 (a): downgrade
	// true
}

// ParseVersion reads every form macOS writes, and prints one canonical form.
func ExampleParseVersion() {
	for _, s := range []string{"14", "10.15.7", "13.4.1 (c)", "26.3(a)", "14.x"} {
		v, err := compat.ParseVersion(s)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Printf("%s major=%d rsr=%q\n", v, v.Major(), v.Extra())
	}
	// Output:
	// 14 major=14 rsr=""
	// 10.15.7 major=10 rsr=""
	// 13.4.1 (c) major=13 rsr="(c)"
	// 26.3 (a) major=26 rsr="(a)"
	// compat: version "14.x": expected a number: invalid version
}

// A rapid security response is newer than its base and older than the next release.
func ExampleVersion_Compare() {
	a := compat.MustParseVersion("13.4.1")
	b := compat.MustParseVersion("13.4.1 (c)")
	c := compat.MustParseVersion("13.5")
	fmt.Println(a.Compare(b), b.Compare(c), c.Compare(a))
	fmt.Println(compat.MustParseVersion("14.2").Compare(compat.MustParseVersion("14.2.0")))
	// Output:
	// -1 -1 1
	// 0
}

// Builds split into their parts and compare part by part.
func ExampleParseBuild() {
	b, _ := compat.ParseBuild("22F770820d")
	fmt.Println(b.Major(), string(b.Train()), b.Number(), string(b.Suffix()))
	fmt.Println(b.Compare(compat.MustParseBuild("22F82")))
	// Output:
	// 22 F 770820 d
	// 1
}

// ChipForModel knows every Mac's model identifier, and future MacN,M models.
func ExampleChipForModel() {
	for _, model := range []string{"MacBookPro18,3", "iMac20,1", "Mac17,2", "iPhone15,2"} {
		chip, err := compat.ChipForModel(model)
		fmt.Println(model, chip, err)
	}
	// Output:
	// MacBookPro18,3 apple-silicon <nil>
	// iMac20,1 intel <nil>
	// Mac17,2 apple-silicon <nil>
	// iPhone15,2 unknown compat: model "iPhone15,2": unknown chip
}

// A vendor copies the default table, changes a rule and resolves against it.
func ExampleTable_Resolve() {
	t := compat.DefaultTable()
	for i, r := range t.Rows {
		if r.Chip == compat.Intel && r.Kind == compat.Major && r.Delivery == mechanism.StartOSInstall {
			t.Rows[i].Delivery = mechanism.MDMCommands
			t.Rows[i].Installer = mechanism.SoftwareUpdate
			t.Rows[i].Requires = compat.Supervised
			t.Rows[i].Rule = "our fleet: Intel upgrades by MDM commands"
		}
	}
	if err := t.Validate(); err != nil {
		fmt.Println(err)
		return
	}
	d, _ := t.Resolve(compat.Intel, compat.MustParseVersion("12.7.1"), compat.MustParseVersion("14.2.1"))
	fmt.Println(d.Delivery, "-", d.Rule)
	// Output:
	// mdm-commands - our fleet: Intel upgrades by MDM commands
}

// KindOf classifies an update without a table.
func ExampleKindOf() {
	for _, pair := range [][2]string{{"14.2", "14.2"}, {"14.2", "14.3"}, {"13.6", "14.0"}, {"10.14.6", "10.15"}, {"13.4.1", "13.4.1 (a)"}} {
		k, _ := compat.KindOf(compat.MustParseVersion(pair[0]), compat.MustParseVersion(pair[1]))
		fmt.Println(pair[0], "→", pair[1], k)
	}
	// Output:
	// 14.2 → 14.2 none
	// 14.2 → 14.3 minor
	// 13.6 → 14.0 major
	// 10.14.6 → 10.15 major
	// 13.4.1 → 13.4.1 (a) rsr
}

// Decision.Upgrade feeds a startosinstall decision to mechanism.NewStartOSInstall.
func ExampleDecision_Upgrade() {
	d, _ := compat.Resolve(compat.Intel, compat.MustParseVersion("12.7.1"), compat.MustParseVersion("14.2.1"))
	inv, err := mechanism.NewStartOSInstall(d.Upgrade(), mechanism.StartOSInstallOptions{})
	fmt.Println(inv.App, err)
	// Output:
	// Install macOS Sonoma.app <nil>
}
