package rollout

import (
	"encoding/json"
	"os"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/managedos/managedos/compat"
	"github.com/managedos/managedos/mdmcmd"
	"github.com/managedos/managedos/mechanism"
)

// The MachineInfo samples and Apple's feed live with the packages that read them;
// see mdmcmd/testdata/SOURCES.md and compat/testdata/SOURCES.md.
const (
	mdmcmdTestdata = "../mdmcmd/testdata/"
	fixtureFeed    = "../compat/testdata/gdmf_pmv_sofa_cached.json"
)

// enrollNow is a day after the feed's newest posting.
var enrollNow = time.Date(2026, 8, 27, 0, 0, 0, 0, time.UTC)

// sampleInfo reads one of mdmcmd's MachineInfo samples.
func sampleInfo(t testing.TB, name string) *mdmcmd.MachineInfo {
	t.Helper()
	data, err := os.ReadFile(mdmcmdTestdata + name)
	require.NoError(t, err)
	info, err := mdmcmd.ParseMachineInfo(data)
	require.NoError(t, err)
	return info
}

// feed reads Apple's feed fixture.
func feed(t testing.TB) *compat.Catalog {
	t.Helper()
	data, err := os.ReadFile(fixtureFeed)
	require.NoError(t, err)
	cat, err := compat.ParseCatalog(data)
	require.NoError(t, err)
	return cat
}

// twoStepFeed has a Background Security Improvement and the base it installs on.
func twoStepFeed(t testing.TB) *compat.Catalog {
	t.Helper()
	cat, err := compat.ParseCatalog([]byte(`{"AssetSets":{"macOS":[
		{"ProductVersion":"26.3.1","Build":"25D2128","PostingDate":"2026-03-04","SupportedDevices":["J413AP","J604AP"]}]},
		"PublicBackgroundSecurityImprovements":{"macOS":[
		{"ProductVersion":"26.3.1","ProductVersionExtra":"(a)","Build":"25D771280a","PrerequisiteBuild":"25D2128","PostingDate":"2026-03-17","SupportedDevices":["J413AP","J604AP"]}]}}`))
	require.NoError(t, err)
	return cat
}

// minimum is a policy with only a minimum.
func minimum(v string) compat.Policy { return compat.Policy{Minimum: compat.MustParseVersion(v)} }

func TestEnrollGateDecidesForEachSample(t *testing.T) {
	cat := feed(t)
	tests := []struct {
		name    string
		file    string
		gate    EnrollGate
		want    Enrollment // Reason, Body and Warning.Message are checked apart
		says    []string   // in Reason
		warning []string   // in Warning.Message
	}{
		{
			name: "a compliant Mac enrolls",
			file: "machineinfo_mac16_1_bsi_26_3_1a.plist",
			gate: EnrollGate{Policy: minimum("15.7.9"), Catalog: cat},
			want: Enrollment{Action: LetEnroll, Code: EnrollCompliant, Compliant: compat.FlagTrue},
			says: []string{"macOS 26.3.1 (a) (25D771280a) meets the policy: macOS 26.3.1 (a) is at or past the minimum 15.7.9"},
		},
		{
			name: "a 14.4 Mac below the minimum 15.7.9 gets the 403 with the build from the feed",
			file: "machineinfo_mac14_2_macos14_4.plist",
			gate: EnrollGate{Policy: minimum("15.7.9"), Catalog: cat},
			want: Enrollment{Action: RequireUpdate, Code: EnrollBelowTarget, Compliant: compat.FlagFalse,
				Target: compat.MustParseVersion("15.7.9"), Build: compat.MustParseBuild("24G830")},
			says: []string{"macOS 14.4 (23E214) must update to 15.7.9 (24G830) before it enrolls: below the minimum 15.7.9", `device ID "J413AP"`},
		},
		{
			name: "without a feed the 403 names no build",
			file: "machineinfo_mac14_2_macos14_4.plist",
			gate: EnrollGate{Policy: minimum("15.7.9")},
			want: Enrollment{Action: RequireUpdate, Code: EnrollBelowTarget, Compliant: compat.FlagFalse,
				Target: compat.MustParseVersion("15.7.9")},
			says: []string{"must update to 15.7.9 before it enrolls", "without Apple's catalogue"},
		},
		{
			name: "a 13.6 Mac enrolls: it cannot be asked, and MDM commands update it afterwards",
			file: "machineinfo_macos13_6_build_only.plist",
			gate: EnrollGate{Policy: minimum("15.7.9"), Catalog: cat},
			want: Enrollment{Action: LetEnroll, Code: EnrollBeforeMacOS14, Compliant: compat.FlagFalse,
				Target: compat.MustParseVersion("15.7.9"), Build: compat.MustParseBuild("24G830"), Delivery: mechanism.MDMCommands},
			says: []string{"macOS 13 (22G120), exact version unknown", "a Mac before macOS 14 cannot be asked to update before it enrolls",
				"mdm-commands takes it to 15.7.9 (24G830) after enrollment (macOS 13.x, major upgrade: ScheduleOSUpdate"},
		},
		{
			name: "a 13.x Mac of unknown exact version may already meet a minimum of its own major",
			file: "machineinfo_macos13_6_build_only.plist",
			gate: EnrollGate{Policy: minimum("13.5")},
			want: Enrollment{Action: LetEnroll, Code: EnrollBeforeMacOS14, Compliant: compat.FlagUnknown,
				Target: compat.MustParseVersion("13.5"), Delivery: mechanism.MDMCommands},
			says: []string{"exact version unknown", "if it runs below 13.5, mdm-commands takes it to 13.5 after enrollment"},
		},
		{
			name: "every 13.x meets a minimum of an older major",
			file: "machineinfo_macos13_6_build_only.plist",
			gate: EnrollGate{Policy: minimum("12.7.6")},
			want: Enrollment{Action: LetEnroll, Code: EnrollCompliant, Compliant: compat.FlagTrue},
			says: []string{"exact version unknown", "every macOS 13 is at or past 12.7.6, which the policy asks for (at-minimum)"},
		},
		{
			name: "a Mac that says MDM_CAN_REQUEST_SOFTWARE_UPDATE false enrolls, and DDM updates it afterwards",
			file: "machineinfo_mac15_3_flag_false.plist",
			gate: EnrollGate{Policy: minimum("15.7.9"), Catalog: cat},
			want: Enrollment{Action: LetEnroll, Code: EnrollCannotRequest, Compliant: compat.FlagFalse,
				Target: compat.MustParseVersion("15.7.9"), Build: compat.MustParseBuild("24G830"), Delivery: mechanism.DDM},
			says: []string{"macOS 14.6.1 (23G93): the Mac sends MDM_CAN_REQUEST_SOFTWARE_UPDATE false, so it cannot be asked to update before it enrolls; it enrolls, and ddm takes it to 15.7.9 (24G830) after enrollment"},
		},
		{
			name: "an Intel iMac19,1 with minimum 26 enrolls with a warning naming the newest it can reach",
			file: "machineinfo_imac19_1_macos15.plist",
			gate: EnrollGate{Policy: minimum("26"), Catalog: cat},
			want: Enrollment{Action: LetEnroll, Code: EnrollUnsupportedHardware, Compliant: compat.FlagFalse,
				Warning: EnrollWarning{Code: EnrollUnsupportedHardware}},
			says:    []string{"macOS 15.7.9 (24G830): the policy asks for more than this Mac can reach"},
			warning: []string{`model "iMac19,1"`, "cannot run macOS 26.0", "the newest it can run is macOS 15.7.9 (24G830, per Apple's catalogue)"},
		},
		{
			name: "without a feed the warning names the newest major from the model table",
			file: "machineinfo_imac19_1_macos15.plist",
			gate: EnrollGate{Policy: minimum("26")},
			want: Enrollment{Action: LetEnroll, Code: EnrollUnsupportedHardware, Compliant: compat.FlagFalse,
				Warning: EnrollWarning{Code: EnrollUnsupportedHardware}},
			warning: []string{"the newest it can run is macOS 15 (built-in model table"},
		},
		{
			name: "an unknown PRODUCT falls back to the chip rules and says so",
			file: "machineinfo_unknown_product.plist",
			gate: EnrollGate{Policy: minimum("26.6.2"), Catalog: cat},
			want: Enrollment{Action: RequireUpdate, Code: EnrollBelowTarget, Compliant: compat.FlagFalse,
				Target: compat.MustParseVersion("26.6.2"), Build: compat.MustParseBuild("25G83")},
			says: []string{`chip rules only: model "MacBookPro19,1" is unknown to the library`,
				`PRODUCT "MacBookPro19,1" names no chip the library knows, and Apple silicon and Intel get the same answer`},
		},
		{
			name: "an unknown PRODUCT enrolls with a warning when the answer depends on its chip",
			file: "machineinfo_unknown_product.plist",
			gate: EnrollGate{Policy: minimum("27")},
			want: Enrollment{Action: LetEnroll, Code: EnrollUnknownChip, Compliant: compat.FlagFalse,
				Warning: EnrollWarning{Code: EnrollUnknownChip}},
			says:    []string{`PRODUCT "MacBookPro19,1" names no chip the library knows, and the policy's answer depends on the chip`},
			warning: []string{"on Apple silicon the policy asks for 27.0, on Intel its hardware cannot reach what the policy asks"},
		},
		{
			name: "a Mac below the base of an improvement is asked for the base first",
			file: "machineinfo_mac14_2_macos14_4.plist",
			gate: EnrollGate{Policy: minimum("26.3.1 (a)"), Catalog: twoStepFeed(t)},
			want: Enrollment{Action: RequireUpdate, Code: EnrollBelowTarget, Compliant: compat.FlagFalse,
				Target: compat.MustParseVersion("26.3.1"), Build: compat.MustParseBuild("25D2128"), Step: compat.Step{N: 1, Of: 2}},
			says: []string{"must update to 26.3.1 (25D2128) before it enrolls: step 1 of 2: the background security improvement 26.3.1 (a) installs only on 26.3.1"},
		},
		{
			name: "a Mac already past what the policy picks is never asked for an older version",
			file: "machineinfo_mac16_1_bsi_26_3_1a.plist",
			gate: EnrollGate{Policy: compat.Policy{LatestInMajor: true, DelayDays: 180}, Catalog: cat},
			want: Enrollment{Action: LetEnroll, Code: EnrollCompliant, Compliant: compat.FlagTrue},
			says: []string{"no release the policy picks for this Mac is newer than macOS 26.3.1 (a)"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			info := sampleInfo(t, tt.file)
			got, err := tt.gate.Decide(info, enrollNow)
			require.NoError(t, err)
			for _, s := range tt.says {
				assert.Contains(t, got.Reason, s)
			}
			for _, s := range tt.warning {
				assert.Contains(t, got.Warning.Message, s)
			}
			if got.RequiresUpdate() {
				want, err := info.RequireUpdate(tt.want.Target, tt.want.Build, mdmcmd.RequiredOptions{})
				require.NoError(t, err)
				assert.Equal(t, want, got.Body)
			} else {
				assert.Zero(t, got.Body, "no body for a Mac that enrolls")
			}
			got.Reason, got.Body, got.Warning.Message = "", mdmcmd.SoftwareUpdateRequired{}, ""
			assert.Equal(t, tt.want, got)
		})
	}
}

// enrollingMac is a MachineInfo of a Mac on macOS 14 or later that may be asked.
func enrollingMac(product, deviceID, version, build, supplemental string) *mdmcmd.MachineInfo {
	info := &mdmcmd.MachineInfo{Product: product, SoftwareUpdateDeviceID: deviceID,
		OSVersion: compat.MustParseVersion(version), Build: compat.MustParseBuild(build),
		MDMCanRequestSoftwareUpdate: compat.FlagTrue}
	if supplemental != "" {
		info.SupplementalBuild = compat.MustParseBuild(supplemental)
	}
	return info
}

func TestEnrollGateAsksForAnImprovementOnItsBase(t *testing.T) {
	gate := EnrollGate{Policy: minimum("26.3.1 (a)"), Catalog: twoStepFeed(t), Message: "Updating macOS first"}
	got, err := gate.Decide(enrollingMac("Mac14,2", "J413AP", "26.3.1", "25D2128", ""), enrollNow)
	require.NoError(t, err)
	require.True(t, got.RequiresUpdate(), got.Reason)
	assert.Equal(t, compat.Step{}, got.Step)
	body, contentType, err := got.Body.Encode(mdmcmd.FormatJSON)
	require.NoError(t, err)
	assert.Equal(t, "application/json", contentType)
	assert.JSONEq(t, `{"code":"com.apple.softwareupdate.required","message":"Updating macOS first",
		"details":{"OSVersion":"26.3.1 (a)","BuildVersion":"25D771280a"}}`, string(body))
	assert.Contains(t, got.Reason, "the background security improvement 26.3.1 (a) installs on the build this Mac runs (25D2128)")
}

func TestEnrollGateBodyEncodesAsAPlist(t *testing.T) {
	got, err := EnrollGate{Policy: minimum("15.7.9"), Catalog: feed(t)}.Decide(sampleInfo(t, "machineinfo_mac14_2_macos14_4.plist"), enrollNow)
	require.NoError(t, err)
	body, contentType, err := got.Body.Encode(mdmcmd.FormatPlist)
	require.NoError(t, err)
	assert.Equal(t, "application/xml", contentType)
	assert.Contains(t, string(body), "<key>OSVersion</key>\n\t\t\t<string>15.7.9</string>")
	back, err := mdmcmd.ParseSoftwareUpdateRequired(body)
	require.NoError(t, err)
	assert.Equal(t, got.Body, back)
}

func TestEnrollGateSaysWhatTheMacSentInsteadOfTheFlag(t *testing.T) {
	info := enrollingMac("Mac14,2", "J413AP", "14.4", "23E214", "")
	info.MDMCanRequestSoftwareUpdate = compat.FlagUnknown
	got, err := EnrollGate{Policy: minimum("15.7.9")}.Decide(info, enrollNow)
	require.NoError(t, err)
	assert.Equal(t, EnrollCannotRequest, got.Code)
	assert.Equal(t, mechanism.DDM, got.Delivery)
	assert.Contains(t, got.Reason, "sends no MDM_CAN_REQUEST_SOFTWARE_UPDATE (false, as Apple's schema says)")
}

func TestEnrollGateNamesTheDeliveryForAnUnknownModelWhenBothChipsAgree(t *testing.T) {
	info := enrollingMac("MacBookPro19,1", "J999AP", "26.1", "25B78", "")
	info.MDMCanRequestSoftwareUpdate = compat.FlagFalse
	got, err := EnrollGate{Policy: minimum("26.6.2"), Catalog: feed(t)}.Decide(info, enrollNow)
	require.NoError(t, err)
	assert.Equal(t, EnrollCannotRequest, got.Code)
	assert.Equal(t, mechanism.DDM, got.Delivery)
	assert.Contains(t, got.Reason, "ddm takes it to 26.6.2 (25G83) after enrollment")
	assert.Contains(t, got.Reason, "Apple silicon and Intel get the same answer")
}

func TestEnrollGateSaysWhenTheDeliveryDependsOnAnUnknownChip(t *testing.T) {
	info := &mdmcmd.MachineInfo{Product: "MacBookPro19,1", Build: compat.MustParseBuild("21H1320")} // 12.7.6
	got, err := EnrollGate{Policy: minimum("13.7.8")}.Decide(info, enrollNow)
	require.NoError(t, err)
	assert.Equal(t, EnrollBeforeMacOS14, got.Code)
	assert.Equal(t, compat.MustParseVersion("13.7.8"), got.Target)
	assert.Equal(t, mechanism.DeliveryNone, got.Delivery, "MDM commands on Apple silicon, startosinstall on Intel")
	assert.Contains(t, got.Reason, "the delivery to 13.7.8 after enrollment depends on its chip")
}

func TestEnrollGateKnowsAnOldMacsVersionFromItsBuild(t *testing.T) {
	info := &mdmcmd.MachineInfo{Product: "MacBookPro18,3", Build: compat.MustParseBuild("22H730")} // 13.7.8
	tests := []struct {
		name      string
		policy    compat.Policy
		code      EnrollCode
		compliant compat.Flag
		says      string
	}{
		{"at the minimum", minimum("13.7.8"), EnrollCompliant, compat.FlagTrue,
			"macOS 13.7.8 (22H730), known from its build (the Mac sends OS_VERSION only from macOS 14) meets the policy: macOS 13.7.8 is at or past the minimum 13.7.8"},
		{"below a minimum of the next major", minimum("14.8.9"), EnrollBeforeMacOS14, compat.FlagFalse,
			"mdm-commands takes it to 14.8.9 after enrollment"},
		{"a rapid security response on its version would not show", minimum("13.7.8 (a)"), EnrollBeforeMacOS14, compat.FlagUnknown,
			"if it runs below 13.7.8 (a), mdm-commands takes it to 13.7.8 (a) after enrollment"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := EnrollGate{Policy: tt.policy}.Decide(info, enrollNow)
			require.NoError(t, err)
			assert.Equal(t, LetEnroll, got.Action)
			assert.Equal(t, tt.code, got.Code)
			assert.Equal(t, tt.compliant, got.Compliant)
			assert.Contains(t, got.Reason, tt.says)
		})
	}
}

func TestEnrollGateLetsInAMacOfNoKnownRelease(t *testing.T) {
	info := &mdmcmd.MachineInfo{Product: "Mac14,2", Build: compat.MustParseBuild("3A100")}
	got, err := EnrollGate{Policy: minimum("15.7.9")}.Decide(info, enrollNow)
	require.NoError(t, err)
	assert.Equal(t, LetEnroll, got.Action)
	assert.Equal(t, EnrollBeforeMacOS14, got.Code)
	assert.Equal(t, compat.FlagUnknown, got.Compliant)
	assert.Contains(t, got.Reason, "build 3A100, of no macOS release the library knows, which cannot be asked")
}

func TestEnrollGateRefusesWhatItCannotDecideOn(t *testing.T) {
	info := sampleInfo(t, "machineinfo_mac14_2_macos14_4.plist")
	tests := []struct {
		name string
		gate EnrollGate
		info *mdmcmd.MachineInfo
		now  time.Time
		want error
	}{
		{"no machine info", EnrollGate{Policy: minimum("15")}, nil, enrollNow, mdmcmd.ErrInvalidAnswer},
		{"a machine info without a build", EnrollGate{Policy: minimum("15")}, &mdmcmd.MachineInfo{Product: "Mac14,2"}, enrollNow, mdmcmd.ErrInvalidAnswer},
		{"no policy", EnrollGate{}, info, enrollNow, compat.ErrInvalidPolicy},
		{"latest without the feed", EnrollGate{Policy: compat.Policy{Latest: true}}, info, enrollNow, compat.ErrNoCatalog},
		{"latest at the zero time", EnrollGate{Policy: compat.Policy{Latest: true}, Catalog: feed(t)}, info, time.Time{}, compat.ErrInvalidDate},
		{"a message the wire would alter", EnrollGate{Policy: minimum("15.7.9"), Message: "two\nlines"}, info, enrollNow, mdmcmd.ErrInvalidCommand},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.gate.Decide(tt.info, tt.now)
			require.ErrorIs(t, err, tt.want)
			assert.Zero(t, got)
			assert.Regexp(t, `^(rollout|compat|mdmcmd): `, err.Error())
		})
	}
}

// TestEnrollGateNeverTrapsAMac decides every sample under many policies and checks
// the promises: a 403 only for a Mac that can be asked, for a version newer than
// it runs that its hardware runs, with a body that encodes; a Mac that enrolls
// below the policy is told how it updates or why it cannot.
func TestEnrollGateNeverTrapsAMac(t *testing.T) {
	cat := feed(t)
	var policies []compat.Policy
	for _, v := range []string{"11", "13.5", "14", "14.4", "14.8.9", "15", "15.7.9", "26", "26.3.1 (a)", "26.6.2", "27"} {
		m := compat.MustParseVersion(v)
		policies = append(policies, compat.Policy{Minimum: m}, compat.Policy{Minimum: m, Latest: true})
		if m.RSR() == 0 {
			policies = append(policies, compat.Policy{Minimum: m, LatestPatch: true})
		}
	}
	policies = append(policies, compat.Policy{Latest: true}, compat.Policy{Latest: true, MaxMajor: 15}, compat.Policy{LatestInMajor: true, DelayDays: 30},
		compat.Policy{Floors: []compat.Floor{{Major: 14, Version: compat.MustParseVersion("14.8.9")}, {Major: 26, Version: compat.MustParseVersion("26.6.2")}}})
	samples := []string{"machineinfo_mac14_2_macos14_4.plist", "machineinfo_macos13_6_build_only.plist", "machineinfo_mac15_3_flag_false.plist",
		"machineinfo_imac19_1_macos15.plist", "machineinfo_unknown_product.plist", "machineinfo_mac16_1_bsi_26_3_1a.plist"}
	required := 0
	for _, name := range samples {
		info := sampleInfo(t, name)
		for _, c := range []*compat.Catalog{nil, cat} {
			for _, p := range policies {
				got, err := EnrollGate{Policy: p, Catalog: c}.Decide(info, enrollNow)
				if p.Latest || p.LatestInMajor || p.LatestPatch {
					if c == nil {
						require.ErrorIs(t, err, compat.ErrNoCatalog)
						continue
					}
				}
				require.NoError(t, err, "%s %+v", name, p)
				where := name + " " + got.Reason
				assert.NotEmpty(t, got.Reason, where)
				assert.Equal(t, got.Code == EnrollUnsupportedHardware || got.Code == EnrollUnknownChip, !got.Warning.IsZero(), where)
				if !got.RequiresUpdate() {
					assert.Equal(t, LetEnroll, got.Action, where)
					assert.Zero(t, got.Body, where)
					if got.Target.IsValid() {
						assert.NotEqual(t, mechanism.DeliveryNone, got.Delivery, "how it updates after enrollment: %s", where)
					}
					continue
				}
				required++
				require.True(t, info.CanRequestSoftwareUpdate(), where)
				assert.Equal(t, 1, got.Target.Compare(info.OSVersion), "never a downgrade: %s", where)
				hw, err := compat.HardwareOf(info.Mac(), c)
				if err == nil {
					assert.True(t, hw.Runs(got.Target), where)
				}
				assert.Equal(t, got.Target, got.Body.OSVersion, where)
				assert.Equal(t, got.Build, got.Body.BuildVersion, where)
				_, _, err = got.Body.Encode(mdmcmd.FormatJSON)
				assert.NoError(t, err, where)
			}
		}
	}
	assert.Positive(t, required, "some Macs get the 403")
}

func TestEnrollmentJSON(t *testing.T) {
	got, err := EnrollGate{Policy: minimum("15.7.9"), Catalog: feed(t)}.Decide(sampleInfo(t, "machineinfo_mac14_2_macos14_4.plist"), enrollNow)
	require.NoError(t, err)
	data, err := json.Marshal(got)
	require.NoError(t, err)
	assert.JSONEq(t, `{"action":"require-update","code":"below-target","compliant":false,"target":"15.7.9","build":"24G830",
		"reason":"macOS 14.4 (23E214) must update to 15.7.9 (24G830) before it enrolls: below the minimum 15.7.9; hardware support from Apple's catalogue (device ID \"J413AP\")",
		"body":{"code":"com.apple.softwareupdate.required","details":{"OSVersion":"15.7.9","BuildVersion":"24G830"}}}`, string(data))

	got, err = EnrollGate{Policy: minimum("26"), Catalog: feed(t)}.Decide(sampleInfo(t, "machineinfo_imac19_1_macos15.plist"), enrollNow)
	require.NoError(t, err)
	data, err = json.Marshal(got)
	require.NoError(t, err)
	var back map[string]any
	require.NoError(t, json.Unmarshal(data, &back))
	assert.NotContains(t, back, "body")
	assert.NotContains(t, back, "target")
	assert.Equal(t, "unsupported-hardware", back["warning"].(map[string]any)["code"])
}

func TestEnrollEnumsRoundTripTheirTokens(t *testing.T) {
	for a := EnrollActionNone; a <= RequireUpdate; a++ {
		text, err := a.MarshalText()
		require.NoError(t, err)
		var back EnrollAction
		require.NoError(t, back.UnmarshalText(text))
		assert.Equal(t, a, back)
		assert.Equal(t, string(text), a.String())
	}
	for c := EnrollCodeNone; c <= EnrollUnknownChip; c++ {
		text, err := c.MarshalText()
		require.NoError(t, err)
		var back EnrollCode
		require.NoError(t, back.UnmarshalText(text))
		assert.Equal(t, c, back)
		assert.Equal(t, string(text), c.String())
	}
	var a EnrollAction
	assert.ErrorContains(t, a.UnmarshalText([]byte("admit")), "rollout: EnrollAction")
	var c EnrollCode
	assert.ErrorContains(t, c.UnmarshalText([]byte("nope")), "rollout: EnrollCode")
	_, err := EnrollCode(99).MarshalText()
	assert.Error(t, err)
}

// FuzzEnrollGate decides for any MachineInfo that parses, under any minimum, and
// checks that the answer never traps the Mac: a 403 only for a Mac that can be
// asked, for a version newer than it runs, with a body that encodes.
func FuzzEnrollGate(f *testing.F) {
	for _, name := range []string{"machineinfo_mac14_2_macos14_4.plist", "machineinfo_macos13_6_build_only.plist",
		"machineinfo_mac15_3_flag_false.plist", "machineinfo_imac19_1_macos15.plist", "machineinfo_unknown_product.plist",
		"machineinfo_mac16_1_bsi_26_3_1a.bplist"} {
		data, err := os.ReadFile(mdmcmdTestdata + name)
		require.NoError(f, err)
		f.Add(data, "15.7.9")
		f.Add(data, "26.3.1 (a)")
	}
	cat := feed(f)
	f.Fuzz(func(t *testing.T, data []byte, min string) {
		info, err := mdmcmd.ParseMachineInfo(data)
		if err != nil {
			return
		}
		v, err := compat.ParseVersion(min)
		if err != nil {
			return
		}
		for _, c := range []*compat.Catalog{nil, cat} {
			got, err := EnrollGate{Policy: compat.Policy{Minimum: v}, Catalog: c}.Decide(info, enrollNow)
			require.NoError(t, err)
			if !got.RequiresUpdate() {
				assert.Zero(t, got.Body)
				continue
			}
			require.True(t, info.CanRequestSoftwareUpdate())
			require.Equal(t, 1, got.Target.Compare(info.OSVersion), "never a downgrade")
			_, _, err = got.Body.Encode(mdmcmd.FormatPlist)
			require.NoError(t, err)
		}
	})
}
