package main

import (
	"flag"
	"fmt"
	"strconv"
	"time"

	"github.com/managedos/managedos/internal/errtext"
	"github.com/managedos/managedos/rollout"
)

// deadlineFlags are plan's rings and deadline flags.
type deadlineFlags struct {
	rings, at, tz            string
	days, graceDays          int
	daysSet, tzSet, graceSet bool
}

// addDeadlineFlags binds the rings and deadline flags to fs.
func addDeadlineFlags(fs *flag.FlagSet) *deadlineFlags {
	f := &deadlineFlags{}
	fs.StringVar(&f.rings, "rings", "", "staggered rings with cumulative shares and offsets in days, such as canary=5%:0,early=25%:3,broad=100%:7; a device's \"ring\" names its ring, else its id places it")
	fs.Func("deadline-days", "deadlines fall N days after the target's posting date (plus the ring's offset)", givenInt(&f.days, &f.daysSet))
	fs.StringVar(&f.at, "deadline-time", "", "the deadline's local time of day, HH:MM")
	fs.Func("tz", "the enforcement time zone, an IANA name such as Europe/Berlin (default: each Mac's own local time)", func(s string) error {
		f.tz, f.tzSet = s, true
		return nil
	})
	f.graceDays = 1
	fs.Func("grace-days", "a deadline already past moves to this many days after now, at the same time of day (default 1)", givenInt(&f.graceDays, &f.graceSet))
	return f
}

// load returns the rings and the deadline policy; bad values are usage errors
// naming their flag.
func (f *deadlineFlags) load() (rollout.Rings, rollout.DeadlinePolicy, error) {
	var (
		rings rollout.Rings
		p     rollout.DeadlinePolicy
		err   error
	)
	if f.rings != "" {
		if rings, err = rollout.ParseRings(f.rings); err != nil {
			return rings, p, usageError{"-rings: " + err.Error()}
		}
	}
	switch {
	case f.daysSet != (f.at != ""):
		return rings, p, usageError{"-deadline-days and -deadline-time go together"}
	case !f.daysSet:
		if f.tzSet || f.graceSet {
			return rings, p, usageError{"-tz and -grace-days need -deadline-days and -deadline-time"}
		}
		return rings, p, nil
	}
	if p.At, err = rollout.ParseTimeOfDay(f.at); err != nil {
		return rings, p, usageError{"-deadline-time: " + err.Error()}
	}
	// Each number checked on its own, by the policy's rules, names its flag.
	if err := (rollout.DeadlinePolicy{At: p.At, Days: f.days}).Validate(); err != nil {
		return rings, p, usageError{"-deadline-days: " + err.Error()}
	}
	if err := (rollout.DeadlinePolicy{At: p.At, GraceDays: f.graceDays}).Validate(); err != nil {
		return rings, p, usageError{"-grace-days: " + err.Error()}
	}
	p.Days, p.GraceDays = f.days, f.graceDays
	if f.tzSet {
		if p.Zone, err = time.LoadLocation(f.tz); err != nil || f.tz == "" {
			return rings, p, usageError{fmt.Sprintf("-tz %s: not a time zone this machine knows", errtext.Quote(f.tz))}
		}
	}
	return rings, p, nil
}

// givenInt returns a flag.Func setter that reads a whole number into n and notes
// in given that the flag was given.
func givenInt(n *int, given *bool) func(string) error {
	return func(s string) error {
		v, err := strconv.Atoi(s)
		*n, *given = v, true
		return err
	}
}
