package mdmcmd

import (
	"strings"

	"github.com/managedos/managedos/compat"
)

// ProductKey is what the form of an update's product key says about it. Apple does
// not document the forms; these are the ones Macs have been seen to send:
//
//	MSU_UPDATE_22F770820d_patch_13.4.1_rsr   build, version, and _minor, _major or _rsr (or nothing)
//	_OSX_18A391                               a major upgrade, by build
//	_MACOS_14.7.3                             a major upgrade, by version
//	041-14451                                 a catalog product (configuration data and the like)
type ProductKey struct {
	// Raw is the key as given.
	Raw string
	// Build is the build the key names, or the zero Build.
	Build compat.Build
	// Version is the version the key names (without a rapid security response
	// letter), or the zero Version.
	Version compat.Version
	// Kind is the kind the key states, NoUpdate when it states none.
	Kind compat.Kind
}

// ParseProductKey reads what it can from the form of key; a key of another form is
// kept in Raw with nothing else known. It never fails: product keys are Apple's to
// invent.
func ParseProductKey(key string) ProductKey {
	p := ProductKey{Raw: key}
	switch {
	case strings.HasPrefix(key, "MSU_UPDATE_"):
		build, rest, ok := strings.Cut(strings.TrimPrefix(key, "MSU_UPDATE_"), "_patch_")
		if !ok {
			return p
		}
		for _, s := range []struct {
			suffix string
			kind   compat.Kind
		}{{"_minor", compat.Minor}, {"_major", compat.Major}, {"_rsr", compat.RSR}} {
			if v, ok := strings.CutSuffix(rest, s.suffix); ok {
				rest, p.Kind = v, s.kind
				break
			}
		}
		p.Build, _ = compat.ParseBuild(build)
		p.Version, _ = compat.ParseVersion(rest)
	case strings.HasPrefix(key, "_OSX_"):
		if b, err := compat.ParseBuild(strings.TrimPrefix(key, "_OSX_")); err == nil {
			p.Build, p.Kind = b, compat.Major
		}
	case strings.HasPrefix(key, "_MACOS_"):
		if v, err := compat.ParseVersion(strings.TrimPrefix(key, "_MACOS_")); err == nil {
			p.Version, p.Kind = v, compat.Major
		}
	}
	return p
}
