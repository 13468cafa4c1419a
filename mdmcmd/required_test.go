package mdmcmd

import (
	"encoding/json"
	"errors"
	"math/rand/v2"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"howett.net/plist"

	"github.com/managedos/managedos/compat"
	"github.com/managedos/managedos/internal/golden"
)

var beta = BetaProgram{Description: "Example Corp macOS beta", Token: "c2VlZGluZy10b2tlbg"}

func TestNewSoftwareUpdateRequiredRules(t *testing.T) {
	v := compat.MustParseVersion
	b := compat.MustParseBuild
	tests := []struct {
		name   string
		target compat.Version
		build  compat.Build
		opts   RequiredOptions
		key    string // "" means the body is valid
	}{
		{"a version is enough", v("15.7.9"), compat.Build{}, RequiredOptions{}, ""},
		{"a version and its build", v("15.7.9"), b("24G830"), RequiredOptions{DeviceOS: v("14.4")}, ""},
		{"a supplemental version and build", v("26.3.1 (a)"), b("25D771280a"), RequiredOptions{DeviceOS: v("26.3.1")}, ""},
		{"a beta build of the version", v("26.1"), b("25B5042k"), RequiredOptions{DeviceOS: v("26.0.1")}, ""},
		{"message and description", v("15.7.9"), compat.Build{}, RequiredOptions{Message: "Updating macOS before setup.", Description: "policy minimum 15.7.9"}, ""},
		{"beta program on 14.5", v("26.1"), compat.Build{}, RequiredOptions{DeviceOS: v("14.5"), RequireBetaProgram: beta}, ""},
		// The body itself.
		{"version required", compat.Version{}, compat.Build{}, RequiredOptions{}, "details.OSVersion"},
		{"version before 14 is a downgrade for any Mac that reads it", v("13.6"), compat.Build{}, RequiredOptions{}, "details.OSVersion"},
		{"build of another release", v("15.7.9"), b("23E214"), RequiredOptions{}, "details.BuildVersion"},
		{"supplemental version needs a supplemental build", v("26.3.1 (a)"), b("25D2128"), RequiredOptions{}, "details.BuildVersion"},
		{"message with a control character", v("15.7.9"), compat.Build{}, RequiredOptions{Message: "line\none"}, "message"},
		{"description not UTF-8", v("15.7.9"), compat.Build{}, RequiredOptions{Description: "\xff"}, "description"},
		{"beta program without a token", v("26.1"), compat.Build{}, RequiredOptions{DeviceOS: v("15.1"), RequireBetaProgram: BetaProgram{Description: "beta"}}, "details.RequireBetaProgram.Token"},
		{"beta program without a description", v("26.1"), compat.Build{}, RequiredOptions{DeviceOS: v("15.1"), RequireBetaProgram: BetaProgram{Token: "t"}}, "details.RequireBetaProgram.Description"},
		{"beta token with a control character", v("26.1"), compat.Build{}, RequiredOptions{DeviceOS: v("15.1"), RequireBetaProgram: BetaProgram{Description: "beta", Token: "t\x00"}}, "details.RequireBetaProgram.Token"},
		// Against the Mac.
		{"a Mac before 14 cannot read it", v("14.6.1"), compat.Build{}, RequiredOptions{DeviceOS: v("13.6")}, "code"},
		{"the Mac already runs it", v("14.4"), compat.Build{}, RequiredOptions{DeviceOS: v("14.4")}, "details.OSVersion"},
		{"the Mac runs later", v("14.4"), compat.Build{}, RequiredOptions{DeviceOS: v("14.6.1")}, "details.OSVersion"},
		{"the Mac runs the supplemental of the target", v("26.3.1"), compat.Build{}, RequiredOptions{DeviceOS: v("26.3.1 (a)")}, "details.OSVersion"},
		{"beta program before 14.5", v("26.1"), compat.Build{}, RequiredOptions{DeviceOS: v("14.4"), RequireBetaProgram: beta}, "details.RequireBetaProgram"},
		{"beta program on an unknown Mac", v("26.1"), compat.Build{}, RequiredOptions{RequireBetaProgram: beta}, "details.RequireBetaProgram"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := NewSoftwareUpdateRequired(tt.target, tt.build, tt.opts)
			if tt.key == "" {
				require.NoError(t, err)
				for _, f := range []BodyFormat{FormatJSON, FormatPlist} {
					_, _, err := r.Encode(f)
					require.NoError(t, err, f)
				}
				return
			}
			require.ErrorIs(t, err, ErrInvalidCommand)
			assert.Contains(t, err.Error(), "mdmcmd: software update required: "+tt.key+":")
			var ke *KeyError
			require.ErrorAs(t, err, &ke)
			assert.Equal(t, tt.key, ke.Key)
			assert.Equal(t, SoftwareUpdateRequired{}, r)
		})
	}
}

func TestNewSoftwareUpdateRequiredDowngrade(t *testing.T) {
	_, err := NewSoftwareUpdateRequired(compat.MustParseVersion("14.4"), compat.Build{}, RequiredOptions{DeviceOS: compat.MustParseVersion("15.1")})
	assert.ErrorIs(t, err, compat.ErrDowngrade)
	assert.ErrorIs(t, err, ErrInvalidCommand)
}

func TestMachineInfoRequireUpdate(t *testing.T) {
	read := func(file string) *MachineInfo {
		data, err := os.ReadFile("testdata/" + file)
		require.NoError(t, err)
		info, err := ParseMachineInfo(data)
		require.NoError(t, err)
		return info
	}
	on144 := read("machineinfo_mac14_2_macos14_4.plist")
	r, err := on144.RequireUpdate(compat.MustParseVersion("15.7.9"), compat.MustParseBuild("24G830"), RequiredOptions{Message: "Updating macOS"})
	require.NoError(t, err)
	assert.Equal(t, SoftwareUpdateRequired{OSVersion: compat.MustParseVersion("15.7.9"), BuildVersion: compat.MustParseBuild("24G830"), Message: "Updating macOS"}, r)

	_, err = on144.RequireUpdate(compat.MustParseVersion("14.4"), compat.Build{}, RequiredOptions{})
	assert.ErrorIs(t, err, ErrInvalidCommand, "the Mac already runs it")
	_, err = on144.RequireUpdate(compat.MustParseVersion("26.1"), compat.Build{}, RequiredOptions{RequireBetaProgram: beta})
	assert.ErrorContains(t, err, "needs macOS 14.5, the Mac runs 14.4")
	_, err = on144.RequireUpdate(compat.MustParseVersion("26.1"), compat.Build{}, RequiredOptions{DeviceOS: compat.MustParseVersion("15.1"), RequireBetaProgram: beta})
	assert.ErrorContains(t, err, "the Mac runs 14.4", "DeviceOS comes from the MachineInfo")

	_, err = read("machineinfo_mac15_3_flag_false.plist").RequireUpdate(compat.MustParseVersion("15.7.9"), compat.Build{}, RequiredOptions{})
	require.ErrorIs(t, err, ErrInvalidCommand)
	assert.ErrorContains(t, err, "the Mac cannot be asked: MDM_CAN_REQUEST_SOFTWARE_UPDATE is not true")

	_, err = read("machineinfo_macos13_6_build_only.plist").RequireUpdate(compat.MustParseVersion("15.7.9"), compat.Build{}, RequiredOptions{})
	require.ErrorIs(t, err, ErrInvalidCommand)
	assert.ErrorContains(t, err, "the Mac cannot be asked: it runs macOS 13 and the 403 needs macOS 14")

	_, err = read("machineinfo_mac16_1_bsi_26_3_1a.plist").RequireUpdate(compat.MustParseVersion("26.3.1"), compat.Build{}, RequiredOptions{})
	assert.ErrorIs(t, err, compat.ErrDowngrade, "26.3.1 is older than 26.3.1 (a)")
}

func goldenBodies() []struct {
	name string
	body SoftwareUpdateRequired
} {
	return []struct {
		name string
		body SoftwareUpdateRequired
	}{
		{"softwareupdate_required_minimal", SoftwareUpdateRequired{OSVersion: compat.MustParseVersion("15.7.9")}},
		{"softwareupdate_required_supplemental", SoftwareUpdateRequired{OSVersion: compat.MustParseVersion("26.3.1 (a)"), BuildVersion: compat.MustParseBuild("25D771280a")}},
		{"softwareupdate_required_full", SoftwareUpdateRequired{
			OSVersion:          compat.MustParseVersion("26.1"),
			BuildVersion:       compat.MustParseBuild("25B78"),
			Message:            "Your Mac updates to macOS 26.1 before setup continues. <Example & Co>",
			Description:        "minimum 26.1 (policy \"fleet\")",
			RequireBetaProgram: beta,
		}},
	}
}

// TestSoftwareUpdateRequiredGolden pins the exact bytes of each format;
// UPDATE_GOLDEN=1 rewrites the files.
func TestSoftwareUpdateRequiredGolden(t *testing.T) {
	for _, tt := range goldenBodies() {
		for _, f := range []BodyFormat{FormatJSON, FormatPlist} {
			t.Run(tt.name+"."+f.String(), func(t *testing.T) {
				got, contentType, err := tt.body.Encode(f)
				require.NoError(t, err)
				assert.Equal(t, f.ContentType(), contentType)
				golden.Bytes(t, "testdata/"+tt.name+".golden."+f.String(), got)
			})
		}
	}
}

// TestSoftwareUpdateRequiredMatchesSchema decodes every golden body, in both
// formats, and checks each key and its type against Apple's schema file copied into
// testdata, and that every key the schema requires is there.
func TestSoftwareUpdateRequiredMatchesSchema(t *testing.T) {
	schema := readSchemaKeys(t, "testdata/schema/softwareupdate.required.yaml", "payloadkeys")
	for _, tt := range goldenBodies() {
		for _, f := range []BodyFormat{FormatJSON, FormatPlist} {
			t.Run(tt.name+"."+f.String(), func(t *testing.T) {
				data, _, err := tt.body.Encode(f)
				require.NoError(t, err)
				var top map[string]any
				if f == FormatJSON {
					require.NoError(t, json.Unmarshal(data, &top))
				} else {
					format, err := plist.Unmarshal(data, &top)
					require.NoError(t, err)
					require.Equal(t, plist.XMLFormat, format)
				}
				checkAgainstSchema(t, schema, "", top)
				assert.Contains(t, schema["code"].Range, top["code"])
			})
		}
	}
}

// checkAgainstSchema checks the keys of m, at path prefix, against schema.
func checkAgainstSchema(t *testing.T, schema map[string]schemaKey, prefix string, m map[string]any) {
	t.Helper()
	for key, value := range m {
		path := prefix + key
		k, ok := schema[path]
		if !assert.Truef(t, ok, "%s is not in Apple's schema", path) {
			continue
		}
		switch k.Type {
		case "string":
			assert.IsTypef(t, "", value, "%s is a <string>", path)
		case "dictionary":
			sub, ok := value.(map[string]any)
			if assert.Truef(t, ok, "%s is a <dictionary>", path) {
				checkAgainstSchema(t, schema, path+".", sub)
			}
		default:
			t.Errorf("%s: the body never sends a <%s>", path, k.Type)
		}
	}
	for path, k := range schema {
		rest, ok := strings.CutPrefix(path, prefix)
		if !ok || strings.Contains(rest, ".") || k.Presence != "required" {
			continue
		}
		assert.Containsf(t, m, rest, "required key %s", path)
	}
}

// TestSoftwareUpdateRequiredRoundTrip builds random valid bodies and checks that
// each parses back unchanged from both formats.
func TestSoftwareUpdateRequiredRoundTrip(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	versions := []string{"14", "14.5", "15.7.9", "26.1", "26.3.1 (a)", "27.0.1", "30.2.1 (z)"}
	builds := map[string][]string{"14": {"23A344"}, "14.5": {"23F79", "23F5059e"}, "15.7.9": {"24G830"}, "26.1": {"25B78"}, "26.3.1 (a)": {"25D771280a"}, "27.0.1": {"26A123"}, "30.2.1 (z)": {"29C12b"}}
	texts := []string{"", "Update needed", `<&>"'`, "Mise à jour requise 🙂", strings.Repeat("long ", 200)}
	built := 0
	for range 1000 {
		target := versions[r.IntN(len(versions))]
		var build compat.Build
		if r.IntN(2) == 0 {
			options := builds[target]
			build = compat.MustParseBuild(options[r.IntN(len(options))])
		}
		opts := RequiredOptions{Message: texts[r.IntN(len(texts))], Description: texts[r.IntN(len(texts))]}
		if r.IntN(3) == 0 {
			opts.DeviceOS = compat.MustParseVersion("14.5")
			opts.RequireBetaProgram = BetaProgram{Description: texts[1+r.IntN(len(texts)-1)], Token: texts[1+r.IntN(len(texts)-1)]}
		}
		body, err := NewSoftwareUpdateRequired(compat.MustParseVersion(target), build, opts)
		if opts.DeviceOS.IsValid() && opts.DeviceOS.Compare(compat.MustParseVersion(target)) >= 0 {
			require.ErrorIs(t, err, ErrInvalidCommand, "not newer than the Mac")
			continue
		}
		require.NoError(t, err, "target %s build %v", target, build)
		for _, f := range []BodyFormat{FormatJSON, FormatPlist} {
			data, _, err := body.Encode(f)
			require.NoError(t, err)
			back, err := ParseSoftwareUpdateRequired(data)
			require.NoError(t, err, "%s", data)
			require.Equalf(t, body, back, "round trip through %v: %s", f, data)
		}
		built++
	}
	assert.Greater(t, built, 800)
}

func TestParseSoftwareUpdateRequiredBinaryPlist(t *testing.T) {
	body := goldenBodies()[2].body
	data, err := plist.Marshal(body.wire(), plist.BinaryFormat)
	require.NoError(t, err)
	back, err := ParseSoftwareUpdateRequired(data)
	require.NoError(t, err)
	assert.Equal(t, body, back)
}

func TestParseSoftwareUpdateRequiredRefusals(t *testing.T) {
	tests := []struct {
		name string
		data string
		want string
	}{
		{"not JSON", `{"code":`, "not JSON"},
		{"neither format", "hello", "neither JSON nor an XML or binary property list"},
		{"a JSON array", `[]`, "want a dictionary, got array"},
		{"code missing", `{"details":{"OSVersion":"15.1"}}`, "code: missing"},
		{"another code", `{"code":"com.apple.psso.required","details":{"OSVersion":"15.1"}}`, `code: "com.apple.psso.required": want com.apple.softwareupdate.required`},
		{"details missing", `{"code":"com.apple.softwareupdate.required"}`, "details: missing"},
		{"details not a dictionary", `{"code":"com.apple.softwareupdate.required","details":"15.1"}`, "details: want a dictionary, got string"},
		{"OSVersion missing", `{"code":"com.apple.softwareupdate.required","details":{}}`, "details.OSVersion: missing"},
		{"OSVersion not a string", `{"code":"com.apple.softwareupdate.required","details":{"OSVersion":15.1}}`, "details.OSVersion: want a string, got real"},
		{"OSVersion not a version", `{"code":"com.apple.softwareupdate.required","details":{"OSVersion":"latest"}}`, `details.OSVersion: "latest" is not a macOS version`},
		{"BuildVersion not a build", `{"code":"com.apple.softwareupdate.required","details":{"OSVersion":"15.1","BuildVersion":"15.1"}}`, `details.BuildVersion: "15.1" is not a macOS build`},
		{"beta program without a token", `{"code":"com.apple.softwareupdate.required","details":{"OSVersion":"15.1","RequireBetaProgram":{"Description":"b"}}}`, "details.RequireBetaProgram.Token: missing"},
		{"message not a string", `{"code":"com.apple.softwareupdate.required","message":["x"],"details":{"OSVersion":"15.1"}}`, "message: want a string, got array"},
		{"plist with another code", `<plist version="1.0"><dict><key>code</key><string>x</string><key>details</key><dict><key>OSVersion</key><string>15.1</string></dict></dict></plist>`, `code: "x"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseSoftwareUpdateRequired([]byte(tt.data))
			require.ErrorIs(t, err, ErrInvalidAnswer)
			assert.Contains(t, err.Error(), tt.want)
			assert.False(t, errors.Is(err, compat.ErrInvalidVersion))
		})
	}
}

func TestParseSoftwareUpdateRequiredKeepsWhatValidateRefuses(t *testing.T) {
	// A server may send a build of another release; the parser reads it and
	// Validate says what is wrong.
	r, err := ParseSoftwareUpdateRequired([]byte(`{"code":"com.apple.softwareupdate.required","details":{"OSVersion":"16.1 (a)","BuildVersion":"20A242a"}}`))
	require.NoError(t, err)
	assert.Equal(t, "16.1 (a)", r.OSVersion.String())
	assert.ErrorContains(t, r.Validate(), "details.BuildVersion: 20A242a is not a build of macOS 16 (Darwin 25)")
}

func TestParseSoftwareUpdateRequiredLimits(t *testing.T) {
	data, _, err := goldenBodies()[0].body.Encode(FormatJSON)
	require.NoError(t, err)
	_, err = ParseOptions{Limits: compat.Limits{MaxBytes: 8}}.ParseSoftwareUpdateRequired(data)
	assert.ErrorIs(t, err, compat.ErrTooLarge)
	plistData, _, err := goldenBodies()[0].body.Encode(FormatPlist)
	require.NoError(t, err)
	_, err = ParseOptions{Limits: compat.Limits{MaxBytes: 8}}.ParseSoftwareUpdateRequired(plistData)
	assert.ErrorIs(t, err, compat.ErrTooLarge)
}

func TestSoftwareUpdateRequiredZeroValue(t *testing.T) {
	var r SoftwareUpdateRequired
	for _, f := range []BodyFormat{FormatJSON, FormatPlist} {
		_, _, err := r.Encode(f)
		assert.ErrorIs(t, err, ErrInvalidCommand, f)
	}
	ok := goldenBodies()[0].body
	_, _, err := ok.Encode(FormatNone)
	assert.ErrorIs(t, err, ErrInvalidCommand)
	_, _, err = ok.Encode(BodyFormat(9))
	assert.ErrorIs(t, err, ErrInvalidCommand)
}

func TestSoftwareUpdateRequiredEncodingJSONIsApplesBody(t *testing.T) {
	for _, tt := range goldenBodies() {
		t.Run(tt.name, func(t *testing.T) {
			want, _, err := tt.body.Encode(FormatJSON)
			require.NoError(t, err)
			got, err := json.Marshal(tt.body)
			require.NoError(t, err)
			assert.JSONEq(t, string(want), string(got), "json.Marshal writes Apple's keys, not the Go fields")
			var back SoftwareUpdateRequired
			require.NoError(t, json.Unmarshal(got, &back))
			assert.Equal(t, tt.body, back)
		})
	}
	_, err := json.Marshal(SoftwareUpdateRequired{})
	assert.ErrorIs(t, err, ErrInvalidCommand, "the zero body is not a body")
	var r SoftwareUpdateRequired
	require.NoError(t, json.Unmarshal([]byte("null"), &r))
	assert.Equal(t, SoftwareUpdateRequired{}, r)
	assert.ErrorIs(t, json.Unmarshal([]byte(`{"code":"x"}`), &r), ErrInvalidAnswer)
}

func TestBodyFormatText(t *testing.T) {
	for _, f := range []BodyFormat{FormatNone, FormatJSON, FormatPlist} {
		text, err := f.MarshalText()
		require.NoError(t, err)
		var back BodyFormat
		require.NoError(t, back.UnmarshalText(text))
		assert.Equal(t, f, back)
	}
	assert.Equal(t, "application/json", FormatJSON.ContentType())
	assert.Equal(t, "application/xml", FormatPlist.ContentType())
	assert.Empty(t, FormatNone.ContentType())
	var f BodyFormat
	assert.Error(t, f.UnmarshalText([]byte("xml")))
	require.NoError(t, f.UnmarshalText(nil))
	assert.Equal(t, FormatNone, f)
	_, err := BodyFormat(7).MarshalText()
	assert.Error(t, err)
}
