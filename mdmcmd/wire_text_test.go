package mdmcmd

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"howett.net/plist"

	"github.com/managedos/managedos/compat"
)

// roundTrip writes s in an XML plist with howett.net/plist, as the builders do, and
// reads it back.
func roundTrip(t *testing.T, s string) string {
	t.Helper()
	type doc struct {
		S string `plist:"S"`
	}
	data, err := plist.Marshal(doc{s}, plist.XMLFormat)
	require.NoError(t, err)
	var back doc
	if _, err := plist.Unmarshal(data, &back); err != nil {
		return "<unreadable: " + err.Error() + ">"
	}
	return back.S
}

// TestBuildersRefuseTextThePlistWouldAlter shows, for each kind of text an XML plist
// cannot carry, that writing it changes it, and that the builders refuse it in a
// CommandUUID and a ProductKey instead of sending a value the Mac reads differently.
func TestBuildersRefuseTextThePlistWouldAlter(t *testing.T) {
	for name, bad := range map[string]string{
		"NUL":                   "uuid\x00",
		"a control character":   "uuid\x01",
		"escape":                "uuid\x1b[0m",
		"unit separator":        "uuid\x1f",
		"invalid UTF-8":         "uuid\xff",
		"a cut UTF-8 sequence":  "uuid\xe2\x82",
		"an encoded surrogate":  "uuid\xed\xa0\x80",
		"the noncharacter FFFE": "uuid\uFFFE",
		"the noncharacter FFFF": "uuid\uFFFF",
	} {
		t.Run(name, func(t *testing.T) {
			require.NotEqual(t, bad, roundTrip(t, bad), "the plist alters it")

			_, err := NewOSUpdateStatus(bad, compat.Version{})
			require.ErrorIs(t, err, ErrInvalidCommand)
			assert.Contains(t, err.Error(), "CommandUUID")

			_, err = NewScheduleOSUpdate("uuid", compat.Version{}, Update{ProductKey: "MSU_UPDATE_" + bad, InstallAction: InstallASAP})
			require.ErrorIs(t, err, ErrInvalidCommand)
			assert.Contains(t, err.Error(), "ProductKey")
		})
	}
}

// TestBuildersKeepTextThePlistCarries shows the other side: tab, newline and
// carriage return (written as character references), DEL and C1 controls, U+FFFD
// itself and any other valid UTF-8 arrive unchanged, so the builders accept them and
// ParseCommand reads them back.
func TestBuildersKeepTextThePlistCarries(t *testing.T) {
	for name, good := range map[string]string{
		"tab, newline and carriage return": "a\tb\nc\rd\r\n",
		"DEL and a C1 control":             "a\x7fb\u0085c",
		"the replacement character":        "a\uFFFDb",
		"markup characters":                `<key>&amp;"'</key>`,
		"beyond the BMP":                   "🍎 \U0010FFFD",
	} {
		t.Run(name, func(t *testing.T) {
			require.Equal(t, good, roundTrip(t, good))
			c, err := NewScheduleOSUpdate(good, compat.Version{}, Update{ProductKey: good, InstallAction: InstallASAP})
			require.NoError(t, err)
			data, err := c.Plist()
			require.NoError(t, err)
			back, err := ParseCommand(data)
			require.NoError(t, err)
			assert.Equal(t, good, back.UUID)
			assert.Equal(t, good, back.Updates[0].ProductKey)
		})
	}
}
