// Package testseeds gives a fuzz target the files of its package's testdata as seeds.
package testseeds

import (
	"os"
	"path/filepath"
)

// Corpus is what [Add] needs of a fuzz target: *testing.F is one.
type Corpus interface {
	Helper()
	Add(args ...any)
	Fatalf(format string, args ...any)
}

// Add adds the contents of each file matching one of patterns (filepath.Glob
// patterns, relative to the test's directory) to f's seed corpus, as one []byte
// argument each: pattern by pattern, and within a pattern in the order of the file
// names. A pattern that matches no file, or a file that does not read, stops the
// test, so that a fuzz target never loses its seeds silently when testdata changes.
func Add(f Corpus, patterns ...string) {
	f.Helper()
	for _, pattern := range patterns {
		files, err := filepath.Glob(pattern)
		if err != nil || len(files) == 0 {
			f.Fatalf("testseeds: %s matches no file", pattern)
			return
		}
		for _, name := range files {
			data, err := os.ReadFile(name)
			if err != nil {
				f.Fatalf("testseeds: %v", err)
				return
			}
			f.Add(data)
		}
	}
}
