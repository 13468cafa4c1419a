package mechanism

import "errors"

// Sentinel errors shared by the packages that turn a decision into a payload; match
// them with [errors.Is].
var (
	// ErrUnknownToken reports text that names no [Delivery] or [Installer]; the
	// wrapping error quotes the text.
	ErrUnknownToken = errors.New("mechanism: unknown token")
	// ErrWrongDelivery reports a decision handed to a builder for another delivery,
	// such as a DDM decision given to the ScheduleOSUpdate builder; the wrapping
	// error names the delivery the Mac needs instead.
	ErrWrongDelivery = errors.New("wrong delivery")
	// ErrNoUpdate reports a decision that needs no update (the Mac is already at its
	// target), for which no payload is built.
	ErrNoUpdate = errors.New("no update needed")
)
