// Command benchtable turns `go test -bench` output on standard input into a Markdown
// table: one row per benchmark, the median of each metric over its runs (-count N),
// in the order the benchmarks first appear. A name that several packages use is
// kept apart per package and shown with the package's last element (compat.BenchmarkX).
//
//	go test ./compat -run '^$' -bench . -benchmem -count 5 | go run ./cmd/benchtable
package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path"
	"slices"
	"strconv"
	"strings"
)

func main() {
	if err := table(os.Stdin, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "benchtable:", err)
		os.Exit(1)
	}
}

// result is every run of one benchmark: the values of each metric by unit.
type result struct {
	pkg     string // the package, from go test's "pkg:" line
	name    string
	runs    int
	metrics map[string][]float64
	units   []string // in first-seen order
}

// table reads benchmark lines from r and writes the table to w.
func table(r io.Reader, w io.Writer) error {
	var order []*result
	type key struct{ pkg, name string }
	byKey := map[key]*result{}
	pkgs := map[string]int{} // how many packages use each name
	pkg := ""
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		if p, ok := strings.CutPrefix(sc.Text(), "pkg: "); ok {
			pkg = p
			continue
		}
		fields := strings.Fields(sc.Text())
		if len(fields) < 4 || !strings.HasPrefix(fields[0], "Benchmark") {
			continue
		}
		k := key{pkg, trimProcs(fields[0])}
		res := byKey[k]
		if res == nil {
			res = &result{pkg: k.pkg, name: k.name, metrics: map[string][]float64{}}
			byKey[k] = res
			pkgs[k.name]++
			order = append(order, res)
		}
		res.runs++
		for i := 2; i+1 < len(fields); i += 2 {
			v, err := strconv.ParseFloat(fields[i], 64)
			if err != nil {
				return fmt.Errorf("%s: metric %q: %w", fields[0], fields[i], err)
			}
			unit := fields[i+1]
			if _, seen := res.metrics[unit]; !seen {
				res.units = append(res.units, unit)
			}
			res.metrics[unit] = append(res.metrics[unit], v)
		}
	}
	if err := sc.Err(); err != nil {
		return err
	}
	fmt.Fprintln(w, "| benchmark | runs | median |")
	fmt.Fprintln(w, "| --- | ---: | --- |")
	for _, res := range order {
		var cells []string
		for _, u := range res.units {
			cells = append(cells, format(median(res.metrics[u]))+" "+u)
		}
		name := res.name
		if pkgs[name] > 1 {
			name = path.Base(res.pkg) + "." + name
		}
		fmt.Fprintf(w, "| `%s` | %d | %s |\n", name, res.runs, strings.Join(cells, ", "))
	}
	return nil
}

// trimProcs drops the -GOMAXPROCS suffix go test adds to a benchmark's name.
func trimProcs(name string) string {
	if i := strings.LastIndexByte(name, '-'); i > 0 {
		if _, err := strconv.Atoi(name[i+1:]); err == nil {
			return name[:i]
		}
	}
	return name
}

// median returns the median of v, the mean of the middle two for an even count.
func median(v []float64) float64 {
	s := slices.Clone(v)
	slices.Sort(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

// format prints v with three significant digits at most below 100 and none after
// the point above it, thousands separated.
func format(v float64) string {
	if v < 100 {
		return strconv.FormatFloat(v, 'g', 3, 64)
	}
	s := strconv.FormatInt(int64(v+0.5), 10)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
