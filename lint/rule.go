package lint

import (
	"fmt"

	"github.com/managedos/managedos/internal/enum"
)

// Rule names the check behind a [Finding], for a program to sort, count or
// silence findings by. Its token is stable; the finding's Message may be reworded.
// The zero value, RuleNone, is the rule of no finding.
type Rule uint8

const (
	// RuleNone is the zero Rule. Token "none".
	RuleNone Rule = iota
	// Unreadable: a document or payload that cannot be read, such as broken JSON,
	// a signed profile, or a value of the wrong type. Error. Token "unreadable".
	Unreadable
	// TooLarge: a document over one of [Options] Limits, left unread (the message
	// names the limit; compat.ErrTooLarge in the library). Error. Token "too-large".
	TooLarge
	// InvalidPayload: a declaration or command that breaks the rules package ddm
	// or mdmcmd builds by, such as a TargetLocalDateTime with a zone or an
	// InstallAction not in Apple's list. Error. Token "invalid-payload".
	InvalidPayload
	// BuildMismatch: an enforcement declaration's TargetBuildVersion from another
	// release than its TargetOSVersion; Apple's schema says the version wins.
	// Warning. Token "build-mismatch".
	BuildMismatch
	// SoftwareUpdateBlocked: the Software Update pane or settings extension
	// blocked through com.apple.systempreferences. Error. Token
	// "software-update-blocked".
	SoftwareUpdateBlocked
	// SecurityImprovementsHidden: DisabledSystemSettings hiding Background Security
	// Improvements. Warning. Token "security-improvements-hidden".
	SecurityImprovementsHidden
	// AutomaticDownload: automatic downloads left on, by the com.apple.SoftwareUpdate
	// profile's AutomaticDownload (true by default) or the softwareupdate.settings
	// declaration's AutomaticActions.Download AlwaysOn. Warning. Token
	// "automatic-download".
	AutomaticDownload
	// DeprecatedProfile: a com.apple.SoftwareUpdate payload, whatever it holds:
	// Apple deprecated the profile in macOS 26.0 and removes it in 27.0, for the
	// softwareupdate.settings declaration (macOS 15 and later). Warning. Token
	// "deprecated-profile". The profile's AutomaticDownload finding, when there is
	// one, comes next and leaves the deprecation to this one.
	DeprecatedProfile
	// MultipleEnforcements: several enforcement declarations that are not Apple's
	// two-step for a supplemental update. Warning. Token "multiple-enforcements".
	MultipleEnforcements
	// CommandBesideDeclaration: a ScheduleOSUpdate command planned beside an
	// enforcement declaration, which the Mac ignores. Error. Token
	// "command-beside-declaration".
	CommandBesideDeclaration
	// Truncated: more findings in one document than a lint reports; the finding
	// says how many were left out and has the worst severity among them. Token
	// "truncated".
	Truncated
)

var ruleTokens = enum.Tokens[Rule]{Type: "Rule", Names: []string{
	"none", "unreadable", "too-large", "invalid-payload", "build-mismatch",
	"software-update-blocked", "security-improvements-hidden", "automatic-download",
	"deprecated-profile", "multiple-enforcements", "command-beside-declaration", "truncated",
}, Err: ErrUnknownToken}

// String returns the token of r, or Rule(n) for a value outside the constants.
func (r Rule) String() string { return ruleTokens.String(r) }

// MarshalText returns the token of r; it fails for a value outside the constants.
func (r Rule) MarshalText() ([]byte, error) { return ruleTokens.Marshal(r) }

// UnmarshalText sets r from its token; unknown text wraps [ErrUnknownToken].
func (r *Rule) UnmarshalText(text []byte) error {
	v, err := ruleTokens.Parse(string(text))
	if err != nil {
		return fmt.Errorf("lint: %w", err)
	}
	*r = v
	return nil
}
