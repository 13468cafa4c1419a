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
// is assumed cached and enforcement proceeds, with the Mac's last failure reason.
func ExampleInferCache() {
	start := time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)
	obs := []mechanism.Observation{
		{At: start, Status: "Downloading", Percent: 0.3, HasPercent: true},
		{At: start.Add(30 * time.Minute), Status: "Downloading", Percent: 0.3, HasPercent: true},
		{At: start.Add(time.Hour), Status: "DownloadFailed"},
	}
	for _, now := range []time.Time{start.Add(2 * time.Hour), start.Add(4 * time.Hour)} {
		v := mechanism.InferCache(obs, now, mechanism.CachePolicy{})
		fmt.Println(v.State, v.Since.Format("15:04"), v.EnforceAt.Format("15:04"), v.Reason)
	}
	// Output:
	// stalled 09:30 12:30 DownloadFailed
	// assumed-cached 12:30 12:30 DownloadFailed
}

// A download that failed and restarted is progress again as soon as it climbs; a DDM
// report without an install state neither progresses nor stalls.
func ExampleInferCacheFor() {
	start := time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)
	at := func(minutes int) time.Time { return start.Add(time.Duration(minutes) * time.Minute) }
	obs := []mechanism.Observation{
		{At: at(0), Target: "14.2.1", Status: "Downloading", Percent: 0.1, HasPercent: true},
		{At: at(30), Target: "14.2.1", Status: "Downloading", Percent: 0.5, HasPercent: true},
		{At: at(60), Target: "14.2.1", Status: "DownloadFailed"},
		{At: at(90), Target: "14.2.1", Status: "Downloading", Percent: 0.1, HasPercent: true},
		{At: at(95), Target: "14.1.2", Status: "DownloadFailed"}, // another update
		{At: at(120), Target: "14.2.1", Status: "Downloading", Percent: 0.45, HasPercent: true},
		{At: at(150)}, // a partial report
	}
	about := func(target string) bool { return target == "" || target == "14.2.1" }
	v := mechanism.InferCacheFor(obs, about, at(160), mechanism.CachePolicy{})
	b, _ := json.Marshal(v)
	fmt.Println(string(b))
	// Output:
	// {"verdict":"downloading","since":"2026-11-27T11:00:00Z","observations":6}
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
