package mdmcmd

import (
	"errors"
	"testing"

	"github.com/managedos/managedos/compat"
	"github.com/managedos/managedos/internal/testseeds"
)

// FuzzParseMachineInfo checks that no input panics the MachineInfo reader
// (howett.net/plist included), that every failure wraps ErrInvalidAnswer or a limit
// sentinel with a bounded message, and that what it accepts is consistent: a
// product, a valid build, and a version of the build's release. The seeds are the
// samples in testdata and the corpus in testdata/fuzz/FuzzParseMachineInfo.
func FuzzParseMachineInfo(f *testing.F) {
	testseeds.Add(f, "testdata/machineinfo_*plist")
	f.Fuzz(func(t *testing.T, data []byte) {
		info, err := ParseMachineInfo(data)
		if err != nil {
			if info != nil || !(errors.Is(err, ErrInvalidAnswer) || errors.Is(err, compat.ErrTooLarge) || errors.Is(err, compat.ErrMalformed)) {
				t.Fatalf("ParseMachineInfo: %v, %v", info, err)
			}
			if len(err.Error()) > 4096 {
				t.Fatalf("unbounded message of %d bytes", len(err.Error()))
			}
			return
		}
		if info.Product == "" || !info.Build.IsValid() {
			t.Fatalf("accepted without PRODUCT or VERSION: %+v", info)
		}
		if v := info.OSVersion; v.IsValid() && v.DarwinMajor() != info.Build.Major() {
			t.Fatalf("accepted OS_VERSION %v with VERSION %v", v, info.Build)
		}
		mac := info.Mac()
		if mac.Model != info.Product || !mac.Build.IsValid() || mac.Version != info.OSVersion {
			t.Fatalf("Mac() = %+v from %+v", mac, info)
		}
		if info.CanRequestSoftwareUpdate() && !info.MDMCanRequestSoftwareUpdate.IsTrue() {
			t.Fatalf("can request without the flag: %+v", info)
		}
		_ = info.DescribeOS()
		_ = info.AtLeast(compat.MustParseVersion("14.4"))
	})
}

// FuzzSoftwareUpdateRequiredRoundTrip builds bodies from fuzzed fields: a build
// either fails with ErrInvalidCommand or gives JSON and a plist that both parse back
// to the same body.
func FuzzSoftwareUpdateRequiredRoundTrip(f *testing.F) {
	f.Add("15.7.9", "24G830", "Update first", "", "", "", "14.4")
	f.Add("26.3.1 (a)", "25D771280a", "", "log only", "", "", "")
	f.Add("26.1", "", "<&>", "\"'", "Beta", "tok", "14.5")
	f.Fuzz(func(t *testing.T, version, build, message, description, betaDescription, betaToken, deviceOS string) {
		target, err := compat.ParseVersion(version)
		if err != nil {
			return
		}
		b, _ := compat.ParseBuild(build)
		dev, _ := compat.ParseVersion(deviceOS)
		opts := RequiredOptions{DeviceOS: dev, Message: message, Description: description, RequireBetaProgram: BetaProgram{Description: betaDescription, Token: betaToken}}
		r, err := NewSoftwareUpdateRequired(target, b, opts)
		if err != nil {
			if !errors.Is(err, ErrInvalidCommand) {
				t.Fatalf("NewSoftwareUpdateRequired: %v", err)
			}
			return
		}
		for _, format := range []BodyFormat{FormatJSON, FormatPlist} {
			data, _, err := r.Encode(format)
			if err != nil {
				t.Fatalf("built but cannot encode as %v: %v", format, err)
			}
			back, err := ParseSoftwareUpdateRequired(data)
			if err != nil {
				t.Fatalf("cannot read back %s: %v", data, err)
			}
			if back != r {
				t.Fatalf("round trip through %v: built %+v, read %+v", format, r, back)
			}
		}
	})
}
