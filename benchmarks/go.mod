module github.com/managedos/managedos/benchmarks

go 1.26.0

require (
	github.com/Masterminds/semver/v3 v3.4.0
	github.com/managedos/managedos v0.0.0
	github.com/micromdm/plist v0.2.2
	golang.org/x/mod v0.43.0
)

require howett.net/plist v1.0.1

replace github.com/managedos/managedos => ../
