package mdmcmd_test

import (
	"errors"
	"fmt"

	"github.com/managedos/managedos/compat"
	"github.com/managedos/managedos/mdmcmd"
)

// ParseOptions reads with other limits than the defaults; an answer over them is
// refused before it is decoded.
func ExampleParseOptions_ParseAnswer() {
	answer := []byte(`<plist><dict><key>Status</key><string>Idle</string><key>UDID</key><string>0000FE00-1111</string></dict></plist>`)
	opts := mdmcmd.ParseOptions{Limits: compat.Limits{MaxStringBytes: 8}}
	_, err := opts.ParseAnswer(answer)
	fmt.Println(errors.Is(err, compat.ErrTooLarge), errors.Is(err, mdmcmd.ErrInvalidAnswer))
	fmt.Println(err)
	a, err := mdmcmd.ParseAnswer(answer) // the default limits
	fmt.Println(a.Status, err)
	// Output:
	// true true
	// mdmcmd: answer: compat: XML plist at byte 74 (UDID): <string> of 13 bytes over MaxStringBytes 8: too large: invalid answer
	// Idle <nil>
}
