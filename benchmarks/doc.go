// Package benchmarks compares managedos with what an MDM vendor would use instead,
// each comparison in one loop, round-robin, so that its ratios hold on a busy
// machine: version parsing and comparison against Masterminds' NewVersion and
// StrictNewVersion and golang.org/x/mod/semver; MDM answer parsing against
// howett.net/plist and github.com/micromdm/plist decoding into plain structs; DDM
// status report parsing against one typed encoding/json decode; the ScheduleOSUpdate
// encoder against both plist libraries' reflection. Each benchmark reports every
// contender's ns/op and managedos's time over each other's (managedos/NAME); a test
// next to each checks that the contenders do the same work.
//
// It is a separate module so that the library keeps its three dependencies; its own
// are the alternatives it measures against. Run it with
//
//	cd benchmarks && go test -run '^$' -bench . -count 1
//
// cmd/geninventory writes a realistic synthetic inventory, cmd/floor is the
// read-a-line/write-a-line floor, and run-plan.sh times `managedos plan` against
// that floor on a million devices.
package benchmarks
