package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"time"

	"github.com/managedos/managedos/compat"
	"github.com/managedos/managedos/internal/errtext"
	"github.com/managedos/managedos/rollout"
)

// planMemoryLimit is plan's soft memory limit (see runtime/debug.SetMemoryLimit),
// unless GOMEMLIMIT sets one.
const planMemoryLimit = 24 << 20

// planBlockSize is how much of the inventory plan reads at a time.
const planBlockSize = 128 << 10

func runPlan(e *env, args []string) error {
	fs := e.flags("plan", "[-in FILE] (-target V | "+targetUsage+") [-rings SPEC] [-deadline-days N -deadline-time HH:MM [-tz ZONE] [-grace-days N]] [-payloads] < inventory")
	in := fs.String("in", "", "read the inventory from FILE instead of stdin: JSON lines of {\"id\",\"model\",\"chip\",\"device_id\",\"current\",\"build\",\"ring\"}")
	target := fs.String("target", "", "the macOS version every device must reach (instead of the policy flags)")
	tf := addTargetFlags(fs)
	df := addDeadlineFlags(fs)
	payloads := fs.Bool("payloads", false, "add to each line the ScheduleOSUpdate plist, the DDM declarations or the startosinstall invocation the device needs (needs the deadline flags)")
	workers := fs.Int("workers", 0, "goroutines deciding devices, at most one per CPU (default: one per CPU)")
	if err := parse(fs, args, false); err != nil {
		return err
	}
	if *workers < 0 || *workers > defaultWorkers() {
		// Each worker keeps its own caches and blocks in flight: more workers than
		// CPUs would only hold more memory.
		fs.Usage()
		return usageError{fmt.Sprintf("-workers %d: want 1 to %d, the CPUs this process may use, or 0 for all of them", *workers, defaultWorkers())}
	}
	plan, now, err := planFromFlags(fs, *target, tf, df)
	if err != nil {
		return err
	}
	if *payloads {
		plan.Payloads = &rollout.PayloadOptions{}
	}
	if err := plan.Validate(); err != nil {
		fs.Usage()
		return usageError{err.Error()}
	}
	r := e.stdin
	if *in != "" {
		f, err := os.Open(*in)
		if err != nil {
			return usageError{"-in: " + err.Error()}
		}
		defer f.Close()
		r = f
	}
	br := bufio.NewReaderSize(r, planBlockSize)
	if err := checkInventoryStart(br); err != nil {
		return err
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		// plan's caches and blocks in flight hold a few megabytes whatever the size of
		// the inventory; a soft limit makes the collector work a little harder
		// instead of letting garbage grow the process past that. The limit before is
		// back when plan returns (tests run the tool in process).
		defer debug.SetMemoryLimit(debug.SetMemoryLimit(planMemoryLimit))
	}
	n := *workers
	if n == 0 {
		n = defaultWorkers()
	}
	pw := make([]*planWorker, n)
	lw := make([]lineWorker, n)
	for i := range pw {
		pw[i] = newPlanWorker(plan, now, e.json)
		lw[i] = pw[i]
	}
	out := bufio.NewWriterSize(e.stdout, planBlockSize)
	if !e.json {
		out.WriteString(planTextHeader)
	}
	o := streamOptions{blockSize: planBlockSize, maxLine: maxLineBytes, progress: progressTo(e.stderr)}
	if *payloads {
		// A line with payloads is ten times the size of its device's input line:
		// smaller blocks keep the output held in flight as small.
		o.blockSize = planBlockSize / 8
	}
	if err := streamLines(br, out, o, lw); err != nil {
		return fmt.Errorf("plan: %w", err)
	}
	if err := out.Flush(); err != nil {
		return fmt.Errorf("plan: %w", err)
	}
	var total planCounts
	for _, w := range pw {
		total.add(&w.counts)
	}
	total.print(e.stderr)
	if total.unreadable > 0 {
		return errSomeLines
	}
	return nil
}

// checkInventoryStart refuses, as a usage error, an inventory whose first
// non-blank byte does not open a JSON object: it is not JSON lines at all (a CSV
// file, say), and reading on would only report every line.
func checkInventoryStart(br *bufio.Reader) error {
	for i := 1; ; i++ {
		b, err := br.Peek(i)
		if len(b) < i {
			if err == io.EOF || err == bufio.ErrBufferFull {
				return nil // empty or blank input, or a first line too long to judge here
			}
			return fmt.Errorf("plan: reading the inventory: %w", err)
		}
		switch c := b[i-1]; c {
		case ' ', '\t', '\r', '\n':
			continue
		case '{':
			return nil
		default:
			return usageError{fmt.Sprintf("the inventory must be JSON lines, one object per device; it starts with %s", errtext.Quote(string(b[i-1:])))}
		}
	}
}

// planFromFlags builds the plan and the time to plan at from plan's flags.
func planFromFlags(fs *flag.FlagSet, target string, tf *targetFlags, df *deadlineFlags) (*rollout.Plan, time.Time, error) {
	plan := &rollout.Plan{}
	var (
		now time.Time
		err error
	)
	if target == "" && !tf.anyPolicy() {
		fs.Usage()
		return nil, time.Time{}, usageError{"give -target V, or the policy flags (-minimum, -latest, -latest-in-major, -floor)"}
	}
	if target != "" {
		if tf.anyPolicy() {
			fs.Usage()
			return nil, time.Time{}, usageError{"-target and the policy flags (-minimum, -latest, -latest-in-major, -latest-patch, -max-major, -delay-days, -floor) go separately"}
		}
		if plan.Target, err = compat.ParseVersion(target); err != nil {
			return nil, time.Time{}, fmt.Errorf("-target: %w", err)
		}
		if plan.Catalog, now, err = tf.catalogAndNow(); err != nil {
			return nil, time.Time{}, err
		}
	} else if plan.Catalog, plan.Policy, now, err = tf.load(); err != nil {
		return nil, time.Time{}, err
	}
	if plan.Rings, plan.Deadline, err = df.load(); err != nil {
		fs.Usage()
		return nil, time.Time{}, err
	}
	return plan, now, nil
}

// progressTo returns a progress reporter that rewrites one line on w while plan
// runs, when w is a terminal, and nil otherwise; it is called with the number of
// lines done, and with -1 at the end.
func progressTo(w io.Writer) func(lines int) {
	f, ok := w.(*os.File)
	if !ok {
		return nil
	}
	if st, err := f.Stat(); err != nil || st.Mode()&os.ModeCharDevice == 0 {
		return nil
	}
	var last time.Time
	return func(lines int) {
		switch now := time.Now(); {
		case lines < 0 && !last.IsZero():
			fmt.Fprintln(f) // done: end the progress line
		case lines >= 0 && now.Sub(last) >= 250*time.Millisecond:
			last = now
			fmt.Fprintf(f, "\rplanned %d devices", lines)
		}
	}
}
