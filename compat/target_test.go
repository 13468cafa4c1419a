package compat

import (
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fixtureNow is ten days after the fixture's newest release (26.6.2, 2026-08-17).
var fixtureNow = time.Date(2026, 8, 27, 12, 0, 0, 0, time.UTC)

// on returns mac on version v (and build b, when not empty).
func on(mac Mac, v, b string) Mac {
	mac.Version = MustParseVersion(v)
	if b != "" {
		mac.Build = MustParseBuild(b)
	}
	return mac
}

type targetCase struct {
	name   string
	mac    Mac
	policy Policy
	want   string // "compliant" or "version build posted step"
	code   ReasonCode
	says   string // part of the reason's words
}

// check runs one case against cat at now.
func (tt targetCase) check(t *testing.T, cat *Catalog, now time.Time) {
	t.Helper()
	got, err := SelectTarget(tt.mac, cat, tt.policy, now)
	require.NoError(t, err)
	assert.Equal(t, tt.want, describeTarget(got))
	assert.Equal(t, tt.code, got.Reason.Code, "reason %q", got.Reason)
	assert.Contains(t, got.Reason.String(), tt.says)
	if got.Compliant {
		assert.Equal(t, Target{Compliant: true, Reason: got.Reason}, got, "a compliant answer has no target")
	} else {
		assert.Positive(t, got.Version.Compare(tt.mac.Version), "never a downgrade")
		assert.Equal(t, got.Version, got.Reason.Target)
	}
}

func describeTarget(t Target) string {
	if t.Compliant {
		return "compliant"
	}
	s := t.Version.String()
	for _, part := range []string{t.Build.String(), t.Posted.String(), t.Step.String()} {
		if part != "invalid Build" && part != "invalid Date" && part != "" {
			s += " " + part
		}
	}
	return s
}

func minimum(v string) Policy { return Policy{Minimum: MustParseVersion(v)} }

// TestSelectTargetForThePinnedMacs pins what each Mac the issue names can reach
// over the fixture's catalogue.
func TestSelectTargetForThePinnedMacs(t *testing.T) {
	latest := Policy{Latest: true}
	tests := []targetCase{
		{"MacBook Air M2: latest", on(macBookAirM2, "15.7.7", "24G720"), latest, "26.6.2 25G83 2026-08-17", ReasonLatest, `the newest release this Mac can run; hardware support from Apple's catalogue (device ID "J413AP")`},
		{"MacBook Air M2: latest up to Sequoia", on(macBookAirM2, "14.8.7", ""), Policy{Latest: true, MaxMajor: 15}, "15.7.9 24G830 2026-08-06", ReasonLatest, "up to macOS 15"},
		{"MacBook Air M2: latest in its major", on(macBookAirM2, "14.8.7", ""), Policy{LatestInMajor: true}, "14.8.9 23J631 2026-08-06", ReasonLatestInMajor, "the newest release of macOS 14"},
		{"MacBook Air M1 by its model: latest", on(macBookAirM1, "13.7.8", ""), latest, "26.6.2 25G83 2026-08-17", ReasonLatest, `built-in model table for "MacBookAir10,1"`},
		{"iMac 2019: latest is Sequoia", on(iMac2019, "14.8.9", ""), latest, "15.7.9 24G830 2026-08-06", ReasonLatest, "catalogue"},
		{"iMac 2019 on Sequoia's newest is compliant with latest", on(iMac2019, "15.7.9", ""), latest, "compliant", ReasonAtNewest, "macOS 15.7.9 is at or past 15.7.9"},
		{"MacBook Pro 2017: latest is Ventura", on(macBookPro2017, "12.7.6", ""), latest, "13.7.8 22H730 2026-05-18", ReasonLatest, "model table"},
		{"MacBook Pro 16-inch 2019: latest is Tahoe", on(macBookPro16in, "15.7.9", ""), latest, "26.6.2 25G83 2026-08-17", ReasonLatest, "J152FAP"},
		{"an unknown Apple silicon model: chip rules", on(unknownAppleMac, "26.5", ""), latest, "26.6.2 25G83 2026-08-17", ReasonLatest, `chip rules only: model "Mac99,1" is unknown to the library`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { tt.check(t, mustFixture(t), fixtureNow) })
	}
}

func TestSelectTargetMinimum(t *testing.T) {
	tests := []targetCase{
		{"below the minimum", on(macBookAirM2, "15.7.7", ""), minimum("15.7.9"), "15.7.9 24G830 2026-08-06", ReasonMinimum, "below the minimum 15.7.9"},
		{"at the minimum", on(macBookAirM2, "15.7.9", ""), minimum("15.7.9"), "compliant", ReasonAtMinimum, "macOS 15.7.9 is at or past the minimum 15.7.9"},
		{"on a newer major than the minimum", on(macBookAirM2, "26.0", ""), minimum("15.7.9"), "compliant", ReasonAtMinimum, ""},
		{"on a beta past the minimum", on(Mac{Model: "Mac14,2", DeviceID: "J413AP", Beta: FlagTrue}, "27.0", "26A5178f"), minimum("26.6.2"), "compliant", ReasonAtMinimum, ""},
		{"on a release newer than the catalogue knows", on(macBookAirM2, "26.7", ""), minimum("26.6.2"), "compliant", ReasonAtMinimum, ""},
		{"on a background security improvement past the minimum", on(macBookAirM2, "26.3.1 (a)", ""), minimum("26.3.1"), "compliant", ReasonAtMinimum, ""},
		{"a minimum written as a major", on(macBookAirM2, "14.8.9", ""), minimum("15"), "15.7.7 24G720 2026-05-18", ReasonNextSigned, "15.0 is not in Apple's catalogue"},
		{"a minimum written without its patch", on(macBookAirM2, "15.7.8", ""), minimum("15.7"), "compliant", ReasonAtMinimum, ""},
		{"a minimum Apple no longer signs: the oldest signed above it", on(macBookAirM2, "14.8.9", ""), minimum("15.1"), "15.7.7 24G720 2026-05-18", ReasonNextSigned,
			"15.1 is not in Apple's catalogue for this Mac (Apple no longer signs it): 15.7.7 is the oldest release above it this Mac can install"},
		{"the minimum's newest patch", on(macBookAirM2, "14.8.9", ""), Policy{Minimum: MustParseVersion("15.1"), LatestPatch: true}, "15.7.9 24G830 2026-08-06", ReasonLatestPatch,
			"below the minimum 15.1: the newest release of macOS 15 at or past it"},
		{"minimum with latest: the newest", on(macBookAirM2, "14.8.9", ""), Policy{Minimum: MustParseVersion("15.7.9"), Latest: true}, "26.6.2 25G83 2026-08-17", ReasonLatest, ""},
		{"minimum with latest: compliant at the minimum", on(macBookAirM2, "15.7.9", ""), Policy{Minimum: MustParseVersion("15.7.9"), Latest: true}, "compliant", ReasonAtMinimum, ""},
		{"minimum with latest capped below the minimum's patch", on(macBookAirM2, "14.8.9", ""), Policy{Minimum: MustParseVersion("15.7.9"), Latest: true, MaxMajor: 15}, "15.7.9 24G830 2026-08-06", ReasonLatest, "up to macOS 15"},
		{"a minimum newer than the catalogue: the bare version", on(macBookAirM2, "26.6.2", ""), minimum("26.7"), "26.7", ReasonMinimum, "below the minimum 26.7"},
		{"an iMac 2019 below a Sequoia minimum", on(iMac2019, "13.7.8", ""), minimum("15.7.9"), "15.7.9 24G830 2026-08-06", ReasonMinimum, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { tt.check(t, mustFixture(t), fixtureNow) })
	}
}

func TestSelectTargetFloors(t *testing.T) {
	floors := Policy{Minimum: MustParseVersion("26.6.2"), Floors: []Floor{
		{14, MustParseVersion("14.8.9")}, {15, MustParseVersion("15.7.9")},
	}}
	onlyFloors := Policy{Floors: floors.Floors}
	tests := []targetCase{
		{"a Mac on 14 below its floor", on(macBookAirM2, "14.8.7", ""), floors, "14.8.9 23J631 2026-08-06", ReasonFloor, "below the floor 14.8.9 for macOS 14"},
		{"a Mac on 15 at its floor", on(macBookAirM2, "15.7.9", ""), floors, "compliant", ReasonAtFloor, "macOS 15.7.9 is at or past the floor 15.7.9 for macOS 15"},
		{"a Mac on 13 follows the minimum", on(macBookAirM2, "13.7.8", ""), floors, "26.6.2 25G83 2026-08-17", ReasonMinimum, ""},
		{"a Mac on 26 follows the minimum", on(macBookAirM2, "26.5", ""), floors, "26.6.2 25G83 2026-08-17", ReasonMinimum, ""},
		{"only floors: a Mac on a major without one", on(macBookAirM2, "13.7.8", ""), onlyFloors, "compliant", ReasonNoPolicy, "no floor for macOS 13"},
		{"an iMac 2019 on 15 meets its floor though Tahoe is the minimum", on(iMac2019, "15.7.8", ""), floors, "15.7.9 24G830 2026-08-06", ReasonFloor, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { tt.check(t, mustFixture(t), fixtureNow) })
	}
}

// TestSelectTargetDelayBoundary: with a delay of 10 days, 26.6.2 (posted
// 2026-08-17) counts from 2026-08-27T00:00:00Z, UTC, and not a second before.
func TestSelectTargetDelayBoundary(t *testing.T) {
	mac := on(macBookAirM2, "26.5", "")
	delayed := func(days int) Policy { return Policy{Latest: true, DelayDays: days} }
	tests := []struct {
		name   string
		now    time.Time
		policy Policy
		want   string
	}{
		{"posted exactly 10 days ago counts", time.Date(2026, 8, 27, 0, 0, 0, 0, time.UTC), delayed(10), "26.6.2 25G83 2026-08-17"},
		{"a second before does not", time.Date(2026, 8, 26, 23, 59, 59, 0, time.UTC), delayed(10), "26.6.1 25G76 2026-08-06"},
		{"days are UTC days", time.Date(2026, 8, 27, 1, 0, 0, 0, time.FixedZone("CEST", 2*3600)), delayed(10), "26.6.1 25G76 2026-08-06"},
		{"the earliest posting date counts (AssetSets 26.6.1: 08-06)", time.Date(2026, 8, 16, 0, 0, 0, 0, time.UTC), delayed(10), "26.6.1 25G76 2026-08-06"},
		{"a day earlier, 26.6 (07-27)", time.Date(2026, 8, 15, 0, 0, 0, 0, time.UTC), delayed(10), "26.6 25G72 2026-07-27"},
		{"no delay: posted today counts", time.Date(2026, 8, 17, 0, 0, 0, 0, time.UTC), delayed(0), "26.6.2 25G83 2026-08-17"},
		{"no delay: posted tomorrow does not", time.Date(2026, 8, 16, 23, 0, 0, 0, time.UTC), delayed(0), "26.6.1 25G76 2026-08-06"},
		{"a delay that leaves nothing newer", time.Date(2026, 8, 27, 0, 0, 0, 0, time.UTC), delayed(200), "compliant"},
		{"latest patch delayed", time.Date(2026, 8, 26, 0, 0, 0, 0, time.UTC), Policy{Minimum: MustParseVersion("26.6"), LatestPatch: true, DelayDays: 10}, "26.6.1 25G76 2026-08-06"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := SelectTarget(mac, mustFixture(t), tt.policy, tt.now)
			require.NoError(t, err)
			assert.Equal(t, tt.want, describeTarget(got))
			if tt.policy.DelayDays > 0 && !got.Compliant {
				assert.Contains(t, got.Reason.String(), "among releases posted at least")
			}
		})
	}
}

func TestSelectTargetBackgroundSecurityImprovements(t *testing.T) {
	bsi := minimum("26.3.1 (a)")
	tests := []targetCase{
		{"on the prerequisite build of a listed device", on(macBookAirM2, "26.3.1", "25D2128"), bsi, "26.3.1 (a) 25D771280a 2026-03-17", ReasonBSI,
			"the background security improvement 26.3.1 (a) installs on the build this Mac runs (25D2128)"},
		{"already on it", on(macBookAirM2, "26.3.1 (a)", "25D771280a"), bsi, "compliant", ReasonAtMinimum, ""},
		{"on another build of the base: the next release", on(macBookAirM2, "26.3.1", "25D2125"), bsi, "26.5 25F71 2026-05-18", ReasonNextSigned,
			"26.3.1 (a) installs only on another build of this Mac's version: 26.5 is the oldest release above it"},
		{"below a base Apple no longer signs: the next release", on(macBookAirM2, "26.2", "25C56"), bsi, "26.5 25F71 2026-05-18", ReasonNextSigned,
			"installs only on a base that Apple no longer signs"},
		{"a device the improvement does not list", on(Mac{Model: "Mac15,13", DeviceID: "J700AP"}, "26.3.1", "25D2128"), bsi, "26.5 25F71 2026-05-18", ReasonNextSigned,
			"is not offered to this Mac's device ID"},
		{"a Mac without a device ID cannot be matched to the list", on(macBookAirM1, "26.3.1", "25D2128"), bsi, "26.5 25F71 2026-05-18", ReasonNextSigned, ""},
		{"an improvement the catalogue does not have", on(macBookAirM2, "26.5", ""), minimum("26.5 (a)"), "26.5.1 25F80 2026-06-01", ReasonNextSigned, "26.5 (a) is not in Apple's catalogue"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { tt.check(t, mustFixture(t), fixtureNow) })
	}
}

// twoStepFeed is a feed, written for this test, where Apple still signs the base
// of an improvement, and the newest release has an improvement of its own.
const twoStepFeed = `{"AssetSets":{"macOS":[
 {"ProductVersion":"26.3.1","Build":"25D2128","PostingDate":"2026-03-04","SupportedDevices":["J413AP","J700AP"]},
 {"ProductVersion":"26.4","Build":"25E246","PostingDate":"2026-03-24","SupportedDevices":["J413AP","J700AP"]}]},
 "PublicBackgroundSecurityImprovements":{"macOS":[
 {"ProductVersion":"26.3.1","ProductVersionExtra":"(a)","Build":"25D771280a","PrerequisiteBuild":"25D2128","PostingDate":"2026-03-17","SupportedDevices":["J413AP"]},
 {"ProductVersion":"26.4","ProductVersionExtra":"(a)","Build":"25E246001a","PrerequisiteBuild":"25E246","PostingDate":"2026-04-01","SupportedDevices":["J413AP"]}]}}`

func TestSelectTargetTwoStepImprovement(t *testing.T) {
	c, err := ParseCatalog([]byte(twoStepFeed))
	require.NoError(t, err)
	tests := []targetCase{
		{"below the base: step 1 of 2 is the base", on(macBookAirM2, "26.2", "25C56"), minimum("26.3.1 (a)"), "26.3.1 25D2128 2026-03-04 1/2", ReasonBSIBase,
			"step 1 of 2: the background security improvement 26.3.1 (a) installs only on 26.3.1 (25D2128), so this Mac reaches 26.3.1 first and the improvement second"},
		{"on the base: step 2 is the improvement", on(macBookAirM2, "26.3.1", "25D2128"), minimum("26.3.1 (a)"), "26.3.1 (a) 25D771280a 2026-03-17", ReasonBSI, ""},
		{"a device the improvement does not list skips to the next release", on(Mac{Model: "Mac15,13", DeviceID: "J700AP"}, "26.2", ""), minimum("26.3.1 (a)"), "26.4 25E246 2026-03-24", ReasonNextSigned, ""},
		{"latest includes the improvement on the newest release, in two steps", on(macBookAirM2, "26.3.1", "25D2128"), Policy{Latest: true}, "26.4 25E246 2026-03-24 1/2", ReasonBSIBase, "26.4 (a)"},
		{"latest on the newest base: the improvement", on(macBookAirM2, "26.4", "25E246"), Policy{Latest: true}, "26.4 (a) 25E246001a 2026-04-01", ReasonBSI, ""},
		{"latest for a device the improvement does not list", on(Mac{Model: "Mac15,13", DeviceID: "J700AP"}, "26.3.1", ""), Policy{Latest: true}, "26.4 25E246 2026-03-24", ReasonLatest, ""},
		{"latest on the newest base, another build", on(macBookAirM2, "26.4", "25E247"), Policy{Latest: true}, "compliant", ReasonAtNewest, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { tt.check(t, c, fixtureNow) })
	}
	// A delay that the improvement has not yet passed leaves the base as newest.
	got, err := SelectTarget(on(macBookAirM2, "26.4", "25E246"), c, Policy{Latest: true, DelayDays: 10}, time.Date(2026, 4, 5, 0, 0, 0, 0, time.UTC))
	require.NoError(t, err)
	assert.True(t, got.Compliant)
}

func TestSelectTargetWithoutACatalogue(t *testing.T) {
	tests := []targetCase{
		{"a minimum from the model table", on(Mac{Model: "iMac19,1"}, "14.8.9", ""), minimum("15.7.9"), "15.7.9", ReasonMinimum,
			`below the minimum 15.7.9; hardware support from the built-in model table for "iMac19,1" (knowledge of 2026-08-22); without Apple's catalogue, so no build or posting date`},
		{"an improvement below its base: step 1 of 2", on(macBookAirM2, "26.2", ""), minimum("26.3.1 (a)"), "26.3.1 1/2", ReasonBSIBase, "step 1 of 2"},
		{"an improvement on its base", on(macBookAirM2, "26.3.1", ""), minimum("26.3.1 (a)"), "26.3.1 (a)", ReasonMinimum, ""},
		{"an Apple silicon Mac known by its chip only", on(Mac{Chip: AppleSilicon}, "26.6.2", ""), minimum("27.0"), "27.0", ReasonMinimum, "chip rules only"},
		{"a floor", on(Mac{Model: "Mac14,2"}, "14.2", ""), Policy{Floors: []Floor{{14, MustParseVersion("14.8.9")}}}, "14.8.9", ReasonFloor, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { tt.check(t, nil, fixtureNow) })
	}
}

func TestSelectTargetRefuses(t *testing.T) {
	c := mustFixture(t)
	tests := []struct {
		name   string
		mac    Mac
		cat    *Catalog
		policy Policy
		err    error
		says   string
	}{
		{"Tahoe on an iMac 2019", on(iMac2019, "15.7.8", ""), c, minimum("26"), ErrUnsupportedHardware, "the newest it can run is macOS 15.7.9 (24G830, per Apple's catalogue)"},
		{"Tahoe on an iMac 2019 even with latest", on(iMac2019, "14.8.9", ""), c, Policy{Minimum: MustParseVersion("26.6.2"), Latest: true}, ErrUnsupportedHardware, "cannot run macOS 26.6.2"},
		{"Sonoma on a MacBook Pro 2017", on(macBookPro2017, "13.7.8", ""), c, minimum("14.8.9"), ErrUnsupportedHardware, `model "MacBookPro14,1") cannot run macOS 14.8.9: the newest it can run is macOS 13 (built-in model table`},
		{"Sonoma on a MacBook Pro 2017 without a catalogue", on(macBookPro2017, "13.7.8", ""), nil, minimum("14"), ErrUnsupportedHardware, "macOS 13"},
		{"macOS 27 on an Intel Mac", on(macBookPro16in, "26.6.2", ""), c, minimum("27"), ErrUnsupportedHardware, "cannot run macOS 27"},
		{"macOS 27 on an Intel Mac known by its chip", on(Mac{Chip: Intel}, "26.6.2", ""), nil, minimum("27"), ErrUnsupportedHardware, "this Intel Mac cannot run macOS 27"},
		{"an improvement on another build with nothing after it", on(macBookAirM2, "26.6.2", "25G80"), mustParse(t, `{"AssetSets":{"macOS":[{"ProductVersion":"26.6.2","Build":"25G83","SupportedDevices":["J413AP"]}]},"PublicBackgroundSecurityImprovements":{"macOS":[{"ProductVersion":"26.6.2","ProductVersionExtra":"(a)","Build":"25G83001a","PrerequisiteBuild":"25G83","SupportedDevices":["J413AP"]}]}}`),
			minimum("26.6.2 (a)"), ErrUnsupportedHardware, "cannot reach macOS 26.6.2 (a), which installs only on another build of this Mac's version"},
		{"latest without a catalogue", on(macBookAirM2, "26.5", ""), nil, Policy{Latest: true}, ErrNoCatalog, "pick from Apple's catalogue"},
		{"a contradiction", on(macBookAirM2, "26.5", ""), c, Policy{Latest: true, LatestInMajor: true}, ErrInvalidPolicy, "Latest, LatestInMajor"},
		{"the Mac's version unknown", Mac{Model: "Mac14,2"}, c, minimum("26"), ErrInvalidVersion, "not known"},
		{"no chip and an unknown model", on(Mac{Model: "iPhone15,2"}, "26.5", ""), c, minimum("26.6"), ErrUnknownChip, `"iPhone15,2"`},
		{"picking at the zero time", on(macBookAirM2, "26.5", ""), c, Policy{Latest: true}, ErrInvalidDate, "zero time"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			now := fixtureNow
			if errors.Is(tt.err, ErrInvalidDate) {
				now = time.Time{}
			}
			got, err := SelectTarget(tt.mac, tt.cat, tt.policy, now)
			require.ErrorIs(t, err, tt.err)
			assert.Equal(t, Target{}, got, "no half answer")
			assert.Contains(t, err.Error(), tt.says)
		})
	}
}

func mustParse(t *testing.T, feed string) *Catalog {
	t.Helper()
	c, err := ParseCatalog([]byte(feed))
	require.NoError(t, err)
	return c
}

func TestSelectTargetDoesNotAllocate(t *testing.T) {
	c := mustFixture(t)
	cases := []struct {
		mac Mac
		p   Policy
	}{
		{on(macBookAirM2, "15.7.7", "24G720"), Policy{Latest: true, DelayDays: 7}},
		{on(iMac2019, "14.8.9", ""), Policy{Minimum: MustParseVersion("15.1"), LatestPatch: true}},
		{on(macBookPro2017, "12.7.6", ""), Policy{Floors: []Floor{{12, MustParseVersion("12.7.6")}}, Minimum: MustParseVersion("13.7.8")}},
		{on(macBookAirM2, "26.3.1", "25D2128"), minimum("26.3.1 (a)")},
		{on(macBookAirM2, "26.6.2", ""), Policy{LatestInMajor: true}},
	}
	for _, tc := range cases {
		allocs := testing.AllocsPerRun(100, func() {
			if _, err := SelectTarget(tc.mac, c, tc.p, fixtureNow); err != nil {
				t.Fatal(err)
			}
		})
		assert.Zero(t, allocs, "%+v", tc.p)
	}
}

func TestPolicyValidate(t *testing.T) {
	v := MustParseVersion
	tests := []struct {
		name   string
		p      Policy
		fields []string
	}{
		{"nothing asked", Policy{}, []string{"Minimum", "Latest", "LatestInMajor", "Floors"}},
		{"latest and latest in major", Policy{Latest: true, LatestInMajor: true}, []string{"Latest", "LatestInMajor"}},
		{"latest patch without a minimum", Policy{LatestPatch: true, Latest: true}, []string{"LatestPatch", "Minimum"}},
		{"latest patch with latest", Policy{Minimum: v("15"), LatestPatch: true, Latest: true}, []string{"LatestPatch", "Latest"}},
		{"minimum with latest in major", Policy{Minimum: v("15"), LatestInMajor: true}, []string{"Minimum", "LatestInMajor"}},
		{"max major without latest", Policy{Minimum: v("15"), MaxMajor: 15}, []string{"MaxMajor", "Latest"}},
		{"max major too small", Policy{Latest: true, MaxMajor: 10}, []string{"MaxMajor"}},
		{"max major below the minimum", Policy{Minimum: v("26"), Latest: true, MaxMajor: 15}, []string{"Minimum", "MaxMajor"}},
		{"a negative delay", Policy{Latest: true, DelayDays: -1}, []string{"DelayDays"}},
		{"a delay with nothing to delay", Policy{Minimum: v("15"), DelayDays: 7}, []string{"DelayDays"}},
		{"a floor outside its major", Policy{Floors: []Floor{{14, v("15.7.9")}}}, []string{"Floors"}},
		{"a floor before 11", Policy{Floors: []Floor{{10, v("10.15.7")}}}, []string{"Floors"}},
		{"two floors for one major", Policy{Floors: []Floor{{14, v("14.8")}, {14, v("14.8.9")}}}, []string{"Floors"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.p.Validate()
			require.ErrorIs(t, err, ErrInvalidPolicy)
			var pe *PolicyError
			require.ErrorAs(t, err, &pe)
			assert.Equal(t, tt.fields, pe.Fields)
			assert.Contains(t, err.Error(), "compat: policy: ")
		})
	}
	for _, p := range []Policy{
		{Minimum: v("15.7.9")},
		{Minimum: v("15.1"), LatestPatch: true, DelayDays: 3},
		{Minimum: v("15"), Latest: true, MaxMajor: 26, DelayDays: 7},
		{LatestInMajor: true},
		{Floors: []Floor{{14, v("14.8.9")}, {15, v("15.7.9")}}},
	} {
		assert.NoError(t, p.Validate(), "%+v", p)
	}
}

func TestTargetAndReasonText(t *testing.T) {
	got, err := SelectTarget(on(macBookAirM2, "26.2", "25C56"), mustParse(t, twoStepFeed), minimum("26.3.1 (a)"), fixtureNow)
	require.NoError(t, err)
	b, err := got.Step.MarshalText()
	require.NoError(t, err)
	assert.Equal(t, "1/2", string(b))
	assert.Equal(t, "", Step{}.String())
	text, err := got.Reason.MarshalText()
	require.NoError(t, err)
	assert.Equal(t, got.Reason.String(), string(text))

	for c := ReasonNone; c <= ReasonNextSigned; c++ {
		text, err := c.MarshalText()
		require.NoError(t, err)
		var back ReasonCode
		require.NoError(t, back.UnmarshalText(text))
		assert.Equal(t, c, back)
	}
	assert.Equal(t, "none", Reason{}.String())
	var c ReasonCode
	assert.Error(t, c.UnmarshalText([]byte("because")))
}

func TestSelectTargetIsSafeForConcurrentUse(t *testing.T) {
	c := mustFixture(t)
	want, err := SelectTarget(on(macBookAirM2, "15.7.7", ""), c, Policy{Latest: true}, fixtureNow)
	require.NoError(t, err)
	done := make(chan Target)
	for range 4 {
		go func() {
			var got Target
			for range 100 {
				got, _ = SelectTarget(on(macBookAirM2, "15.7.7", ""), c, Policy{Latest: true}, fixtureNow)
				_ = c.ReleasesFor("J413AP")
			}
			done <- got
		}()
	}
	for range 4 {
		assert.Equal(t, want, <-done)
	}
}

func TestPolicyIsZeroOnlyWhenNothingIsSet(t *testing.T) {
	assert.True(t, Policy{}.IsZero())
	for _, p := range []Policy{{Minimum: MustParseVersion("15.1")}, {Latest: true}, {LatestInMajor: true}, {LatestPatch: true},
		{MaxMajor: 15}, {DelayDays: 7}, {Floors: []Floor{{Major: 15, Version: MustParseVersion("15.7.9")}}}} {
		assert.Falsef(t, p.IsZero(), "%+v", p)
	}
}
