package ddm_test

import (
	"fmt"
	"time"

	"github.com/managedos/managedos/compat"
	"github.com/managedos/managedos/ddm"
)

// A Mac on macOS 14 gets an enforcement declaration with a local deadline.
func ExampleFromDecision() {
	d, err := compat.Resolve(compat.AppleSilicon, compat.MustParseVersion("14.1"), compat.MustParseVersion("14.2.1"))
	if err != nil {
		fmt.Println(err)
		return
	}
	deadline := ddm.MustParseLocalDateTime("2026-12-01T18:00:00")
	e, err := ddm.FromDecision(d, deadline, ddm.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	b, _ := e.MarshalJSON()
	fmt.Println(string(b))
	// Output:
	// {"Type":"com.apple.configuration.softwareupdate.enforcement.specific","Identifier":"managedos.softwareupdate.enforcement","ServerToken":"41378470458b57a0196e0d7b4c602387","Payload":{"TargetOSVersion":"14.2.1","TargetLocalDateTime":"2026-12-01T18:00:00"}}
}

// A background security improvement on a base the Mac is not on yet takes Apple's
// two steps: the base, then the supplemental update on it.
func ExampleFromDecisionSteps() {
	d, _ := compat.Resolve(compat.AppleSilicon, compat.MustParseVersion("26.2"), compat.MustParseVersion("26.3.1 (a)"))
	deadline := ddm.MustParseLocalDateTime("2026-12-01T18:00:00")
	_, err := ddm.FromDecision(d, deadline, ddm.Options{Build: compat.MustParseBuild("25D771280a")})
	fmt.Println(err)
	steps, err := ddm.FromDecisionSteps(d, deadline, ddm.Options{Build: compat.MustParseBuild("25D771280a"), BaseBuild: compat.MustParseBuild("25D2128")})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, e := range steps {
		p := e.Payload()
		fmt.Println(e.Identifier(), p.TargetOSVersion, p.TargetBuildVersion)
	}
	// Output:
	// ddm: apple-silicon on 26.2: a Mac installs a supplemental update only on its base, so 26.3.1 (a) takes two declarations (26.3.1, then 26.3.1 (a)); use FromDecisionSteps: needs two declarations
	// managedos.softwareupdate.enforcement 26.3.1 25D2128
	// managedos.softwareupdate.enforcement.supplemental 26.3.1 25D771280a
}

// A decision for another delivery is refused with the delivery the Mac needs.
func ExampleFromDecision_wrongDelivery() {
	d, _ := compat.Resolve(compat.Intel, compat.MustParseVersion("13.6"), compat.MustParseVersion("13.6.1"))
	_, err := ddm.FromDecision(d, ddm.MustParseLocalDateTime("2026-12-01T18:00:00"), ddm.Options{})
	fmt.Println(err)
	// Output:
	// ddm: intel on 13.6 needs delivery mdm-commands, not a declaration: wrong delivery
}

// The deadline is a wall-clock time; LocalDateTimeIn turns an instant into the time
// a Mac in a given zone reads.
func ExampleLocalDateTimeIn() {
	instant := time.Date(2026, 12, 1, 17, 0, 0, 0, time.UTC)
	tokyo := time.FixedZone("JST", 9*3600)
	fmt.Println(ddm.LocalDateTimeIn(instant, tokyo))
	_, err := ddm.ParseLocalDateTime("2026-12-01T18:00:00Z")
	fmt.Println(err)
	// Output:
	// 2026-12-02T02:00:00
	// ddm: date-time "2026-12-01T18:00:00Z": want exactly yyyy-mm-ddThh:mm:ss with no zone or fraction: invalid local date-time
}

// Automatic downloads off next to enforcement, as the managed OS guidance recommends.
func ExampleNewSettings() {
	s, _ := ddm.NewSettings("", ddm.SettingsPayload{AutomaticActions: &ddm.AutomaticActions{Download: ddm.AlwaysOff}})
	b, _ := s.MarshalJSON()
	fmt.Println(string(b))
	// Output:
	// {"Type":"com.apple.configuration.softwareupdate.settings","Identifier":"managedos.softwareupdate.settings","ServerToken":"f0157d97fff86a26b3a0ee70e401682a","Payload":{"AutomaticActions":{"Download":"AlwaysOff"}}}
}

// A status report reads into typed values.
func ExampleParseStatusReport() {
	report := []byte(`{"StatusItems":{
		"device":{"operating-system":{"version":"13.3.1","build-version":"22E261","supplemental":{"extra-version":"(a)"}}},
		"softwareupdate":{"install-state":"waiting","pending-version":{"os-version":"14.2.1","build-version":"23C71"}}},
		"Errors":[]}`)
	r, err := ddm.ParseStatusReport(report)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(r.OperatingSystem.Version, r.OperatingSystem.Build)
	fmt.Println(r.SoftwareUpdate.InstallState, r.SoftwareUpdate.PendingVersion.OSVersion)
	// Output:
	// 13.3.1 (a) 22E261
	// waiting 14.2.1
}

// Reports are partial: each says what changed. Folded into the Mac's previous
// snapshot, a report that carries only the operating system updates the version and
// build and keeps the rest.
func ExampleStatusReport_MergeInto() {
	prev := compat.Mac{Model: "Mac14,2", Chip: compat.AppleSilicon, Version: compat.MustParseVersion("14.1.1"), Build: compat.MustParseBuild("23B81"), Supervised: compat.FlagTrue}
	r, err := ddm.ParseStatusReport([]byte(`{"StatusItems":{"device":{"operating-system":{"version":"14.2.1","build-version":"23C71"}}}}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	mac := r.MergeInto(prev)
	fmt.Println(mac.Model, mac.Chip, mac.Version, mac.Build, mac.Supervised)
	// Output:
	// Mac14,2 apple-silicon 14.2.1 23C71 true
}
