package ddm

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/managedos/managedos/compat"
	"github.com/managedos/managedos/mechanism"
)

func TestStatusReportSnapshot(t *testing.T) {
	r, err := ParseStatusReport(readFixture(t, "status_snapshot_macos26.json"))
	require.NoError(t, err)
	assert.Equal(t, compat.Mac{
		Model: "Mac15,3", DeviceID: "J504AP", Chip: compat.AppleSilicon,
		Version: compat.MustParseVersion("26.3 (a)"), Build: compat.MustParseBuild("25D771280a"),
		Serial: "C02EXAMPLE03", UDID: "0000FE00-1234-5678-9ABC-DEF012345678", Beta: compat.FlagFalse,
	}, r.Mac(), "the extra-version written \"a\", as in Apple's schema example, is read")
	p := r.SoftwareUpdate.PendingVersion
	require.NotNil(t, p)
	assert.Equal(t, MustParseLocalDateTime("2026-12-01T18:00:00"), p.TargetLocalDateTime, "the deadline the Mac enforces")
	assert.Equal(t, compat.FlagTrue, r.Capabilities.SupportsEnforcement())
	assert.Equal(t, compat.FlagTrue, r.Capabilities.SupportsConfiguration(SettingsType))
	assert.Equal(t, compat.FlagTrue, r.Capabilities.SupportsStatusItem("softwareupdate.beta-enrollment"))
	assert.Equal(t, []string{"1.0.0"}, r.Capabilities.SupportedVersions)

	r, err = ParseStatusReport(readFixture(t, "ddm_status_kmfddm_macos13.3.1a_rsr.json"))
	require.NoError(t, err)
	assert.Equal(t, compat.Mac{Version: compat.MustParseVersion("13.3.1 (a)"), Build: compat.MustParseBuild("22E261"), Serial: "ZRMXJQTTFX", UDID: "0000FE00-5FADE97DCBBBEDA5"}, r.Mac())
	assert.Equal(t, compat.FlagFalse, r.Capabilities.SupportsEnforcement(), "a macOS 13 Mac has no enforcement declaration")
	assert.Equal(t, compat.FlagTrue, r.Capabilities.SupportsStatusItem("device.model.identifier"))
}

func TestBetaEnrollment(t *testing.T) {
	r, err := ParseStatusReport(report(`"beta-enrollment":"macOS Tahoe Developer Beta"`))
	require.NoError(t, err)
	assert.Equal(t, compat.Mac{Beta: compat.FlagTrue, BetaProgram: "macOS Tahoe Developer Beta"}, r.Mac())
	r, err = ParseStatusReport(report(`"install-state":"none"`))
	require.NoError(t, err)
	assert.Equal(t, compat.FlagUnknown, r.Mac().Beta, "not in the report")
	assert.Nil(t, r.Capabilities)
	assert.Equal(t, compat.FlagUnknown, r.Capabilities.SupportsEnforcement(), "no capabilities item")
}

func TestPartialReportLeavesTheSnapshotUnchanged(t *testing.T) {
	full, err := ParseStatusReport(readFixture(t, "status_snapshot_macos26.json"))
	require.NoError(t, err)
	known := full.MergeInto(compat.Mac{Supervised: compat.FlagTrue})
	require.Equal(t, compat.FlagTrue, known.Supervised)
	for _, partial := range []string{
		`{"StatusItems":{"softwareupdate":{"install-state":"downloading"}},"Errors":[]}`,
		`{"StatusItems":{},"Errors":[]}`,
		`{"StatusItems":{"management":{"declarations":{"configurations":[]}}}}`,
	} {
		r, err := ParseStatusReport([]byte(partial))
		require.NoError(t, err)
		assert.Equal(t, known, r.MergeInto(known), partial)
	}
	upgraded, err := ParseStatusReport([]byte(`{"StatusItems":{"device":{"operating-system":{"version":"26.4","build-version":"25E246"}}}}`))
	require.NoError(t, err)
	after := upgraded.MergeInto(known)
	assert.Equal(t, compat.MustParseVersion("26.4"), after.Version)
	assert.Equal(t, compat.MustParseBuild("25E246"), after.Build)
	assert.Equal(t, known.Model, after.Model)
	assert.Equal(t, known.Supervised, after.Supervised)
}

func TestAWrongTypeInOneItemKeepsTheRestOfTheSnapshot(t *testing.T) {
	data := strings.Replace(string(readFixture(t, "status_snapshot_macos26.json")), `"identifier" : "Mac15,3"`, `"identifier" : 15`, 1)
	data = strings.Replace(data, `"device-id" : "J504AP"`, `"device-id" : ["J504AP"]`, 1)
	r, err := ParseStatusReport([]byte(data))
	require.ErrorIs(t, err, ErrInvalidStatus)
	assert.Contains(t, err.Error(), "device.model.identifier")
	assert.Contains(t, err.Error(), "softwareupdate.device-id")
	mac := r.Mac()
	assert.Empty(t, mac.Model)
	assert.Empty(t, mac.DeviceID)
	assert.Equal(t, compat.MustParseVersion("26.3 (a)"), mac.Version, "the other items still read")
	assert.Equal(t, "C02EXAMPLE03", mac.Serial)

	r, err = ParseStatusReport([]byte(`{"StatusItems":{"device":{"operating-system":{"version":"26.3","build-version":"25D125","supplemental":{"extra-version":"(A)"}}}}}`))
	require.ErrorIs(t, err, ErrInvalidStatus)
	assert.Contains(t, err.Error(), "device.operating-system.supplemental.extra-version", "the item that does not read is named")
	assert.Equal(t, compat.MustParseBuild("25D125"), r.Mac().Build)
}

func TestStatusReportObservationCarriesTargetAndFailure(t *testing.T) {
	r, err := ParseStatusReport(readFixture(t, "status_snapshot_macos26.json"))
	require.NoError(t, err)
	at := time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)
	assert.Equal(t, mechanism.Observation{At: at, Target: "26.4", Status: "downloading", Reason: "The download was interrupted.", FailureCount: 1}, r.Observation(at))
}

// TestADDMMacDownloadingForFiveHoursIsDownloading follows hourly reports of a Mac
// that keeps downloading: it is never taken as cached while it says so.
func TestADDMMacDownloadingForFiveHoursIsDownloading(t *testing.T) {
	at := time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)
	var obs []mechanism.Observation
	for h := range 6 {
		r, err := ParseStatusReport(report(`"install-state":"downloading","pending-version":{"os-version":"14.2.1","build-version":"23C71"}`))
		require.NoError(t, err)
		obs = append(obs, r.Observation(at.Add(time.Duration(h)*time.Hour)))
		partial, err := ParseStatusReport([]byte(`{"StatusItems":{"management":{"declarations":{}}}}`))
		require.NoError(t, err)
		obs = append(obs, partial.Observation(at.Add(time.Duration(h)*time.Hour+30*time.Minute)))
	}
	tr := compat.Tracker{Target: compat.MustParseVersion("14.2.1")}
	v, err := tr.State(compat.Mac{Version: compat.MustParseVersion("14.1")}, obs, at.Add(5*time.Hour+45*time.Minute))
	require.NoError(t, err)
	assert.Equal(t, mechanism.Downloading, v.State)
	v, err = tr.State(compat.Mac{Version: compat.MustParseVersion("14.2.1")}, obs, at.Add(6*time.Hour))
	require.NoError(t, err)
	assert.Equal(t, mechanism.Compliant, v.State, "installed")
}

// TestStatusItemsAreApples checks every status item the parser reads against the
// copy of Apple's schema in testdata/schema.
func TestStatusItemsAreApples(t *testing.T) {
	for _, item := range []string{
		"device.model.identifier", "device.operating-system.version", "device.operating-system.build-version",
		"device.operating-system.supplemental.extra-version", "device.operating-system.supplemental.build-version",
		"softwareupdate.device-id", "softwareupdate.beta-enrollment", "softwareupdate.install-state",
		"softwareupdate.pending-version", "softwareupdate.failure-reason", "softwareupdate.install-reason",
		"management.client-capabilities",
	} {
		schema, err := os.ReadFile("testdata/schema/" + item + ".yaml")
		require.NoError(t, err, item)
		assert.Contains(t, string(schema), "statusitemtype: "+item+"\n", item)
	}
	pending, err := os.ReadFile("testdata/schema/softwareupdate.pending-version.yaml")
	require.NoError(t, err)
	assert.Contains(t, string(pending), "key: target-local-date-time")
	extra, err := os.ReadFile("testdata/schema/device.operating-system.supplemental.extra-version.yaml")
	require.NoError(t, err)
	assert.Contains(t, string(extra), "for example, `a`", "the schema's example writes the extra without parentheses")
}
