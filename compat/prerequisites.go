package compat

import (
	"fmt"
	"strings"

	"github.com/managedos/managedos/internal/errtext"
)

// Prerequisites is the set of things a vendor must have in place before a
// [Decision] can be carried out unattended. The zero value is the empty set.
type Prerequisites uint8

const (
	// Supervised requires a supervised Mac (enrolled through Automated Device
	// Enrollment): DDM software update enforcement and the ScheduleOSUpdate command
	// both need it. Token "supervised".
	Supervised Prerequisites = 1 << iota
	// BootstrapToken requires a bootstrap token escrowed with the MDM server, so an
	// Apple silicon Mac can authorise an update without a user's password. Token
	// "bootstrap-token".
	BootstrapToken
	// CachedInstaller requires the full "Install macOS" application for the target
	// to be cached on the Mac before startosinstall runs. Token "cached-installer".
	CachedInstaller
)

var prerequisiteTokens = [...]struct {
	p    Prerequisites
	name string
}{
	{Supervised, "supervised"},
	{BootstrapToken, "bootstrap-token"},
	{CachedInstaller, "cached-installer"},
}

// Has reports whether p includes every prerequisite in q.
func (p Prerequisites) Has(q Prerequisites) bool { return p&q == q }

// String returns the tokens of p joined by "+", such as "supervised+bootstrap-token",
// or "none" for the empty set.
func (p Prerequisites) String() string {
	b, err := p.MarshalText()
	if err != nil {
		return fmt.Sprintf("Prerequisites(%#x)", uint8(p))
	}
	if len(b) == 0 {
		return "none"
	}
	return string(b)
}

// MarshalText returns the tokens of p joined by "+"; the empty set encodes as empty
// text. It fails for bits outside the declared constants.
func (p Prerequisites) MarshalText() ([]byte, error) {
	var b []byte
	rest := p
	for _, t := range prerequisiteTokens {
		if p.Has(t.p) {
			if len(b) > 0 {
				b = append(b, '+')
			}
			b = append(b, t.name...)
			rest &^= t.p
		}
	}
	if rest != 0 {
		return nil, fmt.Errorf("compat: Prerequisites(%#x): %w", uint8(p), ErrUnknownPrerequisite)
	}
	return b, nil
}

// UnmarshalText sets p from tokens joined by "+" as MarshalText writes them; empty
// text or "none" is the empty set.
func (p *Prerequisites) UnmarshalText(text []byte) error {
	var set Prerequisites
	if s := string(text); s != "" && s != "none" {
	next:
		for _, name := range strings.Split(s, "+") {
			for _, t := range prerequisiteTokens {
				if name == t.name {
					set |= t.p
					continue next
				}
			}
			return fmt.Errorf("compat: prerequisite %s: %w", errtext.Quote(name), ErrUnknownPrerequisite)
		}
	}
	*p = set
	return nil
}
