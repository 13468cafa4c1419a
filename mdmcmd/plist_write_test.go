package mdmcmd

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"howett.net/plist"

	"github.com/managedos/managedos/compat"
)

// reflectPlist is the reference: howett.net/plist's reflection encoder on the
// same envelope, as Command.Plist encoded every command before plist_write.go.
func reflectPlist(t testing.TB, envelope any) []byte {
	t.Helper()
	b, err := plist.MarshalIndent(envelope, plist.XMLFormat, "\t")
	require.NoError(t, err)
	return b
}

// awkwardStrings need escaping or replacement, or are outside XML's characters.
var awkwardStrings = []string{
	`<`, `>`, `&`, `"`, `'`, "\t", "\n", "\r", "\x00", "\x01", "\x1f", "\x7f", "é", "€", "😀",
	"\uFFFD", "\uFFFE", "\uFFFF", "\uD7FF", "\uE000", "\xff", "\xc3", "\xed\xa0\x80", "\xf4\x90\x80\x80",
	"]]>", "&amp;", "&#34;", " ", "MSU_UPDATE_", "_patch_", "13.6", "(a)",
}

// randomText mixes plain ASCII with awkward pieces.
func randomText(r *rand.Rand) string {
	var b []byte
	for range r.IntN(6) {
		if r.IntN(2) == 0 {
			b = append(b, awkwardStrings[r.IntN(len(awkwardStrings))]...)
		} else {
			b = append(b, "abcXYZ019_-. "[r.IntN(13)])
		}
	}
	return string(b)
}

func pick[T any](r *rand.Rand, xs ...T) T { return xs[r.IntN(len(xs))] }

// randomWire is any envelope the wire types can hold, valid or not.
func randomWire(r *rand.Rand) wireCommand[wireSchedule] {
	w := wireCommand[wireSchedule]{
		CommandUUID: pick(r, "", "0001-schedule", fmt.Sprintf("%08X-%04X-4%03X-8%03X-%012X", r.Uint32(), r.Uint32()&0xffff, r.Uint32()&0xfff, r.Uint32()&0xfff, r.Uint64()&0xffffffffffff), randomText(r)),
		Command:     wireSchedule{RequestType: pick(r, requestScheduleOSUpdate, "", randomText(r))},
	}
	n := r.IntN(5)
	if n == 0 && r.IntN(2) == 0 {
		w.Command.Updates = nil // nil and empty both encode as an empty array
	} else {
		w.Command.Updates = make([]wireUpdate, n)
	}
	for i := range w.Command.Updates {
		w.Command.Updates[i] = wireUpdate{
			InstallAction:    pick(r, "Default", "DownloadOnly", "InstallASAP", "NotifyOnly", "InstallLater", "InstallForceRestart", "", randomText(r)),
			MaxUserDeferrals: pick(r, 0, 0, 1, 3, 10, -1, math.MaxInt64, math.MinInt64, r.Int64()),
			Priority:         pick(r, "", "", "Low", "High", randomText(r)),
			ProductKey:       pick(r, "", "MSU_UPDATE_22F770820d_patch_13.4.1_rsr", "_OSX_23A344", "041-14451", randomText(r), randomText(r)+randomText(r)),
			ProductVersion:   pick(r, "", "13.6", "14.2.1", "26.0.1", randomText(r)),
		}
	}
	return w
}

func TestScheduleXMLMatchesReflection(t *testing.T) {
	r := rand.New(rand.NewPCG(20261127, 9))
	for i := range 10_000 {
		w := randomWire(r)
		want := reflectPlist(t, w)
		got := appendScheduleXML(nil, w)
		if !bytes.Equal(want, got) {
			t.Fatalf("envelope %d %#v:\nreflection:\n%s\ndirect:\n%s", i, w, want, got)
		}
	}
}

// randomValidCommand builds a command through NewScheduleOSUpdate from random
// fields, retrying until the rules accept one.
func randomValidCommand(t testing.TB, r *rand.Rand) (Command, []Update) {
	actions := []InstallAction{Default, DownloadOnly, InstallASAP, NotifyOnly, InstallLater, InstallForceRestart}
	for {
		var updates []Update
		for range 1 + r.IntN(3) {
			u := Update{InstallAction: actions[r.IntN(len(actions))], Kind: pick(r, compat.NoUpdate, compat.Minor, compat.Major, compat.RSR)}
			if r.IntN(2) == 0 {
				u.ProductKey = pick(r, "MSU_UPDATE_22G120_patch_13.6_minor", "MSU_UPDATE_22F770820d_patch_13.4.1_rsr", "_OSX_23A344", "_MACOS_14.7.3", "041-14451", `k<&>"'`, "macOS Sonoma 14.2.1 – “Release” ü")
			}
			if r.IntN(2) == 0 {
				u.ProductVersion = compat.MustParseVersion(pick(r, "13.6", "13.6.1", "14", "14.2.1", "15.0", "26.0.1"))
			}
			if r.IntN(3) == 0 {
				u.MaxUserDeferrals = 1 + r.IntN(30)
			}
			if r.IntN(3) == 0 {
				u.Priority = pick(r, Low, High)
			}
			updates = append(updates, u)
		}
		uuid := pick(r, "0001-schedule", fmt.Sprintf("%08X-%04X-4%03X-8%03X-%012X", r.Uint32(), r.Uint32()&0xffff, r.Uint32()&0xfff, r.Uint32()&0xfff, r.Uint64()&0xffffffffffff), "uuid <&> \"q\" 'a'\t\n\r€")
		deviceOS := pick(r, compat.Version{}, compat.MustParseVersion("12.0"), compat.MustParseVersion("12.3"), compat.MustParseVersion("13.1"), compat.MustParseVersion("14.0"))
		c, err := NewScheduleOSUpdate(uuid, deviceOS, updates...)
		if err == nil {
			return c, updates
		}
		require.ErrorIs(t, err, ErrInvalidCommand)
	}
}

func TestSchedulePlistMatchesReflectionAndDecodesTheSame(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 11))
	for i := range 10_000 {
		c, updates := randomValidCommand(t, r)
		got, err := c.Plist()
		require.NoError(t, err)
		want := reflectPlist(t, c.envelope)
		if !bytes.Equal(want, got) {
			t.Fatalf("command %d %#v:\nreflection:\n%s\ndirect:\n%s", i, c.envelope, want, got)
		}
		appended, err := c.AppendPlist([]byte("prefix"))
		require.NoError(t, err)
		require.Equal(t, "prefix"+string(got), string(appended))
		if i%10 != 0 {
			continue // decoding is slow; a tenth of the commands is plenty
		}

		expected := expectedTree(c.UUID(), updates)
		var viaHowett any
		format, err := plist.Unmarshal(got, &viaHowett)
		require.NoError(t, err)
		require.Equal(t, plist.XMLFormat, format)
		assert.Equalf(t, expected, normalizeHowett(viaHowett), "howett.net/plist reading command %d", i)

		viaXML, err := readPlistTree(got)
		require.NoError(t, err)
		assert.Equalf(t, expected, viaXML, "encoding/xml reading command %d", i)
	}
}

// expectedTree is the generic tree a reader must find in a ScheduleOSUpdate built
// from updates: dictionaries as map[string]any, arrays as []any, integers as int64.
func expectedTree(uuid string, updates []Update) map[string]any {
	items := make([]any, len(updates))
	for i, u := range updates {
		m := map[string]any{"InstallAction": string(u.InstallAction)}
		if u.MaxUserDeferrals != 0 {
			m["MaxUserDeferrals"] = int64(u.MaxUserDeferrals)
		}
		if u.Priority != "" {
			m["Priority"] = string(u.Priority)
		}
		if u.ProductKey != "" {
			m["ProductKey"] = u.ProductKey
		}
		if u.ProductVersion.IsValid() {
			m["ProductVersion"] = u.ProductVersion.String()
		}
		items[i] = m
	}
	return map[string]any{
		"CommandUUID": uuid,
		"Command":     map[string]any{"RequestType": "ScheduleOSUpdate", "Updates": items},
	}
}

// normalizeHowett turns howett.net/plist's generic values (uint64 for non-negative
// integers, map[string]interface{}, []interface{}) into expectedTree's shapes.
func normalizeHowett(v any) any {
	switch v := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(v))
		for k, x := range v {
			out[k] = normalizeHowett(x)
		}
		return out
	case []any:
		out := make([]any, len(v))
		for i, x := range v {
			out[i] = normalizeHowett(x)
		}
		return out
	case uint64:
		return int64(v)
	}
	return v
}

// readPlistTree is an independent reader of XML property lists with dict, array,
// string and integer values, written on encoding/xml's tokens alone.
func readPlistTree(data []byte) (any, error) {
	d := xml.NewDecoder(bytes.NewReader(data))
	start, err := nextStart(d)
	if err != nil {
		return nil, err
	}
	if start.Name.Local != "plist" {
		return nil, fmt.Errorf("root <%s>, want <plist>", start.Name.Local)
	}
	root, err := nextStart(d)
	if err != nil {
		return nil, err
	}
	return readValue(d, root)
}

// nextStart returns the next start element, skipping the declaration, the doctype
// and whitespace between elements.
func nextStart(d *xml.Decoder) (xml.StartElement, error) {
	for {
		tok, err := d.Token()
		if err != nil {
			return xml.StartElement{}, err
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			return tok, nil
		case xml.EndElement:
			return xml.StartElement{}, fmt.Errorf("unexpected </%s>", tok.Name.Local)
		case xml.CharData:
			if len(bytes.TrimSpace(tok)) != 0 {
				return xml.StartElement{}, fmt.Errorf("text %q between elements", tok)
			}
		}
	}
}

// readValue reads the value whose start element is start, up to its end element.
func readValue(d *xml.Decoder, start xml.StartElement) (any, error) {
	switch start.Name.Local {
	case "string", "key", "integer":
		var text string
		if err := d.DecodeElement(&text, &start); err != nil {
			return nil, err
		}
		if start.Name.Local == "integer" {
			return strconv.ParseInt(text, 10, 64)
		}
		return text, nil
	case "array":
		out := []any{}
		err := eachChild(d, func(el xml.StartElement) error {
			v, err := readValue(d, el)
			out = append(out, v)
			return err
		})
		return out, err
	case "dict":
		out := map[string]any{}
		err := eachChild(d, func(el xml.StartElement) error {
			if el.Name.Local != "key" {
				return fmt.Errorf("<%s> where a <key> belongs", el.Name.Local)
			}
			k, err := readValue(d, el)
			if err != nil {
				return err
			}
			valStart, err := nextStart(d)
			if err != nil {
				return err
			}
			out[k.(string)], err = readValue(d, valStart)
			return err
		})
		return out, err
	}
	return nil, fmt.Errorf("unexpected <%s>", start.Name.Local)
}

// eachChild calls f with the start element of each child of the element just
// opened, up to its end element.
func eachChild(d *xml.Decoder, f func(xml.StartElement) error) error {
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return io.ErrUnexpectedEOF
		}
		if err != nil {
			return err
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			if err := f(tok); err != nil {
				return err
			}
		case xml.EndElement:
			return nil
		}
	}
}

func TestSchedulePlistAllocatesOnce(t *testing.T) {
	c, err := NewScheduleOSUpdate("8A9C6F1E-3B2D-4C5A-9E8F-7D6C5B4A3F2E", compat.MustParseVersion("13.1"),
		Update{ProductVersion: compat.MustParseVersion("13.6"), InstallAction: InstallLater, MaxUserDeferrals: 3, Priority: High},
		Update{ProductKey: "MSU_UPDATE_22G120_patch_13.6_minor", InstallAction: InstallLater, MaxUserDeferrals: 3, Priority: High})
	require.NoError(t, err)
	assert.LessOrEqual(t, testing.AllocsPerRun(100, func() {
		if _, err := c.Plist(); err != nil {
			t.Fatal(err)
		}
	}), 1.0)
	buf := make([]byte, 0, 4096)
	assert.Zero(t, testing.AllocsPerRun(100, func() {
		if _, err := c.AppendPlist(buf[:0]); err != nil {
			t.Fatal(err)
		}
	}), "appending to a buffer with room does not allocate")
}

// TestAppendPlistGrowsTheBufferAsAppendDoes appends 1,000 commands to one buffer:
// it grows a few times, doubling, not once per command (which copied the whole
// buffer each time: 37 s for 20,000 commands).
func TestAppendPlistGrowsTheBufferAsAppendDoes(t *testing.T) {
	c, err := NewScheduleOSUpdate("u", compat.MustParseVersion("13.1"), Update{ProductVersion: compat.MustParseVersion("13.6"), InstallAction: InstallLater})
	require.NoError(t, err)
	one, err := c.Plist()
	require.NoError(t, err)
	var buf []byte
	allocs := testing.AllocsPerRun(1, func() {
		buf = buf[:0:0]
		for range 1000 {
			if buf, err = c.AppendPlist(buf); err != nil {
				t.Fatal(err)
			}
		}
	})
	assert.Equal(t, 1000*len(one), len(buf))
	assert.LessOrEqual(t, allocs, 20.0, "allocations for 1,000 commands")
}

func TestAppendPlistFallsBackForOtherCommands(t *testing.T) {
	scan, err := NewScheduleOSUpdateScan("u", compat.Version{}, true)
	require.NoError(t, err)
	want, err := scan.Plist()
	require.NoError(t, err)
	got, err := scan.AppendPlist([]byte("x"))
	require.NoError(t, err)
	assert.Equal(t, "x"+string(want), string(got))

	got, err = Command{}.AppendPlist([]byte("x"))
	require.ErrorIs(t, err, ErrInvalidCommand)
	assert.Equal(t, "x", string(got), "b unchanged on failure")
}

// FuzzScheduleXML checks that the direct writer and howett.net/plist's reflection
// write the same bytes for any product key, version, UUID and deferral count.
func FuzzScheduleXML(f *testing.F) {
	f.Add("0001-schedule", "MSU_UPDATE_22F770820d_patch_13.4.1_rsr", "InstallASAP", "", "13.6", int64(3))
	f.Add("u<&>\"'", "k\t\n\r\x00\xff\uFFFE", "", "High", "", int64(-1))
	f.Fuzz(func(t *testing.T, uuid, key, action, priority, version string, deferrals int64) {
		w := wireCommand[wireSchedule]{CommandUUID: uuid, Command: wireSchedule{RequestType: requestScheduleOSUpdate, Updates: []wireUpdate{
			{InstallAction: action, MaxUserDeferrals: deferrals, Priority: priority, ProductKey: key, ProductVersion: version},
		}}}
		want := reflectPlist(t, w)
		if got := appendScheduleXML(nil, w); !bytes.Equal(want, got) {
			t.Fatalf("%#v:\nreflection:\n%s\ndirect:\n%s", w, want, got)
		}
	})
}
