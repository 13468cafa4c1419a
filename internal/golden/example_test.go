package golden_test

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/managedos/managedos/internal/golden"
)

// A test keeps the exact JSON of a stored value in testdata and reads it back.
func ExampleJSON() {
	dir, _ := os.MkdirTemp("", "golden")
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "point.golden.json")
	_ = os.WriteFile(path, []byte("{\n  \"x\": 1\n}\n"), 0o644)
	t := &testing.T{}
	back := golden.JSON(t, path, map[string]int{"x": 1})
	fmt.Println(back["x"], t.Failed())
	// Output:
	// 1 false
}
