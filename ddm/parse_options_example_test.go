package ddm_test

import (
	"errors"
	"fmt"

	"github.com/managedos/managedos/compat"
	"github.com/managedos/managedos/ddm"
)

// ParseOptions reads a status report with other limits than the defaults.
func ExampleParseOptions_ParseStatusReport() {
	report := []byte(`{"StatusItems":{"softwareupdate":{"install-state":"downloading"}}}`)
	_, err := ddm.ParseOptions{Limits: compat.Limits{MaxDepth: 2}}.ParseStatusReport(report)
	fmt.Println(errors.Is(err, compat.ErrTooLarge))
	r, err := ddm.ParseStatusReport(report)
	fmt.Println(r.SoftwareUpdate.InstallState, err)
	// Output:
	// true
	// downloading <nil>
}
