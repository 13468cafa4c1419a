package rollout

import (
	"github.com/managedos/managedos/compat"
	"github.com/managedos/managedos/mdmcmd"
)

// precision says how well the gate knows the version of an enrolling Mac.
type precision uint8

const (
	exact       precision = iota // OS_VERSION (macOS 14 and later), or a build known to be one version
	baseOnly                     // a macOS 13 build: the version, but not a rapid security response on it
	releaseOnly                  // only the major release of the build
)

// knownOS is what the gate knows of an enrolling Mac's macOS: the snapshot with
// a version (exact, or the lower bound that precision says), and words for it.
type knownOS struct {
	mac       compat.Mac
	precision precision
	words     string
}

// macOS13 is the only release before 14 with rapid security responses, which its
// VERSION does not show.
var macOS13 = compat.MustParseVersion("13")

// knowOS works out what info says of the Mac's macOS. With OS_VERSION the version
// is exact. Before macOS 14, the version the library or cat knows for the build
// (VERSION) is used; else the major release, whose first version is then only a
// lower bound; a build of no known release leaves the version zero.
func knowOS(info *mdmcmd.MachineInfo, cat *compat.Catalog) knownOS {
	k := knownOS{mac: info.Mac(), words: info.DescribeOS()}
	if k.mac.Version.IsValid() {
		return k
	}
	release := info.Release()
	if !release.IsValid() {
		k.words = "build " + info.Build.String() + ", of no macOS release the library knows"
		return k
	}
	v, ok := compat.KnownVersion(info.Build)
	if !ok && cat != nil {
		var r compat.Release
		if r, ok = cat.LookupBuild(info.Build); ok {
			v = r.Version
		}
	}
	if !ok {
		k.mac.Version, k.precision = release, releaseOnly
		return k
	}
	k.mac.Version = v
	k.words = "macOS " + v.String() + " (" + info.Build.String() + "), known from its build (the Mac sends OS_VERSION only from macOS 14)"
	if v.RSR() == 0 && release == macOS13 {
		k.precision = baseOnly
	}
	return k
}

// atLeast reports whether the Mac runs v or later: known for an exact version;
// for a base version unknown only when v is a rapid security response on it; for
// a release, as [mdmcmd.MachineInfo.AtLeast] answers.
func (k knownOS) atLeast(info *mdmcmd.MachineInfo, v compat.Version) compat.Flag {
	cur := k.mac.Version
	switch k.precision {
	case exact:
		return compat.FlagOf(cur.Compare(v) >= 0)
	case baseOnly:
		switch {
		case cur.Compare(v) >= 0:
			return compat.FlagTrue
		case v.Base().Compare(cur.Base()) > 0:
			return compat.FlagFalse
		}
		return compat.FlagUnknown
	}
	return info.AtLeast(v)
}

// shortOf is the compliance of a Mac the policy asks more of than its (lower
// bound) version: false when the version is exact, unknown otherwise.
func (k knownOS) shortOf() compat.Flag {
	if k.precision == exact {
		return compat.FlagFalse
	}
	return compat.FlagUnknown
}

// compliantWords says why a Mac the policy finds compliant is. For a Mac whose
// version is only its release, the policy's words would name the release's first
// version (13.0) as if it were the Mac's: say instead that every version of the
// release is compliant.
func (k knownOS) compliantWords(r compat.Reason) string {
	if k.precision != releaseOnly {
		return k.words + " meets the policy: " + r.String()
	}
	name := r.Current.ReleaseName()
	if r.Policy.IsValid() {
		return k.words + "; every macOS " + name + " is at or past " + r.Policy.String() + ", which the policy asks for (" + r.Code.String() + ")"
	}
	return k.words + "; the policy asks nothing more of any macOS " + name + " (" + r.Code.String() + ")"
}
