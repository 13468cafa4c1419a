package lint

import (
	"errors"
	"fmt"

	"github.com/managedos/managedos/internal/enum"
)

// ErrUnknownToken reports text that names no [Severity] or [Rule].
var ErrUnknownToken = errors.New("unknown token")

// Severity is how badly a [Finding] fights managed OS updates. The zero value,
// SeverityNone, is the severity of no finding.
type Severity uint8

const (
	// SeverityNone is the zero Severity. Token "none".
	SeverityNone Severity = iota
	// Warning: the deployment works but gets in the way, such as automatic
	// downloads caching an update behind the server's back. Token "warning".
	Warning
	// Error: the deployment breaks enforcement or cannot be checked, such as a
	// blocked Software Update pane or a declaration the Mac rejects. Token "error".
	Error
)

var severityTokens = enum.Tokens[Severity]{Type: "Severity", Names: []string{"none", "warning", "error"}, Err: ErrUnknownToken}

// String returns the token of s, or Severity(n) for a value outside the constants.
func (s Severity) String() string { return severityTokens.String(s) }

// MarshalText returns the token of s; it fails for a value outside the constants.
func (s Severity) MarshalText() ([]byte, error) { return severityTokens.Marshal(s) }

// UnmarshalText sets s from its token; unknown text wraps [ErrUnknownToken].
func (s *Severity) UnmarshalText(text []byte) error {
	v, err := severityTokens.Parse(string(text))
	if err != nil {
		return fmt.Errorf("lint: %w", err)
	}
	*s = v
	return nil
}
