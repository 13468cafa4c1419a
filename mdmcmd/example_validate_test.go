package mdmcmd_test

import (
	"errors"
	"fmt"

	"github.com/managedos/managedos/compat"
	"github.com/managedos/managedos/mdmcmd"
)

// A queued command is checked with the rules its builder applies.
func ExampleCommandContent_Validate() {
	c, err := mdmcmd.ParseCommand([]byte(`<?xml version="1.0" encoding="UTF-8"?>
<plist version="1.0"><dict>
	<key>CommandUUID</key><string>cmd-1</string>
	<key>Command</key><dict>
		<key>RequestType</key><string>ScheduleOSUpdate</string>
		<key>Updates</key><array><dict>
			<key>InstallAction</key><string>Bogus</string>
			<key>ProductVersion</key><string>13.6</string>
		</dict></array>
	</dict>
</dict></plist>`))
	if err != nil {
		fmt.Println(err)
		return
	}
	err = c.Validate(compat.Version{})
	var ke *mdmcmd.KeyError
	fmt.Println(errors.As(err, &ke), ke.Key, errors.Is(err, mdmcmd.ErrInvalidCommand))
	// Output:
	// true Command.Updates[0].InstallAction true
}
