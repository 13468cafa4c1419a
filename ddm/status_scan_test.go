package ddm

import (
	"encoding/json"
	"errors"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/managedos/managedos/compat"
	"github.com/managedos/managedos/internal/testseeds"
)

// statusFixtures are the real and written status reports in testdata.
var statusFixtures = []string{
	"ddm_status_kmfddm_2022_declarations_errors.json",
	"ddm_status_kmfddm_macos13.3.1a_rsr.json",
	"ddm_status_kmfddm_not_referenced.json",
	"status_snapshot_macos26.json",
	"status_softwareupdate_downloading.json",
}

// scanAgrees checks, for JSON that CheckJSON accepts, that the one-pass scanner and
// encoding/json item by item give the same report and the same errors, or that the
// scanner left the report to encoding/json; it returns whether the scanner read it.
// On other input it checks only that the scanner does not panic.
func scanAgrees(t *testing.T, data []byte) bool {
	t.Helper()
	if (compat.Limits{}).CheckJSON(data) != nil {
		scanStatusReport(data) // never called so, but not a panic either
		return false
	}
	want, wantErr := readStatusReport(data)
	got, w, ok := scanStatusReport(data)
	if !ok {
		return false
	}
	if want == nil {
		t.Fatalf("scanned %q, which encoding/json refuses: %v", data, wantErr)
	}
	if !assert.Equal(t, want, got, "%s", data) {
		t.FailNow()
	}
	if gotErr := w.err(); (gotErr == nil) != (wantErr == nil) || gotErr != nil && gotErr.Error() != wantErr.Error() {
		t.Fatalf("%s: scanned with error %v, want %v", data, gotErr, wantErr)
	}
	return true
}

func TestScanReadsEveryFixtureAsEncodingJSONDoes(t *testing.T) {
	var read uint32
	for _, name := range statusFixtures {
		data := readFixture(t, name)
		assert.True(t, scanAgrees(t, data), "%s is left to encoding/json", name)
		if _, w, ok := scanStatusReport(data); ok {
			read |= w.present
		}
	}
	for i, item := range statusItems {
		assert.NotZero(t, read&(1<<i), "no fixture has %s", item.name)
	}
}

// scanCases are reports that take the scanner's every path: what it reads, and what
// it leaves to encoding/json (scanned false).
var scanCases = []struct {
	name    string
	report  string
	scanned bool
}{
	{"empty", `{}`, true},
	{"null", `null`, true},
	{"null levels", `{"StatusItems":{"softwareupdate":null,"device":{"operating-system":null}},"Errors":null}`, true},
	{"null items", `{"StatusItems":{"softwareupdate":{"install-state":null,"pending-version":null},"device":{"operating-system":{"version":null}}}}`, true},
	{"null fields", `{"StatusItems":{"softwareupdate":{"pending-version":{"os-version":null,"build-version":"23C71"},"failure-reason":{"count":null},"install-reason":{"reason":null}}}}`, true},
	{"null elements", `{"StatusItems":{"softwareupdate":{"install-reason":{"reason":[null,"mdm"]}},"management":{"declarations":{"configurations":[null,{"reasons":[null]}]}}},"Errors":[null,{"Reasons":null}]}`, true},
	{"unknown keys and items", `{"X":[{"a":"\"}"}],"StatusItems":{"softwareupdate":{"x":{"y":[1,true,null,-2.5e3]},"install-state":"waiting","other":"\u00e9"},"security":{}},"Errors":[]}`, true},
	{"keys in other cases", `{"statusitems":{"softwareupdate":{"failure-reason":{"COUNT":1,"Reason":"r","TimeStamp":"2026-11-20T09:15:00Z"}}},"errors":[{"statusitem":"a","REASONS":[{"CODE":"c"}]}]}`, true},
	{"tree keys in other cases are other items", `{"StatusItems":{"SoftwareUpdate":{"install-state":"none"},"softwareupdate":{"Install-State":"none"}}}`, true},
	{"escaped values", `{"StatusItems":{"device":{"model":{"identifier":"Mac14\u002c2"},"identifier":{"serial-number":"C02\/X\"Y"}}}}`, true},
	{"a lone surrogate", `{"StatusItems":{"device":{"identifier":{"udid":"\ud800"}}}}`, true},
	{"declarations out of order", `{"StatusItems":{"management":{"declarations":{"management":[{"identifier":"m"}],"assets":[],"activations":[{"identifier":"a","active":true,"valid":"valid","server-token":"t"}],"configurations":null,"other":[1]}}}}`, true},
	{"reason details", `{"StatusItems":{"management":{"declarations":{"activations":[{"reasons":[{"code":"c","details":{"n":1,"l":[true,{"x":null}]}}]}]}}}}`, true},
	{"capabilities", `{"StatusItems":{"management":{"client-capabilities":{"supported-versions":["1.0.0"],"supported-payloads":{"declarations":{"activations":[],"assets":null,"configurations":["c"]},"status-items":["s"]}}}}}`, true},
	{"capabilities without payloads", `{"StatusItems":{"management":{"client-capabilities":{"supported-payloads":null}}}}`, true},
	{"checks that fail", `{"StatusItems":{"softwareupdate":{"pending-version":{"os-version":"x"},"failure-reason":{"count":1,"timestamp":"now"},"install-reason":{}},"device":{"operating-system":{"version":"14.1","supplemental":{"extra-version":"(ab)"},"build-version":"nope"}}}}`, true},
	{"a negative count", `{"StatusItems":{"softwareupdate":{"failure-reason":{"count":-0}}}}`, true},
	{"a beta program", `{"StatusItems":{"softwareupdate":{"beta-enrollment":""}}}`, true},

	{"not an object", `[]`, false},
	{"a string", `"x"`, false},
	{"an item of another type", `{"StatusItems":{"softwareupdate":{"install-state":1}}}`, false},
	{"a level of another type", `{"StatusItems":{"device":"x"}}`, false},
	{"a field of another type", `{"StatusItems":{"softwareupdate":{"failure-reason":{"count":"1"}}}}`, false},
	{"a fractional count", `{"StatusItems":{"softwareupdate":{"failure-reason":{"count":1.0}}}}`, false},
	{"a count in exponent form", `{"StatusItems":{"softwareupdate":{"failure-reason":{"count":1e2}}}}`, false},
	{"a count out of range", `{"StatusItems":{"softwareupdate":{"failure-reason":{"count":9223372036854775808}}}}`, false},
	{"a boolean of another type", `{"StatusItems":{"management":{"declarations":{"assets":[{"active":"yes"}]}}}}`, false},
	{"details of another type", `{"Errors":[{"Reasons":[{"Details":[]}]}]}`, false},
	{"an item twice", `{"StatusItems":{"softwareupdate":{"install-state":"none","install-state":"failed"}}}`, false},
	{"a level twice", `{"StatusItems":{"softwareupdate":{"install-state":"none"},"softwareupdate":{}}}`, false},
	{"a field twice in two cases", `{"StatusItems":{"softwareupdate":{"failure-reason":{"count":1,"Count":2}}}}`, false},
	{"a group twice", `{"StatusItems":{"management":{"declarations":{"assets":[],"assets":[]}}}}`, false},
	{"the top key twice", `{"StatusItems":{},"statusitems":{}}`, false},
	{"an escaped key", `{"StatusItems":{"software\u0075pdate":{"install-state":"none"}}}`, false},
	{"a field name folded from another script", "{\"StatusItems\":{\"softwareupdate\":{\"failure-reason\":{\"\u212aount\":1,\"count\":1}}}}", false},
}

func TestScanReadsWhatItCanAndLeavesTheRest(t *testing.T) {
	for _, tt := range scanCases {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.scanned, scanAgrees(t, []byte(tt.report)))
		})
	}
}

// TestStatusItemLevelsAreTogether checks what the scanner relies on: the items
// under each level of the tree are next to each other in statusItems, and no
// item's name is also a level.
func TestStatusItemLevelsAreTogether(t *testing.T) {
	for _, item := range statusItems {
		for j := range len(item.name) {
			if item.name[j] != '.' {
				continue
			}
			level := item.name[:j+1]
			var under []int
			for k, other := range statusItems {
				assert.NotEqual(t, item.name[:j], other.name, "an item and a level")
				if strings.HasPrefix(other.name, level) {
					under = append(under, k)
				}
			}
			assert.Equal(t, len(under)-1, under[len(under)-1]-under[0], "the items under %s are not together", level)
		}
	}
}

// FuzzScanMatchesEncodingJSON checks that, on any JSON that CheckJSON accepts, the
// one-pass scanner gives the report and errors that encoding/json item by item
// gives, or leaves the report to it. Seeds: the fixtures, the hostile catalogue and
// scanCases.
func FuzzScanMatchesEncodingJSON(f *testing.F) {
	for _, name := range statusFixtures {
		testseeds.Add(f, filepath.Join("testdata", name))
	}
	testseeds.Add(f, "testdata/hostile/*.json")
	for _, c := range scanCases {
		f.Add([]byte(c.report))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		scanAgrees(t, data)
	})
}

// TestScanAgreesOnEveryChangeToAFixture makes every single change of a kind that
// moves the scanner from one path to another to every value and key of the
// fixtures: each value replaced by a value of each JSON type, each key repeated or
// written in upper case. On each, the scanner must agree with encoding/json.
func TestScanAgreesOnEveryChangeToAFixture(t *testing.T) {
	values := []any{nil, "x", float64(1), 1.5, 1e20, true, []any{}, []any{nil, "mdm", float64(2)}, map[string]any{"count": float64(1), "x": []any{}}}
	scanned, total := 0, 0
	for _, name := range statusFixtures {
		var doc any
		require.NoError(t, json.Unmarshal(readFixture(t, name), &doc))
		var paths [][]string
		walkJSON(doc, nil, func(path []string) { paths = append(paths, slices.Clone(path)) })
		for _, path := range paths {
			var variants []change
			for _, v := range values {
				variants = append(variants, change{path: path, value: v, set: true})
			}
			if isKey(path) {
				variants = append(variants, change{path: path, upper: true}, change{path: path, repeat: true})
			}
			for _, c := range variants {
				total++
				if scanAgrees(t, c.apply(doc)) {
					scanned++
				}
			}
		}
	}
	t.Logf("%d of %d changed reports scanned", scanned, total)
	assert.Greater(t, scanned, total/4, "many changes keep the report on the scanner's path")
}

// isKey reports whether path ends with an object's key, not an array's index.
func isKey(path []string) bool {
	if len(path) == 0 {
		return false
	}
	_, err := strconv.Atoi(path[len(path)-1])
	return err != nil
}

// walkJSON calls visit with the path of every value in v, v's own included.
func walkJSON(v any, path []string, visit func(path []string)) {
	visit(path)
	switch v := v.(type) {
	case map[string]any:
		for k, e := range v {
			walkJSON(e, append(path, k), visit)
		}
	case []any:
		for i, e := range v {
			walkJSON(e, append(path, strconv.Itoa(i)), visit)
		}
	}
}

// change is one change to a JSON document: the value at path set to value, or its
// key written in upper case, or its key written twice (the second time with null).
type change struct {
	path               []string
	value              any
	set, upper, repeat bool
}

// apply writes doc as JSON with c made; object keys in sorted order.
func (c change) apply(doc any) []byte {
	var b []byte
	var write func(v any, path []string)
	write = func(v any, path []string) {
		here := slices.Equal(path, c.path)
		if here && c.set {
			v = c.value
		}
		switch v := v.(type) {
		case map[string]any:
			b = append(b, '{')
			for n, k := range slices.Sorted(maps.Keys(v)) {
				if n > 0 {
					b = append(b, ',')
				}
				sub := append(slices.Clip(path), k)
				key := k
				if slices.Equal(sub, c.path) && c.upper {
					key = strings.ToUpper(k)
				}
				b = strconv.AppendQuote(b, key)
				b = append(b, ':')
				write(v[k], sub)
				if slices.Equal(sub, c.path) && c.repeat {
					b = strconv.AppendQuote(append(b, ','), key)
					b = append(b, ":null"...)
				}
			}
			b = append(b, '}')
		case []any:
			b = append(b, '[')
			for i, e := range v {
				if i > 0 {
					b = append(b, ',')
				}
				write(e, append(slices.Clip(path), strconv.Itoa(i)))
			}
			b = append(b, ']')
		default:
			out, err := json.Marshal(v)
			if err != nil {
				panic(err)
			}
			b = append(b, out...)
		}
	}
	write(doc, nil)
	return b
}

// BenchmarkParseStatusReportWithABadItem parses a report whose failure-reason count
// is a string: the scanner leaves it to encoding/json item by item, the slow path.
func BenchmarkParseStatusReportWithABadItem(b *testing.B) {
	data, err := os.ReadFile("testdata/status_softwareupdate_downloading.json")
	if err != nil {
		b.Fatal(err)
	}
	data = []byte(strings.Replace(string(data), `"count" : 2`, `"count" : "2"`, 1))
	b.ReportAllocs()
	for b.Loop() {
		r, err := ParseStatusReport(data)
		if r == nil || !errors.Is(err, ErrInvalidStatus) {
			b.Fatalf("want a report and an error, got %v", err)
		}
		sinkReport = r
	}
}

// TestScannerFieldsAreTheDecodedStructs checks that the scanner reads the fields
// encoding/json decodes in readStatusReport, by the same names in lower case, and
// that every name fits in the scanner's folded key.
func TestScannerFieldsAreTheDecodedStructs(t *testing.T) {
	for _, tt := range []struct {
		fields []string
		wire   any
	}{
		{fieldNames(pendingVersionFields), pendingVersionWire{}},
		{fieldNames(failureReasonFields), failureReasonWire{}},
		{fieldNames(installReasonFields), installReasonWire{}},
		{fieldNames(declarationFields), declarationWire{}},
		{fieldNames(statusErrorFields), statusErrorWire{}},
		{fieldNames(reasonFields), Reason{}},
		{fieldNames(capabilitiesFields), capabilitiesWire{}},
		{fieldNames(supportedPayloadsFields), supportedPayloadsWire{}},
		{fieldNames(supportedDeclarationsFields), supportedDeclarationsWire{}},
	} {
		typ := reflect.TypeOf(tt.wire)
		var tags []string
		for f := range typ.Fields() {
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			tags = append(tags, strings.ToLower(name))
		}
		assert.ElementsMatch(t, tags, tt.fields, "%s", typ)
		for _, name := range tt.fields {
			assert.LessOrEqual(t, len(name), len(statusScan{}.folded), name)
		}
	}
}

func fieldNames[T any](fields []structField[T]) []string {
	var names []string
	for _, f := range fields {
		names = append(names, f.name)
	}
	return names
}
