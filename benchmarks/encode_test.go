package benchmarks

import (
	"bytes"
	"testing"

	micromdm "github.com/micromdm/plist"
	"howett.net/plist"

	"github.com/managedos/managedos/compat"
	"github.com/managedos/managedos/mdmcmd"
)

// plainUpdate and plainSchedule are a ScheduleOSUpdate as a vendor would declare it
// for a plist library: the same keys, sorted the same way on output.
type plainUpdate struct {
	InstallAction    string `plist:"InstallAction"`
	MaxUserDeferrals int64  `plist:"MaxUserDeferrals,omitempty"`
	Priority         string `plist:"Priority,omitempty"`
	ProductKey       string `plist:"ProductKey,omitempty"`
	ProductVersion   string `plist:"ProductVersion,omitempty"`
}

type plainCommand struct {
	RequestType string        `plist:"RequestType"`
	Updates     []plainUpdate `plist:"Updates"`
}

type plainSchedule struct {
	CommandUUID string       `plist:"CommandUUID"`
	Command     plainCommand `plist:"Command"`
}

const benchUUID = "8A9C6F1E-3B2D-4C5A-9E8F-7D6C5B4A3F2E"

var (
	benchDeviceOS = compat.MustParseVersion("13.1")
	benchUpdate   = mdmcmd.Update{ProductVersion: compat.MustParseVersion("13.6"), InstallAction: mdmcmd.InstallLater, MaxUserDeferrals: 3, Priority: mdmcmd.High}
	benchPlain    = plainSchedule{CommandUUID: benchUUID, Command: plainCommand{RequestType: "ScheduleOSUpdate", Updates: []plainUpdate{
		{InstallAction: "InstallLater", MaxUserDeferrals: 3, Priority: "High", ProductVersion: "13.6"},
	}}}
	sinkBytes []byte
)

// encodeContenders write the same ScheduleOSUpdate: the library's way (build
// first when build is set) and with each plist library's reflection on the plain
// struct; howett.net/plist's is the reference, whose bytes the library matches.
func encodeContenders(tb testing.TB, build bool) []contender {
	built, err := mdmcmd.NewScheduleOSUpdate(benchUUID, benchDeviceOS, benchUpdate)
	if err != nil {
		tb.Fatal(err)
	}
	ours := func(int) (err error) { sinkBytes, err = built.Plist(); return err }
	if build {
		ours = func(int) error {
			c, err := mdmcmd.NewScheduleOSUpdate(benchUUID, benchDeviceOS, benchUpdate)
			if err != nil {
				return err
			}
			sinkBytes, err = c.Plist()
			return err
		}
	}
	return []contender{
		{"managedos", ours},
		{"howett", func(int) (err error) {
			sinkBytes, err = plist.MarshalIndent(benchPlain, plist.XMLFormat, "\t")
			return err
		}},
		{"micromdm", func(int) (err error) { sinkBytes, err = micromdm.MarshalIndent(benchPlain, "\t"); return err }},
	}
}

// BenchmarkScheduleOSUpdateEncode encodes a built ScheduleOSUpdate with the
// library's direct writer and the plain struct with each plist library's
// reflection, round-robin in one loop.
func BenchmarkScheduleOSUpdateEncode(b *testing.B) {
	compare(b, 16, encodeContenders(b, false)...)
}

// BenchmarkScheduleOSUpdateBuildEncode does the same with the library also
// validating the command against Apple's rules, as a server does for each Mac.
func BenchmarkScheduleOSUpdateBuildEncode(b *testing.B) {
	compare(b, 16, encodeContenders(b, true)...)
}

// TestEncodeContendersWriteTheSameCommand checks that the library and
// howett.net/plist write the same bytes, and that micromdm/plist writes a plist
// with the same content, so that the benchmarks compare equal work.
func TestEncodeContendersWriteTheSameCommand(t *testing.T) {
	var outs [][]byte
	for _, c := range encodeContenders(t, true) {
		if err := c.run(0); err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		outs = append(outs, sinkBytes)
	}
	if !bytes.Equal(outs[0], outs[1]) {
		t.Fatalf("managedos:\n%s\nhowett:\n%s", outs[0], outs[1])
	}
	var fromOurs, fromMicromdm plainSchedule
	if _, err := plist.Unmarshal(outs[0], &fromOurs); err != nil {
		t.Fatal(err)
	}
	if _, err := plist.Unmarshal(outs[2], &fromMicromdm); err != nil {
		t.Fatal(err)
	}
	if fromOurs.CommandUUID != fromMicromdm.CommandUUID || len(fromMicromdm.Command.Updates) != 1 || fromOurs.Command.Updates[0] != fromMicromdm.Command.Updates[0] {
		t.Fatalf("managedos %+v, micromdm %+v", fromOurs, fromMicromdm)
	}
}
