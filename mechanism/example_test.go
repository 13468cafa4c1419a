package mechanism_test

import (
	"encoding/json"
	"fmt"
	"time"

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

// A download that stops progressing is stalled; after three hours of it the update
// is assumed cached and enforcement proceeds.
func ExampleInferCache() {
	start := time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)
	obs := []mechanism.Observation{
		{At: start, Status: "Downloading", Percent: 0.3, HasPercent: true},
		{At: start.Add(30 * time.Minute), Status: "Downloading", Percent: 0.3, HasPercent: true},
		{At: start.Add(time.Hour), Status: "DownloadFailed"},
	}
	for _, now := range []time.Time{start.Add(2 * time.Hour), start.Add(4 * time.Hour)} {
		v := mechanism.InferCache(obs, now, mechanism.CachePolicy{})
		fmt.Println(v.State, v.Since.Format("15:04"), v.EnforceAt.Format("15:04"))
	}
	// Output:
	// stalled 09:30 12:30
	// assumed-cached 12:30 00:00
}

// An Intel Mac upgrading from macOS 12 runs the cached installer's startosinstall.
func ExampleNewStartOSInstall() {
	inv, err := mechanism.NewStartOSInstall(mechanism.Upgrade{Delivery: mechanism.StartOSInstall, TargetMajor: 14}, mechanism.StartOSInstallOptions{RebootDelay: 60})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(inv.Path)
	fmt.Println(inv.Args)
	_, err = mechanism.NewStartOSInstall(mechanism.Upgrade{Delivery: mechanism.StartOSInstall, AppleSilicon: true, TargetMajor: 14}, mechanism.StartOSInstallOptions{})
	fmt.Println(err)
	// Output:
	// /Applications/Install macOS Sonoma.app/Contents/Resources/startosinstall
	// [--agreetolicense --forcequitapps --nointeraction --rebootdelay 60]
	// mechanism: startosinstall on Apple silicon needs a local administrator's credentials; upgrade with MDM commands: startosinstall refused
}
