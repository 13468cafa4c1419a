package testseeds_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/managedos/managedos/internal/testseeds"
)

// printCorpus stands in for the *testing.F of a fuzz target, printing what it is
// given, with dir written as "testdata".
type printCorpus struct{ dir string }

func (printCorpus) Helper()         {}
func (printCorpus) Add(args ...any) { fmt.Printf("seed %s\n", args[0]) }
func (c printCorpus) Fatalf(format string, args ...any) {
	fmt.Println("stop:", strings.ReplaceAll(fmt.Sprintf(format, args...), c.dir, "testdata"))
}

// A fuzz target takes every sample of its testdata as a seed; a pattern that
// matches nothing stops it.
func ExampleAdd() {
	dir, _ := os.MkdirTemp("", "testseeds")
	defer os.RemoveAll(dir)
	_ = os.WriteFile(filepath.Join(dir, "a.json"), []byte(`{"a":1}`), 0o644)
	_ = os.WriteFile(filepath.Join(dir, "b.json"), []byte(`[]`), 0o644)
	f := printCorpus{dir}
	testseeds.Add(f, filepath.Join(dir, "*.json"))
	testseeds.Add(f, filepath.Join(dir, "*.plist"))
	// Output:
	// seed {"a":1}
	// seed []
	// stop: testseeds: testdata/*.plist matches no file
}
