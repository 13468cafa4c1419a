package main

import "math/bits"

// rng is SplitMix64: a fixed definition, so a seed gives the same inventory with
// every Go version.
type rng struct{ state uint64 }

func (r *rng) next() uint64 {
	r.state += 0x9e3779b97f4a7c15
	z := r.state
	z = (z ^ z>>30) * 0xbf58476d1ce4e5b9
	z = (z ^ z>>27) * 0x94d049bb133111eb
	return z ^ z>>31
}

// intn returns a number from 0 to n-1.
func (r *rng) intn(n int) int {
	hi, _ := bits.Mul64(r.next(), uint64(n))
	return int(hi)
}

// chance reports true with probability p.
func (r *rng) chance(p float64) bool { return float64(r.next()>>11)/(1<<53) < p }

// majorWeights weighs a model's majors, newest first: most Macs run one of the two
// newest majors their hardware supports.
var majorWeights = []int{45, 28, 14, 8, 5}

// serialChars are the characters of Apple serial numbers (no I or O).
const serialChars = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ"

// chipTokens are the ways inventories spell each chip.
var chipTokens = map[string][]string{
	"apple": {"apple-silicon", "apple-silicon", "arm64"},
	"intel": {"intel", "intel", "x86_64"},
}

// generator writes one line at a time.
type generator struct {
	o     options
	fleet fleet
	rng   rng
}

// device is one inventory line before it is written; empty fields are left out.
type device struct{ id, model, chip, deviceID, current, build, ring string }

func (g *generator) line(b []byte) []byte {
	d := g.device()
	if g.o.malformed > 0 && g.rng.chance(g.o.malformed) {
		return g.malformed(b, d)
	}
	return append(d.appendJSON(b), '\n')
}

func (g *generator) device() device {
	r := &g.rng
	chip := "intel"
	if r.chance(g.o.appleSilicon) {
		chip = "apple"
	}
	models := g.fleet.byChip[chip]
	m := models[r.intn(len(models))]
	rel := g.pickRelease(m.majors)
	d := device{id: g.serial(chip), current: rel.version}
	if r.chance(g.o.chipOnly) {
		d.chip = g.chipToken(chip)
	} else {
		d.model = m.id
		if r.chance(g.o.chipWithModel) {
			d.chip = g.chipToken(chip)
		}
		if r.chance(g.o.deviceID) {
			d.deviceID = m.deviceID
		}
	}
	if r.chance(g.o.build) {
		d.build = rel.build
	}
	if len(g.o.rings) > 0 && r.chance(g.o.ringed) {
		d.ring = g.o.rings[r.intn(len(g.o.rings))]
	}
	return d
}

// pickRelease picks a major by majorWeights, then a release of it: the newest with
// probability 0.35, the one before with 0.35 of what is left, and so on.
func (g *generator) pickRelease(majors []int) release {
	total := 0
	for i := range majors {
		total += majorWeights[min(i, len(majorWeights)-1)]
	}
	n := g.rng.intn(total)
	major := majors[len(majors)-1]
	for i, m := range majors {
		if n -= majorWeights[min(i, len(majorWeights)-1)]; n < 0 {
			major = m
			break
		}
	}
	rels := g.fleet.releases[major]
	i := 0
	for i < len(rels)-1 && !g.rng.chance(0.35) {
		i++
	}
	return rels[i]
}

// serial returns a serial-number-like id: C02 and nine characters for an Intel Mac,
// ten random characters for Apple silicon.
func (g *generator) serial(chip string) string {
	var b [12]byte
	n := 10
	if chip == "intel" {
		copy(b[:], "C02")
		for i := 3; i < 12; i++ {
			b[i] = serialChars[g.rng.intn(len(serialChars))]
		}
		return string(b[:])
	}
	for i := range n {
		b[i] = serialChars[g.rng.intn(len(serialChars))]
	}
	return string(b[:n])
}

func (g *generator) chipToken(chip string) string {
	t := chipTokens[chip]
	return t[g.rng.intn(len(t))]
}

// malformed writes a line that a reader must refuse, in one of several ways.
func (g *generator) malformed(b []byte, d device) []byte {
	switch g.rng.intn(6) {
	case 0: // cut short
		full := d.appendJSON(nil)
		b = append(b, full[:len(full)/2]...)
	case 1: // not JSON at all
		b = append(b, "not json: "...)
		b = append(b, d.id...)
	case 2: // a version that does not parse
		d.current = "14.x"
		b = d.appendJSON(b)
	case 3: // a model no table knows, and no chip
		d.model, d.chip, d.deviceID = "PowerMac7,3", "", ""
		b = d.appendJSON(b)
	case 4: // neither chip nor model
		d.model, d.chip = "", ""
		b = d.appendJSON(b)
	default: // a number where a string belongs
		b = append(b, `{"id":"`...)
		b = append(b, d.id...)
		b = append(b, `","chip":"intel","current":14.2}`...)
	}
	return append(b, '\n')
}

// appendJSON writes d as one JSON object with its non-empty fields. Every value is
// plain ASCII from the tables or the serial alphabet, so none needs escaping.
func (d device) appendJSON(b []byte) []byte {
	b = append(b, '{')
	first := true
	field := func(name, value string) {
		if value == "" {
			return
		}
		if !first {
			b = append(b, ',')
		}
		first = false
		b = append(b, '"')
		b = append(b, name...)
		b = append(b, `":"`...)
		b = append(b, value...)
		b = append(b, '"')
	}
	field("id", d.id)
	field("model", d.model)
	field("chip", d.chip)
	field("device_id", d.deviceID)
	field("current", d.current)
	field("build", d.build)
	field("ring", d.ring)
	return append(b, '}')
}
