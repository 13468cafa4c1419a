// Package golden checks, for tests, that a value's JSON is exactly the bytes kept in a
// golden file, and that the file reads back into the value's type.
package golden

import (
	"bytes"
	"encoding/json"
	"os"
	"testing"
)

// UpdateEnv is the environment variable that, when set, makes [JSON] write the golden
// files instead of comparing with them.
const UpdateEnv = "UPDATE_GOLDEN"

// JSON encodes v as indented JSON with HTML characters left as they are, checks it
// against the file at path (writing the file first when UpdateEnv is set), and
// returns the file read back into a new T with encoding/json, for the caller to
// compare with v. Any failure fails the test.
func JSON[T any](t testing.TB, path string, v T) T {
	t.Helper()
	var got bytes.Buffer
	enc := json.NewEncoder(&got)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		t.Fatalf("golden: encode %T: %v", v, err)
	}
	if os.Getenv(UpdateEnv) != "" {
		if err := os.WriteFile(path, got.Bytes(), 0o644); err != nil {
			t.Fatalf("golden: %v", err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("golden: %v", err)
	}
	if !bytes.Equal(want, got.Bytes()) {
		t.Errorf("golden: %s differs from the JSON of the value:\n--- %s\n%s\n--- JSON\n%s", path, path, want, got.Bytes())
	}
	var back T
	if err := json.Unmarshal(want, &back); err != nil {
		t.Fatalf("golden: read %s back into %T: %v", path, back, err)
	}
	return back
}
