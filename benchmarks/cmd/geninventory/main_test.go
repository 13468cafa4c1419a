package main

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/managedos/managedos/compat"
)

func generate(t *testing.T, o options) []byte {
	t.Helper()
	out := filepath.Join(t.TempDir(), "inventory.jsonl")
	if err := run(o, out); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func defaults(n int, seed uint64) options {
	return options{n: n, seed: seed, chipOnly: 0.08, chipWithModel: 0.25, deviceID: 0.7, build: 0.8, ringed: 0.1,
		rings: []string{"canary", "early", "broad"}, appleSilicon: 0.8}
}

// TestSameSeedSameBytes pins the output of one seed: the generator must give the
// same inventory on every platform and Go version, or benchmark runs stop being
// comparable.
func TestSameSeedSameBytes(t *testing.T) {
	a := generate(t, defaults(2000, 1))
	b := generate(t, defaults(2000, 1))
	if !bytes.Equal(a, b) {
		t.Fatal("two runs with seed 1 differ")
	}
	if c := generate(t, defaults(2000, 2)); bytes.Equal(a, c) {
		t.Fatal("seeds 1 and 2 give the same inventory")
	}
	sum := sha256.Sum256(a)
	const want = "5061df171f692dffb8c2752362925fc60e28bc111d27435be619931b37987a55"
	if got := hex.EncodeToString(sum[:]); got != want {
		t.Fatalf("sha256 of -n 2000 -seed 1 = %s, want %s (a change of the generator or its tables changes every benchmark's input: update the pin on purpose)", got, want)
	}
}

// TestLinesAreWhatPlanReads checks every line: a JSON object with an id, a model the
// library knows or a chip it parses, and a version (and build) it parses.
func TestLinesAreWhatPlanReads(t *testing.T) {
	data := generate(t, defaults(20_000, 3))
	sc := bufio.NewScanner(bytes.NewReader(data))
	n, chipOnly, withRing := 0, 0, 0
	for sc.Scan() {
		n++
		var d struct{ ID, Model, Chip, DeviceID, Current, Build, Ring string }
		dec := json.NewDecoder(strings.NewReader(sc.Text()))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&struct {
			ID       *string `json:"id"`
			Model    *string `json:"model"`
			Chip     *string `json:"chip"`
			DeviceID *string `json:"device_id"`
			Current  *string `json:"current"`
			Build    *string `json:"build"`
			Ring     *string `json:"ring"`
		}{&d.ID, &d.Model, &d.Chip, &d.DeviceID, &d.Current, &d.Build, &d.Ring}); err != nil {
			t.Fatalf("line %d %s: %v", n, sc.Text(), err)
		}
		if d.ID == "" || d.Current == "" {
			t.Fatalf("line %d %s: no id or current", n, sc.Text())
		}
		var chip compat.Chip
		var err error
		if d.Model != "" {
			chip, err = compat.ChipForModel(d.Model)
		} else {
			chipOnly++
			chip, err = compat.ParseChip(d.Chip)
		}
		if err != nil {
			t.Fatalf("line %d %s: %v", n, sc.Text(), err)
		}
		if d.Chip != "" {
			if c, err := compat.ParseChip(d.Chip); err != nil || c != chip {
				t.Fatalf("line %d %s: chip %q disagrees with the model", n, sc.Text(), d.Chip)
			}
		}
		if _, err := compat.ParseVersion(d.Current); err != nil {
			t.Fatalf("line %d %s: %v", n, sc.Text(), err)
		}
		if d.Build != "" {
			if _, err := compat.ParseBuild(d.Build); err != nil {
				t.Fatalf("line %d %s: %v", n, sc.Text(), err)
			}
		}
		if d.Ring != "" {
			withRing++
		}
	}
	if n != 20_000 {
		t.Fatalf("%d lines, want 20000", n)
	}
	if chipOnly < 1000 || chipOnly > 2200 || withRing < 1500 || withRing > 2500 {
		t.Fatalf("mix off: %d chip-only lines, %d with a ring, of %d", chipOnly, withRing, n)
	}
}

// TestMalformedLinesAreRefused checks that -malformed 1 gives only lines a reader
// must refuse: not a JSON object of strings, or no chip the library can tell, or a
// version that does not parse.
func TestMalformedLinesAreRefused(t *testing.T) {
	data := generate(t, func() options { o := defaults(600, 4); o.malformed = 1; return o }())
	for i, line := range strings.Split(strings.TrimSuffix(string(data), "\n"), "\n") {
		var d struct{ Model, Chip, Current string }
		if json.Unmarshal([]byte(line), &d) != nil {
			continue
		}
		_, modelErr := compat.ChipForModel(d.Model)
		_, chipErr := compat.ParseChip(d.Chip)
		_, versionErr := compat.ParseVersion(d.Current)
		if (modelErr == nil || chipErr == nil) && versionErr == nil {
			t.Fatalf("line %d %s reads as a good device", i+1, line)
		}
	}
}

// TestLoadFleetRefusesBadRows checks that a table row that does not read is an
// error naming it, never a panic.
func TestLoadFleetRefusesBadRows(t *testing.T) {
	for _, tt := range []struct{ name, releases, want string }{
		{"no tab", "14.2\n", "releases.tsv row 1"},
		{"no version", "\t23C64\n", "releases.tsv row 1"},
		{"a version of dots", ". \t23C64\n", "releases.tsv row 1"},
		{"not a number", "x.2\t23C64\n", "releases.tsv row 1"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := loadFleet(modelsTSV, tt.releases)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("loadFleet(%q) = %v, want an error naming %s", tt.releases, err, tt.want)
			}
		})
	}
}
