// Package hostile builds the inputs the parsers' tests attack them with, as an
// attacker enrolled as a Mac (or able to post to the check-in endpoint) would: a
// binary plist expansion bomb, deep XML, binary and JSON nesting, huge arrays,
// reference cycles, bad offsets, truncated files, text that is not UTF-8, NaN and
// out-of-range numbers, dates where strings belong, wrong types.
//
// Each [Case] says which error it must produce. The small cases are also checked
// in as files, under mdmcmd/testdata/hostile and ddm/testdata/hostile, by
// write_catalogue.go (go run ./internal/hostile/write_catalogue.go from the module
// root); the large ones (up to 100 MB) are only ever built in memory.
package hostile

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
)

// Want is the error a hostile case must produce.
type Want uint8

const (
	// TooLarge: over a limit, compat.ErrTooLarge.
	TooLarge Want = iota + 1
	// Malformed: refused before decoding, compat.ErrMalformed.
	Malformed
	// Invalid: decoded but refused by the parser's own rules, such as
	// mdmcmd.ErrInvalidAnswer or ddm.ErrInvalidStatus.
	Invalid
)

// String names the error: "ErrTooLarge", "ErrMalformed" or "ErrInvalid".
func (w Want) String() string {
	switch w {
	case TooLarge:
		return "ErrTooLarge"
	case Malformed:
		return "ErrMalformed"
	case Invalid:
		return "ErrInvalid"
	}
	return "Want(?)"
}

// SmallBytes is the largest case checked in as a file.
const SmallBytes = 100 << 10

// Case is one hostile input.
type Case struct {
	// Name is the case's file name in the catalogue.
	Name string
	// About says what the case does, in one line.
	About string
	// Want is the error parsing it must produce.
	Want Want
	// Large marks a case over SmallBytes: built in memory only, never checked in.
	Large bool
	// Build returns the input's bytes, fresh on each call.
	Build func() []byte
}

// Allocated returns the bytes f allocates, from runtime.MemStats.TotalAlloc: what a
// test asserts to show memory stays bounded (not wall time, which a busy machine
// distorts).
func Allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// Stale lists how the catalogue in dir differs from the small cases: files missing,
// different or in no case (README.md aside). Empty means current.
func Stale(dir string, cases []Case) []string {
	var problems []string
	want := map[string]bool{"README.md": true}
	for _, c := range cases {
		if c.Large {
			continue
		}
		want[c.Name] = true
		got, err := os.ReadFile(filepath.Join(dir, c.Name))
		switch {
		case err != nil:
			problems = append(problems, err.Error())
		case !bytes.Equal(got, c.Build()):
			problems = append(problems, c.Name+" differs from what package hostile builds")
		}
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*"))
	for _, f := range files {
		if !want[filepath.Base(f)] {
			problems = append(problems, f+" is in no case")
		}
	}
	return problems
}
