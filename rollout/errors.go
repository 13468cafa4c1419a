package rollout

import "errors"

// Sentinel errors of this package, always wrapped with the part or value that was
// wrong; match them with [errors.Is].
var (
	// ErrInvalidRings reports a ring spec that does not parse or does not describe a
	// whole fleet: a bad name, share or offset, a duplicate name, shares that do not
	// rise from ring to ring, exceed 100% or do not reach it, or offsets that fall.
	ErrInvalidRings = errors.New("invalid rings")
	// ErrUnknownRing reports an inventory ring name that is not one of the rings.
	ErrUnknownRing = errors.New("unknown ring")
	// ErrNoDeviceID reports a device with neither an inventory ring nor an id, so
	// that no ring can be chosen for it.
	ErrNoDeviceID = errors.New("no device id")
	// ErrInvalidTimeOfDay reports a time of day that is not HH:MM on a 24-hour
	// clock, or the zero TimeOfDay where one is required.
	ErrInvalidTimeOfDay = errors.New("invalid time of day")
	// ErrInvalidDeadline reports a deadline policy or input that cannot give a
	// deadline: no time of day, a negative or too large number of days, a zero
	// posting date or now, or a deadline outside the years 1 to 9999.
	ErrInvalidDeadline = errors.New("invalid deadline")
	// ErrInvalidPlan reports a [Plan] that cannot be applied: no target and no
	// policy, both, or payloads without the deadline enforcement declarations need.
	ErrInvalidPlan = errors.New("invalid plan")
)
