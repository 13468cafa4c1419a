package main

import (
	"encoding/json"
	"flag"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const lintDir = "../../lint/testdata/"

var updateGolden = flag.Bool("update", false, "rewrite the golden files in testdata")

// The -json output of a deployment with every kind of finding, byte for byte.
func TestLintJSONGolden(t *testing.T) {
	args := []string{"lint", "-json"}
	for _, name := range []string{
		"block_pane.mobileconfig", "security_improvements.mobileconfig", "softwareupdate_defaults.mobileconfig",
		"enforcement_banana.json", "enforcement_14.json", "enforcement_26.1.json", "enforcement_26.1_supplemental.json",
		"apple_enforcement_example1.json", "schedule_bogus_action.plist", "block_pane.mobileconfig",
	} {
		args = append(args, lintDir+name)
	}
	code, stdout, stderr := runTool(t, "", args...)
	require.Equal(t, exitRefused, code, stderr)
	if *updateGolden {
		require.NoError(t, os.WriteFile("testdata/lint.golden.json", []byte(stdout), 0o644))
	}
	want, err := os.ReadFile("testdata/lint.golden.json")
	require.NoError(t, err)
	assert.Equal(t, string(want), stdout)
}

func TestLintExitsOneOnErrors(t *testing.T) {
	code, stdout, _ := runTool(t, "", "lint", "-json", lintDir+"block_pane.mobileconfig", lintDir+"softwareupdate_defaults.mobileconfig")
	require.Equal(t, exitRefused, code)
	var got struct {
		Findings []struct {
			Severity, Rule, Document, Key string
			PayloadType                   string `json:"payload_type"`
		}
		Errors, Warnings int
	}
	require.NoError(t, json.Unmarshal([]byte(stdout), &got))
	assert.Equal(t, 1, got.Errors)
	assert.Equal(t, 2, got.Warnings, "deprecated-profile and automatic-download")
	require.Len(t, got.Findings, 3)
	assert.Equal(t, "error", got.Findings[0].Severity)
	assert.Equal(t, "software-update-blocked", got.Findings[0].Rule)
	assert.Equal(t, "DisabledPreferencePanes", got.Findings[0].Key)
	assert.Equal(t, "com.apple.systempreferences", got.Findings[0].PayloadType)
}

func TestLintWarningsAloneExitZero(t *testing.T) {
	code, stdout, _ := runTool(t, "", "lint", lintDir+"settings_alwayson.json", lintDir+"clean.mobileconfig")
	require.Equal(t, exitOK, code)
	assert.Contains(t, stdout, "warning: "+lintDir+"settings_alwayson.json")
	assert.Contains(t, stdout, "2 files: 0 errors, 1 warnings")

	code, stdout, _ = runTool(t, "", "lint", "-json", lintDir+"clean.mobileconfig")
	require.Equal(t, exitOK, code)
	assert.JSONEq(t, `{"findings":[],"errors":0,"warnings":0}`, stdout)
}

func TestLintReportsAFileOverTheLimitTooLarge(t *testing.T) {
	name := t.TempDir() + "/huge.json"
	require.NoError(t, os.WriteFile(name, []byte(`{"Type":"`+strings.Repeat("x", 17<<20)+`"}`), 0o644))
	code, stdout, _ := runTool(t, "", "lint", "-json", name)
	require.Equal(t, exitRefused, code)
	var got struct {
		Findings []struct{ Severity, Rule, Message string }
	}
	require.NoError(t, json.Unmarshal([]byte(stdout), &got))
	require.Len(t, got.Findings, 1)
	assert.Equal(t, "too-large", got.Findings[0].Rule)
	assert.Contains(t, got.Findings[0].Message, "MaxBytes")
}

func TestLintUsage(t *testing.T) {
	code, _, _ := runTool(t, "", "lint")
	assert.Equal(t, exitUsage, code)
	code, _, stderr := runTool(t, "", "lint", "no/such/file.mobileconfig")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, stderr, "no/such/file.mobileconfig")
}
