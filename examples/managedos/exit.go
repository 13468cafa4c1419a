package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"unicode/utf8"

	"github.com/managedos/managedos/compat"
	"github.com/managedos/managedos/mdmcmd"
	"github.com/managedos/managedos/mechanism"
	"github.com/managedos/managedos/rollout"
)

// Exit statuses.
const (
	exitOK      = 0
	exitRefused = 1
	exitUsage   = 2
)

// usageError is a command line the tool cannot run: exit status 2.
type usageError struct{ msg string }

func (u usageError) Error() string { return u.msg }

// errHelp is -h: usage was printed, exit status 0.
var errHelp = errors.New("help requested")

// errInvalidInput marks input the tool cannot read (a malformed line of infer's
// observations or plan's inventory, a read that fails): exit 1, code
// invalid-input.
var errInvalidInput = errors.New("invalid input")

// errorCodes maps the library's sentinel errors to the codes a refusal prints.
var errorCodes = []struct {
	err  error
	code string
}{
	{compat.ErrTooLarge, "too-large"},
	{errInvalidInput, "invalid-input"},
	{rollout.ErrUnknownRing, "invalid-input"},
	{rollout.ErrNoDeviceID, "invalid-input"},
	{compat.ErrInvalidVersion, "invalid-version"},
	{compat.ErrInvalidBuild, "invalid-version"},
	{compat.ErrUnknownChip, "unknown-chip"},
	{compat.ErrDowngrade, "downgrade"},
	{compat.ErrUnsupportedHardware, "unsupported-hardware"},
	{compat.ErrUnsupported, "unsupported"},
	{mechanism.ErrWrongDelivery, "unsupported"},
	{mechanism.ErrNoUpdate, "unsupported"},
	{mdmcmd.ErrRemoved, "unsupported"},
	{compat.ErrMalformed, "invalid-payload"},
}

// errorCode returns the refusal code of err; anything not listed is an invalid
// payload.
func errorCode(err error) string {
	for _, c := range errorCodes {
		if errors.Is(err, c.err) {
			return c.code
		}
	}
	return "invalid-payload"
}

// finish turns a verb's result into output on failure and an exit status.
func (e *env) finish(err error) int {
	var usage usageError
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, errHelp):
		return exitOK
	case errors.As(err, &usage):
		fmt.Fprintf(e.stderr, "managedos: %s\n", boundedMessage(usage))
		return exitUsage
	case errors.Is(err, errLintFindings), errors.Is(err, errSomeLines):
		return exitRefused // the findings or the bad lines are already printed
	}
	if e.json {
		_ = e.writeJSON(struct {
			Error refusal `json:"error"`
		}{refusalOf(err)})
	} else {
		fmt.Fprintf(e.stderr, "managedos: %s\n", boundedMessage(err))
	}
	return exitRefused
}

// maxMessage is the longest error message the tool prints, in bytes. The library
// keeps its messages far shorter; this bounds whatever else reaches the output.
const maxMessage = 4 << 10

// refusalOf is the refusal object for err: its code and its bounded message.
func refusalOf(err error) refusal {
	return refusal{Code: errorCode(err), Message: boundedMessage(err)}
}

// boundedMessage returns err's message cut to maxMessage bytes, at a rune
// boundary, with "…" when cut.
func boundedMessage(err error) string {
	s := err.Error()
	if len(s) <= maxMessage {
		return s
	}
	cut := maxMessage
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}

// writeJSON prints v as one JSON object and a newline on stdout.
func (e *env) writeJSON(v any) error {
	enc := json.NewEncoder(e.stdout)
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// writeIndentedJSON prints v as indented JSON for people.
func (e *env) writeIndentedJSON(v any) error {
	enc := json.NewEncoder(e.stdout)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
