package compat_test

import (
	"errors"
	"fmt"
	"strings"

	"github.com/managedos/managedos/compat"
)

// CheckPlist measures a plist before anything decodes it: here 40 arrays nested in
// each other, deeper than a limit of 16.
func ExampleLimits_CheckPlist() {
	deep := "<plist>" + strings.Repeat("<array>", 40) + strings.Repeat("</array>", 40) + "</plist>"
	err := compat.Limits{MaxDepth: 16}.CheckPlist([]byte(deep))
	fmt.Println(errors.Is(err, compat.ErrTooLarge))
	var le *compat.LimitError
	if errors.As(err, &le) {
		fmt.Println(le.Limit, le.Max, le.Got)
	}
	fmt.Println(compat.Limits{}.CheckPlist([]byte("((((")))
	// Output:
	// true
	// MaxDepth 16 17
	// compat: not an XML or binary property list (it starts with "(((("): malformed input
}

// CheckJSON does the same for JSON, and names where it stopped.
func ExampleLimits_CheckJSON() {
	err := compat.Limits{MaxStringBytes: 16}.CheckJSON([]byte(`{"StatusItems":{"softwareupdate":{"install-state":"downloading-the-update"}}}`))
	fmt.Println(err)
	// Output:
	// compat: JSON at byte 50 (StatusItems.softwareupdate.install-state): string of 22 bytes over MaxStringBytes 16: too large
}

// CheckBuild refuses a build the library knows to belong to another version.
func ExampleCheckBuild() {
	v := compat.MustParseVersion("13.4.1 (a)")
	fmt.Println(compat.CheckBuild(v, compat.MustParseBuild("22F770820d")))
	fmt.Println(compat.CheckBuild(compat.MustParseVersion("13.4.1 (c)"), compat.MustParseBuild("22F770820d")))
	// Output:
	// compat: build 22F770820d is macOS 13.4.1 (c), not 13.4.1 (a) (the library knows no build of 13.4.1 (a)): invalid build
	// <nil>
}
