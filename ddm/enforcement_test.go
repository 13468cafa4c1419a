package ddm

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/managedos/managedos/compat"
	"github.com/managedos/managedos/internal/golden"
	"github.com/managedos/managedos/mechanism"
)

var deadline = MustParseLocalDateTime("2026-12-01T18:00:00")

func TestEnforcementGoldenBytes(t *testing.T) {
	tests := []struct {
		golden     string
		identifier string
		payload    EnforcementPayload
	}{
		{"enforcement_14.2.1.golden.json", "", EnforcementPayload{
			TargetOSVersion:     compat.MustParseVersion("14.2.1"),
			TargetLocalDateTime: deadline,
		}},
		{"enforcement_13.4.1_rsr_full.golden.json", "com.example.enforce", EnforcementPayload{
			TargetOSVersion:     compat.MustParseVersion("13.4.1"),
			TargetBuildVersion:  compat.MustParseBuild("22F770820d"),
			TargetLocalDateTime: deadline,
			DetailsURL:          "https://it.example.com/updates?os=13.4.1&rsr=c",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.golden, func(t *testing.T) {
			e, err := NewEnforcement(tt.identifier, tt.payload)
			require.NoError(t, err)
			got, err := e.MarshalJSON()
			require.NoError(t, err)
			golden.Bytes(t, "testdata/"+tt.golden, append(got, '\n'))
			viaJSON, err := json.Marshal(e)
			require.NoError(t, err)
			assert.JSONEq(t, string(got), string(viaJSON), "encoding/json only escapes HTML characters")

			back, err := ParseEnforcement(got)
			require.NoError(t, err)
			assert.Equal(t, e, back, "what we build, we parse back unchanged")
		})
	}
}

func TestServerTokenIsStableAndChangesWithContent(t *testing.T) {
	base := EnforcementPayload{TargetOSVersion: compat.MustParseVersion("14.2.1"), TargetLocalDateTime: deadline}
	a, err := NewEnforcement("", base)
	require.NoError(t, err)
	b, err := NewEnforcement("", base)
	require.NoError(t, err)
	assert.Equal(t, a, b)
	ja, _ := json.Marshal(a)
	jb, _ := json.Marshal(b)
	assert.Equal(t, ja, jb, "byte-identical")
	assert.Len(t, a.ServerToken(), 32)

	changes := map[string]func(p *EnforcementPayload) string{
		"target": func(p *EnforcementPayload) string { p.TargetOSVersion = compat.MustParseVersion("14.3"); return "" },
		"spelling": func(p *EnforcementPayload) string {
			p.TargetOSVersion = compat.MustParseVersion("14.2.1")
			return "other.id"
		},
		"build": func(p *EnforcementPayload) string { p.TargetBuildVersion = compat.MustParseBuild("23C71"); return "" },
		"deadline": func(p *EnforcementPayload) string {
			p.TargetLocalDateTime = MustParseLocalDateTime("2026-12-01T18:00:01")
			return ""
		},
		"url": func(p *EnforcementPayload) string { p.DetailsURL = "https://example.com"; return "" },
	}
	seen := map[string]string{a.ServerToken(): "base"}
	for name, change := range changes {
		p := base
		id := change(&p)
		e, err := NewEnforcement(id, p)
		require.NoError(t, err, name)
		prev, dup := seen[e.ServerToken()]
		assert.Falsef(t, dup, "%s gives the same token as %s", name, prev)
		seen[e.ServerToken()] = name
	}
}

func TestEnforcementRefusesWhatAMacWouldReject(t *testing.T) {
	ok := EnforcementPayload{TargetOSVersion: compat.MustParseVersion("14.2.1"), TargetLocalDateTime: deadline}
	tests := []struct {
		name   string
		mutate func(*EnforcementPayload)
		id     string
		err    error
		says   string
	}{
		{"empty target", func(p *EnforcementPayload) { p.TargetOSVersion = compat.Version{} }, "", compat.ErrInvalidVersion, "TargetOSVersion"},
		{"rsr letter in the version", func(p *EnforcementPayload) { p.TargetOSVersion = compat.MustParseVersion("13.4.1 (c)") }, "", compat.ErrInvalidVersion, `TargetOSVersion "13.4.1 (c)"`},
		{"build of another release", func(p *EnforcementPayload) { p.TargetBuildVersion = compat.MustParseBuild("22F82") }, "", compat.ErrInvalidBuild, `TargetBuildVersion "22F82"`},
		{"no deadline", func(p *EnforcementPayload) { p.TargetLocalDateTime = LocalDateTime{} }, "", ErrInvalidDateTime, "TargetLocalDateTime"},
		{"relative url", func(p *EnforcementPayload) { p.DetailsURL = "/updates" }, "", ErrInvalidURL, `DetailsURL "/updates"`},
		{"ftp url", func(p *EnforcementPayload) { p.DetailsURL = "ftp://example.com/x" }, "", ErrInvalidURL, "DetailsURL"},
		{"url without host", func(p *EnforcementPayload) { p.DetailsURL = "https:///x" }, "", ErrInvalidURL, "DetailsURL"},
		{"identifier with spaces", func(*EnforcementPayload) {}, "my id", ErrInvalidIdentifier, `Identifier "my id"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := ok
			tt.mutate(&p)
			e, err := NewEnforcement(tt.id, p)
			require.ErrorIs(t, err, tt.err)
			assert.Contains(t, err.Error(), tt.says)
			assert.Equal(t, Enforcement{}, e)
		})
	}
}

func TestEnforcementPayloadValidateNamesEveryProblemOnce(t *testing.T) {
	v := compat.MustParseVersion
	tests := []struct {
		name string
		p    EnforcementPayload
		keys []string
		is   []error
	}{
		{"a valid payload", EnforcementPayload{TargetOSVersion: v("14.2.1"), TargetLocalDateTime: deadline}, nil, nil},
		{"every key", EnforcementPayload{DetailsURL: "/x"},
			[]string{"TargetOSVersion", "TargetLocalDateTime", "DetailsURL"}, []error{compat.ErrInvalidVersion, ErrInvalidDateTime, ErrInvalidURL}},
		{"a build of another release and no deadline", EnforcementPayload{TargetOSVersion: v("14.2.1"), TargetBuildVersion: compat.MustParseBuild("22F82")},
			[]string{"TargetBuildVersion", "TargetLocalDateTime"}, []error{compat.ErrInvalidBuild, ErrInvalidDateTime}},
		{"no build rule on a version already named", EnforcementPayload{TargetOSVersion: v("13.4.1 (c)"), TargetBuildVersion: compat.MustParseBuild("23C71"), TargetLocalDateTime: deadline},
			[]string{"TargetOSVersion"}, []error{compat.ErrInvalidVersion}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.p.Validate()
			assert.Equal(t, tt.keys, problemKeys(t, err))
			for _, want := range tt.is {
				assert.ErrorIs(t, err, want)
			}
			_, built := NewEnforcement("", tt.p)
			assert.Equal(t, tt.keys, problemKeys(t, built), "the builder's error")
		})
	}
}

func TestZeroEnforcementDoesNotMarshal(t *testing.T) {
	_, err := json.Marshal(Enforcement{})
	assert.ErrorIs(t, err, ErrInvalidDeclaration)
	_, err = Enforcement{}.MarshalJSON()
	assert.ErrorIs(t, err, ErrInvalidDeclaration)
}

func TestDetailsURLMustBeValidUTF8(t *testing.T) {
	_, err := NewEnforcement("", EnforcementPayload{TargetOSVersion: compat.MustParseVersion("14.2.1"), TargetLocalDateTime: deadline, DetailsURL: "https://example.com/\xff"})
	assert.ErrorIs(t, err, ErrInvalidURL)
}

func TestParseEnforcementRejectsOtherShapes(t *testing.T) {
	for name, in := range map[string]string{
		"not json":     `hello`,
		"other type":   `{"Type":"com.apple.configuration.passcode.settings","Identifier":"a","ServerToken":"b","Payload":{}}`,
		"zone":         `{"Type":"` + EnforcementType + `","Identifier":"a","ServerToken":"b","Payload":{"TargetOSVersion":"14.2","TargetLocalDateTime":"2026-12-01T18:00:00Z"}}`,
		"bad version":  `{"Type":"` + EnforcementType + `","Identifier":"a","ServerToken":"b","Payload":{"TargetOSVersion":"14.x","TargetLocalDateTime":"2026-12-01T18:00:00"}}`,
		"bad build":    `{"Type":"` + EnforcementType + `","Identifier":"a","ServerToken":"b","Payload":{"TargetOSVersion":"14.2","TargetBuildVersion":"x","TargetLocalDateTime":"2026-12-01T18:00:00"}}`,
		"no token":     `{"Type":"` + EnforcementType + `","Identifier":"a","Payload":{"TargetOSVersion":"14.2","TargetLocalDateTime":"2026-12-01T18:00:00"}}`,
		"no id":        `{"Type":"` + EnforcementType + `","ServerToken":"b","Payload":{"TargetOSVersion":"14.2","TargetLocalDateTime":"2026-12-01T18:00:00"}}`,
		"version type": `{"Type":"` + EnforcementType + `","Identifier":"a","ServerToken":"b","Payload":{"TargetOSVersion":14}}`,
	} {
		_, err := ParseEnforcement([]byte(in))
		assert.Error(t, err, name)
	}
}

func TestFromDecision(t *testing.T) {
	resolve := func(chip compat.Chip, cur, tgt string) compat.Decision {
		d, err := compat.Resolve(chip, compat.MustParseVersion(cur), compat.MustParseVersion(tgt))
		require.NoError(t, err)
		return d
	}
	t.Run("minor update on 14", func(t *testing.T) {
		e, err := FromDecision(resolve(compat.AppleSilicon, "14.1", "14.2.1"), deadline, Options{})
		require.NoError(t, err)
		assert.Equal(t, "14.2.1", e.Payload().TargetOSVersion.String())
		assert.Equal(t, DefaultEnforcementIdentifier, e.Identifier(), "one fixed identifier per Mac")
	})
	t.Run("a new target replaces the old declaration", func(t *testing.T) {
		old, err := FromDecision(resolve(compat.AppleSilicon, "14.1", "14.2.1"), deadline, Options{})
		require.NoError(t, err)
		next, err := FromDecision(resolve(compat.AppleSilicon, "14.1", "14.3"), deadline, Options{})
		require.NoError(t, err)
		assert.Equal(t, old.Identifier(), next.Identifier())
		assert.NotEqual(t, old.ServerToken(), next.ServerToken(), "the Mac sees a change")
	})
	t.Run("background security improvement on 26 goes through the build", func(t *testing.T) {
		e, err := FromDecision(resolve(compat.AppleSilicon, "26.3.1", "26.3.1 (a)"), deadline, Options{Build: compat.MustParseBuild("25D771280a")})
		require.NoError(t, err)
		assert.Equal(t, "26.3.1", e.Payload().TargetOSVersion.String())
		assert.Equal(t, "25D771280a", e.Payload().TargetBuildVersion.String())
	})
	t.Run("rsr without a build is refused", func(t *testing.T) {
		_, err := FromDecision(resolve(compat.Intel, "14.1.1", "14.1.1 (a)"), deadline, Options{})
		assert.ErrorIs(t, err, compat.ErrInvalidBuild)
	})
	t.Run("MDM commands decision is refused naming the delivery", func(t *testing.T) {
		_, err := FromDecision(resolve(compat.Intel, "13.6", "13.6.1"), deadline, Options{})
		require.ErrorIs(t, err, mechanism.ErrWrongDelivery)
		assert.Contains(t, err.Error(), "mdm-commands")
	})
	t.Run("startosinstall decision is refused naming the delivery", func(t *testing.T) {
		_, err := FromDecision(resolve(compat.Intel, "12.7.1", "14.2.1"), deadline, Options{})
		require.ErrorIs(t, err, mechanism.ErrWrongDelivery)
		assert.Contains(t, err.Error(), "startosinstall")
	})
	t.Run("a supplemental target on an older base takes two declarations", func(t *testing.T) {
		d := resolve(compat.AppleSilicon, "26.2", "26.3.1 (a)")
		_, err := FromDecision(d, deadline, Options{Build: compat.MustParseBuild("25D771280a")})
		require.ErrorIs(t, err, ErrTwoSteps, "never one declaration Apple cannot apply")
		assert.Contains(t, err.Error(), "26.3.1, then 26.3.1 (a)")
		steps, err := FromDecisionSteps(d, deadline, Options{Build: compat.MustParseBuild("25D771280a"), BaseBuild: compat.MustParseBuild("25D2128")})
		require.NoError(t, err)
		require.Len(t, steps, 2)
		base, sup := steps[0].Payload(), steps[1].Payload()
		assert.Equal(t, DefaultEnforcementIdentifier, steps[0].Identifier())
		assert.Equal(t, "26.3.1", base.TargetOSVersion.String())
		assert.Equal(t, "25D2128", base.TargetBuildVersion.String(), "the base, pinned")
		assert.Equal(t, SupplementalEnforcementIdentifier, steps[1].Identifier())
		assert.Equal(t, "26.3.1", sup.TargetOSVersion.String())
		assert.Equal(t, "25D771280a", sup.TargetBuildVersion.String(), "then the supplemental on it")
		assert.Equal(t, deadline, sup.TargetLocalDateTime)
	})
	t.Run("two steps under the vendor's identifier", func(t *testing.T) {
		steps, err := FromDecisionSteps(resolve(compat.Intel, "14.7", "15.6.1 (a)"), deadline, Options{Identifier: "com.example.os", Build: compat.MustParseBuild("24G90a")})
		require.NoError(t, err)
		require.Len(t, steps, 2)
		assert.Equal(t, "com.example.os", steps[0].Identifier())
		assert.False(t, steps[0].Payload().TargetBuildVersion.IsValid(), "no base build given: the latest patch of the base")
		assert.Equal(t, "com.example.os.supplemental", steps[1].Identifier())
	})
	t.Run("two steps need the supplemental build", func(t *testing.T) {
		_, err := FromDecisionSteps(resolve(compat.AppleSilicon, "26.2", "26.3.1 (a)"), deadline, Options{})
		assert.ErrorIs(t, err, compat.ErrInvalidBuild)
	})
	t.Run("one step is one declaration", func(t *testing.T) {
		for d, build := range map[compat.Decision]string{resolve(compat.AppleSilicon, "14.1", "14.2.1"): "23C71", resolve(compat.AppleSilicon, "26.3 (a)", "26.3 (c)"): "25D771280c"} {
			steps, err := FromDecisionSteps(d, deadline, Options{Build: compat.MustParseBuild(build)})
			require.NoError(t, err, d.Target)
			require.Len(t, steps, 1)
			assert.Equal(t, DefaultEnforcementIdentifier, steps[0].Identifier())
		}
		_, err := FromDecisionSteps(resolve(compat.Intel, "13.6", "13.6.1"), deadline, Options{})
		assert.ErrorIs(t, err, mechanism.ErrWrongDelivery)
	})
	t.Run("a Mac already at the target gets no declaration", func(t *testing.T) {
		_, err := FromDecision(resolve(compat.Intel, "14.2.1", "14.2.1"), deadline, Options{})
		assert.ErrorIs(t, err, mechanism.ErrNoUpdate)
	})
}
