package compat

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCheckJSONAcceptsJSON(t *testing.T) {
	for _, doc := range []string{
		`{}`, `[]`, `""`, `0`, `-0`, `1.5e+10`, `-12.25E-3`, `true`, `false`, `null`,
		" \t\r\n{ \"a\" : [ 1 , { } , [ ] , \"x\" ] } \n",
		`{"StatusItems":{"softwareupdate":{"install-state":"downloading"}},"Errors":[]}`,
		`"escapes \" \\ \/ \b \f \n \r \t \u00e9 \ud83c\udf4e"`,
		`"UTF-8 é ☃ 🍎"`,
		`{"a":1,"a":2}`,
	} {
		t.Run(doc, func(t *testing.T) {
			require.NoError(t, Limits{}.CheckJSON([]byte(doc)))
			var v any
			assert.NoError(t, json.Unmarshal([]byte(doc), &v), "encoding/json reads it too")
		})
	}
}

func TestCheckJSONRefusesWhatIsNotJSON(t *testing.T) {
	for _, tt := range []struct{ name, doc, says string }{
		{"empty", ``, "cut short: expected a value"},
		{"only space", "  ", "cut short: expected a value"},
		{"NaN", `{"count":NaN}`, "not a JSON value"},
		{"Infinity", `[Infinity]`, "not a JSON value"},
		{"a comment", "// x\n{}", "not a JSON value"},
		{"a single quote", `['a']`, "not a JSON value"},
		{"a bare word", `tru`, "not a JSON value"},
		{"a leading zero", `[01]`, "expected , or the end"},
		{"a plus sign", `[+1]`, "not a JSON value"},
		{"a bare point", `[1.]`, "expected a digit after the decimal point"},
		{"an empty exponent", `[1e]`, "expected a digit in the exponent"},
		{"a trailing comma", `[1,]`, "not a JSON value"},
		{"a trailing comma in an object", `{"a":1,}`, "expected a string key"},
		{"a missing colon", `{"a" 1}`, "expected : after a key"},
		{"a number key", `{1:2}`, "expected a string key"},
		{"a second value", `{} {}`, "data after the top-level value"},
		{"unclosed", `{"a":[1`, "cut short: an object or array is not closed"},
		{"mismatched", `[1}`, "expected , or the end of the object or array"},
		{"an unclosed string", `"abc`, "string not closed"},
		{"a raw newline", "\"a\nb\"", "control character 0x0a"},
		{"a bad escape", `"\x41"`, "invalid escape"},
		{"a short unicode escape", `"\u12"`, `\u not followed by four hex digits`},
		{"invalid UTF-8", "\"\xff\"", "not UTF-8"},
		{"a UTF-16 surrogate in UTF-8", "\"\xed\xa0\x80\"", "not UTF-8"},
		{"a byte order mark", "\xEF\xBB\xBF{}", "not a JSON value"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			err := Limits{}.CheckJSON([]byte(tt.doc))
			require.ErrorIs(t, err, ErrMalformed)
			assert.Contains(t, err.Error(), tt.says)
		})
	}
}

func TestCheckJSONLimitsAreExact(t *testing.T) {
	nested := func(n int) string { return strings.Repeat("[", n) + strings.Repeat("]", n) }
	zeros := func(n int) string { return "[" + strings.Repeat("0,", n-2) + "0]" }
	for _, tt := range []struct {
		name     string
		limits   Limits
		ok, over string
		says     string
	}{
		{"depth", Limits{MaxDepth: 3}, nested(3), nested(4), "depth 4 over MaxDepth 3"},
		{"elements", Limits{MaxElements: 5}, zeros(5), zeros(6), "6 elements over MaxElements 5"},
		{"keys are elements", Limits{MaxElements: 3}, `{"a":{}}`, `{"a":{"b":0}}`, "4 elements over MaxElements 3"},
		{"string bytes as written", Limits{MaxStringBytes: 6}, `"\u00e9"`, `"\u00e9x"`, "string of 7 bytes over MaxStringBytes 6"},
		{"key bytes", Limits{MaxStringBytes: 2}, `{"ab":0}`, `{"abc":0}`, "string of 3 bytes over MaxStringBytes 2"},
		{"number bytes", Limits{MaxStringBytes: 4}, `[1e10]`, `[1e100]`, "number of 5 bytes over MaxStringBytes 4"},
		{"input", Limits{MaxBytes: 4}, `[ 0]`, `[ 0 ]`, "input of 5 bytes over MaxBytes 4"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			require.NoError(t, tt.limits.CheckJSON([]byte(tt.ok)))
			err := tt.limits.CheckJSON([]byte(tt.over))
			require.ErrorIs(t, err, ErrTooLarge)
			assert.Contains(t, err.Error(), tt.says)
			var le *LimitError
			assert.True(t, errors.As(err, &le))
		})
	}
}

func TestCheckJSONErrorSaysWhere(t *testing.T) {
	doc := `{"StatusItems":{"management":{"declarations":{"configurations":[{},{"identifier":"` + strings.Repeat("x", 40) + `"}]}}}}`
	err := Limits{MaxStringBytes: 39}.CheckJSON([]byte(doc))
	require.ErrorIs(t, err, ErrTooLarge)
	assert.Equal(t, "compat: JSON at byte 81 (StatusItems.management.declarations.configurations[1].identifier): string of 40 bytes over MaxStringBytes 39: too large", err.Error())

	err = Limits{}.CheckJSON([]byte(`{"a b":{"c.d":[1,2,x]}}`))
	require.ErrorIs(t, err, ErrMalformed)
	assert.Equal(t, `compat: JSON at byte 19 ("a b"."c.d"[2]): not a JSON value: malformed input`, err.Error())
}

func TestCheckJSONDeeperThanTheInlineStack(t *testing.T) {
	doc := strings.Repeat("[", 100) + strings.Repeat("]", 100)
	require.NoError(t, Limits{MaxDepth: 100}.CheckJSON([]byte(doc)))
	assert.ErrorIs(t, Limits{MaxDepth: 99}.CheckJSON([]byte(doc)), ErrTooLarge)
	xml := "<plist>" + strings.Repeat("<array>", 100) + strings.Repeat("</array>", 100) + "</plist>"
	require.NoError(t, Limits{MaxDepth: 100}.CheckPlist([]byte(xml)))
	assert.ErrorIs(t, Limits{MaxDepth: 99}.CheckPlist([]byte(xml)), ErrTooLarge)
}
