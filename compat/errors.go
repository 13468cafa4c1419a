package compat

import "errors"

// Sentinel errors returned by this package, always wrapped with the value that caused
// them; match them with [errors.Is].
var (
	// ErrInvalidVersion reports a macOS version string or value that is not valid.
	ErrInvalidVersion = errors.New("invalid version")
	// ErrInvalidBuild reports a macOS build string or value that is not valid.
	ErrInvalidBuild = errors.New("invalid build")
	// ErrUnknownChip reports a chip name or model identifier that maps to no chip,
	// or a [ChipUnknown] passed where a chip is required.
	ErrUnknownChip = errors.New("unknown chip")
	// ErrUnknownKind reports text that names no [Kind].
	ErrUnknownKind = errors.New("unknown kind")
	// ErrUnknownPrerequisite reports text that names no [Prerequisites] token.
	ErrUnknownPrerequisite = errors.New("unknown prerequisite")
	// ErrDowngrade reports a target older than the Mac's current version; managed
	// updates never move a Mac backwards, including rolling back a rapid security
	// response.
	ErrDowngrade = errors.New("downgrade")
	// ErrUnsupported reports an update the table has no mechanism for, such as a
	// minor update on macOS before 12.0.1 or any update on Apple silicon before 11.0.
	ErrUnsupported = errors.New("unsupported")
	// ErrInvalidTable reports a [Table] whose rows overlap, leave a gap or hold an
	// inconsistent row; it comes from [Table.Validate].
	ErrInvalidTable = errors.New("invalid table")
)
