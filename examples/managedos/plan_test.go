package main

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const inventory = `{"id":"a","chip":"intel","current":"12.7.1"}
{"id":"b","model":"MacBookPro18,3","current":"13.6"}
{"id":"c","model":"iPhone1,1","current":"13.6"}
{"id":"d","chip":"apple","current":"14.3"}
`

func TestPlanDecidesPerDevice(t *testing.T) {
	code, stdout, stderr := runTool(t, inventory, "plan", "-json", "-target", "14.2.1")
	require.Equal(t, exitOK, code, stderr)
	var got struct {
		Target    string
		Decisions []struct {
			ID, Chip, Delivery, Kind string
			Error                    *struct{ Code string }
		}
	}
	require.NoError(t, json.Unmarshal([]byte(stdout), &got))
	require.Len(t, got.Decisions, 4)
	assert.Equal(t, "startosinstall", got.Decisions[0].Delivery)
	assert.Equal(t, "apple-silicon", got.Decisions[1].Chip)
	assert.Equal(t, "mdm-commands", got.Decisions[1].Delivery)
	require.NotNil(t, got.Decisions[2].Error)
	assert.Equal(t, "unknown-chip", got.Decisions[2].Error.Code)
	require.NotNil(t, got.Decisions[3].Error)
	assert.Equal(t, "downgrade", got.Decisions[3].Error.Code)

	code, stdout, _ = runTool(t, inventory, "plan", "-target", "14.2.1")
	require.Equal(t, exitOK, code)
	assert.Contains(t, stdout, "refused: downgrade")
}

func TestPlanRefusesBadInput(t *testing.T) {
	code, stdout, _ := runTool(t, `{"id":"a","current":"13.1"}`, "plan", "-json", "-target", "14.2.1")
	assert.Equal(t, exitRefused, code)
	assert.Contains(t, stdout, `"invalid-input"`)
	code, stdout, _ = runTool(t, "", "plan", "-json", "-target", "14.x")
	assert.Equal(t, exitRefused, code)
	assert.Contains(t, stdout, `"invalid-version"`)
	code, _, _ = runTool(t, "", "plan")
	assert.Equal(t, exitUsage, code)
}
