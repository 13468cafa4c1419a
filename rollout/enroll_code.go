package rollout

import (
	"fmt"

	"github.com/managedos/managedos/internal/enum"
)

// EnrollAction is what an MDM server does with a Mac asking to enroll in Setup
// Assistant: the answer of [EnrollGate.Decide]. The zero value, EnrollActionNone, is
// no decision: Decide never returns it.
type EnrollAction uint8

const (
	// EnrollActionNone is the zero EnrollAction. Token "none".
	EnrollActionNone EnrollAction = iota
	// LetEnroll: answer the enrollment request as usual; any update the policy
	// asks for happens after enrollment. Token "enroll".
	LetEnroll
	// RequireUpdate: answer HTTP 403 with the com.apple.softwareupdate.required
	// body ([Enrollment].Body), so that the Mac updates before it enrolls (macOS 14
	// and later). Token "require-update".
	RequireUpdate
)

var enrollActionTokens = enum.Tokens[EnrollAction]{
	Type:  "EnrollAction",
	Names: []string{"none", "enroll", "require-update"},
}

// String returns the token of a.
func (a EnrollAction) String() string { return enrollActionTokens.String(a) }

// MarshalText returns the token of a.
func (a EnrollAction) MarshalText() ([]byte, error) { return enrollActionTokens.Marshal(a) }

// UnmarshalText sets a from its token.
func (a *EnrollAction) UnmarshalText(text []byte) error {
	v, err := enrollActionTokens.Parse(string(text))
	if err != nil {
		return fmt.Errorf("rollout: %w", err)
	}
	*a = v
	return nil
}

// EnrollCode says why [EnrollGate.Decide] chose its [EnrollAction], as a token a
// program can switch on; [Enrollment].Reason says it in words. The zero value,
// EnrollCodeNone, is no reason: Decide never returns it.
type EnrollCode uint8

const (
	// EnrollCodeNone is the zero EnrollCode. Token "none".
	EnrollCodeNone EnrollCode = iota
	// EnrollCompliant: the Mac already meets the policy; it enrolls. Token
	// "compliant".
	EnrollCompliant
	// EnrollBelowTarget: the Mac is below what the policy asks and can be asked
	// to update first; the answer is the 403. Token "below-target".
	EnrollBelowTarget
	// EnrollBeforeMacOS14: the Mac runs a macOS before 14, which cannot be asked
	// to update before it enrolls; it enrolls and updates afterwards. Token
	// "before-macos-14".
	EnrollBeforeMacOS14
	// EnrollCannotRequest: the Mac runs macOS 14 or later but did not send
	// MDM_CAN_REQUEST_SOFTWARE_UPDATE true; it enrolls and updates afterwards.
	// Token "cannot-request".
	EnrollCannotRequest
	// EnrollUnsupportedHardware: the policy asks for a version the Mac's hardware
	// cannot run (or that Apple does not offer it); it enrolls, with a warning
	// naming the newest version it can reach. Token "unsupported-hardware".
	EnrollUnsupportedHardware
	// EnrollUnknownChip: the Mac's model gives no chip the library knows, and
	// the policy's answer differs between Apple silicon and Intel; it enrolls,
	// with a warning. Token "unknown-chip".
	EnrollUnknownChip
)

var enrollCodeTokens = enum.Tokens[EnrollCode]{
	Type: "EnrollCode",
	Names: []string{"none", "compliant", "below-target", "before-macos-14", "cannot-request",
		"unsupported-hardware", "unknown-chip"},
}

// String returns the token of c.
func (c EnrollCode) String() string { return enrollCodeTokens.String(c) }

// MarshalText returns the token of c.
func (c EnrollCode) MarshalText() ([]byte, error) { return enrollCodeTokens.Marshal(c) }

// UnmarshalText sets c from its token.
func (c *EnrollCode) UnmarshalText(text []byte) error {
	v, err := enrollCodeTokens.Parse(string(text))
	if err != nil {
		return fmt.Errorf("rollout: %w", err)
	}
	*c = v
	return nil
}

// EnrollWarning is something the vendor should look at although the Mac enrolls:
// its hardware cannot reach what the policy asks (Code EnrollUnsupportedHardware,
// the message naming the newest version it can reach), or the library cannot
// tell its chip (Code EnrollUnknownChip). The zero EnrollWarning is no warning.
type EnrollWarning struct {
	Code    EnrollCode `json:"code"`    // EnrollUnsupportedHardware or EnrollUnknownChip
	Message string     `json:"message"` // in words, bounded
}

// IsZero reports whether w is the zero EnrollWarning, which means "no warning".
func (w EnrollWarning) IsZero() bool { return w == EnrollWarning{} }
