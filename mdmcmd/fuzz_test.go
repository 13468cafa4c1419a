package mdmcmd

import (
	"errors"
	"testing"
	"time"

	"github.com/managedos/managedos/compat"
	"github.com/managedos/managedos/internal/testseeds"
)

// FuzzParseAnswer checks that no input panics the answer parser (howett.net/plist
// included), that every failure wraps ErrInvalidAnswer, and that what reads is safe to
// use. The seeds are every answer in testdata and the hostile catalogue in
// testdata/hostile.
func FuzzParseAnswer(f *testing.F) {
	testseeds.Add(f, "testdata/*.plist", "testdata/hostile/*.*plist", "testdata/hostile/*.txt")
	f.Add([]byte("bplist00"))
	f.Add([]byte("hello"))
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := ParseAnswer(data)
		if err != nil && !errors.Is(err, ErrInvalidAnswer) {
			t.Fatalf("ParseAnswer: %v", err)
		}
		if a == nil {
			if err == nil {
				t.Fatal("ParseAnswer: no answer and no error")
			}
			return
		}
		_ = a.Err()
		for _, u := range a.AvailableOSUpdates {
			_, _ = u.Classify()
		}
		if a.DeviceInformation != nil {
			_, _ = a.DeviceInformation.Chip()
			_, _ = a.DeviceInformation.Version()
			_, _ = a.DeviceInformation.Build()
			_, _ = a.DeviceInformation.Mac()
		}
		for _, s := range a.OSUpdateStatus {
			_ = s.Observation(time.Time{})
		}
	})
}

// FuzzParseProductKey checks that any product key reads without panicking and keeps
// its raw form.
func FuzzParseProductKey(f *testing.F) {
	for _, s := range []string{"MSU_UPDATE_22F770820d_patch_13.4.1_rsr", "_OSX_18A391", "_MACOS_14.7.3", "041-14451", "MSU_UPDATE__patch_", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, key string) {
		if p := ParseProductKey(key); p.Raw != key || !p.Kind.IsValid() {
			t.Fatalf("ParseProductKey(%q) = %+v", key, p)
		}
	})
}

// FuzzScheduleRoundTrip builds commands from fuzzed fields: a build either fails with
// ErrInvalidCommand or produces a plist that parses back to the same update.
func FuzzScheduleRoundTrip(f *testing.F) {
	f.Add("MSU_UPDATE_22G120_patch_13.6_minor", "", "InstallLater", 3, "High", "13.1", uint8(1))
	f.Add("", "14.2.1", "InstallASAP", 0, "", "13.6", uint8(0))
	f.Add("k<&>", "13.6", "NotifyOnly", 0, "Low", "", uint8(2))
	f.Fuzz(func(t *testing.T, key, version, action string, deferrals int, priority, deviceOS string, kind uint8) {
		u := Update{ProductKey: key, InstallAction: InstallAction(action), MaxUserDeferrals: deferrals, Priority: Priority(priority), Kind: compat.Kind(kind % 4)}
		if version != "" {
			v, err := compat.ParseVersion(version)
			if err != nil {
				return
			}
			u.ProductVersion = v
		}
		dev, _ := compat.ParseVersion(deviceOS)
		c, err := NewScheduleOSUpdate("uuid", dev, u)
		if err != nil {
			if !errors.Is(err, ErrInvalidCommand) && !errors.Is(err, ErrRemoved) {
				t.Fatalf("NewScheduleOSUpdate: %v", err)
			}
			return
		}
		data, err := c.Plist()
		if err != nil {
			t.Fatalf("built but cannot encode: %v", err)
		}
		back, err := ParseCommand(data)
		if err != nil {
			t.Fatalf("cannot read back %s: %v", data, err)
		}
		u.Kind = compat.NoUpdate
		if len(back.Updates) != 1 || back.Updates[0] != u {
			t.Fatalf("round trip: built %+v, read %+v", u, back.Updates)
		}
	})
}

// FuzzParseCommand checks that no input panics the command reader and that every
// failure wraps ErrInvalidAnswer. The seeds are the golden commands and the hostile
// catalogue.
func FuzzParseCommand(f *testing.F) {
	testseeds.Add(f, "testdata/*.golden.plist", "testdata/hostile/*.*plist", "testdata/hostile/*.txt")
	f.Fuzz(func(t *testing.T, data []byte) {
		if _, err := ParseCommand(data); err != nil && !errors.Is(err, ErrInvalidAnswer) {
			t.Fatalf("ParseCommand: %v", err)
		}
	})
}
