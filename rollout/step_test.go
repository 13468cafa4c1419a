package rollout

import (
	"os"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/managedos/managedos/compat"
	"github.com/managedos/managedos/mdmcmd"
	"github.com/managedos/managedos/mechanism"
)

// stepNow is ten days after the feed fixture's newest release (26.6.2, posted
// 2026-08-17).
var stepNow = time.Date(2026, 8, 27, 12, 0, 0, 0, time.UTC)

var (
	catalogOnce sync.Once
	catalog     *compat.Catalog
	catalogErr  error
)

// fixtureCatalog is Apple's feed as compat's tests keep it (see its SOURCES.md).
func fixtureCatalog(t testing.TB) *compat.Catalog {
	catalogOnce.Do(func() {
		data, err := os.ReadFile("../compat/testdata/gdmf_pmv_sofa_cached.json")
		if err != nil {
			catalogErr = err
			return
		}
		catalog, catalogErr = compat.ParseCatalog(data)
	})
	require.NoError(t, catalogErr)
	return catalog
}

func mac(model, deviceID, version, build string) compat.Mac {
	m := compat.Mac{Model: model, DeviceID: deviceID, Version: compat.MustParseVersion(version)}
	if build != "" {
		m.Build = compat.MustParseBuild(build)
	}
	m.Chip, _ = compat.ChipForModel(model)
	return m
}

func TestStepTakesEachDeviceThroughTheWholePipeline(t *testing.T) {
	rings, err := ParseRings("canary=5%:0,broad=100%:7")
	require.NoError(t, err)
	plan := &Plan{
		Policy:   compat.Policy{Latest: true},
		Catalog:  fixtureCatalog(t),
		Rings:    rings,
		Deadline: DeadlinePolicy{Days: 14, At: MustParseTimeOfDay("18:00"), GraceDays: 1},
	}
	require.NoError(t, plan.Validate())
	tests := []struct {
		name               string
		dev                Device
		target, kind, ring string
		delivery           mechanism.Delivery
		deadline           string
		compliant          bool
	}{
		{name: "Apple silicon on Sonoma goes to Tahoe by DDM, canary deadline 14 days after posting",
			dev:    Device{ID: "a", Mac: mac("Mac14,2", "J413AP", "14.6", "23G80"), Ring: "canary"},
			target: "26.6.2", kind: "major", ring: "canary", delivery: mechanism.DDM, deadline: "2026-08-31T18:00:00"},
		{name: "the broad ring comes a week later",
			dev:    Device{ID: "b", Mac: mac("Mac14,2", "J413AP", "14.6", "23G80"), Ring: "broad"},
			target: "26.6.2", kind: "major", ring: "broad", delivery: mechanism.DDM, deadline: "2026-09-07T18:00:00"},
		{name: "an iMac19,1 stops at Sequoia",
			dev:    Device{ID: "c", Mac: mac("iMac19,1", "Mac-63001698E7A34814", "15.1", ""), Ring: "broad"},
			target: "15.7.9", kind: "minor", ring: "broad", delivery: mechanism.DDM},
		{name: "a Mac on the newest release is compliant and has no deadline",
			dev:       Device{ID: "d", Mac: mac("Mac14,2", "J413AP", "26.6.2", "25G83"), Ring: "canary"},
			compliant: true, ring: "canary"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := plan.Step(tt.dev, stepNow)
			require.NoError(t, err)
			assert.Equal(t, tt.dev.ID, s.ID)
			assert.Equal(t, tt.ring, s.Ring.Name)
			assert.Equal(t, tt.compliant, s.Target.Compliant)
			if tt.compliant {
				assert.Equal(t, compat.NoUpdate, s.Decision.Kind)
				assert.True(t, s.Deadline.IsZero())
				return
			}
			assert.Equal(t, tt.target, s.Target.Version.String())
			assert.Equal(t, tt.kind, s.Decision.Kind.String())
			assert.Equal(t, tt.delivery, s.Decision.Delivery)
			if tt.deadline != "" {
				assert.Equal(t, tt.deadline, s.Deadline.String())
			}
			assert.True(t, s.Payload.IsZero(), "no payloads unless asked")
		})
	}
}

func TestStepWithAFixedTargetResolvesAsToday(t *testing.T) {
	plan := &Plan{Target: compat.MustParseVersion("15.1"), Catalog: fixtureCatalog(t)}
	require.NoError(t, plan.Validate())

	s, err := plan.Step(Device{ID: "intel", Mac: mac("MacBookPro16,1", "J152FAP", "12.7.1", "")}, stepNow)
	require.NoError(t, err)
	assert.Equal(t, mechanism.StartOSInstall, s.Decision.Delivery)
	assert.Equal(t, "15.1", s.Target.Version.String())

	s, err = plan.Step(Device{ID: "same", Mac: mac("Mac14,2", "J413AP", "15.1", "")}, stepNow)
	require.NoError(t, err)
	assert.True(t, s.Target.Compliant, "a Mac on the target has nothing to do")

	_, err = plan.Step(Device{ID: "past", Mac: mac("Mac14,2", "J413AP", "26.1", "")}, stepNow)
	assert.ErrorIs(t, err, compat.ErrDowngrade)

	_, err = (&Plan{Target: compat.MustParseVersion("27")}).Step(Device{ID: "intel", Mac: mac("MacBookPro16,1", "", "26.1", "")}, stepNow)
	assert.ErrorIs(t, err, compat.ErrUnsupportedHardware, "no Intel Mac runs macOS 27")
}

func TestStepRefusesAnUnknownInventoryRing(t *testing.T) {
	rings, err := ParseRings("canary=5%:0,broad=100%:7")
	require.NoError(t, err)
	plan := &Plan{Target: compat.MustParseVersion("26.6.2"), Rings: rings}
	_, err = plan.Step(Device{ID: "a", Mac: mac("Mac14,2", "", "14.6", ""), Ring: "beta"}, stepNow)
	assert.ErrorIs(t, err, ErrUnknownRing)
}

func TestStepBuildsThePayloadTheDeliveryNeeds(t *testing.T) {
	plan := &Plan{
		Target:   compat.MustParseVersion("15.7.9"),
		Catalog:  fixtureCatalog(t),
		Deadline: DeadlinePolicy{Days: 7, At: MustParseTimeOfDay("09:30"), GraceDays: 1},
		Payloads: &PayloadOptions{},
	}
	require.NoError(t, plan.Validate())

	ddmStep, err := plan.Step(Device{ID: "ddm", Mac: mac("Mac14,2", "J413AP", "14.6", "")}, stepNow)
	require.NoError(t, err)
	require.NoError(t, ddmStep.Payload.Err)
	require.Len(t, ddmStep.Payload.Declarations, 1)
	assert.Equal(t, ddmStep.Deadline.Local(), ddmStep.Payload.Declarations[0].Payload().TargetLocalDateTime)

	mdmStep, err := plan.Step(Device{ID: "mdm", Mac: mac("Mac14,2", "J413AP", "13.6", "")}, stepNow)
	require.NoError(t, err)
	require.NoError(t, mdmStep.Payload.Err)
	require.NotNil(t, mdmStep.Payload.Command)
	body, err := mdmStep.Payload.Command.Plist()
	require.NoError(t, err)
	parsed, err := mdmcmd.ParseCommand(body)
	require.NoError(t, err)
	assert.Equal(t, CommandUUID("mdm", plan.Target, ddmStep.Target.Build), parsed.UUID)

	intel, err := plan.Step(Device{ID: "intel", Mac: mac("MacBookPro16,1", "J152FAP", "12.7.1", "")}, stepNow)
	require.NoError(t, err)
	require.NotNil(t, intel.Payload.StartOSInstall)
	assert.Contains(t, intel.Payload.StartOSInstall.App, "Sequoia")
}

func TestPlanValidateNamesWhatIsMissing(t *testing.T) {
	tests := []struct {
		name string
		plan Plan
	}{
		{"neither target nor policy", Plan{}},
		{"both target and policy", Plan{Target: compat.MustParseVersion("15.1"), Policy: compat.Policy{Latest: true}}},
		{"payloads without a deadline", Plan{Target: compat.MustParseVersion("15.1"), Payloads: &PayloadOptions{}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Error(t, tt.plan.Validate())
		})
	}
}

func TestCommandUUIDIsStablePerDeviceAndTarget(t *testing.T) {
	v, b := compat.MustParseVersion("15.7.9"), compat.MustParseBuild("24G325")
	u := CommandUUID("device-1", v, b)
	assert.Regexp(t, `^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`, u)
	assert.Equal(t, u, CommandUUID("device-1", v, b))
	assert.NotEqual(t, u, CommandUUID("device-2", v, b))
	assert.NotEqual(t, u, CommandUUID("device-1", compat.MustParseVersion("15.7.8"), b))
}

func TestStepWithoutPayloadsDoesNotAllocate(t *testing.T) {
	rings, err := ParseRings("canary=5%:0,broad=100%:7")
	require.NoError(t, err)
	plan := &Plan{Policy: compat.Policy{Latest: true}, Catalog: fixtureCatalog(t), Rings: rings,
		Deadline: DeadlinePolicy{Days: 14, At: MustParseTimeOfDay("18:00"), GraceDays: 1}}
	dev := Device{ID: "device-000042", Mac: mac("Mac14,2", "J413AP", "14.6", "23G80")}
	allocs := testing.AllocsPerRun(100, func() {
		if _, err := plan.Step(dev, stepNow); err != nil {
			t.Fatal(err)
		}
	})
	assert.Zero(t, allocs)
}

func BenchmarkStep(b *testing.B) {
	rings, err := ParseRings("canary=5%:0,early=25%:3,broad=100%:7")
	if err != nil {
		b.Fatal(err)
	}
	plan := &Plan{Policy: compat.Policy{Latest: true}, Catalog: fixtureCatalog(b), Rings: rings,
		Deadline: DeadlinePolicy{Days: 14, At: MustParseTimeOfDay("18:00"), GraceDays: 1}}
	dev := Device{ID: "device-000042", Mac: mac("Mac14,2", "J413AP", "14.6", "23G80")}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := plan.Step(dev, stepNow); err != nil {
			b.Fatal(err)
		}
	}
}

func TestShapeOfKeepsWhatDecideReads(t *testing.T) {
	cat := fixtureCatalog(t)
	plans := []*Plan{
		{Target: compat.MustParseVersion("15.7.9")},
		{Target: compat.MustParseVersion("15.7.9"), Catalog: cat},
		{Policy: compat.Policy{Latest: true}, Catalog: cat},
		{Policy: compat.Policy{Minimum: compat.MustParseVersion("26.3.1 (a)")}, Catalog: cat},
		{Policy: compat.Policy{Minimum: compat.MustParseVersion("15.7.9")}},
		{Target: compat.MustParseVersion("27")}, // refusals name the Mac's model and device ID
	}
	macs := []compat.Mac{
		mac("Mac14,2", "J413AP", "14.6", "23G80"),
		mac("Mac16,1", "J604AP", "26.3.1", "25D2128"),
		mac("iMac19,1", "Mac-63001698E7A34814", "15.1", "24B83"),
		mac("MacBookPro16,1", "J152FAP", "12.7.1", "21G1974"),
		{Chip: compat.Intel, Version: compat.MustParseVersion("13.6"), Serial: "C02X", UDID: "u", Supervised: compat.FlagTrue},
	}
	for i, p := range plans {
		for _, m := range macs {
			want, wantErr := p.Decide(m, stepNow)
			got, gotErr := p.Decide(p.ShapeOf(m), stepNow)
			assert.Equalf(t, wantErr, gotErr, "plan %d, %v", i, m)
			if wantErr == nil {
				assert.Equalf(t, want, got, "plan %d, %v", i, m)
			}
		}
	}
	fixed := &Plan{Target: compat.MustParseVersion("15.7.9")}
	assert.Equal(t, fixed.ShapeOf(macs[0]), fixed.ShapeOf(mac("Mac14,2", "J999AP", "14.6", "23G93")), "a fixed target without a catalogue reads neither build nor device ID")
}

func TestDecideNamesNoMoreOfTheMacThanItsShape(t *testing.T) {
	plan := &Plan{Target: compat.MustParseVersion("27")}
	_, err := plan.Decide(mac("MacBookPro16,1", "J152FAP", "14.1", ""), stepNow)
	require.ErrorIs(t, err, compat.ErrUnsupportedHardware)
	assert.Contains(t, err.Error(), `"MacBookPro16,1"`)
	assert.NotContains(t, err.Error(), "J152FAP", "without a catalogue the device ID decides nothing, so Macs that differ only in it share one refusal")
}
