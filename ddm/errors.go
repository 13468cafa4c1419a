package ddm

import "errors"

// Sentinel errors of this package, always wrapped with the field and value that were
// wrong; match them with [errors.Is]. Version and build errors wrap
// compat.ErrInvalidVersion and compat.ErrInvalidBuild instead.
var (
	// ErrInvalidDateTime reports a deadline that is not exactly yyyy-mm-ddThh:mm:ss,
	// names an impossible calendar date or time, or is the zero LocalDateTime.
	ErrInvalidDateTime = errors.New("invalid local date-time")
	// ErrInvalidURL reports a DetailsURL that is not an absolute http or https URL.
	ErrInvalidURL = errors.New("invalid URL")
	// ErrInvalidIdentifier reports a declaration identifier that is empty or holds
	// characters other than letters, digits, '.', '-' and '_'.
	ErrInvalidIdentifier = errors.New("invalid identifier")
	// ErrInvalidDeclaration reports a declaration that is not well formed: not JSON,
	// another Type, or no ServerToken.
	ErrInvalidDeclaration = errors.New("invalid declaration")
	// ErrInvalidSetting reports a settings value outside Apple's range.
	ErrInvalidSetting = errors.New("invalid setting")
	// ErrInvalidStatus reports a status report, or one item in it, that is not
	// shaped as Apple's schema says.
	ErrInvalidStatus = errors.New("invalid status")
	// ErrTwoSteps reports a decision that takes two declarations, a supplemental
	// update on a base the Mac is not on yet, given to a builder of one; use
	// FromDecisionSteps.
	ErrTwoSteps = errors.New("needs two declarations")
)
