package main

import (
	"fmt"
	"io"
	"os"
	"strings"
)

// The main job: how an Intel Mac on macOS 12.7.1 reaches 14.2.1.
func Example_resolve() {
	run([]string{"resolve", "-json", "-chip", "intel", "-current", "12.7.1", "-target", "14.2.1"}, nil, os.Stdout, os.Stderr)
	// Output:
	// {"chip":"intel","current":"12.7.1","target":"14.2.1","kind":"major","delivery":"startosinstall","installer":"install-assistant","requires":"cached-installer","rule":"Intel upgrading from macOS before 13.0: cache the full installer locally and run startosinstall"}
}

// A download stuck for more than three hours is taken as already cached.
func Example_infer() {
	observations := `{"at":"2026-11-27T09:00:00Z","status":"Downloading","percent":0.42}
{"at":"2026-11-27T10:00:00Z","status":"Downloading","percent":0.42}
{"at":"2026-11-27T11:00:00Z","status":"DownloadFailed"}`
	run([]string{"infer", "-json", "-now", "2026-11-27T14:00:00Z"}, strings.NewReader(observations), os.Stdout, os.Stderr)
	// Output:
	// {"verdict":"assumed-cached","since":"2026-11-27T13:00:00Z","enforce_at":"2026-11-27T13:00:00Z","observations":3,"reason":"DownloadFailed"}
}

// A refusal is one JSON object with a code, and exit status 1.
func Example_refusal() {
	code := run([]string{"resolve", "-json", "-chip", "apple-silicon", "-current", "12.6", "-target", "12.6 (a)"}, nil, os.Stdout, os.Stderr)
	fmt.Println("exit", code)
	// Output:
	// {"error":{"code":"unsupported","message":"compat: resolve apple-silicon 12.6 → 12.6 (a) (rsr): rapid security responses began with macOS 13: unsupported"}}
	// exit 1
}

// The version a Mac must reach under a policy, from Apple's feed: here, the newest
// release once it has been out for a week.
func Example_target() {
	run([]string{"target", "-json", "-feed", "../../compat/testdata/gdmf_pmv_sofa_cached.json",
		"-model", "iMac19,1", "-device-id", "Mac-63001698E7A34814", "-current", "14.8.7",
		"-latest", "-delay-days", "7", "-now", "2026-08-27T00:00:00Z"}, nil, os.Stdout, os.Stderr)
	// Output:
	// {"compliant":false,"target":"15.7.9","build":"24G830","posted":"2026-08-06","kind":"major","delivery":"ddm","installer":"software-update","reason":"the newest release this Mac can run among releases posted at least 7 days ago; hardware support from Apple's catalogue (device ID \"Mac-63001698E7A34814\")"}
}

// A fleet, one JSON line per device in input order: the decision, ring and deadline,
// or the device's refusal with its line number (the summary goes to stderr).
func Example_plan() {
	inventory := `{"id":"C02XK0AAQ6L4","model":"Mac14,2","device_id":"J413AP","current":"15.7.7","ring":"canary"}
{"id":"C02ZT1BBMD6M","model":"iMac19,1","current":"15.7.7"}`
	run([]string{"plan", "-json", "-feed", "../../compat/testdata/gdmf_pmv_sofa_cached.json", "-minimum", "26.6.2",
		"-rings", "canary=5%:0,early=25%:3,broad=100%:7", "-deadline-days", "14", "-deadline-time", "18:00", "-now", "2026-08-27T12:00:00Z"},
		strings.NewReader(inventory), os.Stdout, io.Discard)
	// Output:
	// {"id":"C02XK0AAQ6L4","compliant":false,"target":"26.6.2","build":"25G83","posted":"2026-08-17","kind":"major","delivery":"ddm","installer":"software-update","requires":"supervised","rule":"macOS 14.0 and later, major upgrade: DDM software update enforcement declaration","reason":"below the minimum 26.6.2; hardware support from Apple's catalogue (device ID \"J413AP\")","ring":"canary","deadline":"2026-08-31T18:00:00"}
	// {"id":"C02ZT1BBMD6M","line":2,"error":{"code":"unsupported-hardware","message":"compat: the Mac (model \"iMac19,1\") cannot run macOS 26.6.2: the newest it can run is macOS 15 (built-in model table, knowledge of 2026-08-22): unsupported hardware"}}
}
