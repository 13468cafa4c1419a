package compat_test

import (
	"fmt"
	"time"

	"github.com/managedos/managedos/compat"
	"github.com/managedos/managedos/mechanism"
)

// A partial report (a DDM status report carries only what changed) updates the
// snapshot without forgetting the rest.
func ExampleMac_Merge() {
	known := compat.Mac{Model: "Mac14,2", Chip: compat.AppleSilicon, Version: compat.MustParseVersion("14.2.1"), Build: compat.MustParseBuild("23C71"), Supervised: compat.FlagTrue}
	fmt.Println(known.Merge(compat.Mac{}) == known)
	upgraded := known.Merge(compat.Mac{Version: compat.MustParseVersion("14.3"), Build: compat.MustParseBuild("23D56")})
	fmt.Println(upgraded.Model, upgraded.Version, upgraded.Build, upgraded.Supervised)
	// Output:
	// true
	// Mac14,2 14.3 23D56 true
}

// Missing says which of a decision's prerequisites the snapshot shows are not in
// place, and which it cannot tell.
func ExampleMac_Missing() {
	d, _ := compat.Resolve(compat.AppleSilicon, compat.MustParseVersion("13.1"), compat.MustParseVersion("13.6"))
	mac := compat.Mac{Supervised: compat.FlagTrue}
	missing, unknown := mac.Missing(d.Requires)
	fmt.Printf("requires %v; missing %v; unknown %v\n", d.Requires, missing, unknown)
	// Output:
	// requires supervised+bootstrap-token; missing none; unknown bootstrap-token
}

// A Mac that installed the update is compliant, whatever its last download reports
// said; before that, the observations about the target decide.
func ExampleTracker_State() {
	start := time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)
	obs := []mechanism.Observation{
		{At: start, Target: "14.2.1", Status: "downloading"},
		{At: start.Add(time.Hour), Target: "14.2.1", Status: "failed", Reason: "not enough space", FailureCount: 1},
		{At: start.Add(4 * time.Hour), Target: "14.2.1", Status: "failed", Reason: "not enough space", FailureCount: 2},
	}
	tr := compat.Tracker{Target: compat.MustParseVersion("14.2.1")}
	for _, mac := range []compat.Mac{{Version: compat.MustParseVersion("14.1")}, {Version: compat.MustParseVersion("14.2.1")}} {
		v, err := tr.State(mac, obs, start.Add(5*time.Hour))
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(mac.Version, v.State, v.Reason, v.FailureCount)
	}
	// Output:
	// 14.1 assumed-cached not enough space 2
	// 14.2.1 compliant  0
}
