package main

import (
	"encoding/binary"
	"fmt"
	"strconv"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/managedos/managedos/compat"
	"github.com/managedos/managedos/internal/jsontext"
	"github.com/managedos/managedos/mechanism"
	"github.com/managedos/managedos/rollout"
)

// maxShapes bounds each worker's decision cache: past it the cache starts over, so
// memory stays flat on an inventory where every device looks different. A shape
// costs its key and a pointer; what it decided is kept once per distinct answer.
const maxShapes = 1 << 16

// planWorker decides one goroutine's share of the inventory. Devices that look
// alike to the library (same model, chip, device ID, version and build) get the
// same decision, so the worker keeps each decision, already rendered, by the
// device's shape.
type planWorker struct {
	plan   *rollout.Plan
	now    time.Time
	json   bool
	shapes map[string]*shape // by shape key
	// answers holds each distinct answer once: many shapes (Macs on different
	// versions going to the same target) share one, and its ring tails.
	answers map[answerKey]*shape
	// texts holds each distinct rendered text (answer or ring tail) once: with
	// payloads a tail carries the declarations, the same for every Mac going to
	// the same target.
	texts map[string]string
	key   []byte
	// keyDeviceID and keyBuild say whether the plan's decision reads the device ID
	// and the build (see rollout.Plan.ShapeOf); a shape leaves out what it does not.
	keyDeviceID, keyBuild bool
	dev                   inventoryDevice
	scratch               []byte // reused to encode payloads
	counts                planCounts
}

// shape is the decision for every device of one shape, rendered once: refused (code
// and the rendered error), or decided, with the rendered ring and deadline of each
// ring its devices fall in.
type shape struct {
	decided rollout.Decided
	code    string // the refusal's code, "" when decided
	body    string // decided: the JSON fields after "id" or the text columns after it; refused: the rendered error
	rings   []ringTail
}

// answerKey tells answers apart: by the refusal, or by the answer's JSON fields,
// which name all that a line prints in either form and all that Schedule reads
// (the text form leaves the rule and the reason to the ring tail), and, with
// payloads, by what a payload reads beyond them (the Mac's version and chip gate
// what a declaration, command or installer may carry).
type answerKey struct {
	fields  string // the decided answer's JSON fields (see renderShape), or the rendered refusal
	code    string
	current compat.Version
	chip    compat.Chip
}

// ringTail is the end of the line of a shape's devices in one ring: ring, deadline
// and the closing (or, for a deadline that cannot be set, the refusal).
type ringTail struct {
	name string
	code string
	tail string
}

// newPlanWorker returns a worker deciding under plan at now, writing JSON lines
// when jsonOut is set and text columns otherwise.
func newPlanWorker(plan *rollout.Plan, now time.Time, jsonOut bool) *planWorker {
	probe := plan.ShapeOf(compat.Mac{DeviceID: "probe", Build: compat.MustParseBuild("1A1")})
	return &planWorker{plan: plan, now: now, json: jsonOut, shapes: make(map[string]*shape), answers: make(map[answerKey]*shape), texts: make(map[string]string),
		keyDeviceID: probe.DeviceID != "", keyBuild: probe.Build.IsValid()}
}

// line decides one inventory line and appends its output.
func (w *planWorker) line(dst, line []byte, n int) []byte {
	if skipSpace(line, 0) == len(line) {
		return dst // a blank line
	}
	d := &w.dev
	if err := readInventoryLine(line, d); err != nil {
		w.counts.unreadable++
		err = fmt.Errorf("line %d: %w: %w", n, err, errInvalidInput)
		return w.refusal(w.head(dst, nil, n, true), errorCode(err), err.Error())
	}
	if !w.keyBuild && len(d.Build) > 0 {
		// The shape leaves the build out, but a bad one is still this line's error.
		if _, err := compat.ParseBuild(string(d.Build)); err != nil {
			return w.refuse(dst, d.ID, n, fmt.Errorf("build: %w", err))
		}
	}
	sh := w.shape(d)
	if sh.code != "" {
		w.counts.refused(sh.code)
		return append(w.head(dst, d.ID, n, true), sh.body...)
	}
	if w.plan.Payloads != nil && sh.decided.Decision.Delivery == mechanism.MDMCommands {
		return w.withPayload(dst, d, n, sh)
	}
	ring, err := w.plan.Rings.Assign(string(d.ID), string(d.Ring))
	if err != nil {
		return w.refuse(dst, d.ID, n, err)
	}
	rt := w.ringTail(sh, d, ring)
	if rt.code != "" {
		w.counts.refused(rt.code)
		return append(w.head(dst, d.ID, n, true), rt.tail...)
	}
	w.counts.decided(sh.decided)
	dst = append(w.head(dst, d.ID, n, false), sh.body...)
	return append(dst, rt.tail...)
}

// withPayload completes a device's line with its own payload: a ScheduleOSUpdate
// carries the device's CommandUUID, so its step is scheduled for each device (the
// other payloads are the same for every device of a shape in a ring).
func (w *planWorker) withPayload(dst []byte, d *inventoryDevice, n int, sh *shape) []byte {
	step, err := w.plan.Schedule(rollout.Device{ID: string(d.ID), Ring: string(d.Ring)}, sh.decided, w.now)
	if err != nil {
		return w.refuse(dst, d.ID, n, err)
	}
	w.counts.decided(sh.decided)
	dst = append(w.head(dst, d.ID, n, false), sh.body...)
	if !w.json {
		return appendStepTextTail(dst, step)
	}
	return appendStepJSON(dst, step, &w.scratch)
}

// ringTail returns the rendered end of the lines of sh's devices in ring, working it
// out on first sight: Schedule depends on a device only through its ring, but for a
// ScheduleOSUpdate's CommandUUID (see withPayload).
func (w *planWorker) ringTail(sh *shape, d *inventoryDevice, ring rollout.Ring) *ringTail {
	for i := range sh.rings {
		if sh.rings[i].name == ring.Name {
			return &sh.rings[i]
		}
	}
	rt := ringTail{name: ring.Name}
	step, err := w.plan.Schedule(rollout.Device{ID: string(d.ID), Ring: ring.Name}, sh.decided, w.now)
	switch {
	case err != nil:
		rt.code = errorCode(err)
		rt.tail = w.intern(w.refusal(nil, rt.code, err.Error()))
	case w.json:
		rt.tail = w.intern(appendStepJSON(nil, step, nil))
	default:
		rt.tail = w.intern(appendStepTextTail(nil, step))
	}
	sh.rings = append(sh.rings, rt)
	return &sh.rings[len(sh.rings)-1]
}

// head appends the start of a device's line: the id, and for a refusal the line
// number. The text form quotes an id that is not printable on one line, so that
// an id never starts a line of its own.
func (w *planWorker) head(dst, id []byte, n int, refused bool) []byte {
	if !w.json {
		switch {
		case len(id) == 0:
			id = []byte("-")
		case !printable(id):
			id = strconv.AppendQuote(nil, string(id))
		}
		return padded(dst, id, planTextWidths[0])
	}
	dst = jsontext.AppendString(append(dst, `{"id":`...), id)
	if refused {
		dst = strconv.AppendInt(append(dst, `,"line":`...), int64(n), 10)
	}
	return dst
}

// refuse appends the line of device id (line n), refused with err, and counts it.
func (w *planWorker) refuse(dst, id []byte, n int, err error) []byte {
	code := errorCode(err)
	w.counts.refused(code)
	return w.refusal(w.head(dst, id, n, true), code, err.Error())
}

// refusal appends the end of a refused line: the error with its code and message.
func (w *planWorker) refusal(dst []byte, code, message string) []byte {
	if !w.json {
		dst = padded(dst, "refused", planTextWidths[1])
		dst = append(append(append(dst, code...), ": "...), message...)
		return append(dst, '\n')
	}
	dst = jsontext.AppendString(append(dst, `,"error":{"code":`...), code)
	dst = jsontext.AppendString(append(dst, `,"message":`...), message)
	return append(dst, "}}\n"...)
}

// tooLong reports a line over the limit.
func (w *planWorker) tooLong(dst []byte, n, limit int) []byte {
	w.counts.unreadable++
	return w.refusal(w.head(dst, nil, n, true), "too-large", "line "+strconv.Itoa(n)+": longer than the limit of "+strconv.Itoa(limit)+" bytes; skipped")
}

// shape returns the decision for d's shape, deciding it on first sight.
func (w *planWorker) shape(d *inventoryDevice) *shape {
	w.key = w.appendShapeKey(w.key[:0], d)
	if sh, ok := w.shapes[string(w.key)]; ok {
		return sh
	}
	if len(w.shapes) >= maxShapes {
		clear(w.shapes)
		clear(w.answers)
		clear(w.texts)
	}
	var decided rollout.Decided
	mac, err := inventoryMac(d)
	if err == nil {
		decided, err = w.plan.Decide(mac, w.now)
	}
	var code, body string
	key := answerKey{}
	switch {
	case err != nil:
		code = errorCode(err)
		body = w.intern(w.refusal(nil, code, err.Error()))
		key.fields, key.code = body, code
	case w.json:
		body = w.intern(renderShape(decided, true))
		key.fields = body
	default:
		body = w.intern(renderShape(decided, false))
		key.fields = string(renderShape(decided, true))
	}
	if w.plan.Payloads != nil {
		key.current, key.chip = decided.Decision.Current, decided.Decision.Chip
	}
	sh, ok := w.answers[key]
	if !ok {
		sh = &shape{decided: decided, code: code, body: body}
		w.answers[key] = sh
	}
	w.shapes[string(w.key)] = sh
	return sh
}

// intern returns b as a string, the same string for the same bytes.
func (w *planWorker) intern(b []byte) string {
	if s, ok := w.texts[string(b)]; ok {
		return s
	}
	s := string(b)
	w.texts[s] = s
	return s
}

// appendShapeKey appends what decides a device's shape: the fields the decision
// reads, each after its length, so that two devices' fields never run together
// into one key (a decoded field may hold any byte, "\u0000" included).
func (w *planWorker) appendShapeKey(key []byte, d *inventoryDevice) []byte {
	key = appendKeyField(key, d.Model)
	key = appendKeyField(key, d.Chip)
	key = appendKeyField(key, d.Current)
	if w.keyDeviceID {
		key = appendKeyField(key, d.DeviceID)
	}
	if w.keyBuild {
		key = appendKeyField(key, d.Build)
	}
	return key
}

// appendKeyField appends f to a shape key, after its length.
func appendKeyField(key, f []byte) []byte {
	return append(binary.AppendUvarint(key, uint64(len(f))), f...)
}

// inventoryMac is the snapshot an inventory line gives. The line needs "current"
// and one of "chip" or "model" (both are fine: the chip then stands in for a model
// the library does not know).
func inventoryMac(d *inventoryDevice) (compat.Mac, error) {
	var mac compat.Mac
	if len(d.Chip) == 0 && len(d.Model) == 0 {
		return mac, fmt.Errorf("want \"chip\" or \"model\": %w", errInvalidInput)
	}
	if len(d.Current) == 0 {
		return mac, fmt.Errorf("want \"current\": %w", errInvalidInput)
	}
	var err error
	if len(d.Chip) > 0 {
		if mac.Chip, err = compat.ParseChip(string(d.Chip)); err != nil {
			return mac, err
		}
	}
	if mac.Version, err = compat.ParseVersion(string(d.Current)); err != nil {
		return mac, fmt.Errorf("current: %w", err)
	}
	if len(d.Build) > 0 {
		if mac.Build, err = compat.ParseBuild(string(d.Build)); err != nil {
			return mac, fmt.Errorf("build: %w", err)
		}
	}
	mac.Model, mac.DeviceID = string(d.Model), string(d.DeviceID)
	return mac, nil
}

// printable reports whether b is valid UTF-8 without control characters or line
// separators (U+2028, U+2029): text that prints on one line.
func printable(b []byte) bool {
	for _, r := range string(b) {
		if r == utf8.RuneError || unicode.IsControl(r) || r == '\u2028' || r == '\u2029' {
			return false
		}
	}
	return true
}
