package main

import (
	"fmt"
	"strconv"
	"strings"
)

// model is one row of models.tsv.
type model struct {
	id, chip, deviceID string
	majors             []int // newest first
}

// release is one row of releases.tsv.
type release struct{ version, build string }

// fleet is the generator's knowledge: models by chip, releases by major.
type fleet struct {
	byChip   map[string][]model
	releases map[int][]release // newest first, as releases.tsv lists them
}

// loadFleet reads the two tables; a row that does not read is an error naming it.
func loadFleet(models, releases string) (fleet, error) {
	f := fleet{byChip: map[string][]model{}, releases: map[int][]release{}}
	for i, row := range rows(releases) {
		version, build, ok := strings.Cut(row, "\t")
		end := strings.IndexAny(version, ". ") // 14, 14.2, 26.3.1 (a)
		if end < 0 {
			end = len(version)
		}
		major, err := strconv.Atoi(version[:end])
		if !ok || err != nil {
			return fleet{}, fmt.Errorf("releases.tsv row %d %q: want VERSION<TAB>BUILD", i+1, row)
		}
		f.releases[major] = append(f.releases[major], release{version, build})
	}
	for i, row := range rows(models) {
		cols := strings.Split(row, "\t")
		if len(cols) != 4 {
			return fleet{}, fmt.Errorf("models.tsv row %d %q: want 4 columns", i+1, row)
		}
		m := model{id: cols[0], chip: cols[1], deviceID: cols[2]}
		for _, s := range strings.Split(cols[3], ",") {
			major, err := strconv.Atoi(s)
			if err != nil || len(f.releases[major]) == 0 {
				return fleet{}, fmt.Errorf("models.tsv row %d: major %q has no releases", i+1, s)
			}
			m.majors = append(m.majors, major)
		}
		f.byChip[m.chip] = append(f.byChip[m.chip], m)
	}
	if len(f.byChip["apple"]) == 0 || len(f.byChip["intel"]) == 0 {
		return fleet{}, fmt.Errorf("models.tsv: want Apple silicon and Intel models")
	}
	return f, nil
}

// rows returns a table's lines without comments and blank lines.
func rows(table string) []string {
	var out []string
	for _, line := range strings.Split(table, "\n") {
		if line != "" && !strings.HasPrefix(line, "#") {
			out = append(out, line)
		}
	}
	return out
}
