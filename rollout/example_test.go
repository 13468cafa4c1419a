package rollout_test

import (
	"fmt"
	"time"
	_ "time/tzdata" // Europe/Berlin, whatever the machine has installed

	"github.com/managedos/managedos/compat"
	"github.com/managedos/managedos/mdmcmd"
	"github.com/managedos/managedos/rollout"
)

// A staggered rollout: each Mac's ring, then its deadline for a release posted on
// March 2, 2026.
func Example() {
	rings, err := rollout.ParseRings("canary=5%:0,early=25%:3,broad=100%:7")
	if err != nil {
		panic(err)
	}
	berlin, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		panic(err)
	}
	policy := rollout.DeadlinePolicy{Days: 7, At: rollout.MustParseTimeOfDay("18:00"), Zone: berlin, GraceDays: 1}
	posted := time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)
	now := time.Date(2026, 3, 3, 9, 0, 0, 0, time.UTC)
	for _, mac := range []struct{ id, ring string }{
		{"device-000003", ""},
		{"device-000005", ""},
		{"device-000001", ""},
		{"lab-imac", "canary"},
	} {
		ring, err := rings.Assign(mac.id, mac.ring)
		if err != nil {
			panic(err)
		}
		deadline, err := policy.Deadline(posted, ring, now)
		if err != nil {
			panic(err)
		}
		fmt.Println(mac.id, ring.Name, deadline)
	}
	// Output:
	// device-000003 canary 2026-03-09T18:00:00+01:00
	// device-000005 early 2026-03-12T18:00:00+01:00
	// device-000001 broad 2026-03-16T18:00:00+01:00
	// lab-imac canary 2026-03-09T18:00:00+01:00
}

// Shares are cumulative: the last ring always reaches 100%.
func ExampleParseRings() {
	rings, err := rollout.ParseRings("pilot=0.5%:0, wave1=20%:2, all=100%:5")
	fmt.Println(rings, err)
	for _, r := range rings.All() {
		fmt.Printf("%s: up to %v of the fleet, +%d days\n", r.Name, r.Share, r.OffsetDays)
	}
	_, err = rollout.ParseRings("canary=5%:0,early=25%:3")
	fmt.Println(err)
	// Output:
	// pilot=0.5%:0,wave1=20%:2,all=100%:5 <nil>
	// pilot: up to 0.5% of the fleet, +0 days
	// wave1: up to 20% of the fleet, +2 days
	// all: up to 100% of the fleet, +5 days
	// rollout: rings: last ring "early" covers 25% of the fleet, want 100% (shares are cumulative): invalid rings
}

// A Mac without an inventory ring gets one from its id, the same one every time.
func ExampleRings_Assign() {
	rings, _ := rollout.ParseRings("canary=5%:0,broad=100%:7")
	r1, _ := rings.Assign("device-000003", "")
	r2, _ := rings.Assign("device-000003", "")
	fmt.Println(rollout.Bucket("device-000003"), r1.Name, r1 == r2)
	_, err := rings.Assign("device-000003", "beta")
	fmt.Println(err)
	// Output:
	// 1.06% canary true
	// rollout: ring "beta": not one of "canary,broad": unknown ring
}

// Without a zone, the deadline is a civil date-time each Mac reads on its own clock,
// as a DDM declaration's TargetLocalDateTime.
func ExampleDeadlinePolicy_Deadline_macLocalTime() {
	policy := rollout.DeadlinePolicy{Days: 14, At: rollout.MustParseTimeOfDay("17:30"), GraceDays: 1}
	posted := time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)
	d, _ := policy.Deadline(posted, rollout.Ring{}, time.Date(2026, 3, 3, 0, 0, 0, 0, time.UTC))
	fmt.Println(d, d.IsCivil(), d.Moved())
	// Already past: moved to the next day at 17:30.
	d, _ = policy.Deadline(posted, rollout.Ring{}, time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC))
	fmt.Println(d, d.Moved())
	// Output:
	// 2026-03-16T17:30:00 true false
	// 2026-04-02T17:30:00 true
}

// A time the clocks skip on a spring-forward day moves past the jump by as much as
// it lay after its start.
func ExampleDeadlinePolicy_Deadline_daylightSaving() {
	newYork, err := time.LoadLocation("America/New_York")
	if err != nil {
		panic(err)
	}
	policy := rollout.DeadlinePolicy{Days: 6, At: rollout.MustParseTimeOfDay("02:30"), Zone: newYork}
	d, _ := policy.Deadline(time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC), rollout.Ring{}, time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC))
	fmt.Println(d)
	// Output:
	// 2026-03-08T03:30:00-04:00
}

// ParseTimeOfDay reads the HH:MM of a command-line flag.
func ExampleParseTimeOfDay() {
	t, err := rollout.ParseTimeOfDay("07:30")
	fmt.Println(t, t.Hour(), t.Minute(), err)
	_, err = rollout.ParseTimeOfDay("7:30pm")
	fmt.Println(err)
	// Output:
	// 07:30 7 30 <nil>
	// rollout: time of day "7:30pm": want HH:MM from 00:00 to 23:59: invalid time of day
}

// At the door: a Mac in Setup Assistant below the minimum is asked to update first,
// with the body of Apple's 403, before it enrolls.
func ExampleEnrollGate_Decide() {
	machineInfo := []byte(`<?xml version="1.0" encoding="UTF-8"?>
<plist version="1.0"><dict>
	<key>PRODUCT</key><string>Mac14,2</string>
	<key>VERSION</key><string>23E214</string>
	<key>OS_VERSION</key><string>14.4</string>
	<key>SOFTWARE_UPDATE_DEVICE_ID</key><string>J413AP</string>
	<key>MDM_CAN_REQUEST_SOFTWARE_UPDATE</key><true/>
</dict></plist>`)
	feed := []byte(`{"AssetSets":{"macOS":[
	{"ProductVersion":"15.7.9","Build":"24G830","PostingDate":"2026-08-06","SupportedDevices":["J413AP"]}]}}`)
	info, err := mdmcmd.ParseMachineInfo(machineInfo)
	if err != nil {
		panic(err)
	}
	cat, err := compat.ParseCatalog(feed)
	if err != nil {
		panic(err)
	}
	gate := rollout.EnrollGate{Policy: compat.Policy{Minimum: compat.MustParseVersion("15.7.9")}, Catalog: cat}
	e, err := gate.Decide(info, time.Date(2026, 8, 27, 0, 0, 0, 0, time.UTC))
	if err != nil {
		panic(err)
	}
	fmt.Println(e.Action, e.Code, e.Target, e.Build)
	if e.RequiresUpdate() {
		body, contentType, err := e.Body.Encode(mdmcmd.FormatJSON)
		if err != nil {
			panic(err)
		}
		fmt.Println("403", contentType, string(body))
	}

	// The same Mac, had it said it cannot be asked, enrolls and updates afterwards.
	info.MDMCanRequestSoftwareUpdate = compat.FlagFalse
	e, _ = gate.Decide(info, time.Date(2026, 8, 27, 0, 0, 0, 0, time.UTC))
	fmt.Println(e.Action, e.Code, e.Target, e.Delivery)
	// Output:
	// require-update below-target 15.7.9 24G830
	// 403 application/json {"code":"com.apple.softwareupdate.required","details":{"OSVersion":"15.7.9","BuildVersion":"24G830"}}
	// enroll cannot-request 15.7.9 ddm
}

// One device's whole step: a fixed target, a deadline on the Mac's own clock and
// the payload its delivery needs.
func ExamplePlan_Step() {
	plan := &rollout.Plan{
		Target:   compat.MustParseVersion("15.7.9"),
		Deadline: rollout.DeadlinePolicy{Days: 7, At: rollout.MustParseTimeOfDay("18:00"), GraceDays: 1},
		Payloads: &rollout.PayloadOptions{},
	}
	if err := plan.Validate(); err != nil {
		panic(err)
	}
	now := time.Date(2026, 8, 27, 12, 0, 0, 0, time.UTC)
	mac := compat.Mac{Model: "Mac14,2", Version: compat.MustParseVersion("14.6")}
	step, err := plan.Step(rollout.Device{ID: "C02XK0AAQ6L4", Mac: mac}, now)
	if err != nil {
		panic(err)
	}
	fmt.Println(step.Target.Version, step.Decision.Kind, step.Decision.Delivery)
	fmt.Println(step.Deadline)
	for _, d := range step.Payload.Declarations {
		fmt.Println(d.Identifier(), d.Payload().TargetOSVersion, d.Payload().TargetLocalDateTime)
	}
	// Output:
	// 15.7.9 major ddm
	// 2026-09-03T18:00:00
	// managedos.softwareupdate.enforcement 15.7.9 2026-09-03T18:00:00
}
