package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/managedos/managedos/compat"
	"github.com/managedos/managedos/rollout"
)

const inventory = `{"id":"intel-12","chip":"intel","current":"12.7.1"}
{"id":"m1-13","model":"MacBookPro18,3","current":"13.6"}
{"id":"phone","model":"iPhone1,1","current":"13.6"}
{"id":"ahead","chip":"apple","current":"14.3"}
`

// planLine is one line of plan -json, as a test reads it back.
type planLine struct {
	ID        string
	Line      int
	Compliant bool
	Target    string
	Kind      string
	Delivery  string
	Ring      string
	Deadline  string
	Error     *struct{ Code, Message string }
}

func readPlanLines(t *testing.T, stdout string) []planLine {
	t.Helper()
	var lines []planLine
	for _, l := range strings.Split(strings.TrimSuffix(stdout, "\n"), "\n") {
		var pl planLine
		require.NoErrorf(t, json.Unmarshal([]byte(l), &pl), "line %q", l)
		lines = append(lines, pl)
	}
	return lines
}

func TestPlanStreamsOneLinePerDeviceInInputOrder(t *testing.T) {
	code, stdout, stderr := runTool(t, inventory, "plan", "-json", "-target", "14.2.1")
	require.Equal(t, exitOK, code, stderr)
	got := readPlanLines(t, stdout)
	require.Len(t, got, 4)
	assert.Equal(t, []string{"intel-12", "m1-13", "phone", "ahead"}, []string{got[0].ID, got[1].ID, got[2].ID, got[3].ID})
	assert.Equal(t, "startosinstall", got[0].Delivery)
	assert.Equal(t, "mdm-commands", got[1].Delivery)
	require.NotNil(t, got[2].Error)
	assert.Equal(t, "unknown-chip", got[2].Error.Code)
	assert.Equal(t, 3, got[2].Line)
	require.NotNil(t, got[3].Error)
	assert.Equal(t, "downgrade", got[3].Error.Code)
	assert.Contains(t, stderr, "plan: 1 major by startosinstall\n")
	assert.Contains(t, stderr, "plan: 1 refused: downgrade\n")
	assert.Contains(t, stderr, "plan: 4 lines in all\n")
}

func TestPlanGoesOnPastLinesItCannotRead(t *testing.T) {
	in := `{"id":"a","chip":"intel","current":"13.1"}
not json at all
{"id":"b","chip":"intel"}
` + `{"id":"huge","model":"` + strings.Repeat("x", maxLineBytes) + `"}
{"id":"c","chip":"apple","current":"14.1"}
`
	code, stdout, stderr := runTool(t, in, "plan", "-json", "-target", "14.2.1")
	assert.Equal(t, exitRefused, code, "some lines could not be read")
	got := readPlanLines(t, stdout)
	require.Len(t, got, 5)
	assert.Nil(t, got[0].Error)
	require.NotNil(t, got[1].Error)
	assert.Equal(t, "invalid-input", got[1].Error.Code)
	assert.Equal(t, 2, got[1].Line)
	require.NotNil(t, got[2].Error)
	assert.Equal(t, "invalid-input", got[2].Error.Code, "no current version")
	require.NotNil(t, got[3].Error)
	assert.Equal(t, "too-large", got[3].Error.Code)
	assert.Equal(t, 4, got[3].Line)
	assert.Contains(t, got[3].Error.Message, "1048576")
	assert.Equal(t, "c", got[4].ID)
	assert.Nil(t, got[4].Error)
	assert.Contains(t, stderr, "2 lines could not be read")
}

func TestPlanChecksALineAgainstTheLimitsBeforeDecodingIt(t *testing.T) {
	in := `{"id":"a","chip":"intel","current":"13.1"}
{"id":"deep","x":` + strings.Repeat("[", 1000) + strings.Repeat("]", 1000) + `}
`
	code, stdout, _ := runTool(t, in, "plan", "-json", "-target", "14.2.1")
	assert.Equal(t, exitRefused, code, "a line could not be read")
	got := readPlanLines(t, stdout)
	require.Len(t, got, 2)
	require.NotNil(t, got[1].Error)
	assert.Equal(t, "too-large", got[1].Error.Code)
	assert.Contains(t, got[1].Error.Message, "MaxDepth")
}

func TestPlanRefusesWhatIsNotAnInventory(t *testing.T) {
	code, _, stderr := runTool(t, "id,model,current\na,Mac14,2,14.1\n", "plan", "-json", "-target", "14.2.1")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, stderr, "JSON lines")

	code, stdout, _ := runTool(t, "", "plan", "-json", "-target", "14.x")
	assert.Equal(t, exitRefused, code)
	assert.Contains(t, stdout, `"invalid-version"`)

	code, stdout, _ = runTool(t, "", "plan", "-json", "-target", "15.1")
	assert.Equal(t, exitOK, code)
	assert.Empty(t, stdout)
}

func TestPlanUsageErrorsNameTheFlag(t *testing.T) {
	tests := []struct {
		name string
		args []string
		says string
	}{
		{"no target", nil, "-target"},
		{"target and a policy", []string{"-target", "15.1", "-latest"}, "-target and the policy flags"},
		{"rings over 100%", []string{"-target", "15.1", "-rings", "a=50%:0,b=150%:1"}, "-rings"},
		{"rings short of 100%", []string{"-target", "15.1", "-rings", "a=50%:0"}, "-rings"},
		{"unknown zone", []string{"-target", "15.1", "-deadline-days", "3", "-deadline-time", "18:00", "-tz", "Mars/Olympus"}, "-tz"},
		{"bad time of day", []string{"-target", "15.1", "-deadline-days", "3", "-deadline-time", "25:00"}, "-deadline-time"},
		{"days without a time", []string{"-target", "15.1", "-deadline-days", "3"}, "-deadline-days and -deadline-time"},
		{"too many days", []string{"-target", "15.1", "-deadline-days", "99999", "-deadline-time", "18:00"}, "-deadline-days: "},
		{"negative grace", []string{"-target", "15.1", "-deadline-days", "3", "-deadline-time", "18:00", "-grace-days", "-1"}, "-grace-days: "},
		{"grace without a deadline", []string{"-target", "15.1", "-grace-days", "2"}, "-grace-days need"},
		{"a zone without a deadline", []string{"-target", "15.1", "-tz", "Europe/Berlin"}, "-tz and -grace-days need"},
		{"more workers than CPUs", []string{"-target", "15.1", "-workers", "100000"}, "-workers 100000"},
		{"negative workers", []string{"-target", "15.1", "-workers", "-1"}, "-workers -1"},
		{"an empty zone", []string{"-target", "15.1", "-deadline-days", "3", "-deadline-time", "18:00", "-tz", ""}, "-tz"},
		{"payloads without a deadline", []string{"-target", "15.1", "-payloads"}, "Deadline"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := runTool(t, "", append([]string{"plan", "-json"}, tt.args...)...)
			assert.Equal(t, exitUsage, code)
			assert.Contains(t, stderr, tt.says)
		})
	}
}

func TestPlanAppliesThePolicyRingsAndDeadlinesPerDevice(t *testing.T) {
	in := `{"id":"mini","model":"Mac14,2","device_id":"J413AP","current":"14.6","ring":"canary"}
{"id":"imac","model":"iMac19,1","device_id":"Mac-63001698E7A34814","current":"15.1","ring":"broad"}
{"id":"done","model":"Mac14,2","device_id":"J413AP","current":"26.6.2"}
`
	code, stdout, stderr := runTool(t, in, "plan", "-json", "-feed", fixtureFeed, "-now", "2026-08-27T12:00:00Z",
		"-latest", "-rings", "canary=5%:0,broad=100%:7", "-deadline-days", "14", "-deadline-time", "18:00")
	require.Equal(t, exitOK, code, stderr)
	got := readPlanLines(t, stdout)
	require.Len(t, got, 3)
	assert.Equal(t, planLine{ID: "mini", Target: "26.6.2", Kind: "major", Delivery: "ddm", Ring: "canary", Deadline: "2026-08-31T18:00:00"}, got[0])
	assert.Equal(t, "15.7.9", got[1].Target, "an iMac19,1 stops at Sequoia")
	assert.Equal(t, "broad", got[1].Ring)
	assert.True(t, got[2].Compliant)
	assert.Empty(t, got[2].Deadline)
}

func TestPlanPayloads(t *testing.T) {
	in := `{"id":"ddm","model":"Mac14,2","device_id":"J413AP","current":"14.6"}
{"id":"mdm","model":"Mac14,2","device_id":"J413AP","current":"13.6"}
{"id":"intel","model":"MacBookPro16,1","device_id":"J152FAP","current":"12.7.1"}
`
	code, stdout, stderr := runTool(t, in, "plan", "-json", "-feed", fixtureFeed, "-now", "2026-08-27T12:00:00Z",
		"-target", "15.7.9", "-deadline-days", "7", "-deadline-time", "09:30", "-payloads")
	require.Equal(t, exitOK, code, stderr)
	var lines []struct {
		Declarations   []map[string]any
		Command        string
		StartOSInstall *struct{ App, Path string }
	}
	for _, l := range strings.Split(strings.TrimSpace(stdout), "\n") {
		var x struct {
			Declarations   []map[string]any
			Command        string
			StartOSInstall *struct{ App, Path string }
		}
		require.NoError(t, json.Unmarshal([]byte(l), &x), l)
		lines = append(lines, x)
	}
	require.Len(t, lines, 3)
	require.Len(t, lines[0].Declarations, 1)
	assert.Equal(t, "com.apple.configuration.softwareupdate.enforcement.specific", lines[0].Declarations[0]["Type"])
	assert.Contains(t, lines[1].Command, "<string>ScheduleOSUpdate</string>")
	require.NotNil(t, lines[2].StartOSInstall)
	assert.Contains(t, lines[2].StartOSInstall.App, "Sequoia")
}

// stepLineJSON is a whole plan line as encoding/json writes it: the reference plan's
// fast path is held to.
type stepLineJSON struct {
	ID string `json:"id"`
	planShapeJSON
	Ring           string            `json:"ring,omitempty"`
	Deadline       rollout.Deadline  `json:"deadline,omitzero"`
	PayloadError   *refusalJSON      `json:"payload_error,omitempty"`
	Command        string            `json:"command,omitempty"`
	Declarations   []json.RawMessage `json:"declarations,omitempty"`
	StartOSInstall *invocationJSON   `json:"startosinstall,omitempty"`
}

type refusalJSON struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

type invocationJSON struct {
	App  string   `json:"app"`
	Path string   `json:"path"`
	Args []string `json:"args"`
}

// referenceLine renders s as encoding/json would.
func referenceLine(t *testing.T, s rollout.Step) string {
	t.Helper()
	ref := stepLineJSON{ID: s.ID, planShapeJSON: shapeJSON(s.Decided), Ring: s.Ring.Name, Deadline: s.Deadline}
	switch p := s.Payload; {
	case p.Err != nil:
		ref.PayloadError = &refusalJSON{errorCode(p.Err), p.Err.Error()}
	case p.Command != nil:
		body, err := p.Command.Plist()
		require.NoError(t, err)
		ref.Command = string(body)
	case p.Declarations != nil:
		for _, d := range p.Declarations {
			b, err := d.MarshalJSON()
			require.NoError(t, err)
			ref.Declarations = append(ref.Declarations, b)
		}
	case p.StartOSInstall != nil:
		ref.StartOSInstall = &invocationJSON{p.StartOSInstall.App, p.StartOSInstall.Path, p.StartOSInstall.Args}
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	require.NoError(t, enc.Encode(ref))
	return buf.String()
}

// referenceRefusal renders a refused device's line as encoding/json would.
func referenceRefusal(t *testing.T, id string, n int, err error) string {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	require.NoError(t, enc.Encode(struct {
		ID    string      `json:"id"`
		Line  int         `json:"line"`
		Error refusalJSON `json:"error"`
	}{id, n, refusalJSON{errorCode(err), err.Error()}}))
	return buf.String()
}

// referenceText renders a device's text line column by column: err's refusal, or s.
func referenceText(s rollout.Step, err error) string {
	col := func(v, dash string, width int) string {
		if v == "" {
			v = dash
		}
		return v + strings.Repeat(" ", max(1, width-len(v)))
	}
	id := s.ID
	if !utf8.ValidString(id) || strings.ContainsFunc(id, unicode.IsControl) || strings.ContainsAny(id, "\u2028\u2029") {
		id = strconv.Quote(id) // one device, one line
	}
	id = col(id, "-", 22)
	if err != nil {
		return id + col("refused", "", 14) + errorCode(err) + ": " + err.Error() + "\n"
	}
	line := id
	if s.Target.Compliant {
		line += col("compliant", "", 14) + col("none", "", 7) + col("none", "", 16)
	} else {
		line += col(s.Target.Version.String(), "", 14) + col(s.Decision.Kind.String(), "", 7) + col(s.Decision.Delivery.String(), "", 16)
	}
	line += col(s.Ring.Name, "-", 12)
	if s.Deadline.IsZero() {
		line += col("", "-", 27)
	} else {
		line += col(s.Deadline.String(), "-", 27)
	}
	if s.Decision.Rule != "" {
		line += s.Decision.Rule
	} else if s.Target.Reason.Code != compat.ReasonNone {
		line += s.Target.Reason.String()
	}
	if s.Payload.Err != nil {
		line += " (payload: " + s.Payload.Err.Error() + ")"
	}
	return line + "\n"
}

// planFixture is what the plan tests plan with.
type planFixture struct {
	cat      *compat.Catalog        // the fixture feed's catalogue
	rings    rollout.Rings          // canary, early and broad
	deadline rollout.DeadlinePolicy // a week after posting, at 09:30
	now      time.Time              // ten days after the feed's newest release
}

func newPlanFixture(t testing.TB) planFixture {
	t.Helper()
	data, err := os.ReadFile(fixtureFeed)
	require.NoError(t, err)
	cat, err := compat.ParseCatalog(data)
	require.NoError(t, err)
	rings, err := rollout.ParseRings("canary=5%:0,early=25%:3,broad=100%:7")
	require.NoError(t, err)
	return planFixture{cat: cat, rings: rings, deadline: rollout.DeadlinePolicy{Days: 7, At: rollout.MustParseTimeOfDay("09:30"), GraceDays: 1},
		now: time.Date(2026, 8, 27, 12, 0, 0, 0, time.UTC)}
}

// namedPlan is a plan a test runs under, with its name.
type namedPlan struct {
	name string
	plan *rollout.Plan
}

// plans are plans that take devices down different paths: a fixed target, payloads,
// a policy, refusals.
func (f planFixture) plans() []namedPlan {
	return []namedPlan{
		{"a target no Intel Mac runs, no catalogue", &rollout.Plan{Target: compat.MustParseVersion("27")}},
		{"a target with payloads", &rollout.Plan{Target: compat.MustParseVersion("15.7.9"), Catalog: f.cat, Rings: f.rings, Deadline: f.deadline, Payloads: &rollout.PayloadOptions{}}},
		{"the latest release", &rollout.Plan{Policy: compat.Policy{Latest: true}, Catalog: f.cat, Rings: f.rings, Deadline: f.deadline}},
		{"a minimum with payloads", &rollout.Plan{Policy: compat.Policy{Minimum: compat.MustParseVersion("15.7.9")}, Catalog: f.cat, Rings: f.rings, Deadline: f.deadline, Payloads: &rollout.PayloadOptions{}}},
	}
}

func TestPlanFastPathWritesWhatEncodingJSONWrites(t *testing.T) {
	f := newPlanFixture(t)
	devices := []rollout.Device{
		{ID: `quote " backslash \ café`, Mac: compat.Mac{Model: "Mac14,2", DeviceID: "J413AP", Version: compat.MustParseVersion("14.6")}},
		{ID: "mdm\u2028", Mac: compat.Mac{Model: "Mac14,2", DeviceID: "J413AP", Version: compat.MustParseVersion("13.6")}, Ring: "early"},
		{ID: "rsr", Mac: compat.Mac{Chip: compat.AppleSilicon, Version: compat.MustParseVersion("15.7.9")}},
		{ID: "intel", Mac: compat.Mac{Model: "MacBookPro16,1", DeviceID: "J152FAP", Version: compat.MustParseVersion("12.7.1")}},
		{ID: "compliant", Mac: compat.Mac{Model: "Mac14,2", DeviceID: "J413AP", Version: compat.MustParseVersion("26.6.2")}},
		{ID: "unknown ring", Mac: compat.Mac{Model: "Mac14,2", DeviceID: "J413AP", Version: compat.MustParseVersion("14.6")}, Ring: "beta"},
		{ID: "phone <&>", Mac: compat.Mac{Model: "iPhone1,1", Version: compat.MustParseVersion("13.6")}},
		{ID: "old imac", Mac: compat.Mac{Model: "iMac19,1", DeviceID: "Mac-63001698E7A34814", Version: compat.MustParseVersion("15.1")}, Ring: "canary"},
	}
	for _, p := range f.plans() {
		t.Run(p.name, func(t *testing.T) {
			require.NoError(t, p.plan.Validate())
			jsonWorker, textWorker := newPlanWorker(p.plan, f.now, true), newPlanWorker(p.plan, f.now, false)
			for i, dev := range devices {
				line, err := json.Marshal(map[string]string{"id": dev.ID, "model": dev.Mac.Model, "chip": chipText(dev.Mac.Chip), "device_id": dev.Mac.DeviceID, "current": dev.Mac.Version.String(), "ring": dev.Ring})
				require.NoError(t, err)
				if chip, err := compat.ChipForModel(dev.Mac.Model); err == nil {
					dev.Mac.Chip = chip
				}
				step, err := p.plan.Step(dev, f.now)
				var want string
				if err != nil {
					want = referenceRefusal(t, dev.ID, i+1, err)
				} else {
					want = referenceLine(t, step)
				}
				assert.Equal(t, want, string(jsonWorker.line(nil, line, i+1)), "%s -json", dev.ID)
				assert.Equal(t, referenceText(step, err), string(textWorker.line(nil, line, i+1)), dev.ID)
			}
		})
	}
}

func chipText(c compat.Chip) string {
	if c == compat.ChipUnknown {
		return ""
	}
	return c.String()
}

func TestPlanTextQuotesAnIDThatWouldBreakItsLine(t *testing.T) {
	in := `{"id":"a\nfake 14.2.1","chip":"intel","current":"13.6"}
{"id":"café","chip":"intel","current":"13.6"}
`
	code, stdout, _ := runTool(t, in, "plan", "-target", "14.2.1")
	require.Equal(t, exitOK, code)
	lines := strings.Split(strings.TrimSuffix(stdout, "\n"), "\n")
	require.Len(t, lines, 3, "a header and one line per device")
	assert.Regexp(t, `^"a\\nfake 14\.2\.1" +14\.2\.1 +major `, lines[1])
	assert.True(t, strings.HasPrefix(lines[2], "café "), lines[2])
}

func TestPlanRefusesARingTheInventoryGetsWrongAsBadInput(t *testing.T) {
	in := `{"id":"a","chip":"intel","current":"13.6","ring":"beta"}
{"chip":"intel","current":"13.6"}
`
	code, stdout, stderr := runTool(t, in, "plan", "-json", "-target", "14.2.1", "-rings", "canary=5%:0,broad=100%:7")
	require.Equal(t, exitOK, code, "the lines were read")
	got := readPlanLines(t, stdout)
	require.Len(t, got, 2)
	for _, l := range got {
		require.NotNil(t, l.Error)
		assert.Equal(t, "invalid-input", l.Error.Code, l.Error.Message)
	}
	assert.Contains(t, got[0].Error.Message, `"beta"`)
	assert.Contains(t, stderr, "plan: 2 refused: invalid-input\n")
}

func TestPlanTextIsFixedWidthColumns(t *testing.T) {
	code, stdout, _ := runTool(t, inventory, "plan", "-target", "14.2.1")
	require.Equal(t, exitOK, code)
	lines := strings.Split(stdout, "\n")
	require.GreaterOrEqual(t, len(lines), 5)
	assert.True(t, strings.HasPrefix(lines[0], "ID "))
	assert.True(t, strings.HasPrefix(lines[1], "intel-12              14.2.1        major  startosinstall  -"), lines[1])
	assert.Contains(t, lines[4], "refused       downgrade")
}

func TestPlanAnswerDoesNotDependOnWhichDeviceCameFirst(t *testing.T) {
	in := `{"id":"good","chip":"intel","current":"13.6","build":"22G120"}
{"id":"bad","chip":"intel","current":"13.6","build":"not-a-build"}
{"id":"good2","chip":"intel","current":"13.6","build":"22G120"}
`
	code, stdout, _ := runTool(t, in, "plan", "-json", "-target", "14.2.1", "-workers", "1")
	require.Equal(t, exitOK, code)
	got := readPlanLines(t, stdout)
	require.Len(t, got, 3)
	assert.Nil(t, got[0].Error)
	require.NotNil(t, got[1].Error, "a bad build is its line's error even when the decision does not read builds")
	assert.Equal(t, "invalid-version", got[1].Error.Code)
	assert.Nil(t, got[2].Error)
}

// TestPlanLineDoesNotDependOnTheLinesBefore holds plan's caches to their promise:
// each line reads as it would alone, whatever devices came before it and shared its
// cached answer, in either form, with or without payloads.
func TestPlanLineDoesNotDependOnTheLinesBefore(t *testing.T) {
	f := newPlanFixture(t)
	lines := []string{
		`{"id":"a","model":"MacBookPro16,1","device_id":"J152FAP","current":"14.1"}`,
		`{"id":"b","model":"MacBookPro16,1","device_id":"J999AP","current":"14.1"}`,
		`{"id":"c","model":"A\u0000","current":"14.1"}`,
		`{"id":"d","model":"A","chip":"\u0000","current":"14.1"}`,
		`{"id":"done","model":"Mac14,2","device_id":"J413AP","current":"26.6.2","build":"25G83"}`,
		`{"id":"imac","model":"iMac19,1","device_id":"Mac-63001698E7A34814","current":"15.7.9"}`,
		`{"id":"sonoma","model":"Mac14,2","device_id":"J413AP","current":"14.6","build":"23G80","ring":"canary"}`,
		`{"id":"sonoma2","model":"Mac14,2","device_id":"J413AP","current":"14.6.1","build":"23G93","ring":"broad"}`,
		`{"id":"bad-build","model":"Mac14,2","device_id":"J413AP","current":"14.6","build":"not-a-build"}`,
		`{"id":"ventura","model":"Mac14,2","device_id":"J413AP","current":"13.6","ring":"early"}`,
		`{"id":"ventura2","model":"Mac14,2","device_id":"J413AP","current":"13.6"}`,
		`{"id":"intel","chip":"intel","current":"13.6","build":"22G120"}`,
		`{"id":"intel2","chip":"intel","current":"13.7.8"}`,
		`{"id":"beta","model":"Mac14,2","current":"14.6","ring":"beta"}`,
		`{"model":"Mac14,2","current":"14.6"}`,
	}
	for _, p := range f.plans() {
		for _, jsonOut := range []bool{true, false} {
			t.Run(fmt.Sprintf("%s/json=%v", p.name, jsonOut), func(t *testing.T) {
				shared := newPlanWorker(p.plan, f.now, jsonOut)
				for i, l := range lines {
					alone := newPlanWorker(p.plan, f.now, jsonOut).line(nil, []byte(l), i+1)
					assert.Equal(t, string(alone), string(shared.line(nil, []byte(l), i+1)), "line %d", i+1)
				}
			})
		}
	}
}
