package lint_test

import (
	"os"
	"testing"
	"unicode/utf8"

	"github.com/managedos/managedos/internal/testseeds"
	"github.com/managedos/managedos/lint"
)

// FuzzCheck checks that no document panics the lint (howett.net/plist,
// encoding/json, ddm and mdmcmd included), that every document gets a bounded
// number of findings with bounded text, and that findings about one document name
// it. The seeds are every document in testdata, and the fuzzer's input is checked
// alone and beside an enforcement declaration, for the rules across documents.
func FuzzCheck(f *testing.F) {
	testseeds.Add(f, "testdata/*.*")
	f.Add([]byte("bplist00"))
	f.Add([]byte(`{"Type":"com.apple.configuration.softwareupdate.enforcement.specific","Payload":[]}`))
	f.Add([]byte(`{"Type":"com.apple.configuration.softwareupdate.settings","Payload":{"Deferrals":{"MajorPeriodInDays":1e400}}}`))
	beside, err := os.ReadFile("testdata/enforcement_14.json")
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		fs := lint.Check(lint.Document{Name: "fuzz", Data: data}, lint.Document{Name: "beside", Data: beside})
		if len(fs) > 33+2 {
			t.Fatalf("%d findings", len(fs))
		}
		for _, f := range fs {
			if f.Document != "fuzz" && f.Document != "beside" {
				t.Fatalf("finding about %q", f.Document)
			}
			if f.Severity != lint.Warning && f.Severity != lint.Error || f.Rule == lint.RuleNone || f.Message == "" || f.Fix == "" {
				t.Fatalf("incomplete finding: %+v", f)
			}
			if len(f.Message) > 520 || len(f.Fix) > 520 || len(f.PayloadType) > 300 || len(f.PayloadIdentifier) > 300 || len(f.Key) > 300 {
				t.Fatalf("unbounded finding: %d/%d/%d/%d/%d bytes", len(f.Message), len(f.Fix), len(f.PayloadType), len(f.PayloadIdentifier), len(f.Key))
			}
			if !utf8.ValidString(f.Message) {
				t.Fatalf("message is not UTF-8: %q", f.Message)
			}
		}
	})
}
