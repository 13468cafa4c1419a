package mdmcmd

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"howett.net/plist"

	"github.com/managedos/managedos/compat"
	"github.com/managedos/managedos/mechanism"
)

func read(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile("testdata/" + name)
	require.NoError(t, err)
	return b
}

const plistHeader = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0">
`

// answer wraps dictionary keys in an answer plist.
func answer(keys string) []byte {
	return []byte(plistHeader + "<dict>" + keys + "</dict></plist>")
}

// acknowledged wraps keys in an acknowledged answer.
func acknowledged(keys string) []byte {
	return answer(`<key>CommandUUID</key><string>c-1</string><key>Status</key><string>Acknowledged</string><key>UDID</key><string>u-1</string>` + keys)
}

func TestParseOSUpdateStatusKeepsTheFractionAsSent(t *testing.T) {
	a, err := ParseOSUpdateStatus(read(t, "osupdatestatus_fraction_real.plist"))
	require.NoError(t, err)
	assert.Equal(t, Acknowledged, a.Status)
	assert.Equal(t, "7B0F1A52-status-1", a.CommandUUID)
	require.Len(t, a.OSUpdateStatus, 1)
	item := a.OSUpdateStatus[0]
	assert.Equal(t, 0.4871923327445984, item.DownloadFraction)
	assert.False(t, item.IsDownloaded)
	assert.Equal(t, UpdateDownloading, item.Status)
	assert.Nil(t, item.MaxDeferrals)
	assert.NoError(t, a.Err())
	assert.NotEmpty(t, a.Raw)
}

func TestParseOSUpdateStatusAcceptsIntegersForBooleansAndFractions(t *testing.T) {
	a, err := ParseOSUpdateStatus(read(t, "osupdatestatus_integer_quirks.plist"))
	require.NoError(t, err)
	require.Len(t, a.OSUpdateStatus, 2)
	done := a.OSUpdateStatus[0]
	assert.True(t, done.IsDownloaded)
	assert.Equal(t, 1.0, done.DownloadFraction)
	assert.Equal(t, UpdateIdle, done.Status)
	assert.Equal(t, new(int64(5)), done.MaxDeferrals)
	assert.Equal(t, new(int64(2)), done.DeferralsRemaining)
	assert.True(t, done.NextScheduledInstall.Equal(time.Date(2026, 12, 2, 9, 0, 0, 0, time.UTC)))
	assert.Len(t, done.PastNotifications, 2)
	assert.False(t, a.OSUpdateStatus[1].IsDownloaded)
}

func TestParseFragmentsWrappedInAPlist(t *testing.T) {
	item := string(read(t, "osupdatestatus_item_idle_downloaded.fragment.xml"))
	a, err := ParseOSUpdateStatus(acknowledged(`<key>OSUpdateStatus</key><array>` + item + `</array>`))
	require.NoError(t, err)
	assert.True(t, a.OSUpdateStatus[0].IsDownloaded, "downloaded although Status stays Idle")
	assert.Equal(t, 1.0, a.OSUpdateStatus[0].DownloadFraction)

	major := string(read(t, "availableosupdates_major_build_in_version.fragment.xml"))
	a, err = ParseAvailableOSUpdates(acknowledged(`<key>AvailableOSUpdates</key><array>` + major + `</array>`))
	require.NoError(t, err)
	u := a.AvailableOSUpdates[0]
	assert.Equal(t, "23A344", u.VersionText)
	assert.Empty(t, u.BuildText)
	assert.Equal(t, compat.MustParseBuild("23A344"), u.Build, "the build written in Version")
	assert.False(t, u.Version.IsValid(), "no version can be read")
	assert.Equal(t, int64(13500000000), u.DownloadSize, "a <real> size")
	assert.Equal(t, mechanism.SoftwareUpdate, u.Installer)
	assert.Equal(t, compat.Major, u.Kind)
}

func TestParseAvailableOSUpdatesClassifiesEachItem(t *testing.T) {
	a, err := ParseAvailableOSUpdates(read(t, "availableosupdates_macos.plist"))
	require.NoError(t, err)
	require.Len(t, a.AvailableOSUpdates, 4)
	tests := []struct {
		version   string
		build     string
		installer mechanism.Installer
		kind      compat.Kind
	}{
		{"13.6.1", "22G313", mechanism.SoftwareUpdate, compat.Minor},
		{"14.7.3", "", mechanism.SoftwareUpdate, compat.Major},
		{"2.0", "", mechanism.BackgroundUpdate, compat.NoUpdate},
		{"13.4.1 (c)", "22F770820d", mechanism.RapidSecurityResponse, compat.RSR},
	}
	for i, tt := range tests {
		u := a.AvailableOSUpdates[i]
		assert.Equal(t, tt.version, u.Version.String(), u.ProductKey)
		if tt.build != "" {
			assert.Equal(t, tt.build, u.Build.String(), u.ProductKey)
		} else {
			assert.False(t, u.Build.IsValid(), u.ProductKey)
		}
		assert.Equal(t, tt.installer, u.Installer, u.ProductKey)
		assert.Equal(t, tt.kind, u.Kind, u.ProductKey)
	}
	assert.True(t, a.AvailableOSUpdates[0].RequiresBootstrapToken)
	assert.Equal(t, []string(nil), a.AvailableOSUpdates[0].AppIdentifiersToClose)
	assert.True(t, a.AvailableOSUpdates[1].IsMajorOSUpdate, "IsMajorOSUpdate as <integer>1</integer>")
	assert.True(t, a.AvailableOSUpdates[1].DeferredUntil.Equal(time.Date(2025, 4, 10, 0, 0, 0, 0, time.UTC)))
}

func TestParseScheduleOSUpdateErrors(t *testing.T) {
	a, err := ParseScheduleOSUpdate(read(t, "scheduleosupdate_error_12008.plist"))
	require.NoError(t, err, "an Error status is an answer, not a parse failure")
	assert.Equal(t, StatusError, a.Status)
	var ce *CommandError
	require.ErrorAs(t, a.Err(), &ce)
	assert.True(t, ce.Has("MCMDMErrorDomain", 12008))
	assert.False(t, ce.Has("MDMClientError", 74))
	assert.Contains(t, ce.Error(), "MCMDMErrorDomain:12008 Unsupported InstallAction for this ProductKey")

	a, err = ParseScheduleOSUpdate(read(t, "scheduleosupdate_error_not_supervised.plist"))
	require.NoError(t, err)
	require.ErrorAs(t, a.Err(), &ce)
	assert.True(t, ce.Has("MDMClientError", 74))
	assert.Equal(t, "Command requires DEP enrollment: ScheduleOSUpdate <MDMClientError:74>", a.ErrorChain[0].USEnglishDescription)
}

func TestParseScheduleOSUpdateResults(t *testing.T) {
	a, err := ParseScheduleOSUpdate(read(t, "scheduleosupdate_installing.plist"))
	require.NoError(t, err)
	require.Len(t, a.UpdateResults, 2)
	assert.Equal(t, UpdateResult{ProductKey: "_OSX_23A344", InstallAction: InstallASAP, Status: UpdateInstalling}, a.UpdateResults[0])
	assert.Equal(t, ActionError, a.UpdateResults[1].InstallAction)
	assert.Equal(t, int64(12008), a.UpdateResults[1].ErrorChain[0].ErrorCode)
}

func TestParseDeviceInformation(t *testing.T) {
	a, err := ParseDeviceInformation(read(t, "deviceinformation_macos_rsr.plist"))
	require.NoError(t, err)
	info := a.DeviceInformation
	chip, err := info.Chip()
	require.NoError(t, err)
	assert.Equal(t, compat.AppleSilicon, chip)
	v, err := info.Version()
	require.NoError(t, err)
	assert.Equal(t, compat.MustParseVersion("13.4.1 (c)"), v)
	assert.Equal(t, "J314sAP", info.SoftwareUpdateDeviceID)

	a, err = ParseDeviceInformation(read(t, "deviceinformation_nanomdm_minimal.plist"))
	require.NoError(t, err)
	assert.Equal(t, "fruit.example.com", a.DeviceInformation.HostName)
	_, err = a.DeviceInformation.Chip()
	assert.ErrorIs(t, err, compat.ErrUnknownChip, "neither IsAppleSilicon nor a model")
	_, err = a.DeviceInformation.Version()
	assert.ErrorIs(t, err, compat.ErrInvalidVersion)
}

func TestDeviceInformationChipFallsBackToTheModel(t *testing.T) {
	a, err := ParseDeviceInformation(acknowledged(`<key>QueryResponses</key><dict><key>ProductName</key><string>iMac19,1</string><key>OSVersion</key><string>11.7.10</string></dict>`))
	require.NoError(t, err)
	chip, err := a.DeviceInformation.Chip()
	require.NoError(t, err)
	assert.Equal(t, compat.Intel, chip)
	a, err = ParseDeviceInformation(acknowledged(`<key>QueryResponses</key><dict><key>IsAppleSilicon</key><integer>0</integer></dict>`))
	require.NoError(t, err)
	chip, _ = a.DeviceInformation.Chip()
	assert.Equal(t, compat.Intel, chip)
}

func TestParseIdleHasNoCommandUUID(t *testing.T) {
	a, err := ParseAnswer(read(t, "idle.plist"))
	require.NoError(t, err)
	assert.Equal(t, Idle, a.Status)
	assert.Empty(t, a.CommandUUID)
}

func TestParseAnswerAcceptsBinaryPlists(t *testing.T) {
	bin := reencode(t, read(t, "osupdatestatus_integer_quirks.plist"), plist.BinaryFormat)
	a, err := ParseOSUpdateStatus(bin)
	require.NoError(t, err)
	assert.True(t, a.OSUpdateStatus[0].IsDownloaded)
}

func TestParseAnswerKeepsUnknownValues(t *testing.T) {
	a, err := ParseAnswer(answer(`<key>CommandUUID</key><string>c</string><key>Status</key><string>Pending</string><key>Brand-New-Key</key><integer>3</integer>` +
		`<key>OSUpdateStatus</key><array><dict><key>ProductKey</key><string>k</string><key>IsDownloaded</key><false/><key>DownloadPercentComplete</key><real>0.1</real><key>Status</key><string>Verifying</string></dict></array>`))
	require.NoError(t, err)
	assert.Equal(t, Status("Pending"), a.Status)
	assert.False(t, a.Status.IsValid())
	assert.Equal(t, UpdateStatus("Verifying"), a.OSUpdateStatus[0].Status)
	assert.False(t, a.OSUpdateStatus[0].Status.IsValid())
}

func TestParseAnswerNamesTheBadKey(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		says string
	}{
		{"missing status", answer(`<key>CommandUUID</key><string>c</string>`), "Status: missing"},
		{"missing command uuid", answer(`<key>Status</key><string>Acknowledged</string>`), "CommandUUID: missing"},
		{"status not a string", answer(`<key>CommandUUID</key><string>c</string><key>Status</key><integer>1</integer>`), "Status: want a string, got integer"},
		{"item missing IsDownloaded", acknowledged(`<key>OSUpdateStatus</key><array><dict><key>ProductKey</key><string>k</string><key>DownloadPercentComplete</key><real>0.1</real><key>Status</key><string>Idle</string></dict></array>`), "OSUpdateStatus[0].IsDownloaded: missing"},
		{"IsDownloaded of 2", acknowledged(`<key>OSUpdateStatus</key><array><dict><key>ProductKey</key><string>k</string><key>IsDownloaded</key><integer>2</integer><key>DownloadPercentComplete</key><real>0.1</real><key>Status</key><string>Idle</string></dict></array>`), "OSUpdateStatus[0].IsDownloaded: want a boolean, got integer 2"},
		{"fraction as a string", acknowledged(`<key>OSUpdateStatus</key><array><dict><key>ProductKey</key><string>k</string><key>IsDownloaded</key><false/><key>DownloadPercentComplete</key><string>50%</string><key>Status</key><string>Idle</string></dict></array>`), "DownloadPercentComplete: want a number, got string"},
		{"date as a string", acknowledged(`<key>OSUpdateStatus</key><array><dict><key>ProductKey</key><string>k</string><key>IsDownloaded</key><false/><key>DownloadPercentComplete</key><real>0</real><key>Status</key><string>Idle</string><key>NextScheduledInstall</key><string>tomorrow</string></dict></array>`), "NextScheduledInstall: want a date, got string"},
		{"array of strings", acknowledged(`<key>OSUpdateStatus</key><array><string>x</string></array>`), "OSUpdateStatus[0]: want a dictionary, got string"},
		{"status array as dict", acknowledged(`<key>OSUpdateStatus</key><dict/>`), "OSUpdateStatus: want an array, got dictionary"},
		{"size as date", acknowledged(`<key>AvailableOSUpdates</key><array><dict><key>ProductKey</key><string>k</string><key>DownloadSize</key><date>2020-01-01T00:00:00Z</date></dict></array>`), "AvailableOSUpdates[0].DownloadSize: want an integer, got date"},
		{"fractional size", acknowledged(`<key>AvailableOSUpdates</key><array><dict><key>ProductKey</key><string>k</string><key>DownloadSize</key><real>1.5</real></dict></array>`), "DownloadSize: want an integer, got real"},
		{"error code as string", answer(`<key>CommandUUID</key><string>c</string><key>Status</key><string>Error</string><key>ErrorChain</key><array><dict><key>ErrorCode</key><string>12008</string><key>ErrorDomain</key><string>d</string></dict></array>`), "ErrorChain[0].ErrorCode: want an integer, got string"},
		{"query responses as array", acknowledged(`<key>QueryResponses</key><array/>`), "QueryResponses: want a dictionary, got array"},
		{"acknowledged status without its key", acknowledged(``), "OSUpdateStatus: missing"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := ParseOSUpdateStatus(tt.data)
			require.ErrorIs(t, err, ErrInvalidAnswer)
			assert.Contains(t, err.Error(), tt.says)
			assert.Nil(t, a)
		})
	}
}

func TestParseAnswerRejectsWhatIsNotAnXMLOrBinaryPlist(t *testing.T) {
	for name, data := range map[string]string{
		"openstep text":   "hello",
		"openstep dict":   `{ Status = Acknowledged; CommandUUID = c; }`,
		"html error page": "<html><body>502 Bad Gateway</body></html>",
		"empty":           "",
		"plist string":    plistHeader + "<string>x</string></plist>",
		"json":            `{"Status":"Acknowledged"}`,
	} {
		a, err := ParseAnswer([]byte(data))
		assert.ErrorIs(t, err, ErrInvalidAnswer, name)
		assert.Nil(t, a, name)
	}
}

func TestResultErrOnlyForRefusals(t *testing.T) {
	for _, s := range []Status{Acknowledged, NotNow, Idle} {
		assert.NoError(t, (&Result{Status: s}).Err(), s)
	}
	for _, s := range []Status{StatusError, CommandFormatError} {
		assert.Error(t, (&Result{Status: s}).Err(), s)
	}
	assert.True(t, strings.HasPrefix((&Result{Status: CommandFormatError, CommandUUID: "x"}).Err().Error(), `mdmcmd: command "x": CommandFormatError`))
}

func TestUpdateStatusFailures(t *testing.T) {
	for _, s := range []UpdateStatus{UpdateDownloadFailed, UpdateInstallFailed, UpdateDownloadInsufficientSpace, UpdateInstallInsufficientPower} {
		assert.True(t, s.IsFailure(), s)
		assert.True(t, s.IsValid(), s)
	}
	for _, s := range []UpdateStatus{UpdateIdle, UpdateDownloading, UpdateInstalling, "Other"} {
		assert.False(t, s.IsFailure(), s)
	}
}

func TestOSUpdateStatusItemsBecomeObservations(t *testing.T) {
	a, err := ParseOSUpdateStatus(read(t, "osupdatestatus_integer_quirks.plist"))
	require.NoError(t, err)
	at := time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)
	o := a.OSUpdateStatus[0].Observation(at)
	assert.Equal(t, mechanism.Observation{At: at, Status: "Idle", Percent: 1, HasPercent: true, Downloaded: true}, o)
	assert.Equal(t, mechanism.Cached, mechanism.InferCache([]mechanism.Observation{o}, at, mechanism.CachePolicy{}).State)
}
