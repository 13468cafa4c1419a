package mdmcmd

import (
	"encoding/json"
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
		{"", "", mechanism.BackgroundUpdate, compat.NoUpdate}, // configuration data has no macOS version
		{"13.4.1 (c)", "22F770820d", mechanism.RapidSecurityResponse, compat.RSR},
	}
	for i, tt := range tests {
		u := a.AvailableOSUpdates[i]
		if tt.version == "" {
			assert.False(t, u.Version.IsValid(), u.ProductKey)
		} else {
			assert.Equal(t, tt.version, u.Version.String(), u.ProductKey)
		}
		if tt.build != "" {
			assert.Equal(t, tt.build, u.Build.String(), u.ProductKey)
		} else {
			assert.False(t, u.Build.IsValid(), u.ProductKey)
		}
		assert.Equal(t, tt.installer, u.Installer, u.ProductKey)
		assert.Equal(t, tt.kind, u.Kind, u.ProductKey)
	}
	assert.Equal(t, compat.FlagTrue, a.AvailableOSUpdates[0].RequiresBootstrapToken)
	assert.Equal(t, []string(nil), a.AvailableOSUpdates[0].AppIdentifiersToClose)
	assert.Equal(t, compat.FlagTrue, a.AvailableOSUpdates[1].IsMajorOSUpdate, "IsMajorOSUpdate as <integer>1</integer>")
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

func TestParseAnswerWithoutAnEnvelopeIsNoAnswer(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		says string
	}{
		{"missing status", answer(`<key>CommandUUID</key><string>c</string>`), "Status: missing"},
		{"missing command uuid", answer(`<key>Status</key><string>Acknowledged</string>`), "CommandUUID: missing"},
		{"status not a string", answer(`<key>CommandUUID</key><string>c</string><key>Status</key><integer>1</integer>`), "Status: want a string, got integer"},
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

// statusItem is an OSUpdateStatus item with its required keys and extra ones.
func statusItem(key, extra string) string {
	return `<dict><key>ProductKey</key><string>` + key + `</string><key>IsDownloaded</key><false/><key>DownloadPercentComplete</key><real>0.1</real><key>Status</key><string>Idle</string>` + extra + `</dict>`
}

func TestParseAnswerKeepsTheGoodItemsAndNamesTheBadKey(t *testing.T) {
	good := statusItem("good", "")
	tests := []struct {
		name string
		data []byte
		says string
		kept int
	}{
		{"item missing IsDownloaded", acknowledged(`<key>OSUpdateStatus</key><array>` + good + `<dict><key>ProductKey</key><string>k</string><key>DownloadPercentComplete</key><real>0.1</real><key>Status</key><string>Idle</string></dict></array>`), "OSUpdateStatus[1].IsDownloaded: missing", 1},
		{"IsDownloaded of 2", acknowledged(`<key>OSUpdateStatus</key><array><dict><key>ProductKey</key><string>k</string><key>IsDownloaded</key><integer>2</integer><key>DownloadPercentComplete</key><real>0.1</real><key>Status</key><string>Idle</string></dict>` + good + `</array>`), "OSUpdateStatus[0].IsDownloaded: want a boolean, got integer 2", 1},
		{"fraction as a string", acknowledged(`<key>OSUpdateStatus</key><array><dict><key>ProductKey</key><string>k</string><key>IsDownloaded</key><false/><key>DownloadPercentComplete</key><string>50%</string><key>Status</key><string>Idle</string></dict></array>`), "DownloadPercentComplete: want a number, got string", 0},
		{"date as a string", acknowledged(`<key>OSUpdateStatus</key><array>` + statusItem("k", `<key>NextScheduledInstall</key><string>tomorrow</string>`) + good + `</array>`), "NextScheduledInstall: want a date, got string", 1},
		{"array of strings", acknowledged(`<key>OSUpdateStatus</key><array><string>x</string>` + good + `</array>`), "OSUpdateStatus[0]: want a dictionary, got string", 1},
		{"status array as dict", acknowledged(`<key>OSUpdateStatus</key><dict/>`), "OSUpdateStatus: want an array, got dictionary", 0},
		{"acknowledged status without its key", acknowledged(``), "OSUpdateStatus: missing", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := ParseOSUpdateStatus(tt.data)
			require.ErrorIs(t, err, ErrInvalidAnswer)
			assert.Contains(t, err.Error(), tt.says)
			require.NotNil(t, a, "the envelope is fine, so the answer is returned")
			assert.Equal(t, Acknowledged, a.Status)
			assert.Len(t, a.OSUpdateStatus, tt.kept)
		})
	}
	others := []struct {
		name string
		data []byte
		says string
		keep func(*testing.T, *Answer)
	}{
		{"size as date", acknowledged(`<key>AvailableOSUpdates</key><array><dict><key>ProductKey</key><string>k</string><key>DownloadSize</key><date>2020-01-01T00:00:00Z</date></dict><dict><key>ProductKey</key><string>MSU_UPDATE_22G313_patch_13.6.1_minor</string></dict></array>`),
			"AvailableOSUpdates[0].DownloadSize: want an integer, got date", func(t *testing.T, a *Answer) {
				require.Len(t, a.AvailableOSUpdates, 1)
				assert.Equal(t, "MSU_UPDATE_22G313_patch_13.6.1_minor", a.AvailableOSUpdates[0].ProductKey)
			}},
		{"fractional size", acknowledged(`<key>AvailableOSUpdates</key><array><dict><key>ProductKey</key><string>k</string><key>DownloadSize</key><real>1.5</real></dict></array>`),
			"DownloadSize: want an integer, got real", func(t *testing.T, a *Answer) { assert.Empty(t, a.AvailableOSUpdates) }},
		{"error code as string", answer(`<key>CommandUUID</key><string>c</string><key>Status</key><string>Error</string><key>ErrorChain</key><array><dict><key>ErrorCode</key><string>12008</string><key>ErrorDomain</key><string>d</string></dict><dict><key>ErrorCode</key><integer>74</integer><key>ErrorDomain</key><string>MDMClientError</string></dict></array>`),
			"ErrorChain[0].ErrorCode: want an integer, got string", func(t *testing.T, a *Answer) {
				require.Len(t, a.ErrorChain, 1)
				assert.Equal(t, int64(74), a.ErrorChain[0].ErrorCode)
			}},
		{"query responses as array", acknowledged(`<key>QueryResponses</key><array/>`), "QueryResponses: want a dictionary, got array",
			func(t *testing.T, a *Answer) { assert.Nil(t, a.DeviceInformation) }},
		{"one query response of the wrong type", acknowledged(`<key>QueryResponses</key><dict><key>OSVersion</key><integer>14</integer><key>ProductName</key><string>Mac14,2</string><key>IsSupervised</key><true/></dict>`),
			"QueryResponses.OSVersion: want a string, got integer", func(t *testing.T, a *Answer) {
				require.NotNil(t, a.DeviceInformation)
				mac, err := a.DeviceInformation.Mac()
				require.NoError(t, err)
				assert.Equal(t, compat.Mac{Model: "Mac14,2", Chip: compat.AppleSilicon, Supervised: compat.FlagTrue}, mac, "the rest of the snapshot is built")
			}},
	}
	for _, tt := range others {
		t.Run(tt.name, func(t *testing.T) {
			a, err := ParseAnswer(tt.data)
			require.ErrorIs(t, err, ErrInvalidAnswer)
			assert.Contains(t, err.Error(), tt.says)
			require.NotNil(t, a)
			tt.keep(t, a)
		})
	}
}

// TestParseAnswerCountsEveryProblemOfAnItem gives twelve keys of one
// AvailableOSUpdates item the wrong type: the message lists errtext.MaxErrors of
// them and counts the other four.
func TestParseAnswerCountsEveryProblemOfAnItem(t *testing.T) {
	var item strings.Builder
	for _, key := range []string{"ProductKey", "HumanReadableName", "Version", "Build", "DeferredUntil", "MetadataURL",
		"IsCritical", "IsConfigDataUpdate", "IsFirmwareUpdate", "IsMajorOSUpdate", "IsSecurityResponse", "RestartRequired"} {
		item.WriteString("<key>" + key + "</key><dict/>")
	}
	a, err := ParseAnswer(acknowledged("<key>AvailableOSUpdates</key><array><dict>" + item.String() + "</dict></array>"))
	require.NotNil(t, a)
	require.ErrorIs(t, err, ErrInvalidAnswer)
	assert.Empty(t, a.AvailableOSUpdates)
	assert.True(t, strings.HasSuffix(err.Error(), "\nand 4 more"), err.Error())
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
	assert.Equal(t, mechanism.Observation{At: at, Target: "13.6.1", Status: "Idle", Percent: 1, HasPercent: true, Downloaded: true}, o)
	assert.Equal(t, mechanism.Cached, mechanism.InferCache([]mechanism.Observation{o}, at, mechanism.CachePolicy{}).State)
}

func TestOSUpdateStatusObservationTargets(t *testing.T) {
	at := time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)
	for key, target := range map[string]string{
		"MSU_UPDATE_22G313_patch_13.6.1_minor":   "13.6.1",
		"_MACOS_14.7.3":                          "14.7.3",
		"MSU_UPDATE_22F770820d_patch_13.4.1_rsr": "MSU_UPDATE_22F770820d_patch_13.4.1_rsr",
		"_OSX_18A391":                            "_OSX_18A391",
		"041-14451":                              "041-14451",
	} {
		assert.Equal(t, target, OSUpdateStatusItem{ProductKey: key}.Observation(at).Target, key)
	}
}

func TestAvailableOSUpdatesThatAreNotMacOS(t *testing.T) {
	a, err := ParseAvailableOSUpdates(read(t, "availableosupdates_not_macos.plist"))
	require.NoError(t, err)
	tests := []struct {
		key       string
		category  Category
		version   string
		installer mechanism.Installer
		kind      compat.Kind
	}{
		{"zzzz091-81933", CategoryOther, "", mechanism.SoftwareUpdate, compat.NoUpdate},
		{"062-48451", CategoryOther, "", mechanism.SoftwareUpdate, compat.NoUpdate},
		{"052-96247", CategoryConfigurationData, "", mechanism.BackgroundUpdate, compat.NoUpdate},
		{"031-12345", CategoryFirmware, "", mechanism.SoftwareUpdate, compat.NoUpdate},
		{"093-37361", CategoryMacOS, "13.6.7", mechanism.InstallAssistant, compat.Major},
		{"MSU_UPDATE_22A240a_full_13.0_minor", CategoryMacOS, "13.0", mechanism.SoftwareUpdate, compat.Minor},
	}
	require.Len(t, a.AvailableOSUpdates, len(tests))
	for i, tt := range tests {
		u := a.AvailableOSUpdates[i]
		assert.Equal(t, tt.key, u.ProductKey)
		assert.Equal(t, tt.category, u.Category, tt.key)
		assert.Equal(t, tt.category, u.Categorize(), tt.key)
		if tt.version == "" {
			assert.False(t, u.Version.IsValid(), "%s has no macOS version, whatever its own version %q", tt.key, u.VersionText)
			assert.False(t, u.Build.IsValid(), tt.key)
		} else {
			assert.Equal(t, tt.version, u.Version.String(), tt.key)
		}
		installer, kind := u.Classify()
		assert.Equal(t, tt.installer, installer, tt.key)
		assert.Equal(t, tt.kind, kind, tt.key)
		assert.Equal(t, tt.installer, u.Installer, tt.key)
		assert.Equal(t, tt.kind, u.Kind, tt.key)
	}
	assert.Equal(t, "12.7.5", a.AvailableOSUpdates[0].VersionText, "the app's own version is kept as text")
	assert.Equal(t, compat.MustParseBuild("22A240a"), a.AvailableOSUpdates[5].Build, "from the product key")
}

func TestAvailableOSUpdateFlagsTellFalseFromAbsent(t *testing.T) {
	a, err := ParseAvailableOSUpdates(read(t, "availableosupdates_not_macos.plist"))
	require.NoError(t, err)
	itunes, safari, installer := a.AvailableOSUpdates[0], a.AvailableOSUpdates[1], a.AvailableOSUpdates[4]
	assert.Equal(t, compat.FlagFalse, itunes.IsCritical, "sent as <false/>")
	assert.Equal(t, compat.FlagUnknown, safari.IsCritical, "not sent")
	assert.Equal(t, compat.FlagTrue, itunes.AllowsInstallLater)
	assert.Equal(t, compat.FlagFalse, installer.AllowsInstallLater)
	assert.Equal(t, compat.FlagUnknown, safari.AllowsInstallLater)
	b, err := json.Marshal(safari)
	require.NoError(t, err)
	assert.NotContains(t, string(b), "is_critical", "an unknown flag is left out of JSON")
	b, err = json.Marshal(itunes)
	require.NoError(t, err)
	assert.Contains(t, string(b), `"is_critical":false`)
}

func TestDeviceInformationSnapshot(t *testing.T) {
	a, err := ParseDeviceInformation(read(t, "deviceinformation_macos_supervised.plist"))
	require.NoError(t, err)
	info := a.DeviceInformation
	mac, err := info.Mac()
	require.NoError(t, err)
	assert.Equal(t, compat.Mac{
		Model: "MacBookPro16,1", DeviceID: "J152FAP", Chip: compat.Intel,
		Version: compat.MustParseVersion("14.2.1"), Build: compat.MustParseBuild("23C71"),
		Serial: "C02EXAMPLE02", UDID: "0000FE00-7777-8888-9999-AAAABBBBCCCC", Supervised: compat.FlagTrue,
	}, mac)
	assert.Equal(t, compat.FlagFalse, info.AwaitingConfiguration)
	require.NotNil(t, info.OSUpdateSettings)
	s := *info.OSUpdateSettings
	assert.Equal(t, compat.FlagTrue, s.IsDefaultCatalog)
	assert.Equal(t, compat.FlagTrue, s.BackgroundDownloadEnabled)
	assert.Equal(t, compat.FlagFalse, s.AutomaticOSInstallationEnabled)
	assert.Equal(t, "0", s.PreviousScanResult)
	assert.True(t, s.PreviousScanDate.Equal(time.Date(2026, 11, 26, 22, 14, 3, 0, time.UTC)))
	assert.Contains(t, s.CatalogURL, "swscan.apple.com")

	a, err = ParseDeviceInformation(read(t, "deviceinformation_macos_rsr.plist"))
	require.NoError(t, err)
	mac, err = a.DeviceInformation.Mac()
	require.NoError(t, err)
	assert.Equal(t, compat.MustParseVersion("13.4.1 (c)"), mac.Version)
	assert.Equal(t, compat.MustParseBuild("22F770820d"), mac.Build, "the supplemental build when there is one")
	assert.Equal(t, compat.FlagUnknown, mac.Supervised, "not asked")
	assert.Nil(t, a.DeviceInformation.OSUpdateSettings)
}

func TestDeviceInformationBuild(t *testing.T) {
	b, err := DeviceInformation{BuildVersion: "22F82"}.Build()
	require.NoError(t, err)
	assert.Equal(t, compat.MustParseBuild("22F82"), b)
	b, err = DeviceInformation{BuildVersion: "22F82", SupplementalBuildVersion: "22F770820d"}.Build()
	require.NoError(t, err)
	assert.Equal(t, compat.MustParseBuild("22F770820d"), b)
	_, err = DeviceInformation{BuildVersion: "22F82", SupplementalBuildVersion: "nope"}.Build()
	assert.ErrorIs(t, err, compat.ErrInvalidBuild)
	assert.Contains(t, err.Error(), "SupplementalBuildVersion")
}

func TestDeviceInformationSnapshotKeepsWhatReads(t *testing.T) {
	info := DeviceInformation{ProductName: "Mac14,2", OSVersion: "fourteen", BuildVersion: "23C71", IsSupervised: compat.FlagFalse, SupplementalOSVersionExtra: "a"}
	mac, err := info.Mac()
	require.ErrorIs(t, err, compat.ErrInvalidVersion)
	assert.Contains(t, err.Error(), "OSVersion")
	assert.Equal(t, compat.Mac{Model: "Mac14,2", Chip: compat.AppleSilicon, Build: compat.MustParseBuild("23C71"), Supervised: compat.FlagFalse}, mac)
	mac, err = DeviceInformation{}.Mac()
	require.NoError(t, err, "nothing reported is nothing known, not an error")
	assert.Equal(t, compat.Mac{}, mac)
}
