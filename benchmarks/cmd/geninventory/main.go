// Command geninventory writes a realistic synthetic Mac inventory as JSON lines, the
// input of `managedos plan`:
//
//	{"id":"C02XK0AAJGH5","model":"MacBookPro16,1","device_id":"J152FAP","current":"15.7.2","build":"24G325"}
//
// Models, their chips, device IDs and the majors each runs come from models.tsv;
// versions and builds from releases.tsv (see SOURCES.md). Most Macs are Apple
// silicon and on a recent release of one of the newest majors their model runs; some
// lines give only the chip, some carry a ring, a few leave out the device ID or the
// build. The same flags and seed always give the same bytes, on every platform and
// Go version (the generator has its own random numbers).
//
// Usage:
//
//	go run ./cmd/geninventory -n 1000000 -seed 1 > inventory.jsonl
//	go run ./cmd/geninventory -n 1000 -malformed 0.01 -o small.jsonl
package main

import (
	"bufio"
	_ "embed"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
)

//go:embed models.tsv
var modelsTSV string

//go:embed releases.tsv
var releasesTSV string

// options are the generator's flags.
type options struct {
	n             int
	seed          uint64
	malformed     float64 // share of lines that are broken on purpose
	chipOnly      float64 // share of lines with a chip and no model
	chipWithModel float64 // share of lines with a model that also give the chip
	deviceID      float64 // share of lines with a model that give the device ID
	build         float64 // share of lines that give the build
	ringed        float64 // share of lines that name a ring
	rings         []string
	appleSilicon  float64 // share of Apple silicon Macs
}

func main() {
	var o options
	var out, rings string
	flag.IntVar(&o.n, "n", 1_000_000, "number of lines")
	flag.Uint64Var(&o.seed, "seed", 1, "random seed: the same seed gives the same inventory")
	flag.Float64Var(&o.malformed, "malformed", 0, "share of lines broken on purpose (bad JSON, bad version, unknown model, no chip or model)")
	flag.Float64Var(&o.chipOnly, "chip-only", 0.08, "share of lines with a chip and no model")
	flag.Float64Var(&o.chipWithModel, "chip-with-model", 0.25, "share of lines with a model that also give the chip; plan reads both, the chip standing in for a model it does not know")
	flag.Float64Var(&o.deviceID, "device-id", 0.7, "share of lines with a model that give the software-update device ID")
	flag.Float64Var(&o.build, "build", 0.8, "share of lines that give the build")
	flag.Float64Var(&o.ringed, "ringed", 0.1, "share of lines that name a ring")
	flag.StringVar(&rings, "rings", "canary,early,broad", "ring names lines may carry")
	flag.Float64Var(&o.appleSilicon, "apple-silicon", 0.8, "share of Apple silicon Macs")
	flag.StringVar(&out, "o", "", "output file (default standard output)")
	flag.Parse()
	o.rings = strings.Split(rings, ",")
	if err := run(o, out); err != nil {
		fmt.Fprintln(os.Stderr, "geninventory:", err)
		os.Exit(1)
	}
}

func run(o options, out string) error {
	if o.n < 0 {
		return fmt.Errorf("-n %d: want 0 or more", o.n)
	}
	var w io.Writer = os.Stdout
	if out != "" {
		f, err := os.Create(out)
		if err != nil {
			return err
		}
		defer f.Close()
		w = f
	}
	fleet, err := loadFleet(modelsTSV, releasesTSV)
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(w, 1<<20)
	g := generator{o: o, fleet: fleet, rng: rng{state: o.seed}}
	var line []byte
	for range o.n {
		line = g.line(line[:0])
		if _, err := bw.Write(line); err != nil {
			return err
		}
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	if f, ok := w.(*os.File); ok && out != "" {
		return f.Close()
	}
	return nil
}
