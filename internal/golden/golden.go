// Package golden checks, for tests, that what a test built (bytes, or a value's
// JSON) is exactly what a golden file keeps, and that a JSON file reads back into
// the value's type.
package golden

import (
	"bytes"
	"encoding/json"
	"os"
	"testing"
)

// UpdateEnv is the environment variable that, when set, makes [Bytes] and [JSON]
// write the golden files instead of comparing with them.
const UpdateEnv = "UPDATE_GOLDEN"

// Bytes checks got against the file at path, writing the file first when UpdateEnv
// is set, and returns the file's bytes. A difference fails the test and shows both;
// a file that cannot be read or written stops it.
func Bytes(t testing.TB, path string, got []byte) []byte {
	t.Helper()
	if os.Getenv(UpdateEnv) != "" {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatalf("golden: %v", err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("golden: %v", err)
	}
	if !bytes.Equal(want, got) {
		t.Errorf("golden: %s differs:\n--- %s\n%s\n--- got\n%s", path, path, want, got)
	}
	return want
}

// JSON encodes v as indented JSON with HTML characters left as they are, checks it
// against the file at path as [Bytes] does, and returns the file read back into a
// new T with encoding/json, for the caller to compare with v. Any failure fails the
// test.
func JSON[T any](t testing.TB, path string, v T) T {
	t.Helper()
	var got bytes.Buffer
	enc := json.NewEncoder(&got)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		t.Fatalf("golden: encode %T: %v", v, err)
	}
	want := Bytes(t, path, got.Bytes())
	var back T
	if err := json.Unmarshal(want, &back); err != nil {
		t.Fatalf("golden: read %s back into %T: %v", path, back, err)
	}
	return back
}
