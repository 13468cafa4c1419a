package mdmcmd

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/managedos/managedos/compat"
	"github.com/managedos/managedos/internal/errtext"
	"github.com/managedos/managedos/internal/golden"
)

// machineInfoPlist wraps dictionary entries in an XML property list.
func machineInfoPlist(entries string) []byte {
	return []byte(`<?xml version="1.0" encoding="UTF-8"?>
<plist version="1.0"><dict>` + entries + `</dict></plist>`)
}

// miString is one <key>/<string> entry.
func miString(key, value string) string {
	return fmt.Sprintf("<key>%s</key><string>%s</string>", key, value)
}

// miBase is a valid MachineInfo of a Mac on 14.4, without the keys a test varies.
func miBase(without ...string) string {
	entries := []struct{ key, entry string }{
		{keyUDID, miString(keyUDID, "00008112-000A1B2C3D4E5F60")},
		{keySerial, miString(keySerial, "C02XK0AAQ6L4")},
		{keyProduct, miString(keyProduct, "Mac14,2")},
		{keyVersion, miString(keyVersion, "23E214")},
		{keyOSVersion, miString(keyOSVersion, "14.4")},
		{keyCanRequest, "<key>MDM_CAN_REQUEST_SOFTWARE_UPDATE</key><true/>"},
	}
	var b strings.Builder
outer:
	for _, e := range entries {
		for _, w := range without {
			if w == e.key {
				continue outer
			}
		}
		b.WriteString(e.entry)
	}
	return b.String()
}

func TestParseMachineInfoSamples(t *testing.T) {
	tests := []struct {
		file       string
		info       MachineInfo
		mac        compat.Mac
		release    string
		canRequest bool
		os         string
	}{
		{
			file: "machineinfo_mac14_2_macos14_4.plist",
			info: MachineInfo{
				UDID: "00008112-000A1B2C3D4E5F60", Serial: "C02XK0AAQ6L4", Product: "Mac14,2",
				Build: compat.MustParseBuild("23E214"), OSVersion: compat.MustParseVersion("14.4"),
				SupplementalBuild: compat.MustParseBuild("23E214"), SoftwareUpdateDeviceID: "J413AP",
				MDMCanRequestSoftwareUpdate: compat.FlagTrue, Language: "en",
			},
			mac: compat.Mac{
				Model: "Mac14,2", DeviceID: "J413AP", Chip: compat.AppleSilicon,
				Version: compat.MustParseVersion("14.4"), Build: compat.MustParseBuild("23E214"),
				Serial: "C02XK0AAQ6L4", UDID: "00008112-000A1B2C3D4E5F60",
			},
			release: "14", canRequest: true, os: "macOS 14.4 (23E214)",
		},
		{
			file: "machineinfo_macos13_6_build_only.plist",
			info: MachineInfo{
				UDID: "00006000-001A2B3C4D5E6F70", Serial: "C02ZT1BBMD6M", Product: "MacBookPro18,3",
				Build: compat.MustParseBuild("22G120"), Language: "en-GB",
			},
			mac: compat.Mac{
				Model: "MacBookPro18,3", Chip: compat.AppleSilicon, Build: compat.MustParseBuild("22G120"),
				Serial: "C02ZT1BBMD6M", UDID: "00006000-001A2B3C4D5E6F70",
			},
			release: "13", canRequest: false,
			os: "macOS 13 (22G120), exact version unknown: the Mac sends OS_VERSION only from macOS 14",
		},
		{
			file: "machineinfo_mac15_3_flag_false.plist",
			info: MachineInfo{
				UDID: "00008122-000B2C3D4E5F6071", Serial: "C02YV2CCRX7N", Product: "Mac15,3",
				Build: compat.MustParseBuild("23G93"), OSVersion: compat.MustParseVersion("14.6.1"),
				SupplementalBuild: compat.MustParseBuild("23G93"), SoftwareUpdateDeviceID: "J504AP",
				MDMCanRequestSoftwareUpdate: compat.FlagFalse, Language: "fr",
			},
			mac: compat.Mac{
				Model: "Mac15,3", DeviceID: "J504AP", Chip: compat.AppleSilicon,
				Version: compat.MustParseVersion("14.6.1"), Build: compat.MustParseBuild("23G93"),
				Serial: "C02YV2CCRX7N", UDID: "00008122-000B2C3D4E5F6071",
			},
			release: "14", canRequest: false, os: "macOS 14.6.1 (23G93)",
		},
		{
			file: "machineinfo_imac19_1_macos15.plist",
			info: MachineInfo{
				UDID: "4C4C4544-0031-3910-8036-B4C04F4E3132", Serial: "C02XD3DDJV40", Product: "iMac19,1",
				Build: compat.MustParseBuild("24G830"), OSVersion: compat.MustParseVersion("15.7.9"),
				SupplementalBuild: compat.MustParseBuild("24G830"), SoftwareUpdateDeviceID: "Mac-63001698E7A34814",
				MDMCanRequestSoftwareUpdate: compat.FlagTrue, Language: "de",
			},
			mac: compat.Mac{
				Model: "iMac19,1", DeviceID: "Mac-63001698E7A34814", Chip: compat.Intel,
				Version: compat.MustParseVersion("15.7.9"), Build: compat.MustParseBuild("24G830"),
				Serial: "C02XD3DDJV40", UDID: "4C4C4544-0031-3910-8036-B4C04F4E3132",
			},
			release: "15", canRequest: true, os: "macOS 15.7.9 (24G830)",
		},
		{
			file: "machineinfo_unknown_product.plist",
			info: MachineInfo{
				UDID: "00008142-000C3D4E5F607182", Serial: "C02WX4EEMD6T", Product: "MacBookPro19,1",
				Build: compat.MustParseBuild("25B78"), OSVersion: compat.MustParseVersion("26.1"),
				SupplementalBuild: compat.MustParseBuild("25B78"), SoftwareUpdateDeviceID: "J999AP",
				MDMCanRequestSoftwareUpdate: compat.FlagTrue, Language: "en",
			},
			mac: compat.Mac{
				Model: "MacBookPro19,1", DeviceID: "J999AP", Chip: compat.ChipUnknown,
				Version: compat.MustParseVersion("26.1"), Build: compat.MustParseBuild("25B78"),
				Serial: "C02WX4EEMD6T", UDID: "00008142-000C3D4E5F607182",
			},
			release: "26", canRequest: true, os: "macOS 26.1 (25B78)",
		},
		{
			file: "machineinfo_mac16_1_bsi_26_3_1a.plist",
			info: MachineInfo{
				UDID: "00008132-000D4E5F60718293", Serial: "C02VW5FFQ05D", Product: "Mac16,1",
				Build: compat.MustParseBuild("25D2128"), OSVersion: compat.MustParseVersion("26.3.1 (a)"),
				SupplementalBuild: compat.MustParseBuild("25D771280a"), SoftwareUpdateDeviceID: "J604AP",
				MDMCanRequestSoftwareUpdate: compat.FlagTrue, Language: "en",
			},
			mac: compat.Mac{
				Model: "Mac16,1", DeviceID: "J604AP", Chip: compat.AppleSilicon,
				Version: compat.MustParseVersion("26.3.1 (a)"), Build: compat.MustParseBuild("25D771280a"),
				Serial: "C02VW5FFQ05D", UDID: "00008132-000D4E5F60718293",
			},
			release: "26", canRequest: true, os: "macOS 26.3.1 (a) (25D771280a)",
		},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			data, err := os.ReadFile("testdata/" + tt.file)
			require.NoError(t, err)
			info, err := ParseMachineInfo(data)
			require.NoError(t, err)
			assert.Equal(t, data, info.Raw, "Raw keeps the input")
			got := *info
			got.Raw = nil
			assert.Equalf(t, tt.info, got, "ParseMachineInfo(%s)", tt.file)
			assert.Equalf(t, tt.mac, info.Mac(), "Mac() of %s", tt.file)
			assert.Equalf(t, tt.release, info.Release().ReleaseName(), "Release() of %s", tt.file)
			assert.Equalf(t, tt.canRequest, info.CanRequestSoftwareUpdate(), "CanRequestSoftwareUpdate() of %s", tt.file)
			assert.Equalf(t, tt.os, info.DescribeOS(), "DescribeOS() of %s", tt.file)
		})
	}
}

// TestParseMachineInfoGolden pins what the library understood of each sample, as
// JSON; UPDATE_GOLDEN=1 rewrites the files.
func TestParseMachineInfoGolden(t *testing.T) {
	for _, name := range []string{
		"machineinfo_mac14_2_macos14_4", "machineinfo_macos13_6_build_only", "machineinfo_mac15_3_flag_false",
		"machineinfo_imac19_1_macos15", "machineinfo_unknown_product", "machineinfo_mac16_1_bsi_26_3_1a",
	} {
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile("testdata/" + name + ".plist")
			require.NoError(t, err)
			info, err := ParseMachineInfo(data)
			require.NoError(t, err)
			got, err := json.MarshalIndent(struct {
				MachineInfo *MachineInfo `json:"machine_info"`
				Mac         compat.Mac   `json:"mac"`
				Release     string       `json:"release"`
				CanRequest  bool         `json:"can_request_software_update"`
				OS          string       `json:"os"`
			}{info, info.Mac(), info.Release().ReleaseName(), info.CanRequestSoftwareUpdate(), info.DescribeOS()}, "", "  ")
			require.NoError(t, err)
			golden.Bytes(t, "testdata/"+name+".golden.json", append(got, '\n'))
		})
	}
}

func TestParseMachineInfoBinaryMatchesXML(t *testing.T) {
	xml, err := os.ReadFile("testdata/machineinfo_mac16_1_bsi_26_3_1a.plist")
	require.NoError(t, err)
	bin, err := os.ReadFile("testdata/machineinfo_mac16_1_bsi_26_3_1a.bplist")
	require.NoError(t, err)
	require.True(t, strings.HasPrefix(string(bin), "bplist00"), "the sample is a binary plist")
	fromXML, err := ParseMachineInfo(xml)
	require.NoError(t, err)
	fromBin, err := ParseMachineInfo(bin)
	require.NoError(t, err)
	fromXML.Raw, fromBin.Raw = nil, nil
	assert.Equal(t, fromXML, fromBin)
}

func TestParseMachineInfoRefusals(t *testing.T) {
	long := strings.Repeat("x", 10_000)
	tests := []struct {
		name string
		data []byte
		want string // in the message
	}{
		{"not a plist", []byte("hello"), "not an XML or binary property list"},
		{"an HTML error page", []byte("<html><body>502</body></html>"), `unknown element <"html">`},
		{"the CMS envelope instead of its content", []byte{0x30, 0x82, 0x01, 0x00, 0x06, 0x09}, "pass the CMS envelope's signed content"},
		{"empty", nil, "not an XML or binary property list"},
		{"text starting with 0 gets no DER hint", []byte("0x"), `not an XML or binary property list (it starts with "0x")`},
		{"an array", []byte(`<plist version="1.0"><array/></plist>`), "want a dictionary, got array"},
		{"PRODUCT missing", machineInfoPlist(miBase(keyProduct)), "PRODUCT: missing"},
		{"PRODUCT empty", machineInfoPlist(miBase(keyProduct) + miString(keyProduct, "")), "PRODUCT: empty"},
		{"PRODUCT not a string", machineInfoPlist(miBase(keyProduct) + "<key>PRODUCT</key><integer>14</integer>"), "PRODUCT: want a string, got integer"},
		{"VERSION missing", machineInfoPlist(miBase(keyVersion, keyOSVersion)), "VERSION: missing"},
		{"VERSION empty", machineInfoPlist(miBase(keyVersion) + miString(keyVersion, "")), "VERSION: empty"},
		{"VERSION not a string", machineInfoPlist(miBase(keyVersion) + "<key>VERSION</key><real>23.5</real>"), "VERSION: want a string, got real"},
		{"VERSION not a build", machineInfoPlist(miBase(keyVersion) + miString(keyVersion, "14.4")), `VERSION: "14.4" is not a macOS build`},
		{"OS_VERSION not a string", machineInfoPlist(miBase(keyOSVersion) + "<key>OS_VERSION</key><real>14.4</real>"), "OS_VERSION: want a string, got real"},
		{"OS_VERSION not a version", machineInfoPlist(miBase(keyOSVersion) + miString(keyOSVersion, "Sonoma")), `OS_VERSION: "Sonoma" is not a macOS version`},
		{"OS_VERSION of another release", machineInfoPlist(miBase(keyOSVersion) + miString(keyOSVersion, "15.4")), "OS_VERSION: 15.4 does not match VERSION 23E214 (a build of macOS 14)"},
		{"OS_VERSION missing from a 14 build", machineInfoPlist(miBase(keyOSVersion)), "OS_VERSION: missing (Apple requires it from macOS 14, and VERSION 23E214 is macOS 14)"},
		{"OS_VERSION empty on a 14 build", machineInfoPlist(miBase(keyOSVersion) + miString(keyOSVersion, "")), "OS_VERSION: missing"},
		{"extra without OS_VERSION", machineInfoPlist(miBase(keyOSVersion, keyVersion) + miString(keyVersion, "22G120") + miString(keySupplementalExtra, "(a)")), `SUPPLEMENTAL_OS_VERSION_EXTRA: "(a)" without OS_VERSION`},
		{"extra not a letter", machineInfoPlist(miBase() + miString(keySupplementalExtra, "(1)")), `SUPPLEMENTAL_OS_VERSION_EXTRA: "(1)" is not a supplemental letter`},
		{"extra disagrees with the inline letter", machineInfoPlist(miBase(keyOSVersion) + miString(keyOSVersion, "14.4 (a)") + miString(keySupplementalExtra, "(b)")), `SUPPLEMENTAL_OS_VERSION_EXTRA: "(b)" disagrees with OS_VERSION 14.4 (a)`},
		{"supplemental build of another release", machineInfoPlist(miBase() + miString(keySupplementalBuild, "22F770820d")), "SUPPLEMENTAL_BUILD_VERSION: 22F770820d is not a build of the same release as VERSION 23E214"},
		{"supplemental build not a build", machineInfoPlist(miBase() + miString(keySupplementalBuild, "(a)")), `SUPPLEMENTAL_BUILD_VERSION: "(a)" is not a macOS build`},
		{"flag not a boolean", machineInfoPlist(miBase(keyCanRequest) + miString(keyCanRequest, "true")), "MDM_CAN_REQUEST_SOFTWARE_UPDATE: want a boolean, got string"},
		{"flag out of range", machineInfoPlist(miBase(keyCanRequest) + "<key>MDM_CAN_REQUEST_SOFTWARE_UPDATE</key><integer>2</integer>"), "MDM_CAN_REQUEST_SOFTWARE_UPDATE: want a boolean, got integer 2"},
		{"device ID not a string", machineInfoPlist(miBase() + "<key>SOFTWARE_UPDATE_DEVICE_ID</key><dict/>"), "SOFTWARE_UPDATE_DEVICE_ID: want a string, got dictionary"},
		{"UDID not a string", machineInfoPlist(miBase(keyUDID) + "<key>UDID</key><data>AAEC</data>"), "UDID: want a string, got data"},
		{"a huge bad value is cut", machineInfoPlist(miBase(keyVersion) + miString(keyVersion, long)), `VERSION: "` + strings.Repeat("x", errtext.MaxValue) + `"… is not a macOS build`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			info, err := ParseMachineInfo(tt.data)
			require.ErrorIs(t, err, ErrInvalidAnswer)
			assert.Nil(t, info)
			assert.Contains(t, err.Error(), tt.want)
			assert.True(t, strings.HasPrefix(err.Error(), "mdmcmd: machine info: "), err.Error())
			assert.Less(t, len(err.Error()), 1024, "the message is bounded")
			// The CLI maps these sentinels to their own codes; a MachineInfo that
			// cannot be read must stay an invalid payload.
			assert.False(t, errors.Is(err, compat.ErrInvalidVersion) || errors.Is(err, compat.ErrInvalidBuild), "wraps only ErrInvalidAnswer")
		})
	}
}

func TestParseMachineInfoReportsEveryProblem(t *testing.T) {
	_, err := ParseMachineInfo(machineInfoPlist(miString(keyOSVersion, "x") + "<key>UDID</key><integer>1</integer>"))
	require.ErrorIs(t, err, ErrInvalidAnswer)
	for _, key := range []string{"UDID:", "PRODUCT: missing", "VERSION: missing", "OS_VERSION:"} {
		assert.Contains(t, err.Error(), key)
	}
}

// TestParseMachineInfoCountsTheProblemsItDoesNotList gives every key the wrong
// type: ten problems, of which the message lists errtext.MaxErrors and counts the
// rest.
func TestParseMachineInfoCountsTheProblemsItDoesNotList(t *testing.T) {
	var entries strings.Builder
	for _, key := range []string{keyUDID, keySerial, keyProduct, keyVersion, keyOSVersion, keySupplementalBuild, keySupplementalExtra, keyDeviceID, keyCanRequest, keyLanguage} {
		entries.WriteString("<key>" + key + "</key><dict/>")
	}
	_, err := ParseMachineInfo(machineInfoPlist(entries.String()))
	require.ErrorIs(t, err, ErrInvalidAnswer)
	assert.True(t, strings.HasSuffix(err.Error(), "\nand 2 more"), err.Error())
}

func TestParseMachineInfoLenient(t *testing.T) {
	tests := []struct {
		name  string
		data  []byte
		check func(t *testing.T, info *MachineInfo)
	}{
		{"flag as integer 1", machineInfoPlist(miBase(keyCanRequest) + "<key>MDM_CAN_REQUEST_SOFTWARE_UPDATE</key><integer>1</integer>"), func(t *testing.T, info *MachineInfo) {
			assert.Equal(t, compat.FlagTrue, info.MDMCanRequestSoftwareUpdate)
		}},
		{"flag absent is false, and kept as not sent", machineInfoPlist(miBase(keyCanRequest)), func(t *testing.T, info *MachineInfo) {
			assert.Equal(t, compat.FlagUnknown, info.MDMCanRequestSoftwareUpdate)
			assert.False(t, info.CanRequestSoftwareUpdate())
		}},
		{"a 13 build claiming the flag cannot be asked", machineInfoPlist(miBase(keyVersion, keyOSVersion) + miString(keyVersion, "22G120")), func(t *testing.T, info *MachineInfo) {
			assert.Equal(t, compat.FlagTrue, info.MDMCanRequestSoftwareUpdate)
			assert.False(t, info.CanRequestSoftwareUpdate())
		}},
		{"UDID and SERIAL may be absent", machineInfoPlist(miBase(keyUDID, keySerial)), func(t *testing.T, info *MachineInfo) {
			assert.Empty(t, info.UDID)
			assert.Empty(t, info.Serial)
		}},
		{"unknown keys and other devices' keys are ignored", machineInfoPlist(miBase() + miString("IMEI", "35 000000 000000 0") + "<key>PAIRING_TOKEN</key><data>AAEC</data><key>FUTURE</key><array/>"), func(t *testing.T, info *MachineInfo) {
			assert.Equal(t, "Mac14,2", info.Product)
		}},
		{"the letter inline in OS_VERSION", machineInfoPlist(miBase(keyOSVersion) + miString(keyOSVersion, "14.4 (a)")), func(t *testing.T, info *MachineInfo) {
			assert.Equal(t, compat.MustParseVersion("14.4 (a)"), info.OSVersion)
		}},
		{"the letter inline and in the extra key, agreeing", machineInfoPlist(miBase(keyOSVersion) + miString(keyOSVersion, "14.4(a)") + miString(keySupplementalExtra, "(a)")), func(t *testing.T, info *MachineInfo) {
			assert.Equal(t, "14.4 (a)", info.OSVersion.String())
		}},
		{"empty optional strings mean not sent", machineInfoPlist(miBase() + miString(keySupplementalBuild, "") + miString(keySupplementalExtra, "") + miString(keyDeviceID, "")), func(t *testing.T, info *MachineInfo) {
			assert.False(t, info.SupplementalBuild.IsValid())
			assert.Equal(t, compat.MustParseVersion("14.4"), info.OSVersion)
			assert.Equal(t, info.Build, info.Mac().Build)
		}},
		{"a 10.15 Mac", machineInfoPlist(miBase(keyVersion, keyOSVersion, keyCanRequest) + miString(keyVersion, "19H2026")), func(t *testing.T, info *MachineInfo) {
			assert.Equal(t, "10.15", info.Release().ReleaseName())
			assert.Equal(t, "macOS 10.15 (19H2026), exact version unknown: the Mac sends OS_VERSION only from macOS 14", info.DescribeOS())
		}},
		{"a build of no macOS release", machineInfoPlist(miBase(keyVersion, keyOSVersion) + miString(keyVersion, "3A1")), func(t *testing.T, info *MachineInfo) {
			assert.False(t, info.Release().IsValid())
			assert.Equal(t, compat.FlagUnknown, info.AtLeast(compat.MustParseVersion("10.1")))
			assert.False(t, info.CanRequestSoftwareUpdate())
			assert.Contains(t, info.DescribeOS(), "no known macOS release (Darwin 3)")
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			info, err := ParseMachineInfo(tt.data)
			require.NoError(t, err)
			tt.check(t, info)
		})
	}
}

func TestParseMachineInfoLimits(t *testing.T) {
	data, err := os.ReadFile("testdata/machineinfo_mac14_2_macos14_4.plist")
	require.NoError(t, err)
	_, err = ParseOptions{Limits: compat.Limits{MaxBytes: 64}}.ParseMachineInfo(data)
	require.ErrorIs(t, err, compat.ErrTooLarge)
	assert.True(t, strings.HasPrefix(err.Error(), "mdmcmd: machine info: "), err.Error())
	_, err = ParseOptions{Limits: compat.Limits{MaxBytes: int64(len(data))}}.ParseMachineInfo(data)
	assert.NoError(t, err)
}

func TestMachineInfoAtLeast(t *testing.T) {
	v := compat.MustParseVersion
	on144 := &MachineInfo{Build: compat.MustParseBuild("23E214"), OSVersion: v("14.4")}
	on13 := &MachineInfo{Build: compat.MustParseBuild("22G120")}
	onRSR := &MachineInfo{Build: compat.MustParseBuild("25D2128"), OSVersion: v("26.3.1 (a)")}
	on1015 := &MachineInfo{Build: compat.MustParseBuild("19H2026")}
	tests := []struct {
		name string
		info *MachineInfo
		v    compat.Version
		want compat.Flag
	}{
		{"known version, below", on144, v("14.5"), compat.FlagFalse},
		{"known version, equal", on144, v("14.4"), compat.FlagTrue},
		{"known version, above", on144, v("14.2.1"), compat.FlagTrue},
		{"supplemental above its base", onRSR, v("26.3.1"), compat.FlagTrue},
		{"supplemental below the next", onRSR, v("26.3.2"), compat.FlagFalse},
		{"build only, later major", on13, v("14"), compat.FlagFalse},
		{"build only, later minor of a later major", on13, v("14.2"), compat.FlagFalse},
		{"build only, earlier major", on13, v("12.7.6"), compat.FlagTrue},
		{"build only, the release itself", on13, v("13"), compat.FlagTrue},
		{"build only, the release's .0", on13, v("13.0"), compat.FlagTrue},
		{"build only, a minor of the same release is unknown", on13, v("13.5"), compat.FlagUnknown},
		{"build only, a supplemental of the .0 is unknown", on13, v("13.0 (a)"), compat.FlagUnknown},
		{"10.15, another 10 release", on1015, v("10.14.6"), compat.FlagTrue},
		{"10.15, a later 10.15 is unknown", on1015, v("10.15.7"), compat.FlagUnknown},
		{"10.15, below 11", on1015, v("11"), compat.FlagFalse},
		{"zero version", on144, compat.Version{}, compat.FlagUnknown},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equalf(t, tt.want, tt.info.AtLeast(tt.v), "AtLeast(%v) on %s", tt.v, tt.info.DescribeOS())
		})
	}
}

// TestMachineInfoKeysMatchSchema checks every key the reader knows, and the type it
// expects, against Apple's schema file copied into testdata, and that every key of
// the schema is either read or ignored on purpose.
func TestMachineInfoKeysMatchSchema(t *testing.T) {
	schema := readSchemaKeys(t, "testdata/schema/machineinfo.yaml", "payloadkeys")
	read := map[string]struct{ typ, macOS string }{
		keyUDID:              {"string", ""},
		keySerial:            {"string", ""},
		keyProduct:           {"string", ""},
		keyVersion:           {"string", ""},
		keyOSVersion:         {"string", "14.0"},
		keySupplementalBuild: {"string", "14.0"},
		keySupplementalExtra: {"string", "14.0"},
		keyDeviceID:          {"string", "14.4"},
		keyCanRequest:        {"boolean", "14.0"},
		keyLanguage:          {"string", ""},
	}
	ignored := map[string]string{"IMEI": "n/a", "MEID": "n/a", "PAIRING_TOKEN": "n/a"} // key: macOS availability
	for key, want := range read {
		got, ok := schema[key]
		if assert.Truef(t, ok, "%s is not in Apple's schema", key) {
			assert.Equalf(t, want.typ, got.Type, "type of %s", key)
			assert.Equalf(t, want.macOS, got.MacOS, "macOS availability of %s", key)
		}
	}
	for key, got := range schema {
		if _, ok := read[key]; ok {
			continue
		}
		macOS, ok := ignored[key]
		if assert.Truef(t, ok, "schema key %s is neither read nor ignored", key) {
			assert.Equalf(t, macOS, got.MacOS, "%s is ignored because macOS does not send it", key)
		}
	}
	// Apple marks these required; the reader requires PRODUCT and VERSION, requires
	// OS_VERSION from macOS 14 (where the schema introduces it), and reads UDID and
	// SERIAL leniently (see ParseMachineInfo).
	for _, key := range []string{keyUDID, keySerial, keyProduct, keyVersion, keyOSVersion} {
		assert.Equalf(t, "required", schema[key].Presence, "presence of %s", key)
	}
	assert.Equal(t, "optional", schema[keyCanRequest].Presence)
}
