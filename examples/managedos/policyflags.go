package main

import (
	"errors"
	"flag"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/managedos/managedos/compat"
	"github.com/managedos/managedos/internal/errtext"
)

// targetFlags are the flags that choose what a Mac must reach: Apple's feed, the
// target policy and the time to judge at. target uses them; plan and enroll take
// the same flags.
type targetFlags struct {
	feed, minimum, now                 string
	latestPatch, latest, latestInMajor bool
	maxMajor, delayDays                int
	floors                             floorFlags
}

// floorFlags collects the repeatable -floor MAJOR=V.
type floorFlags []string

func (f *floorFlags) String() string     { return strings.Join(*f, ",") }
func (f *floorFlags) Set(s string) error { *f = append(*f, s); return nil }

// targetUsage is the usage text of the target flags.
const targetUsage = "[-feed FILE] (-minimum V [-latest-patch] | -latest [-max-major N] | -latest-in-major) [-delay-days N] [-floor MAJOR=V]... [-now T]"

// addTargetFlags binds the target flags to fs.
func addTargetFlags(fs *flag.FlagSet) *targetFlags {
	f := &targetFlags{}
	fs.StringVar(&f.feed, "feed", "", "Apple's software-update feed (gdmf v2/pmv JSON, bare or as SOFA caches it); without it only -minimum and -floor work, from built-in knowledge")
	fs.StringVar(&f.minimum, "minimum", "", "the version every Mac must reach at least, such as 15.7.9 or 26.3.1 (a)")
	fs.BoolVar(&f.latestPatch, "latest-patch", false, "with -minimum: the newest release of the minimum's major at or past it")
	fs.BoolVar(&f.latest, "latest", false, "the newest release each Mac can run (with -minimum: only for Macs below it)")
	fs.BoolVar(&f.latestInMajor, "latest-in-major", false, "the newest release of each Mac's current major")
	fs.IntVar(&f.maxMajor, "max-major", 0, "with -latest: the newest major to go to, such as 15")
	fs.IntVar(&f.delayDays, "delay-days", 0, "only pick releases Apple posted at least this many days before -now")
	fs.Var(&f.floors, "floor", "MAJOR=V: a Mac on MAJOR must reach at least V, whatever else the policy says (repeatable)")
	fs.StringVar(&f.now, "now", "", "the time to judge delays at, RFC 3339 (default: the current time)")
	return f
}

// policyFlagNames maps the Policy fields a PolicyError names to their flags,
// longest field names first so that none is replaced inside another.
var policyFlagNames = strings.NewReplacer(
	"LatestInMajor", "-latest-in-major",
	"LatestPatch", "-latest-patch",
	"Latest", "-latest",
	"Minimum", "-minimum",
	"MaxMajor", "-max-major",
	"DelayDays", "-delay-days",
	"Floors", "-floor",
)

// load reads the feed, if any, and returns the catalogue (nil without -feed), the
// policy and the time. A policy that contradicts itself, one that needs the feed
// without it, an unreadable feed file and a bad -now or -floor are usage errors
// naming the flags; a bad version wraps the library's error.
func (f *targetFlags) load() (*compat.Catalog, compat.Policy, time.Time, error) {
	p, err := f.policy()
	if err != nil {
		return nil, compat.Policy{}, time.Time{}, err
	}
	if f.feed == "" && (p.Latest || p.LatestInMajor || p.LatestPatch) {
		return nil, compat.Policy{}, time.Time{}, usageError{"-latest, -latest-in-major and -latest-patch pick from Apple's feed: give -feed FILE"}
	}
	cat, now, err := f.catalogAndNow()
	if err != nil {
		return nil, compat.Policy{}, time.Time{}, err
	}
	return cat, p, now, nil
}

// catalogAndNow reads the feed, if any, and the time to judge at: -now, or the
// current time.
func (f *targetFlags) catalogAndNow() (*compat.Catalog, time.Time, error) {
	now, err := parseNow(f.now)
	if err != nil {
		return nil, time.Time{}, err
	}
	if f.feed == "" {
		return nil, now, nil
	}
	cat, err := readFeed(f.feed)
	return cat, now, err
}

// parseNow reads the -now flag, RFC 3339; empty is the current time. Anything else
// is a usage error naming the flag.
func parseNow(s string) (time.Time, error) {
	if s == "" {
		return time.Now(), nil
	}
	now, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return time.Time{}, usageError{fmt.Sprintf("-now %s: want RFC 3339", errtext.Quote(s))}
	}
	return now, nil
}

// anyPolicy reports whether any policy flag was given.
func (f *targetFlags) anyPolicy() bool {
	return f.minimum != "" || f.latestPatch || f.latest || f.latestInMajor || f.maxMajor != 0 || f.delayDays != 0 || len(f.floors) > 0
}

// policy builds and validates the policy from the flags.
func (f *targetFlags) policy() (compat.Policy, error) {
	p := compat.Policy{LatestPatch: f.latestPatch, Latest: f.latest, LatestInMajor: f.latestInMajor, MaxMajor: f.maxMajor, DelayDays: f.delayDays}
	if f.minimum != "" {
		v, err := compat.ParseVersion(f.minimum)
		if err != nil {
			return compat.Policy{}, fmt.Errorf("-minimum: %w", err)
		}
		p.Minimum = v
	}
	for _, s := range f.floors {
		major, version, ok := strings.Cut(s, "=")
		m, err := strconv.Atoi(major)
		if !ok || err != nil {
			return compat.Policy{}, usageError{fmt.Sprintf("-floor %s: want MAJOR=VERSION, such as 15=15.7.9", errtext.Quote(s))}
		}
		v, err := compat.ParseVersion(version)
		if err != nil {
			return compat.Policy{}, fmt.Errorf("-floor %d: %w", m, err)
		}
		p.Floors = append(p.Floors, compat.Floor{Major: m, Version: v})
	}
	if err := p.Validate(); err != nil {
		return compat.Policy{}, policyUsage(err)
	}
	return p, nil
}

// policyUsage turns the contradictions Policy.Validate found into a usage error
// that names the flags.
func policyUsage(err error) error {
	var msgs []string
	var walk func(error)
	walk = func(err error) {
		var pe *compat.PolicyError
		switch joined, ok := err.(interface{ Unwrap() []error }); {
		case ok:
			for _, e := range joined.Unwrap() {
				walk(e)
			}
		case errors.As(err, &pe):
			msgs = append(msgs, policyFlagNames.Replace(strings.Join(pe.Fields, ", ")+": "+pe.Reason))
		default:
			msgs = append(msgs, err.Error())
		}
	}
	walk(err)
	return usageError{"policy flags: " + strings.Join(msgs, "; ")}
}

// readFeed reads and parses Apple's feed from a file, reading at most one byte
// more than the parser accepts so that an oversized file is refused as too large
// without being read whole.
func readFeed(path string) (*compat.Catalog, error) {
	data, err := readFlagFile("-feed", path, compat.DefaultMaxBytes)
	if err != nil {
		return nil, err
	}
	cat, err := compat.ParseCatalog(data)
	if err != nil {
		return nil, fmt.Errorf("-feed %s: %w", path, err)
	}
	return cat, nil
}
