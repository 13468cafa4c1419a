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
	// ErrUnsupportedHardware reports a target the Mac's hardware cannot run, such as
	// macOS 27 on an Intel Mac or Tahoe on a MacBookPro14,1; the error names the
	// model and the newest release it can reach.
	ErrUnsupportedHardware = errors.New("unsupported hardware")
	// ErrTooLarge reports input over one of the [Limits]: too many bytes, too deep,
	// too many elements or too long a string. The error names the limit and where
	// it was hit.
	ErrTooLarge = errors.New("too large")
	// ErrMalformed reports input whose structure is broken in a way no decoder
	// should try to follow, such as a binary plist with a reference cycle or an
	// offset outside the file, text that is neither an XML nor a binary plist
	// (OpenStep text included), or text that is not JSON; see [Limits.CheckPlist]
	// and [Limits.CheckJSON].
	ErrMalformed = errors.New("malformed input")
	// ErrInvalidDate reports a civil date that is not a real yyyy-mm-dd date.
	ErrInvalidDate = errors.New("invalid date")
	// ErrInvalidCatalog reports an Apple software-update feed that cannot be read:
	// not JSON, no macOS entries, or an entry whose version, build or date does not
	// parse; the error names the JSON path of the value, such as
	// PublicAssetSets.macOS[3].PostingDate.
	ErrInvalidCatalog = errors.New("invalid catalog")
	// ErrNoCatalog reports a target policy that picks releases (Latest,
	// LatestInMajor, LatestPatch) used without Apple's catalogue to pick from.
	ErrNoCatalog = errors.New("no catalog")
	// ErrInvalidPolicy reports a target [Policy] that contradicts itself, such as
	// Latest with LatestInMajor; the error is a [*PolicyError] naming the fields.
	ErrInvalidPolicy = errors.New("invalid policy")
	// ErrInvalidTable reports a [Table] whose rows overlap, leave a gap or hold an
	// inconsistent row; it comes from [Table.Validate].
	ErrInvalidTable = errors.New("invalid table")
)
