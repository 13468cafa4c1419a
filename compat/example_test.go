package compat_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/managedos/managedos/compat"
	"github.com/managedos/managedos/mechanism"
)

// Resolve tells how a Mac reaches a target version, and why.
func ExampleResolve() {
	current := compat.MustParseVersion("12.7.1")
	target := compat.MustParseVersion("14.2.1")
	d, err := compat.Resolve(compat.Intel, current, target)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(d.Kind, d.Delivery, d.Installer, d.Requires)
	fmt.Println(d.Rule)
	// Output:
	// major startosinstall install-assistant cached-installer
	// Intel upgrading from macOS before 13.0: cache the full installer locally and run startosinstall
}

// Refusals wrap a sentinel error that names the reason.
func ExampleResolve_refused() {
	_, err := compat.Resolve(compat.AppleSilicon, compat.MustParseVersion("13.4.1 (c)"), compat.MustParseVersion("13.4.1 (a)"))
	fmt.Println(errors.Is(err, compat.ErrDowngrade))
	fmt.Println(err)
	_, err = compat.Resolve(compat.Intel, compat.MustParseVersion("12.6"), compat.MustParseVersion("12.6 (a)"))
	fmt.Println(errors.Is(err, compat.ErrUnsupported))
	// Output:
	// true
	// compat: resolve apple-silicon 13.4.1 (c) → 13.4.1 (a): downgrade
	// true
}

// ParseVersion reads every form macOS writes, and prints one canonical form.
func ExampleParseVersion() {
	for _, s := range []string{"14", "14.2.0", "10.15.7", "13.4.1 (c)", "26.3(a)", "14.x"} {
		v, err := compat.ParseVersion(s)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Printf("%s major=%d rsr=%q\n", v, v.Major(), v.Extra())
	}
	// Output:
	// 14.0 major=14 rsr=""
	// 14.2 major=14 rsr=""
	// 10.15.7 major=10 rsr=""
	// 13.4.1 (c) major=13 rsr="(c)"
	// 26.3 (a) major=26 rsr="(a)"
	// compat: version "14.x": expected a number: invalid version
}

// A rapid security response is newer than its base and older than the next release.
func ExampleVersion_Compare() {
	a := compat.MustParseVersion("13.4.1")
	b := compat.MustParseVersion("13.4.1 (c)")
	c := compat.MustParseVersion("13.5")
	fmt.Println(a.Compare(b), b.Compare(c), c.Compare(a))
	fmt.Println(compat.MustParseVersion("14.2").Compare(compat.MustParseVersion("14.2.0")))
	// Output:
	// -1 -1 1
	// 0
}

// Builds split into their parts and compare part by part.
func ExampleParseBuild() {
	b, _ := compat.ParseBuild("22F770820d")
	fmt.Println(b.Major(), string(b.Train()), b.Number(), string(b.Suffix()))
	fmt.Println(b.Compare(compat.MustParseBuild("22F82")))
	// Output:
	// 22 F 770820 d
	// 1
}

// ChipForModel knows every Mac's model identifier, and future MacN,M models.
func ExampleChipForModel() {
	for _, model := range []string{"MacBookPro18,3", "iMac20,1", "Mac17,2", "iPhone15,2"} {
		chip, err := compat.ChipForModel(model)
		fmt.Println(model, chip, err)
	}
	// Output:
	// MacBookPro18,3 apple-silicon <nil>
	// iMac20,1 intel <nil>
	// Mac17,2 apple-silicon <nil>
	// iPhone15,2 unknown compat: model "iPhone15,2": unknown chip
}

// A vendor copies the default table, changes a rule and resolves against it.
func ExampleTable_Resolve() {
	t := compat.DefaultTable()
	for i, r := range t.Rows {
		if r.Chip == compat.Intel && r.Kind == compat.Major && r.Delivery == mechanism.StartOSInstall {
			t.Rows[i].Delivery = mechanism.MDMCommands
			t.Rows[i].Installer = mechanism.SoftwareUpdate
			t.Rows[i].Requires = compat.Supervised
			t.Rows[i].Rule = "our fleet: Intel upgrades by MDM commands"
		}
	}
	if err := t.Validate(); err != nil {
		fmt.Println(err)
		return
	}
	d, _ := t.Resolve(compat.Intel, compat.MustParseVersion("12.7.1"), compat.MustParseVersion("14.2.1"))
	fmt.Println(d.Delivery, "-", d.Rule)
	// Output:
	// mdm-commands - our fleet: Intel upgrades by MDM commands
}

// KindOf classifies an update without a table.
func ExampleKindOf() {
	for _, pair := range [][2]string{{"14.2", "14.2"}, {"14.2", "14.3"}, {"13.6", "14.0"}, {"10.14.6", "10.15"}, {"13.4.1", "13.4.1 (a)"}} {
		k, _ := compat.KindOf(compat.MustParseVersion(pair[0]), compat.MustParseVersion(pair[1]))
		fmt.Println(pair[0], "→", pair[1], k)
	}
	// Output:
	// 14.2 → 14.2 none
	// 14.2 → 14.3 minor
	// 13.6 → 14.0 major
	// 10.14.6 → 10.15 major
	// 13.4.1 → 13.4.1 (a) rsr
}

// Decision.Upgrade feeds a startosinstall decision to mechanism.NewStartOSInstall.
func ExampleDecision_Upgrade() {
	d, _ := compat.Resolve(compat.Intel, compat.MustParseVersion("12.7.1"), compat.MustParseVersion("14.2.1"))
	inv, err := mechanism.NewStartOSInstall(d.Upgrade(), mechanism.StartOSInstallOptions{})
	fmt.Println(inv.App, err)
	// Output:
	// Install macOS Sonoma.app <nil>
}

// feed is a small excerpt of Apple's software-update feed (gdmf v2/pmv) as SOFA
// caches it; a vendor fetches the real one and passes its bytes.
const feed = `{"etag":"x","data":{
 "PublicAssetSets":{"macOS":[
  {"ProductVersion":"26.6.2","Build":"25G83","PostingDate":"2026-08-17","SupportedDevices":["J413AP","J152FAP"]},
  {"ProductVersion":"15.7.9","Build":"24G830","PostingDate":"2026-08-17","SupportedDevices":["J413AP","J152FAP","Mac-63001698E7A34814"]}]},
 "AssetSets":{"macOS":[
  {"ProductVersion":"15.7.9","Build":"24G830","PostingDate":"2026-08-06","SupportedDevices":["J413AP","J152FAP","Mac-63001698E7A34814"]},
  {"ProductVersion":"26.6.1","Build":"25G76","PostingDate":"2026-08-06","SupportedDevices":["J413AP","J152FAP"]}]},
 "PublicBackgroundSecurityImprovements":{"macOS":[
  {"ProductVersion":"26.3.1","ProductVersionExtra":"(a)","Build":"25D771280a","PrerequisiteBuild":"25D2128","PostingDate":"2026-03-17","SupportedDevices":["J413AP"]}]}}}`

// ParseCatalog reads Apple's feed into releases, merged across its lists.
func ExampleParseCatalog() {
	cat, err := compat.ParseCatalog([]byte(feed))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, r := range cat.Releases() {
		fmt.Println(r, r.Posted, r.Sources, r.Supports("Mac-63001698E7A34814"))
	}
	for _, r := range cat.BSIs() {
		fmt.Println(r, r.Devices())
	}
	// Output:
	// 26.6.2 (25G83) 2026-08-17 public-asset-sets false
	// 26.6.1 (25G76) 2026-08-06 asset-sets false
	// 15.7.9 (24G830) 2026-08-06 public-asset-sets+asset-sets true
	// 26.3.1 (a) (25D771280a on 25D2128) [J413AP]
}

// A malformed feed is refused with the JSON path of the bad value.
func ExampleParseCatalog_malformed() {
	_, err := compat.ParseCatalog([]byte(`{"AssetSets":{"macOS":[{"ProductVersion":"26.6","Build":"25G72","PostingDate":"2026-02-30"}]}}`))
	fmt.Println(errors.Is(err, compat.ErrInvalidCatalog))
	fmt.Println(err)
	// Output:
	// true
	// compat: catalog: AssetSets.macOS[0].PostingDate "2026-02-30": want yyyy-mm-dd: invalid catalog
}

// SelectTarget applies a policy to one Mac: here, the newest release each Mac can
// run, once it has been out for a week.
func ExampleSelectTarget() {
	cat, _ := compat.ParseCatalog([]byte(feed))
	policy := compat.Policy{Latest: true, DelayDays: 7}
	now := time.Date(2026, 8, 20, 9, 0, 0, 0, time.UTC)
	for _, mac := range []compat.Mac{
		{Model: "Mac14,2", DeviceID: "J413AP", Version: compat.MustParseVersion("15.7.9")},
		{Model: "iMac19,1", DeviceID: "Mac-63001698E7A34814", Version: compat.MustParseVersion("14.8.7")},
		{Model: "iMac19,1", DeviceID: "Mac-63001698E7A34814", Version: compat.MustParseVersion("15.7.9")},
	} {
		t, err := compat.SelectTarget(mac, cat, policy, now)
		if err != nil {
			fmt.Println(err)
			continue
		}
		if t.Compliant {
			fmt.Println(mac.Model, "compliant:", t.Reason)
			continue
		}
		fmt.Println(mac.Model, "→", t.Version, t.Build, t.Posted)
	}
	// Output:
	// Mac14,2 → 26.6.1 25G76 2026-08-06
	// iMac19,1 → 15.7.9 24G830 2026-08-06
	// iMac19,1 compliant: macOS 15.7.9 is at or past 15.7.9, the newest release the policy picks for this Mac among releases posted at least 7 days ago
}

// A Background Security Improvement installs only on its base build: a Mac below
// the base goes there first (step 1 of 2). Without a catalogue the library cannot
// check the build, and says so.
func ExampleSelectTarget_twoSteps() {
	mac := compat.Mac{Model: "Mac14,2", DeviceID: "J413AP", Version: compat.MustParseVersion("26.2")}
	policy := compat.Policy{Minimum: compat.MustParseVersion("26.3.1 (a)")}
	t, _ := compat.SelectTarget(mac, nil, policy, time.Now())
	fmt.Println(t.Version, t.Step)
	fmt.Println(t.Reason)
	// Output:
	// 26.3.1 1/2
	// step 1 of 2: the background security improvement 26.3.1 (a) installs only on 26.3.1, so this Mac reaches 26.3.1 first and the improvement second; hardware support from the built-in model table for "Mac14,2" (knowledge of 2026-08-22); without Apple's catalogue, so no build or posting date
}

// A policy that asks for more than a Mac's hardware runs is refused with the
// newest macOS it can reach.
func ExampleSelectTarget_unsupportedHardware() {
	cat, _ := compat.ParseCatalog([]byte(feed))
	mac := compat.Mac{Model: "iMac19,1", DeviceID: "Mac-63001698E7A34814", Version: compat.MustParseVersion("15.7.9")}
	_, err := compat.SelectTarget(mac, cat, compat.Policy{Minimum: compat.MustParseVersion("26")}, time.Now())
	fmt.Println(errors.Is(err, compat.ErrUnsupportedHardware))
	fmt.Println(err)
	// Output:
	// true
	// compat: the Mac (model "iMac19,1", device ID "Mac-63001698E7A34814") cannot run macOS 26.0: the newest it can run is macOS 15.7.9 (24G830, per Apple's catalogue): unsupported hardware
}

// Policy.Validate names the fields that contradict each other.
func ExamplePolicy_Validate() {
	err := compat.Policy{Latest: true, LatestInMajor: true}.Validate()
	var pe *compat.PolicyError
	fmt.Println(errors.As(err, &pe), pe.Fields)
	fmt.Println(err)
	// Output:
	// true [Latest LatestInMajor]
	// compat: policy: Latest, LatestInMajor: the newest release overall and the newest of the Mac's own major are different targets: invalid policy
}

// HardwareOf says what a Mac can run, and from what knowledge.
func ExampleHardwareOf() {
	cat, _ := compat.ParseCatalog([]byte(feed))
	for _, mac := range []compat.Mac{
		{Model: "MacBookPro16,1", DeviceID: "J152FAP"},
		{Model: "MacBookPro14,1"},
		{Model: "Mac99,1"},
	} {
		hw, _ := compat.HardwareOf(mac, cat)
		fmt.Println(mac.Model, hw.Basis, hw.Newest, hw.Runs(compat.MustParseVersion("27")))
	}
	// Output:
	// MacBookPro16,1 catalog 26.6.2 false
	// MacBookPro14,1 model 13.0 false
	// Mac99,1 chip invalid Version true
}

// ResolveMac is Resolve with the hardware check: Tahoe is the last Intel release.
func ExampleResolveMac() {
	mac := compat.Mac{Model: "MacBookPro16,1", Version: compat.MustParseVersion("26.6.2")}
	_, err := compat.ResolveMac(mac, compat.MustParseVersion("27.0"), nil)
	fmt.Println(err)
	_, err = compat.Resolve(compat.Intel, mac.Version, compat.MustParseVersion("27.0"))
	fmt.Println(err)
	// Output:
	// compat: the Mac (model "MacBookPro16,1") cannot run macOS 27.0: the newest it can run is macOS 26 (built-in model table, knowledge of 2026-08-22): unsupported hardware
	// compat: resolve intel 26.6.2 → 27.0 (major): Intel Macs run nothing newer than macOS 26: Tahoe 26 is the last Intel release, macOS 27 and later run on Apple silicon only: unsupported
}
