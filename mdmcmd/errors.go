package mdmcmd

import "errors"

// Sentinel errors of this package, always wrapped with the key, value or rule that
// was wrong; match them with [errors.Is].
var (
	// ErrInvalidCommand reports a command Apple would reject: the wrapping error
	// names the key and the rule, such as "MaxUserDeferrals: only with InstallLater".
	ErrInvalidCommand = errors.New("invalid command")
	// ErrRemoved reports a command for a Mac on macOS 27 or later: Apple deprecated
	// ScheduleOSUpdate, ScheduleOSUpdateScan, AvailableOSUpdates and OSUpdateStatus
	// in macOS 26.0 and removes them in 27; use DDM (package ddm) instead.
	ErrRemoved = errors.New("command removed from macOS")
	// ErrInvalidAnswer reports a device answer that is not an XML or binary plist,
	// lacks a required key, or holds a key of the wrong type; the wrapping error
	// names the key and the expected type.
	ErrInvalidAnswer = errors.New("invalid answer")
)
