package managedos_test

import (
	"fmt"

	"github.com/managedos/managedos/compat"
)

// The flow starts with a decision: how does this Mac reach that version?
func Example() {
	chip, _ := compat.ChipForModel("MacBookPro18,3")
	current, _ := compat.ParseVersionExtra("13.4.1", "(a)")
	target := compat.MustParseVersion("13.4.1 (c)")
	d, err := compat.Resolve(chip, current, target)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%v on %v → %v: %v via %v (%v), requires %v\n", d.Chip, d.Current, d.Target, d.Kind, d.Delivery, d.Installer, d.Requires)
	// Output:
	// apple-silicon on 13.4.1 (a) → 13.4.1 (c): rsr via mdm-commands (rapid-security-response), requires supervised+bootstrap-token
}
