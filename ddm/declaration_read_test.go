package ddm

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/managedos/managedos/compat"
	"github.com/managedos/managedos/internal/errtext"
)

// problemKeys returns the keys of the problems joined in err, each a *KeyError
// whose message names its key.
func problemKeys(t *testing.T, err error) []string {
	t.Helper()
	var keys []string
	errtext.EachProblem(err, func(key string, err error) {
		require.NotEmpty(t, key, "a problem without a key: %v", err)
		assert.Contains(t, err.Error(), key, "the message names the key")
		keys = append(keys, key)
	})
	return keys
}

func TestReadEnforcementNamesEveryBadKey(t *testing.T) {
	const (
		typ      = `"Type":"com.apple.configuration.softwareupdate.enforcement.specific"`
		head     = `{` + typ + `,"Identifier":"x","ServerToken":"t",`
		deadline = `"TargetLocalDateTime":"2026-12-01T18:00:00"`
	)
	tests := []struct {
		name string
		data string
		keys []string
		want error // a sentinel the first problem wraps
	}{
		{"a valid declaration", head + `"Payload":{"TargetOSVersion":"14.2",` + deadline + `}}`, nil, nil},
		{"a build of another release reads", head + `"Payload":{"TargetOSVersion":"26.0","TargetBuildVersion":"23A309",` + deadline + `}}`, nil, nil},
		{"another type", `{"Type":"x","Identifier":"x","ServerToken":"t","Payload":{"TargetOSVersion":"14.2",` + deadline + `}}`, []string{"Type"}, ErrInvalidDeclaration},
		{"an identifier the builders refuse", `{` + typ + `,"Identifier":"a/b","ServerToken":"t","Payload":{"TargetOSVersion":"14.2",` + deadline + `}}`, []string{"Identifier"}, ErrInvalidIdentifier},
		{"no identifier and no token", `{` + typ + `,"Payload":{"TargetOSVersion":"14.2",` + deadline + `}}`, []string{"Identifier", "ServerToken"}, ErrInvalidIdentifier},
		{"a version that does not parse", head + `"Payload":{"TargetOSVersion":"banana",` + deadline + `}}`, []string{"TargetOSVersion"}, compat.ErrInvalidVersion},
		{"a missing version", head + `"Payload":{` + deadline + `}}`, []string{"TargetOSVersion"}, compat.ErrInvalidVersion},
		{"a rapid security response version", head + `"Payload":{"TargetOSVersion":"13.4.1 (c)",` + deadline + `}}`, []string{"TargetOSVersion"}, compat.ErrInvalidVersion},
		{"a build that does not parse", head + `"Payload":{"TargetOSVersion":"14.2","TargetBuildVersion":"x",` + deadline + `}}`, []string{"TargetBuildVersion"}, compat.ErrInvalidBuild},
		{"a deadline with a zone", head + `"Payload":{"TargetOSVersion":"14.2","TargetLocalDateTime":"2026-12-01T18:00:00+01:00"}}`, []string{"TargetLocalDateTime"}, ErrInvalidDateTime},
		{"a missing deadline", head + `"Payload":{"TargetOSVersion":"14.2"}}`, []string{"TargetLocalDateTime"}, ErrInvalidDateTime},
		{"a details URL that is not absolute", head + `"Payload":{"TargetOSVersion":"14.2",` + deadline + `,"DetailsURL":"/x"}}`, []string{"DetailsURL"}, ErrInvalidURL},
		{"a version and a deadline that do not parse", head + `"Payload":{"TargetOSVersion":"banana","TargetLocalDateTime":"soon"}}`, []string{"TargetOSVersion", "TargetLocalDateTime"}, compat.ErrInvalidVersion},
		{"a value of the wrong JSON type", head + `"Payload":{"TargetOSVersion":14,` + deadline + `}}`, []string{"TargetOSVersion"}, ErrInvalidDeclaration},
		{"a payload that is not an object", head + `"Payload":[]}`, []string{"Payload"}, ErrInvalidDeclaration},
		{"every payload key", head + `"Payload":{"TargetOSVersion":"13.4.1 (c)","TargetLocalDateTime":"soon","DetailsURL":"/x"}}`,
			[]string{"TargetOSVersion", "TargetLocalDateTime", "DetailsURL"}, compat.ErrInvalidVersion},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadEnforcement([]byte(tt.data))
			assert.Equal(t, tt.keys, problemKeys(t, err))
			if tt.want != nil {
				assert.ErrorIs(t, err, tt.want)
			}
		})
	}
}

func TestReadEnforcementKeepsWhatItRead(t *testing.T) {
	c, err := ReadEnforcement([]byte(`{"Type":"com.apple.configuration.softwareupdate.enforcement.specific","Identifier":"id","ServerToken":"tok",
		"Payload":{"TargetOSVersion":"26.0","TargetBuildVersion":"23A309","TargetLocalDateTime":"2025-09-21T01:00:00"}}`))
	require.NoError(t, err)
	assert.Equal(t, EnforcementContent{Identifier: "id", ServerToken: "tok", Payload: EnforcementPayload{
		TargetOSVersion:     compat.MustParseVersion("26.0"),
		TargetBuildVersion:  compat.MustParseBuild("23A309"),
		TargetLocalDateTime: MustParseLocalDateTime("2025-09-21T01:00:00"),
	}}, c)
	// Reading is not building: the builder refuses what was read.
	assert.ErrorIs(t, c.Payload.BuildMismatch(), compat.ErrInvalidBuild)
	_, err = NewEnforcement("", c.Payload)
	assert.ErrorIs(t, err, compat.ErrInvalidBuild)
}

func TestReadEnforcementAcceptsWhatTheBuilderBuilds(t *testing.T) {
	e, err := NewEnforcement("", EnforcementPayload{
		TargetOSVersion:     compat.MustParseVersion("13.4.1"),
		TargetBuildVersion:  compat.MustParseBuild("22F770820d"),
		TargetLocalDateTime: deadline,
		DetailsURL:          "https://example.com/update",
	})
	require.NoError(t, err)
	b, err := e.MarshalJSON()
	require.NoError(t, err)
	c, err := ReadEnforcement(b)
	require.NoError(t, err)
	assert.Equal(t, EnforcementContent{Identifier: e.Identifier(), ServerToken: e.ServerToken(), Payload: e.Payload()}, c)
}

func TestReadEnforcementRefusesWhatIsNotAnObjectOrOverTheLimits(t *testing.T) {
	for _, data := range []string{`{"Type":`, `[]`, `"x"`, ``} {
		_, err := ReadEnforcement([]byte(data))
		assert.ErrorIs(t, err, ErrInvalidDeclaration, "%q", data)
		var ke *KeyError
		assert.False(t, errors.As(err, &ke), "%q: no key to name", data)
	}
	_, err := ParseOptions{Limits: compat.Limits{MaxBytes: 10}}.ReadEnforcement([]byte(`{"Type":"x","Identifier":"y"}`))
	assert.ErrorIs(t, err, compat.ErrTooLarge)
}

func TestBuildMismatch(t *testing.T) {
	tests := []struct {
		name    string
		version string
		build   string
		want    bool
	}{
		{"no build", "14.2", "", false},
		{"a build of the version", "14.2", "23C64", false},
		{"a build of another release", "26.0", "23A309", true},
		{"no version to mismatch", "", "23A309", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var p EnforcementPayload
			if tt.version != "" {
				p.TargetOSVersion = compat.MustParseVersion(tt.version)
			}
			if tt.build != "" {
				p.TargetBuildVersion = compat.MustParseBuild(tt.build)
			}
			err := p.BuildMismatch()
			assert.Equal(t, tt.want, err != nil, "%v", err)
			if tt.want {
				assert.ErrorIs(t, err, compat.ErrInvalidBuild)
			}
		})
	}
}

func TestSupplementsIsApplesTwoStep(t *testing.T) {
	payload := func(version, build string) EnforcementPayload {
		p := EnforcementPayload{TargetOSVersion: compat.MustParseVersion(version), TargetLocalDateTime: deadline}
		if build != "" {
			p.TargetBuildVersion = compat.MustParseBuild(build)
		}
		return p
	}
	tests := []struct {
		name             string
		supplement, base EnforcementPayload
		want             bool
	}{
		{"the supplemental update on its base", payload("26.1", "25B78a"), payload("26.1", ""), true},
		{"the base given with its build", payload("13.4.1", "22F770820d"), payload("13.4.1", "22F82"), true},
		{"the same version written longer", payload("26.1", "25B78a"), payload("26.1.0", ""), true},
		{"the other way round", payload("26.1", ""), payload("26.1", "25B78a"), false},
		{"another base version", payload("26.1", "25B78a"), payload("26.0", ""), false},
		{"two bases", payload("26.1", ""), payload("26.1", ""), false},
		{"two supplemental updates", payload("26.1", "25B78a"), payload("26.1", "25B78b"), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, tt.supplement.Supplements(tt.base))
		})
	}
}

func TestReadSettingsNamesEveryBadKey(t *testing.T) {
	const head = `{"Type":"com.apple.configuration.softwareupdate.settings","Identifier":"x","ServerToken":"t","Payload":`
	tests := []struct {
		name    string
		payload string
		keys    []string
	}{
		{"Apple's values", `{"AutomaticActions":{"Download":"AlwaysOff","InstallOSUpdates":"Allowed","InstallSecurityUpdate":"AlwaysOn"},"Deferrals":{"MajorPeriodInDays":90,"MinorPeriodInDays":1}}`, nil},
		{"keys macOS does not offer are ignored", `{"RecommendedCadence":"All","Beta":{"ProgramEnrollment":"AlwaysOn"}}`, nil},
		{"an empty payload", `{}`, nil},
		{"a value in another case", `{"AutomaticActions":{"Download":"alwaysoff"}}`, []string{"AutomaticActions.Download"}},
		{"a value not in Apple's list", `{"AutomaticActions":{"InstallSecurityUpdate":"Never"}}`, []string{"AutomaticActions.InstallSecurityUpdate"}},
		{"deferrals out of range", `{"Deferrals":{"MajorPeriodInDays":91,"SystemPeriodInDays":-1}}`, []string{"Deferrals.MajorPeriodInDays", "Deferrals.SystemPeriodInDays"}},
		{"every key at once", `{"Deferrals":{"MinorPeriodInDays":100},"AutomaticActions":{"Download":"On","InstallOSUpdates":"Off"}}`,
			[]string{"Deferrals.MinorPeriodInDays", "AutomaticActions.Download", "AutomaticActions.InstallOSUpdates"}},
		{"a value of the wrong JSON type", `{"Notifications":"yes"}`, []string{"Notifications"}},
		{"a fraction of a day", `{"Deferrals":{"MajorPeriodInDays":1.5}}`, []string{"Deferrals.MajorPeriodInDays"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadSettings([]byte(head + tt.payload + `}`))
			assert.Equal(t, tt.keys, problemKeys(t, err))
		})
	}
	_, err := ReadSettings([]byte(`{"Type":"com.apple.configuration.softwareupdate.settings","Identifier":"x"}`))
	assert.Equal(t, []string{"ServerToken"}, problemKeys(t, err))
}

func TestReadSettingsReadsWhatTheBuilderBuilds(t *testing.T) {
	p := SettingsPayload{
		Notifications:    new(false),
		Deferrals:        &Deferrals{MinorPeriodInDays: 7},
		AutomaticActions: &AutomaticActions{Download: AlwaysOff},
	}
	s, err := NewSettings("com.example.su", p)
	require.NoError(t, err)
	b, err := s.MarshalJSON()
	require.NoError(t, err)
	c, err := ReadSettings(b)
	require.NoError(t, err)
	assert.Equal(t, SettingsContent{Identifier: "com.example.su", ServerToken: s.ServerToken(), Payload: p}, c)
}

func TestReadErrorsStayBounded(t *testing.T) {
	huge := strings.Repeat("9", 100000)
	_, err := ReadSettings([]byte(`{"Type":"com.apple.configuration.softwareupdate.settings","Identifier":"x","ServerToken":"t","Payload":{"Deferrals":{"MajorPeriodInDays":` + huge + `}}}`))
	require.Error(t, err)
	assert.Less(t, len(err.Error()), 300)
}
