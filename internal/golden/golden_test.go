package golden

import (
	"os"
	"path/filepath"
	"testing"
)

func TestJSONReadsTheFileBack(t *testing.T) {
	path := filepath.Join(t.TempDir(), "v.golden.json")
	v := map[string]string{"a": "<b>"}
	if err := os.WriteFile(path, []byte("{\n  \"a\": \"<b>\"\n}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	back := JSON(t, path, v)
	if back["a"] != "<b>" {
		t.Fatalf("read back %v", back)
	}
}
