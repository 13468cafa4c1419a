package ddm

import (
	"fmt"

	"github.com/managedos/managedos/compat"
)

// EnforcementContent is what an enforcement declaration holds, as
// [ReadEnforcement] reads it: each field as read, zero where it could not be read.
type EnforcementContent struct {
	Identifier  string             // the declaration's Identifier
	ServerToken string             // the declaration's ServerToken, as given
	Payload     EnforcementPayload // the payload's fields that could be read
}

// ReadEnforcement reads an enforcement declaration in order to check it, as a lint
// does, where [ParseEnforcement] reads one in order to use it. It applies the rules
// ParseEnforcement and the builders apply — the Type, an Identifier the builders
// accept, a ServerToken, a TargetOSVersion that parses and names no rapid security
// response, a TargetBuildVersion that parses, a TargetLocalDateTime of exactly
// yyyy-mm-ddThh:mm:ss, an absolute http or https DetailsURL — and returns what it
// could read with every problem it found, each a *[KeyError] naming the key,
// joined.
//
// Reading is not building: a TargetBuildVersion from another release than
// TargetOSVersion is read without a problem, because Apple's schema says the Mac
// then follows TargetOSVersion (Apple's own example declaration pairs 26.0 with
// 23A309). [EnforcementPayload.BuildMismatch] reports it, and the builders still
// refuse to produce it.
func ReadEnforcement(data []byte) (EnforcementContent, error) {
	return ParseOptions{}.ReadEnforcement(data)
}

// ReadEnforcement is [ReadEnforcement] with o's limits: data over them is an error
// wrapping compat.ErrTooLarge, and nothing is read.
func (o ParseOptions) ReadEnforcement(data []byte) (EnforcementContent, error) {
	var w wireEnforcement
	var p problems
	if err := p.decode(o, data, &w); err != nil {
		return EnforcementContent{}, err
	}
	p.envelope(EnforcementType, w.Type, w.Identifier, w.ServerToken)
	c := EnforcementContent{Identifier: w.Identifier, ServerToken: w.ServerToken}
	// Each field parses on its own; a missing one is left zero for Validate to name.
	parse := func(key, s string, read func(string) error) {
		if s == "" || p.has(key) {
			return
		}
		if err := read(s); err != nil {
			p.add(key, fmt.Errorf("ddm: %s: %w", key, err))
		}
	}
	parse("TargetOSVersion", w.Payload.TargetOSVersion, func(s string) (err error) {
		c.Payload.TargetOSVersion, err = compat.ParseVersion(s)
		return err
	})
	parse("TargetBuildVersion", w.Payload.TargetBuildVersion, func(s string) (err error) {
		c.Payload.TargetBuildVersion, err = compat.ParseBuild(s)
		return err
	})
	parse("TargetLocalDateTime", w.Payload.TargetLocalDateTime, func(s string) (err error) {
		c.Payload.TargetLocalDateTime, err = ParseLocalDateTime(s)
		return err
	})
	c.Payload.DetailsURL = w.Payload.DetailsURL
	// The builders' rules, but for the build's release (see BuildMismatch); a key
	// already named above is not named again, nor any when the Payload is.
	q := c.Payload
	q.TargetBuildVersion = compat.Build{}
	p.addEach(q.Validate())
	return c, p.err(enforcementKeys)
}

// enforcementKeys are an enforcement declaration's keys in the order the builders
// write them, the order its problems are reported in.
var enforcementKeys = []string{"Type", "Identifier", "ServerToken", "Payload",
	"TargetOSVersion", "TargetBuildVersion", "TargetLocalDateTime", "DetailsURL"}

// BuildMismatch returns the problem [EnforcementPayload.Validate] reports for a
// TargetBuildVersion from another release than TargetOSVersion, a *[KeyError]
// wrapping compat.ErrInvalidBuild, or nil when the build is absent, belongs to the
// version, or the version is missing or names a rapid security response. The
// builders refuse such a payload; a reader may accept it, since Apple's schema says
// the Mac then follows TargetOSVersion.
func (p EnforcementPayload) BuildMismatch() error {
	v, b := p.TargetOSVersion, p.TargetBuildVersion
	if !b.IsValid() || !v.IsValid() || v.RSR() != 0 || b.Major() == v.DarwinMajor() {
		return nil
	}
	return &KeyError{Key: "TargetBuildVersion", Err: fmt.Errorf("ddm: TargetBuildVersion %q: Darwin %d is not macOS %v (Darwin %d): %w", b, b.Major(), v, v.DarwinMajor(), compat.ErrInvalidBuild)}
}

// Supplements reports whether p and base are Apple's two-step for a supplemental
// update (a rapid security response; from macOS 26.1 a Background Security
// Improvement): both target the same TargetOSVersion, p with a TargetBuildVersion
// carrying the supplemental letter (such as 20A242a) and base without one. A Mac
// installs a supplemental update only on its base version, so Apple's schema asks
// for exactly these two declarations side by side for a Mac not yet on the base:
// the first brings it to the base, the second adds the supplement.
func (p EnforcementPayload) Supplements(base EnforcementPayload) bool {
	v := p.TargetOSVersion
	return v.IsValid() && v.Compare(base.TargetOSVersion) == 0 &&
		p.TargetBuildVersion.Suffix() != 0 && base.TargetBuildVersion.Suffix() == 0
}
