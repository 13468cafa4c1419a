package mechanism_test

import (
	"encoding/json"
	"fmt"

	"github.com/managedos/managedos/mechanism"
)

// Deliveries and installers print and encode as their tokens.
func ExampleDelivery() {
	for _, d := range []mechanism.Delivery{mechanism.DeliveryNone, mechanism.MDMCommands, mechanism.StartOSInstall, mechanism.DDM} {
		fmt.Println(d)
	}
	b, _ := json.Marshal(struct {
		Delivery  mechanism.Delivery
		Installer mechanism.Installer
	}{mechanism.StartOSInstall, mechanism.InstallAssistant})
	fmt.Println(string(b))
	// Output:
	// none
	// mdm-commands
	// startosinstall
	// ddm
	// {"Delivery":"startosinstall","Installer":"install-assistant"}
}

// UnmarshalText reads a token back and names the text it cannot read.
func ExampleInstaller_UnmarshalText() {
	var i mechanism.Installer
	fmt.Println(i.UnmarshalText([]byte("rapid-security-response")), i)
	fmt.Println(i.UnmarshalText([]byte("RSR")))
	// Output:
	// <nil> rapid-security-response
	// Installer "RSR": mechanism: unknown token
}
