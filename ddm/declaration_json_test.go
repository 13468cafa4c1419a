package ddm

import (
	"encoding/json"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/managedos/managedos/compat"
	"github.com/managedos/managedos/internal/golden"
)

func TestSettingsJSONGolden(t *testing.T) {
	s, err := NewSettings("", SettingsPayload{
		AutomaticActions:      &AutomaticActions{Download: AlwaysOff, InstallOSUpdates: Allowed},
		Deferrals:             &Deferrals{MinorPeriodInDays: 7},
		RapidSecurityResponse: &RapidSecurityResponseSettings{Enable: new(true)},
		Notifications:         new(false),
	})
	require.NoError(t, err)
	got, err := s.MarshalJSON()
	require.NoError(t, err)
	want := golden.Bytes(t, "testdata/settings.golden.json", append(got, '\n'))
	var back Settings
	require.NoError(t, json.Unmarshal(want, &back))
	assert.Equal(t, s, back)
	assert.Equal(t, AlwaysOff, back.Payload().AutomaticActions.Download)
}

func TestStoredDeclarationsNeverReadAsZero(t *testing.T) {
	for name, in := range map[string]string{"empty object": `{}`, "null payload": `{"Type":"` + EnforcementType + `","Identifier":"a","ServerToken":"b","Payload":null}`} {
		var e Enforcement
		assert.Error(t, json.Unmarshal([]byte(in), &e), name)
		assert.Equal(t, Enforcement{}, e, name)
		var s Settings
		assert.Error(t, json.Unmarshal([]byte(in), &s), name)
		assert.Equal(t, Settings{}, s, name)
	}
	_, err := json.Marshal(Settings{})
	assert.ErrorIs(t, err, ErrInvalidDeclaration, "the zero Settings does not marshal")
	_, err = json.Marshal(Enforcement{})
	assert.ErrorIs(t, err, ErrInvalidDeclaration, "the zero Enforcement does not marshal")
}

func TestStoredDeclarationsNameTheBadKey(t *testing.T) {
	e := `{"Type":"` + EnforcementType + `","Identifier":"a","ServerToken":"b","Payload":{"TargetOSVersion":"14.2","TargetLocalDateTime":"2026-12-01T18:00:00"%s}%s}`
	s := `{"Type":"` + SettingsType + `","Identifier":"a","ServerToken":"b","Payload":%s}`
	tests := []struct {
		name string
		in   string
		into any
		says string
	}{
		{"unknown payload key", strings.Replace(strings.Replace(e, "%s", `,"TargetDate":"x"`, 1), "%s", "", 1), new(Enforcement), `Payload: "TargetDate": unknown field`},
		{"unknown declaration key", strings.Replace(strings.Replace(e, "%s", "", 1), "%s", `,"Apply":"multiple"`, 1), new(Enforcement), `"Apply": unknown field`},
		{"version as a number", `{"Type":"` + EnforcementType + `","Identifier":"a","ServerToken":"b","Payload":{"TargetOSVersion":14}}`, new(Enforcement), "TargetOSVersion: want a string"},
		{"settings key it does not model", strings.Replace(s, "%s", `{"Beta":{"ProgramEnrollment":"Allowed"}}`, 1), new(Settings), `Payload: "Beta": unknown field`},
		{"nested settings key", strings.Replace(s, "%s", `{"Deferrals":{"CombinedPeriodInDays":3}}`, 1), new(Settings), `Payload: Deferrals: "CombinedPeriodInDays": unknown field`},
		{"settings value out of range", strings.Replace(s, "%s", `{"Deferrals":{"MajorPeriodInDays":91}}`, 1), new(Settings), "MajorPeriodInDays 91"},
		{"settings of another type", `{"Type":"` + EnforcementType + `","Identifier":"a","ServerToken":"b","Payload":{}}`, new(Settings), "want com.apple.configuration.softwareupdate.settings"},
		{"settings without a token", `{"Type":"` + SettingsType + `","Identifier":"a","Payload":{}}`, new(Settings), "ServerToken: missing"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := json.Unmarshal([]byte(tt.in), tt.into)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.says)
		})
	}
}

// TestDeclarationJSONRoundTripsRandomValues is the property that every declaration
// built reads back from its JSON as the same value (==).
func TestDeclarationJSONRoundTripsRandomValues(t *testing.T) {
	r := rand.New(rand.NewPCG(26, 4))
	actions := []AutomaticAction{"", Allowed, AlwaysOn, AlwaysOff}
	flag := func() *bool {
		switch r.IntN(3) {
		case 0:
			return nil
		case 1:
			return new(false)
		}
		return new(true)
	}
	for range 500 {
		major := 14 + r.IntN(3)
		v, _ := compat.ParseVersion([]string{"14", "15", "26"}[major-14] + "." + string(rune('0'+r.IntN(8))))
		p := EnforcementPayload{TargetOSVersion: v, TargetLocalDateTime: MustParseLocalDateTime("2026-12-01T18:00:00")}
		if r.IntN(2) == 0 { // a release with its own build (builds the library knows must match)
			known := [...]struct{ version, build string }{{"14.2.1", "23C71"}, {"15.0", "24A335"}, {"26.0", "25A354"}}[major-14]
			p.TargetOSVersion, p.TargetBuildVersion = compat.MustParseVersion(known.version), compat.MustParseBuild(known.build)
		}
		if r.IntN(2) == 0 {
			p.DetailsURL = "https://it.example.com/os?v=" + v.String() + "&a=<b>"
		}
		e, err := NewEnforcement([]string{"", "com.example.os"}[r.IntN(2)], p)
		require.NoError(t, err)
		b, err := json.Marshal(e)
		require.NoError(t, err)
		var eb Enforcement
		require.NoError(t, json.Unmarshal(b, &eb), string(b))
		assert.Equal(t, e, eb, string(b))

		sp := SettingsPayload{Notifications: flag(), AllowStandardUserOSUpdates: flag()}
		if r.IntN(2) == 0 {
			sp.Deferrals = &Deferrals{MajorPeriodInDays: r.IntN(91), MinorPeriodInDays: r.IntN(91), SystemPeriodInDays: r.IntN(91)}
		}
		if r.IntN(2) == 0 {
			sp.AutomaticActions = &AutomaticActions{Download: actions[r.IntN(4)], InstallOSUpdates: actions[r.IntN(4)], InstallSecurityUpdate: actions[r.IntN(4)]}
		}
		if r.IntN(2) == 0 {
			sp.RapidSecurityResponse = &RapidSecurityResponseSettings{Enable: flag(), EnableRollback: flag()}
		}
		s, err := NewSettings("", sp)
		require.NoError(t, err)
		b, err = json.Marshal(s)
		require.NoError(t, err)
		var sb Settings
		require.NoError(t, json.Unmarshal(b, &sb), string(b))
		assert.Equal(t, s, sb, string(b))
		assert.Equal(t, sp, sb.Payload(), string(b))
	}
}
