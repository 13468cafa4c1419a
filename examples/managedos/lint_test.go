package main

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const lintDir = "../../compat/testdata/lint/"

func TestLintExitsOneOnErrors(t *testing.T) {
	code, stdout, _ := runTool(t, "", "lint", "-json", lintDir+"block_pane.mobileconfig", lintDir+"softwareupdate_defaults.mobileconfig")
	require.Equal(t, exitRefused, code)
	var got struct {
		Findings []struct {
			Severity, Document, Key string
			PayloadType             string `json:"payload_type"`
		}
		Errors, Warnings int
	}
	require.NoError(t, json.Unmarshal([]byte(stdout), &got))
	assert.Equal(t, 1, got.Errors)
	assert.Equal(t, 1, got.Warnings)
	require.Len(t, got.Findings, 2)
	assert.Equal(t, "error", got.Findings[0].Severity)
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

func TestLintUsage(t *testing.T) {
	code, _, _ := runTool(t, "", "lint")
	assert.Equal(t, exitUsage, code)
	code, _, stderr := runTool(t, "", "lint", "no/such/file.mobileconfig")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, stderr, "no/such/file.mobileconfig")
}
