package mdmcmd

import (
	"bufio"
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// schemaKey is one key of an Apple schema file, as the tests need it.
type schemaKey struct {
	Type     string // without the angle brackets: string, boolean, dictionary, …
	Presence string // required or optional
	Range    []string
	MacOS    string // supportedOS.macOS.introduced, "" when not given
}

// readSchemaKeys reads one section of an apple/device-management schema file,
// payloadkeys or responsekeys, into a map from dotted key path (details.OSVersion)
// to its key. It understands
// only the regular shape of those files: "- key: NAME" items whose fields are
// indented two more spaces, with subkeys nested the same way. That keeps the test
// free of a YAML dependency.
func readSchemaKeys(t *testing.T, file, section string) map[string]schemaKey {
	t.Helper()
	data, err := os.ReadFile(file)
	require.NoError(t, err)
	keys := map[string]schemaKey{}
	type open struct {
		indent int // column of the "- key:" dash
		path   string
	}
	var stack []open
	var block []string // the field names that open the current line's block, by depth
	inSection := false
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		line := sc.Text()
		trimmed := strings.TrimLeft(line, " ")
		indent := len(line) - len(trimmed)
		item := strings.HasPrefix(trimmed, "- ")
		switch {
		case trimmed == "":
			continue
		case indent == 0 && !item:
			inSection = trimmed == section+":"
			stack = stack[:0]
			continue
		case !inSection:
			continue
		}
		if name, ok := strings.CutPrefix(trimmed, "- key: "); ok {
			for len(stack) > 0 && stack[len(stack)-1].indent >= indent {
				stack = stack[:len(stack)-1]
			}
			path := name
			if len(stack) > 0 {
				path = stack[len(stack)-1].path + "." + name
			}
			stack = append(stack, open{indent, path})
			keys[path] = schemaKey{}
			block = block[:0]
			continue
		}
		if len(stack) == 0 {
			continue
		}
		top := stack[len(stack)-1]
		depth := (indent - top.indent - 2) / 2 // 0 for the key's own fields
		if depth < 0 {
			continue
		}
		k := keys[top.path]
		if item { // a list item, written at its parent field's indent
			if depth == 0 && len(block) == 1 && block[0] == "rangelist" {
				k.Range = append(k.Range, strings.TrimSpace(strings.TrimPrefix(trimmed, "- ")))
				keys[top.path] = k
			}
			continue
		}
		field, value, _ := strings.Cut(trimmed, ":")
		value = strings.Trim(strings.TrimSpace(value), "'")
		block = block[:min(depth, len(block))]
		switch {
		case depth == 0 && field == "type":
			k.Type = strings.Trim(value, "<>")
		case depth == 0 && field == "presence":
			k.Presence = value
		case depth == 2 && len(block) == 2 && block[0] == "supportedOS" && block[1] == "macOS" && field == "introduced":
			k.MacOS = value
		}
		keys[top.path] = k
		if value == "" && len(block) == depth {
			block = append(block, field)
		}
	}
	require.NoError(t, sc.Err())
	require.NotEmpty(t, keys, "no %s in %s", section, file)
	return keys
}

func TestReadSchemaKeys(t *testing.T) {
	keys := readSchemaKeys(t, "testdata/schema/softwareupdate.required.yaml", "payloadkeys")
	want := map[string]schemaKey{
		"code":                                   {Type: "string", Presence: "required", Range: []string{SoftwareUpdateRequiredCode}},
		"description":                            {Type: "string", Presence: "optional"},
		"message":                                {Type: "string", Presence: "optional"},
		"details":                                {Type: "dictionary", Presence: "required"},
		"details.OSVersion":                      {Type: "string", Presence: "required"},
		"details.BuildVersion":                   {Type: "string", Presence: "optional"},
		"details.RequireBetaProgram":             {Type: "dictionary", Presence: "optional", MacOS: "14.5"},
		"details.RequireBetaProgram.Description": {Type: "string", Presence: "required"},
		"details.RequireBetaProgram.Token":       {Type: "string", Presence: "required"},
	}
	require.Equal(t, want, keys, "the test's reading of the schema file")
}
