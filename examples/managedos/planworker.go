package main

import (
	"fmt"
	"strconv"
	"time"

	"github.com/managedos/managedos/compat"
	"github.com/managedos/managedos/internal/jsontext"
	"github.com/managedos/managedos/rollout"
)

// maxShapes bounds each worker's decision cache: past it the cache starts over, so
// memory stays flat on an inventory where every device looks different.
const maxShapes = 4096

// planWorker decides one goroutine's share of the inventory. Devices that look
// alike to the library (same model, chip, device ID, version and build) get the
// same decision, so the worker keeps each decision, already rendered, by the
// device's shape.
type planWorker struct {
	plan   *rollout.Plan
	now    time.Time
	json   bool
	shapes map[string]*shape
	key    []byte
	dev    inventoryDevice
	counts planCounts
}

// shape is the decision for every device of one shape, rendered once.
type shape struct {
	decided rollout.Decided
	err     error
	body    []byte // the JSON fields after "id", or the text columns after the id
}

func newPlanWorker(plan *rollout.Plan, now time.Time, jsonOut bool) *planWorker {
	return &planWorker{plan: plan, now: now, json: jsonOut, shapes: make(map[string]*shape)}
}

// line decides one inventory line and appends its output.
func (w *planWorker) line(dst, line []byte, n int) []byte {
	if len(trimSpace(line)) == 0 {
		return dst
	}
	d := &w.dev
	if err := readInventoryLine(line, d); err != nil {
		w.counts.unreadable++
		return w.refusal(dst, nil, n, "invalid-input", "line "+strconv.Itoa(n)+": not a JSON object of strings: "+err.Error())
	}
	sh := w.shape(d)
	if sh.err != nil {
		w.counts.refused(errorCode(sh.err))
		return w.refusal(dst, d.ID, n, errorCode(sh.err), sh.err.Error())
	}
	step, err := w.plan.Schedule(rollout.Device{ID: string(d.ID), Ring: string(d.Ring)}, sh.decided, w.now)
	if err != nil {
		w.counts.refused(errorCode(err))
		return w.refusal(dst, d.ID, n, errorCode(err), err.Error())
	}
	w.counts.decided(sh.decided)
	if !w.json {
		return appendStepText(dst, d.ID, sh.body, step)
	}
	dst = append(dst, `{"id":`...)
	dst = jsontext.AppendString(dst, d.ID)
	dst = append(dst, sh.body...)
	return appendStepJSON(dst, step)
}

// refusal appends the output for a device plan refuses or a line it cannot read.
func (w *planWorker) refusal(dst, id []byte, n int, code, message string) []byte {
	if !w.json {
		return appendRefusalText(dst, id, code, message)
	}
	dst = append(dst, `{"id":`...)
	dst = jsontext.AppendString(dst, id)
	dst = append(dst, `,"line":`...)
	dst = strconv.AppendInt(dst, int64(n), 10)
	dst = append(dst, `,"error":{"code":`...)
	dst = jsontext.AppendString(dst, code)
	dst = append(dst, `,"message":`...)
	dst = jsontext.AppendString(dst, message)
	return append(dst, "}}\n"...)
}

// appendShapeKey appends what decides a device's shape: the fields the decision
// reads, each followed by a separator no JSON string holds unescaped.
func appendShapeKey(key []byte, d *inventoryDevice) []byte {
	for _, f := range [...][]byte{d.Model, d.Chip, d.DeviceID, d.Current, d.Build} {
		key = append(append(key, f...), 0)
	}
	return key
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

// trimSpace returns b without leading and trailing JSON whitespace.
func trimSpace(b []byte) []byte {
	i := skipSpace(b, 0)
	j := len(b)
	for j > i && (b[j-1] == ' ' || b[j-1] == '\t' || b[j-1] == '\n' || b[j-1] == '\r') {
		j--
	}
	return b[i:j]
}

// tooLong reports a line over the limit.
func (w *planWorker) tooLong(dst []byte, n, limit int) []byte {
	w.counts.unreadable++
	return w.refusal(dst, nil, n, "too-large", "line "+strconv.Itoa(n)+": longer than the limit of "+strconv.Itoa(limit)+" bytes; skipped")
}

// shape returns the decision for d's shape, deciding it on first sight.
func (w *planWorker) shape(d *inventoryDevice) *shape {
	w.key = appendShapeKey(w.key[:0], d)
	if sh, ok := w.shapes[string(w.key)]; ok {
		return sh
	}
	if len(w.shapes) >= maxShapes {
		clear(w.shapes)
	}
	sh := &shape{}
	if mac, err := inventoryMac(d); err != nil {
		sh.err = err
	} else if sh.decided, sh.err = w.plan.Decide(mac, w.now); sh.err == nil {
		sh.body = renderShape(sh.decided, w.json)
	}
	w.shapes[string(w.key)] = sh
	return sh
}
