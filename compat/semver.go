package compat

import (
	"fmt"

	"github.com/Masterminds/semver/v3"

	"github.com/managedos/managedos/internal/errtext"
)

// Semver returns v as a github.com/Masterminds/semver/v3 version, with missing
// components as 0 (14.2 becomes 14.2.0). A rapid security response has no semantic
// version equivalent (as a prerelease it would sort before its base, as build
// metadata it would be ignored), so a version with one wraps [ErrInvalidVersion], as
// does the zero Version.
func (v Version) Semver() (*semver.Version, error) {
	if !v.IsValid() || v.rsr() != 0 {
		return nil, fmt.Errorf("compat: version %v has no semantic version form: %w", v, ErrInvalidVersion)
	}
	return semver.New(uint64(v.major()), uint64(v.minor()), uint64(v.patch()), "", ""), nil
}

// VersionFromSemver returns the macOS version of sv (14.2.0 is 14.2). A nil
// version, a prerelease, build metadata or a component that is not a valid macOS
// version component wraps [ErrInvalidVersion].
func VersionFromSemver(sv *semver.Version) (Version, error) {
	if sv == nil {
		return Version{}, fmt.Errorf("compat: nil semantic version: %w", ErrInvalidVersion)
	}
	if sv.Prerelease() != "" || sv.Metadata() != "" {
		return Version{}, fmt.Errorf("compat: semantic version %s: prerelease or metadata: %w", errtext.Quote(sv.Original()), ErrInvalidVersion)
	}
	if sv.Major() == 0 || sv.Major() > 0xFFFF || sv.Minor() > 0xFFFF || sv.Patch() > 0xFFFF {
		return Version{}, fmt.Errorf("compat: semantic version %s: component out of range: %w", errtext.Quote(sv.Original()), ErrInvalidVersion)
	}
	return newVersion(uint16(sv.Major()), uint16(sv.Minor()), uint16(sv.Patch()), 0), nil
}
