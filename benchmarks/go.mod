module github.com/managedos/managedos/benchmarks

go 1.26.0

require (
	github.com/Masterminds/semver/v3 v3.4.0
	github.com/managedos/managedos v0.0.0
	github.com/micromdm/plist v0.2.2
	golang.org/x/mod v0.43.0
)

require (
	github.com/stretchr/testify v1.11.1
	howett.net/plist v1.0.1
)

require (
	github.com/davecgh/go-spew v1.1.1 // indirect
	github.com/pmezard/go-difflib v1.0.0 // indirect
	gopkg.in/yaml.v3 v3.0.1 // indirect
)

replace github.com/managedos/managedos => ../
