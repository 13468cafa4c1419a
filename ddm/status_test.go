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

func readFixture(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile("testdata/" + name)
	require.NoError(t, err)
	return b
}

func TestParseStatusReportFoldsTheRSRSuffixIntoTheVersion(t *testing.T) {
	r, err := ParseStatusReport(readFixture(t, "ddm_status_kmfddm_macos13.3.1a_rsr.json"))
	require.NoError(t, err)
	require.NotNil(t, r.OperatingSystem)
	assert.Equal(t, compat.MustParseVersion("13.3.1 (a)"), r.OperatingSystem.Version)
	assert.Equal(t, compat.MustParseBuild("22E261"), r.OperatingSystem.Build)
	assert.False(t, r.OperatingSystem.SupplementalBuild.IsValid())
	assert.Equal(t, "macOS", r.OperatingSystem.Family)
	assert.Empty(t, r.Declarations)
	assert.Equal(t, SoftwareUpdateStatus{}, r.SoftwareUpdate, "no softwareupdate items in this report")
	assert.NotEmpty(t, r.Raw)
}

func TestParseStatusReportReadsDeclarationStatuses(t *testing.T) {
	r, err := ParseStatusReport(readFixture(t, "ddm_status_kmfddm_2022_declarations_errors.json"))
	require.NoError(t, err)
	require.Len(t, r.Declarations, 5)
	assert.Equal(t, "activations", r.Declarations[0].Group)
	invalid := r.Declarations[1]
	assert.Equal(t, "configurations", invalid.Group)
	assert.Equal(t, "0FCD2F56-D5BC-48EA-B98D-E0CCC0C6F9E0", invalid.Identifier)
	assert.Equal(t, "invalid", invalid.Valid)
	assert.True(t, invalid.Active)
	assert.Equal(t, "2c8e5ce2-f7ba-5381-bce0-7d9c60f8c092", invalid.ServerToken)
	require.Len(t, invalid.Reasons, 1)
	assert.Equal(t, "Error.ConfigurationCannotBeApplied", invalid.Reasons[0].Code)
	assert.Equal(t, "An internal error has occurred.", invalid.Reasons[0].Details["Error"])
	assert.Equal(t, "management", r.Declarations[4].Group)
	assert.Equal(t, compat.MustParseVersion("16.0"), r.OperatingSystem.Version)
	assert.Equal(t, compat.MustParseBuild("20A5303i"), r.OperatingSystem.Build)

	r, err = ParseStatusReport(readFixture(t, "ddm_status_kmfddm_not_referenced.json"))
	require.NoError(t, err)
	require.Len(t, r.Declarations, 1)
	assert.Equal(t, "unknown", r.Declarations[0].Valid)
	assert.Equal(t, "Info.NotReferencedByActivation", r.Declarations[0].Reasons[0].Code)
	assert.Nil(t, r.OperatingSystem)
}

func TestParseStatusReportReadsEverySoftwareUpdateItem(t *testing.T) {
	r, err := ParseStatusReport(readFixture(t, "status_softwareupdate_downloading.json"))
	require.NoError(t, err)
	su := r.SoftwareUpdate
	assert.Equal(t, InstallDownloading, su.InstallState)
	require.NotNil(t, su.PendingVersion)
	assert.Equal(t, compat.MustParseVersion("14.2.1"), su.PendingVersion.OSVersion)
	assert.Equal(t, compat.MustParseBuild("23C71"), su.PendingVersion.BuildVersion)
	require.NotNil(t, su.FailureReason)
	assert.Equal(t, 2, su.FailureReason.Count)
	assert.Equal(t, "download interrupted", su.FailureReason.Reason)
	assert.True(t, su.FailureReason.Timestamp.Equal(time.Date(2026, 11, 20, 9, 15, 0, 0, time.UTC)))
	require.NotNil(t, su.InstallReason)
	assert.Equal(t, []InstallReasonCode{ReasonDeclaration}, su.InstallReason.Reasons)
	assert.Equal(t, "managedos.softwareupdate.enforcement.14.2.1", su.InstallReason.DeclarationID)
	require.Len(t, r.Errors, 1)
	assert.Equal(t, "softwareupdate.beta-enrollment", r.Errors[0].StatusItem)
	assert.Equal(t, "Error.StatusItemNotSupported", r.Errors[0].Reasons[0].Code)
}

// report wraps softwareupdate items in a status report.
func report(softwareupdate string) []byte {
	return []byte(`{"StatusItems":{"softwareupdate":{` + softwareupdate + `}},"Errors":[]}`)
}

func TestParseStatusReportAcceptsEveryInstallState(t *testing.T) {
	for _, s := range []InstallState{InstallNone, InstallWaiting, InstallDownloading, InstallPrepared, InstallInstalling, InstallFailed} {
		r, err := ParseStatusReport(report(`"install-state":"` + string(s) + `"`))
		require.NoError(t, err, s)
		assert.Equal(t, s, r.SoftwareUpdate.InstallState)
		assert.True(t, s.IsValid(), s)
	}
	r, err := ParseStatusReport(report(`"install-state":"paused"`))
	require.NoError(t, err, "an unknown value is kept, not an error")
	assert.Equal(t, InstallState("paused"), r.SoftwareUpdate.InstallState)
	assert.False(t, r.SoftwareUpdate.InstallState.IsValid())
}

func TestParseStatusReportEmptyPendingVersionMeansNone(t *testing.T) {
	r, err := ParseStatusReport(report(`"pending-version":{"os-version":"","build-version":""},"failure-reason":{"count":0},"install-reason":{"reason":[]}`))
	require.NoError(t, err)
	assert.Equal(t, &PendingVersion{}, r.SoftwareUpdate.PendingVersion)
	assert.Equal(t, &FailureReason{}, r.SoftwareUpdate.FailureReason)
	assert.Equal(t, &InstallReason{Reasons: []InstallReasonCode{}}, r.SoftwareUpdate.InstallReason)
}

func TestParseStatusReportPendingRSRVersion(t *testing.T) {
	r, err := ParseStatusReport(report(`"pending-version":{"os-version":"13.4.1 (c)","build-version":"22F770820d"}`))
	require.NoError(t, err)
	assert.Equal(t, compat.MustParseVersion("13.4.1 (c)"), r.SoftwareUpdate.PendingVersion.OSVersion)
}

func TestParseStatusReportKeepsGoodItemsBesideBadOnes(t *testing.T) {
	tests := []struct {
		name  string
		items string
		item  string
	}{
		{"install-state not a string", `"install-state":3`, "softwareupdate.install-state"},
		{"pending-version missing build", `"pending-version":{"os-version":"14.2"}`, "softwareupdate.pending-version"},
		{"pending-version bad version", `"pending-version":{"os-version":"14.x","build-version":""}`, "softwareupdate.pending-version"},
		{"failure-reason without count", `"failure-reason":{"reason":"x"}`, "softwareupdate.failure-reason"},
		{"failure-reason count as string", `"failure-reason":{"count":"2"}`, "softwareupdate.failure-reason"},
		{"failure-reason bad timestamp", `"failure-reason":{"count":1,"timestamp":"yesterday"}`, "softwareupdate.failure-reason"},
		{"install-reason without reason", `"install-reason":{}`, "softwareupdate.install-reason"},
		{"install-reason not an object", `"install-reason":[]`, "softwareupdate.install-reason"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			items := tt.items + `,"install-state":"prepared"`
			if tt.item == "softwareupdate.install-state" {
				items = tt.items + `,"install-reason":{"reason":["mdm"]}`
			}
			r, err := ParseStatusReport(report(items))
			require.ErrorIs(t, err, ErrInvalidStatus)
			assert.Contains(t, err.Error(), tt.item)
			require.NotNil(t, r)
			if tt.item == "softwareupdate.install-state" {
				assert.NotNil(t, r.SoftwareUpdate.InstallReason, "the good item is still read")
			} else {
				assert.Equal(t, InstallPrepared, r.SoftwareUpdate.InstallState, "the good item is still read")
			}
		})
	}
}

func TestParseStatusReportOneErrorPerBadItem(t *testing.T) {
	data := `{"StatusItems":{"softwareupdate":{"install-state":1,"failure-reason":{}},"device":{"operating-system":{"version":"x"}},"management":"oops"},"Errors":{}}`
	r, err := ParseStatusReport([]byte(data))
	require.Error(t, err)
	require.NotNil(t, r)
	for _, item := range []string{"softwareupdate.install-state", "softwareupdate.failure-reason", "device.operating-system.version", "management.declarations", "management.client-capabilities", "Errors"} {
		assert.Contains(t, err.Error(), item)
	}
	assert.Equal(t, 6, strings.Count(err.Error(), "ddm: status item"))
}

func TestParseStatusReportRejectsNonJSON(t *testing.T) {
	for _, in := range []string{"", "hello", "[]", `"x"`, "{"} {
		r, err := ParseStatusReport([]byte(in))
		assert.ErrorIs(t, err, ErrInvalidStatus, in)
		assert.Nil(t, r)
	}
}

func TestStatusReportsBecomeObservations(t *testing.T) {
	at := time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)
	var obs []mechanism.Observation
	for i, state := range []string{"waiting", "downloading", "downloading", "failed"} {
		r, err := ParseStatusReport(report(`"install-state":"` + state + `"`))
		require.NoError(t, err)
		obs = append(obs, r.Observation(at.Add(time.Duration(i)*time.Hour)))
	}
	assert.Equal(t, mechanism.Observation{At: at, Status: "waiting"}, obs[0])
	v := mechanism.InferCache(obs, at.Add(4*time.Hour), mechanism.CachePolicy{})
	assert.Equal(t, mechanism.Stalled, v.State, "waiting is neutral, downloading progress, failed a failure")
	assert.Equal(t, "failed", v.Reason)

	r, err := ParseStatusReport(report(`"install-state":"prepared"`))
	require.NoError(t, err)
	v = mechanism.InferCache([]mechanism.Observation{r.Observation(at)}, at, mechanism.CachePolicy{})
	assert.Equal(t, mechanism.Cached, v.State)
}
