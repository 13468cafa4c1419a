package mdmcmd

import (
	"strings"

	"github.com/managedos/managedos/compat"
)

// ProductKey is what the form of an update's product key says about it. Apple does
// not document the forms; these are the ones Macs have been seen to send:
//
//	MSU_UPDATE_22F770820d_patch_13.4.1_rsr   macOS: build, version, and _minor, _major or _rsr (or nothing)
//	MSU_UPDATE_22A240a_full_13.0_minor       the same, for a full (not delta) update
//	_OSX_18A391                               macOS: a major upgrade, by build
//	_MACOS_14.7.3                             macOS: a major upgrade, by version
//	041-14451, 093-37361, zzzz091-81933       a catalogue product: configuration data, a full
//	                                          installer, firmware or an app update; the key
//	                                          alone does not say which (the item's flags do)
type ProductKey struct {
	// Raw is the key as given.
	Raw string
	// MacOS is whether the key's form names a macOS update (MSU_UPDATE_, _OSX_ or
	// _MACOS_); false for a catalogue key, which may name anything.
	MacOS bool
	// Full is whether an MSU_UPDATE_ key names a full update (_full_) rather than a
	// patch (_patch_).
	Full bool
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
		body := strings.TrimPrefix(key, "MSU_UPDATE_")
		build, rest, ok := strings.Cut(body, "_patch_")
		if !ok {
			if build, rest, ok = strings.Cut(body, "_full_"); !ok {
				return p
			}
			p.Full = true
		}
		p.MacOS = true
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
			p.Build, p.Kind, p.MacOS = b, compat.Major, true
		}
	case strings.HasPrefix(key, "_MACOS_"):
		if v, err := compat.ParseVersion(strings.TrimPrefix(key, "_MACOS_")); err == nil {
			p.Version, p.Kind, p.MacOS = v, compat.Major, true
		}
	}
	return p
}
