package main

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/managedos/managedos/compat"
)

// inventoryLines are the shapes the fast reader must agree with encoding/json on.
var inventoryLines = []string{
	`{"id":"a","chip":"intel","current":"12.7.1"}`,
	`{"id":"b","model":"MacBookPro18,3","device_id":"J316sAP","current":"13.6","build":"22G120","ring":"canary"}`,
	` { "id" : "c" , "model" : "Mac14,2" } `,
	`{}`,
	`{"id":null,"chip":"intel"}`,
	`{"id":"x","id":"y"}`,
	`{"id":"x","id":null}`,
	`{"ID":"upper"}`,
	`{"id":"esc\"aped"}`,
	`{"id":"caf\u00e9"}`,
	`{"id":"café"}`,
	"{\"id\":\"bad \xff utf8\"}",
	`{"id":5}`,
	`{"id":"a","extra":[1,2,{"x":true}]}`,
	`{"id":"a"} trailing`,
	`{"id":"a"`,
	`["id"]`,
	`null`,
	``,
	`{"id":"a",}`,
	"{\"id\":\"tab\there\"}",
	`{"model":"Mac14,2","current":"15.1"}{"id":"b"}`,
	`{"id":"deep","x":` + strings.Repeat("[", 100) + strings.Repeat("]", 100) + `}`,
}

func TestInventoryFastReaderAgreesWithEncodingJSON(t *testing.T) {
	for _, line := range inventoryLines {
		t.Run(line, func(t *testing.T) { assertInventoryAgrees(t, []byte(line)) })
	}
}

func assertInventoryAgrees(t *testing.T, line []byte) {
	t.Helper()
	var got inventoryDevice
	err := readInventoryLine(line, &got)
	if errors.Is(lineLimits().CheckJSON(line), compat.ErrTooLarge) && !readInventoryFast(line, &inventoryDevice{}) {
		assert.Errorf(t, err, "readInventoryLine(%q): over the line limits", line)
		return
	}
	var want inventoryJSON
	wantErr := json.Unmarshal(line, &want)
	if wantErr != nil {
		assert.Errorf(t, err, "readInventoryLine(%q)", line)
		return
	}
	require.NoErrorf(t, err, "readInventoryLine(%q)", line)
	assert.Equalf(t, want, inventoryJSON{
		ID: string(got.ID), Model: string(got.Model), Chip: string(got.Chip), DeviceID: string(got.DeviceID),
		Current: string(got.Current), Build: string(got.Build), Ring: string(got.Ring),
	}, "readInventoryLine(%q)", line)
}

func TestInventoryFastReaderDoesNotAllocate(t *testing.T) {
	line := []byte(inventoryLines[1])
	var d inventoryDevice
	allocs := testing.AllocsPerRun(100, func() {
		if err := readInventoryLine(line, &d); err != nil {
			t.Fatal(err)
		}
	})
	assert.Zero(t, allocs)
}

func FuzzInventoryLine(f *testing.F) {
	for _, line := range inventoryLines {
		f.Add([]byte(line))
	}
	f.Fuzz(func(t *testing.T, line []byte) { assertInventoryAgrees(t, line) })
}
