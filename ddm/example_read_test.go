package ddm_test

import (
	"errors"
	"fmt"

	"github.com/managedos/managedos/compat"
	"github.com/managedos/managedos/ddm"
)

// ReadEnforcement checks a declaration someone else wrote and names each bad key.
func ExampleReadEnforcement() {
	data := []byte(`{"Type":"com.apple.configuration.softwareupdate.enforcement.specific",
		"Identifier":"com.example.enforce","ServerToken":"1",
		"Payload":{"TargetOSVersion":"banana","TargetLocalDateTime":"2026-12-01 18:00"}}`)
	_, err := ddm.ReadEnforcement(data)
	for _, e := range err.(interface{ Unwrap() []error }).Unwrap() {
		var ke *ddm.KeyError
		if errors.As(e, &ke) {
			fmt.Println(ke.Key)
		}
	}
	// Output:
	// TargetOSVersion
	// TargetLocalDateTime
}

// Apple's own example pairs macOS 26.0 with a macOS 14 build: it reads, and
// BuildMismatch says what the builders would refuse.
func ExampleEnforcementPayload_BuildMismatch() {
	c, err := ddm.ReadEnforcement([]byte(`{"Type":"com.apple.configuration.softwareupdate.enforcement.specific",
		"Identifier":"EB13EE2B-5D63-4EBA-810F-5B81D07F5017","ServerToken":"E180CA9A-F089-4FA3-BBDF-94CC159C4AE8",
		"Payload":{"TargetOSVersion":"26.0","TargetBuildVersion":"23A309","TargetLocalDateTime":"2025-09-21T01:00:00"}}`))
	fmt.Println(err)
	fmt.Println(errors.Is(c.Payload.BuildMismatch(), compat.ErrInvalidBuild))
	// Output:
	// <nil>
	// true
}
