package benchmarks

import (
	"fmt"
	"strings"
	"testing"

	masterminds "github.com/Masterminds/semver/v3"
	"golang.org/x/mod/semver"

	"github.com/managedos/managedos/compat"
)

// macVersions are versions as Macs and Apple's feed spell them: short forms
// included, no rapid security response letters (no other parser reads them).
var macVersions = []string{
	"14", "14.2", "14.2.1", "10.15.7", "26.0.1", "13.4.1", "15.7.2", "12.7.6", "11.7.10", "26.1",
	"13.6", "14.7.3", "15.0", "12.0.1", "26.3", "13.7.8",
}

// padded is v with three parts, the only form masterminds.StrictNewVersion accepts: what a
// vendor pads to before calling it.
func padded(v string) string {
	switch strings.Count(v, ".") {
	case 0:
		return v + ".0.0"
	case 1:
		return v + ".0"
	}
	return v
}

// versionInputs holds each version in the form each parser needs, prepared once
// as a vendor would store them.
type versionInputs struct{ plain, strict, xmod []string }

func newVersionInputs() versionInputs {
	var in versionInputs
	for _, v := range macVersions {
		in.plain = append(in.plain, v)
		in.strict = append(in.strict, padded(v))
		in.xmod = append(in.xmod, "v"+v) // x/mod/semver needs the "v"; it accepts v14 and v14.2
	}
	return in
}

var (
	sinkVersion compat.Version
	sinkSemver  *masterminds.Version
	sinkInt     int
	sinkBool    bool
)

// parseContenders parse the i-th version.
func parseContenders(in versionInputs) []contender {
	n := len(in.plain)
	return []contender{
		{"managedos", func(i int) (err error) { sinkVersion, err = compat.ParseVersion(in.plain[i%n]); return err }},
		{"masterminds-new", func(i int) (err error) { sinkSemver, err = masterminds.NewVersion(in.plain[i%n]); return err }},
		{"masterminds-strict", func(i int) (err error) { sinkSemver, err = masterminds.StrictNewVersion(in.strict[i%n]); return err }},
		{"xmod", func(i int) error {
			if sinkBool = semver.IsValid(in.xmod[i%n]); !sinkBool {
				return fmt.Errorf("%q: not valid", in.xmod[i%n])
			}
			return nil
		}},
	}
}

// parseCompare is a contender's operation that parses the i-th and the next
// input with parse and compares them with compare.
func parseCompare[V any](inputs []string, parse func(string) (V, error), compare func(a, b V) int) func(int) error {
	n := len(inputs)
	return func(i int) error {
		a, err := parse(inputs[i%n])
		if err != nil {
			return err
		}
		b, err := parse(inputs[(i+1)%n])
		if err != nil {
			return err
		}
		sinkInt = compare(a, b)
		return nil
	}
}

// compareContenders parse the i-th and the next version and compare them: what
// deciding whether a Mac is below its target costs when both arrive as text.
func compareContenders(in versionInputs) []contender {
	n := len(in.plain)
	return []contender{
		{"managedos", parseCompare(in.plain, compat.ParseVersion, compat.Version.Compare)},
		{"masterminds-new", parseCompare(in.plain, masterminds.NewVersion, (*masterminds.Version).Compare)},
		{"masterminds-strict", parseCompare(in.strict, masterminds.StrictNewVersion, (*masterminds.Version).Compare)},
		{"xmod", func(i int) error {
			a, b := in.xmod[i%n], in.xmod[(i+1)%n]
			if !semver.IsValid(a) || !semver.IsValid(b) {
				return fmt.Errorf("%q or %q: not valid", a, b)
			}
			sinkInt = semver.Compare(a, b)
			return nil
		}},
	}
}

// BenchmarkVersionParse parses Mac versions with compat.ParseVersion,
// Masterminds' NewVersion and StrictNewVersion, and x/mod/semver's IsValid (its
// only parse), round-robin in one loop.
func BenchmarkVersionParse(b *testing.B) {
	compare(b, 64, parseContenders(newVersionInputs())...)
}

// BenchmarkVersionParseCompare parses two Mac versions and compares them with each
// library, round-robin in one loop.
func BenchmarkVersionParseCompare(b *testing.B) {
	compare(b, 64, compareContenders(newVersionInputs())...)
}

// BenchmarkVersionCompareParsed compares already parsed versions: compat.Version
// against Masterminds' *Version (x/mod/semver has no parsed form; it parses on
// every Compare).
func BenchmarkVersionCompareParsed(b *testing.B) {
	in := newVersionInputs()
	ours := make([]compat.Version, len(in.plain))
	theirs := make([]*masterminds.Version, len(in.plain))
	for i := range in.plain {
		var err error
		if ours[i], err = compat.ParseVersion(in.plain[i]); err != nil {
			b.Fatal(err)
		}
		if theirs[i], err = masterminds.StrictNewVersion(in.strict[i]); err != nil {
			b.Fatal(err)
		}
	}
	n := len(ours)
	compare(b, 256,
		contender{"managedos", func(i int) error { sinkInt = ours[i%n].Compare(ours[(i+1)%n]); return nil }},
		contender{"masterminds", func(i int) error { sinkInt = theirs[i%n].Compare(theirs[(i+1)%n]); return nil }},
		contender{"xmod", func(i int) error { sinkInt = semver.Compare(in.xmod[i%n], in.xmod[(i+1)%n]); return nil }},
	)
}

// TestVersionContendersAgree checks that the contenders do the same work: every
// input parses with each, and every comparison gives the same answer.
func TestVersionContendersAgree(t *testing.T) {
	in := newVersionInputs()
	for _, c := range parseContenders(in) {
		for i := range in.plain {
			if err := c.run(i); err != nil {
				t.Fatalf("%s: %v", c.name, err)
			}
		}
	}
	for i := range in.plain {
		var answers []int
		for _, c := range compareContenders(in) {
			if err := c.run(i); err != nil {
				t.Fatalf("%s: %v", c.name, err)
			}
			answers = append(answers, sinkInt)
		}
		for _, a := range answers[1:] {
			if a != answers[0] {
				t.Fatalf("%s vs %s: answers %v differ", in.plain[i], in.plain[(i+1)%len(in.plain)], answers)
			}
		}
	}
}
