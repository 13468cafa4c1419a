// Command managedos runs the managedos library from a shell: it resolves how a Mac
// reaches a macOS version, chooses the version a Mac must reach under a policy,
// prints the compatibility table, builds commands and declarations, reads device
// answers and infers the cache state.
//
//	go run ./examples/managedos <verb> [flags]
//
// Every verb takes -json to print one JSON object on stdout. The exit status is 0 on
// success, 1 when the request is refused (a downgrade, an unsupported update, an
// invalid version or payload) and 2 on bad usage. With -json a refusal prints
// {"error":{"code":C,"message":M}}.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/managedos/managedos/internal/errtext"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// verb is one subcommand: it reads its flags from args and writes to the env.
type verb struct {
	name    string
	summary string
	run     func(e *env, args []string) error
}

// verbs lists the subcommands in the order usage prints them.
var verbs = []verb{
	{"resolve", "decide how a Mac reaches a target version", runResolve},
	{"target", "choose the version a Mac must reach under a policy", runTarget},
	{"table", "print the compatibility table", runTable},
	{"command", "build a ScheduleOSUpdate MDM command", runCommand},
	{"declaration", "build a DDM software update enforcement declaration", runDeclaration},
	{"parse", "read a device's answer on stdin and print what it says", runParse},
	{"infer", "read download observations on stdin and say whether the update is cached", runInfer},
	{"lint", "check profiles and declarations that would fight managed updates", runLint},
	{"plan", "read a device inventory on stdin and decide for each device", runPlan},
	{"enroll", "decide whether a Mac in Setup Assistant must update before it enrolls", runEnroll},
}

// env is what a verb reads and writes.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	json           bool
}

// run executes one command line and returns the exit status.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "-help" || args[0] == "help" {
		printUsage(stderr)
		if len(args) == 0 {
			return exitUsage
		}
		return exitOK
	}
	i := slices.IndexFunc(verbs, func(v verb) bool { return v.name == args[0] })
	if i < 0 {
		fmt.Fprintf(stderr, "managedos: unknown verb %s\n", errtext.Quote(args[0]))
		printUsage(stderr)
		return exitUsage
	}
	e := &env{stdin: stdin, stdout: stdout, stderr: stderr}
	return e.finish(verbs[i].run(e, args[1:]))
}

func printUsage(w io.Writer) {
	fmt.Fprintln(w, "usage: managedos <verb> [flags]  (every verb takes -json)")
	for _, v := range verbs {
		fmt.Fprintf(w, "  %-12s %s\n", v.name, v.summary)
	}
}

// flags returns a flag set for a verb with the shared -json flag bound to e. The
// flag package's own print of a parse error is dropped: the error comes back from
// parse and is printed once, bounded, with the others; usage prints the flags.
func (e *env) flags(name, args string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.BoolVar(&e.json, "json", false, "print one JSON object on stdout")
	fs.Usage = func() {
		fmt.Fprintf(e.stderr, "usage: managedos %s %s\n", name, args)
		fs.SetOutput(e.stderr)
		fs.PrintDefaults()
		fs.SetOutput(io.Discard)
	}
	return fs
}

// parse parses a verb's flags and refuses positional arguments unless allowed.
func parse(fs *flag.FlagSet, args []string, positional bool) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return errHelp
		}
		return usageError{err.Error()}
	}
	if !positional && fs.NArg() > 0 {
		fs.Usage()
		return usageError{"unexpected argument " + errtext.Quote(fs.Arg(0))}
	}
	return nil
}

// requireTogether reports a usage error when some but not all of names were set.
func requireTogether(fs *flag.FlagSet, names ...string) error {
	n := 0
	fs.Visit(func(f *flag.Flag) {
		if slices.Contains(names, f.Name) {
			n++
		}
	})
	if n != 0 && n != len(names) {
		fs.Usage()
		return usageError{"-" + strings.Join(names, " and -") + " go together"}
	}
	return nil
}

// requireFlags reports a usage error naming the flags of names that were not set.
func requireFlags(fs *flag.FlagSet, names ...string) error {
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	var missing []string
	for _, n := range names {
		if !set[n] {
			missing = append(missing, "-"+n)
		}
	}
	if len(missing) > 0 {
		fs.Usage()
		return usageError{"missing " + strings.Join(missing, ", ")}
	}
	return nil
}
