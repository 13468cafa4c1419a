package compat

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestEveryDocumentErrorStaysSmallWhateverTheValue feeds a value of 100 KB to each
// entry point of this package that reads a document or a device snapshot, at the
// keys it reads: the error is there and its message stays under 1 KB.
// (TestErrorsStaySmallWhateverTheInput does the same for the text parsers.)
func TestEveryDocumentErrorStaysSmallWhateverTheValue(t *testing.T) {
	huge := strings.Repeat("x", 100<<10)
	digits := strings.Repeat("9", 100<<10)
	entry := func(key, value string) []byte {
		return []byte(`{"PublicAssetSets":{"macOS":[{"ProductVersion":"14.4","Build":"23E214","PostingDate":"2024-03-07","SupportedDevices":["J413AP"],"` + key + `":` + value + `}]}}`)
	}
	unknownModel := Mac{Model: huge, DeviceID: huge, Version: MustParseVersion("14.4")}
	var (
		mac      Mac
		decision Decision
		flag     Flag
	)
	tests := map[string]func() error{
		"ParseCatalog a version":     func() error { _, err := ParseCatalog(entry("ProductVersion", `"`+huge+`"`)); return err },
		"ParseCatalog a build":       func() error { _, err := ParseCatalog(entry("Build", `"`+huge+`"`)); return err },
		"ParseCatalog an extra":      func() error { _, err := ParseCatalog(entry("ProductVersionExtra", `"`+huge+`"`)); return err },
		"ParseCatalog a date":        func() error { _, err := ParseCatalog(entry("PostingDate", `"`+huge+`"`)); return err },
		"ParseCatalog a number":      func() error { _, err := ParseCatalog(entry("Build", digits)); return err },
		"ParseCatalog devices":       func() error { _, err := ParseCatalog(entry("SupportedDevices", digits)); return err },
		"ParseCatalog not JSON":      func() error { _, err := ParseCatalog([]byte(`{"` + huge)); return err },
		"CheckPlist an element name": func() error { return Limits{}.CheckPlist([]byte(`<plist><` + huge + `/></plist>`)) },
		"CheckPlist a key": func() error {
			return Limits{}.CheckPlist([]byte(`<plist><dict><key>` + huge + `</key><foo/></dict></plist>`))
		},
		"CheckJSON a key":             func() error { return Limits{}.CheckJSON([]byte(`{"` + huge + `":[}`)) },
		"Mac.UnmarshalJSON a number":  func() error { return json.Unmarshal([]byte(`{"model":`+digits+`}`), &mac) },
		"Mac.UnmarshalJSON a version": func() error { return json.Unmarshal([]byte(`{"version":"`+huge+`"}`), &mac) },
		"Mac.UnmarshalJSON a key":     func() error { return json.Unmarshal([]byte(`{"`+huge+`":1}`), &mac) },
		"Mac.UnmarshalJSON many keys": func() error {
			return json.Unmarshal([]byte(`{`+strings.Repeat(`"`+huge[:1000]+`":1,`, 100)+`"chip":1}`), &mac)
		},
		"Decision.UnmarshalJSON a rule": func() error { return json.Unmarshal([]byte(`{"rule":`+digits+`}`), &decision) },
		"Decision.UnmarshalJSON a kind": func() error { return json.Unmarshal([]byte(`{"kind":"`+huge+`"}`), &decision) },
		"Flag.UnmarshalJSON":            func() error { return flag.UnmarshalJSON([]byte(huge)) },
		"ParseDate":                     func() error { _, err := ParseDate(huge); return err },
		"HardwareOf a model":            func() error { _, err := HardwareOf(unknownModel, nil); return err },
		"ResolveMac a model":            func() error { _, err := ResolveMac(unknownModel, MustParseVersion("15.0"), nil); return err },
		"SelectTarget a model": func() error {
			_, err := SelectTarget(unknownModel, nil, Policy{Minimum: MustParseVersion("15.0")}, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
			return err
		},
	}
	for name, call := range tests {
		t.Run(name, func(t *testing.T) {
			err := call()
			require.Error(t, err)
			assert.Less(t, len(err.Error()), 1<<10, "%.300s", err)
		})
	}
}
