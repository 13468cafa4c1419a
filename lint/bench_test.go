package lint_test

import (
	"os"
	"testing"

	"github.com/managedos/managedos/lint"
)

// BenchmarkCheck lints a typical deployment for one Mac: two profiles, an
// enforcement declaration, a settings declaration and a planned command.
func BenchmarkCheck(b *testing.B) {
	var docs []lint.Document
	for _, name := range []string{"clean.mobileconfig", "softwareupdate_defaults.mobileconfig", "enforcement_14.json", "settings_alwayson.json", "schedule_command.plist"} {
		data, err := os.ReadFile("testdata/" + name)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, lint.Document{Name: name, Data: data})
	}
	if len(lint.Check(docs...)) == 0 {
		b.Fatal("no findings")
	}
	b.ReportAllocs()
	for b.Loop() {
		lint.Check(docs...)
	}
}
