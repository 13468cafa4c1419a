package compat

import (
	"fmt"
	"slices"
	"strings"
)

//go:generate go run gen_known_builds.go

// knownBuild is one build the library knows and the macOS version it belongs to.
type knownBuild struct {
	build   Build
	version Version
}

// KnownVersion returns the macOS version of build b as the library knows it
// (releases 12 to 26 and the rapid security responses public captures show, as of
// [KnownBuildsDate]): 13.4.1 (c) for 22F770820d, 14.2.1 for 23C71. It reports false
// for a build it does not know, such as a beta or a release newer than its data.
func KnownVersion(b Build) (Version, bool) {
	i, ok := slices.BinarySearchFunc(knownBuilds[:], b, func(k knownBuild, b Build) int { return k.build.Compare(b) })
	if !ok {
		return Version{}, false
	}
	return knownBuilds[i].version, true
}

// CheckBuild reports whether b can be the build of macOS version v, wrapping
// [ErrInvalidBuild] with both when it cannot:
//
//   - b's Darwin major must be v's (22 for macOS 13, 25 for macOS 26);
//   - a build the library knows (see [KnownVersion]) must belong to v, or, when v
//     has no rapid security response letter, be a rapid security response on v:
//     DDM targets 13.4.1 (c) as TargetOSVersion 13.4.1 with TargetBuildVersion
//     22F770820d, so CheckBuild(13.4.1, 22F770820d) passes while
//     CheckBuild(13.4.1 (a), 22F770820d) does not;
//   - a build the library does not know passes: a newer release, a beta, or a build
//     for specific hardware.
//
// The zero Version wraps [ErrInvalidVersion] and the zero Build [ErrInvalidBuild].
func CheckBuild(v Version, b Build) error {
	switch {
	case !v.IsValid():
		return fmt.Errorf("compat: build %v for no version: %w", b, ErrInvalidVersion)
	case !b.IsValid():
		return fmt.Errorf("compat: macOS %v: no build: %w", v, ErrInvalidBuild)
	case b.Major() != v.DarwinMajor():
		return fmt.Errorf("compat: build %v is Darwin %d, macOS %v is Darwin %d: %w", b, b.Major(), v, v.DarwinMajor(), ErrInvalidBuild)
	}
	known, ok := KnownVersion(b)
	if !ok || known == v || v.RSR() == 0 && known.RSR() != 0 && known.Base() == v {
		return nil
	}
	return fmt.Errorf("compat: build %v is macOS %v, not %v (%s): %w", b, known, v, buildsOf(v), ErrInvalidBuild)
}

// buildsOf says which builds the library knows for v, for a message.
func buildsOf(v Version) string {
	var builds []string
	for _, k := range knownBuilds {
		if k.version == v {
			builds = append(builds, k.build.String())
		}
	}
	if len(builds) == 0 {
		return fmt.Sprintf("the library knows no build of %v", v)
	}
	return fmt.Sprintf("the library knows %v as %s", v, strings.Join(builds, " or "))
}
