package main

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/managedos/managedos/ddm"
)

func TestDeclarationPrintsTheCanonicalDeclaration(t *testing.T) {
	code, stdout, stderr := runTool(t, "", "declaration", "-json", "-target", "14.2.1", "-deadline", "2026-12-01T18:00:00")
	require.Equal(t, exitOK, code, stderr)
	assert.Equal(t, `{"Type":"com.apple.configuration.softwareupdate.enforcement.specific","Identifier":"managedos.softwareupdate.enforcement","ServerToken":"41378470458b57a0196e0d7b4c602387","Payload":{"TargetOSVersion":"14.2.1","TargetLocalDateTime":"2026-12-01T18:00:00"}}`+"\n", stdout)

	code, pretty, _ := runTool(t, "", "declaration", "-target", "14.2.1", "-deadline", "2026-12-01T18:00:00")
	require.Equal(t, exitOK, code)
	assert.JSONEq(t, stdout, pretty, "the indented form says the same")
}

func TestDeclarationWithEveryFlagParsesBack(t *testing.T) {
	code, stdout, stderr := runTool(t, "", "declaration", "-json", "-chip", "apple", "-current", "14.1.1",
		"-target", "14.1.1 (a)", "-build", "23B2082a", "-deadline", "2026-12-01T18:00:00",
		"-details-url", "https://it.example.com/rsr", "-identifier", "com.example.rsr")
	require.Equal(t, exitOK, code, stderr)
	e, err := ddm.ParseEnforcement([]byte(stdout))
	require.NoError(t, err)
	assert.Equal(t, "com.example.rsr", e.Identifier())
	assert.Equal(t, "14.1.1", e.Payload().TargetOSVersion.String())
	assert.Equal(t, "23B2082a", e.Payload().TargetBuildVersion.String())
	assert.Equal(t, "https://it.example.com/rsr", e.Payload().DetailsURL)
}

func TestDeclarationRefusals(t *testing.T) {
	tests := []struct {
		name string
		args []string
		code string
		says string
	}{
		{"deadline with a zone", []string{"-target", "14.2.1", "-deadline", "2026-12-01T18:00:00Z"}, "invalid-payload", "-deadline"},
		{"impossible date", []string{"-target", "14.2.1", "-deadline", "2026-02-30T18:00:00"}, "invalid-payload", "2026-02-30"},
		{"bad target", []string{"-target", "14.x", "-deadline", "2026-12-01T18:00:00"}, "invalid-version", `"14.x"`},
		{"bad build", []string{"-target", "14.2.1", "-build", "nope", "-deadline", "2026-12-01T18:00:00"}, "invalid-version", `-build`},
		{"relative url", []string{"-target", "14.2.1", "-details-url", "/x", "-deadline", "2026-12-01T18:00:00"}, "invalid-payload", "DetailsURL"},
		{"rsr without build", []string{"-target", "14.1.1 (a)", "-deadline", "2026-12-01T18:00:00"}, "invalid-version", "TargetBuildVersion"},
		{"Mac on 13 needs MDM commands", []string{"-chip", "intel", "-current", "13.1", "-target", "14.2.1", "-deadline", "2026-12-01T18:00:00"}, "unsupported", "mdm-commands"},
		{"Mac on 12 needs startosinstall", []string{"-chip", "intel", "-current", "12.7", "-target", "14.2.1", "-deadline", "2026-12-01T18:00:00"}, "unsupported", "startosinstall"},
		{"Mac already there", []string{"-chip", "intel", "-current", "14.2.1", "-target", "14.2.1", "-deadline", "2026-12-01T18:00:00"}, "unsupported", "already"},
		{"downgrade", []string{"-chip", "intel", "-current", "15.1", "-target", "14.2.1", "-deadline", "2026-12-01T18:00:00"}, "downgrade", "15.1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, _ := runTool(t, "", append([]string{"declaration", "-json"}, tt.args...)...)
			require.Equal(t, exitRefused, code, stdout)
			refusalCode, message := readRefusal(t, stdout)
			assert.Equal(t, tt.code, refusalCode)
			assert.Contains(t, message, tt.says)
		})
	}
}

func TestDeclarationUsage(t *testing.T) {
	for name, args := range map[string][]string{
		"no deadline":       {"-target", "14.2.1"},
		"chip alone":        {"-target", "14.2.1", "-deadline", "2026-12-01T18:00:00", "-chip", "intel"},
		"current alone":     {"-target", "14.2.1", "-deadline", "2026-12-01T18:00:00", "-current", "14.1"},
		"positional extras": {"-target", "14.2.1", "-deadline", "2026-12-01T18:00:00", "now"},
	} {
		code, stdout, _ := runTool(t, "", append([]string{"declaration"}, args...)...)
		assert.Equal(t, exitUsage, code, name)
		assert.Empty(t, stdout, name)
	}
}

func TestParseReadsADDMStatusReport(t *testing.T) {
	report := `{"StatusItems":{"softwareupdate":{"install-state":"waiting","failure-reason":{}},"device":{"operating-system":{"version":"13.3.1","build-version":"22E261","supplemental":{"extra-version":"(a)"}}}},"Errors":[]}`
	code, stdout, stderr := runTool(t, report, "parse", "-json")
	require.Equal(t, exitOK, code, stderr)
	var got struct {
		Type   string
		Answer struct {
			OperatingSystem struct{ Version, Build string } `json:"operating_system"`
			SoftwareUpdate  struct {
				InstallState string `json:"install_state"`
			} `json:"software_update"`
		}
		Problems []string
	}
	require.NoError(t, json.Unmarshal([]byte(stdout), &got))
	assert.Equal(t, "ddm-status-report", got.Type)
	assert.Equal(t, "13.3.1 (a)", got.Answer.OperatingSystem.Version)
	assert.Equal(t, "waiting", got.Answer.SoftwareUpdate.InstallState)
	require.Len(t, got.Problems, 1)
	assert.Contains(t, got.Problems[0], "softwareupdate.failure-reason")

	code, stdout, _ = runTool(t, `{"StatusItems":`, "parse", "-json")
	assert.Equal(t, exitRefused, code)
	assert.Contains(t, stdout, `"invalid-payload"`)
}
