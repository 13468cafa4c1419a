package main

import (
	"fmt"
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
