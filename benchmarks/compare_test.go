package benchmarks

import (
	"testing"
	"time"
)

// contender is one way of doing a benchmark's work. run does the i-th operation
// and returns its error; it stores its result in a package-level sink so that the
// compiler cannot drop the work.
type contender struct {
	name string
	run  func(i int) error
}

// compare runs every contender's operations round-robin in one loop: a batch of
// one, a batch of the next, and so on, starting each round with the next contender
// so that none always runs first. Batches keep the clock's own cost (tens of
// nanoseconds) out of short operations. The first contender is managedos; compare
// reports each contender's time per operation as NAME-ns/op and managedos's time
// over each other's as managedos/NAME. ns/op, B/op and allocs/op are over all
// contenders' operations together. Any error fails the benchmark.
func compare(b *testing.B, batch int, cs ...contender) {
	b.Helper()
	spent := make([]time.Duration, len(cs))
	ops := 0
	b.ReportAllocs()
	b.ResetTimer()
	for round := 0; ops*len(cs) < b.N; round++ {
		for k := range cs {
			c := (round + k) % len(cs)
			start := time.Now()
			for i := range batch {
				if err := cs[c].run(ops + i); err != nil {
					b.Fatalf("%s: operation %d: %v", cs[c].name, ops+i, err)
				}
			}
			spent[c] += time.Since(start)
		}
		ops += batch
	}
	b.StopTimer()
	for c, ct := range cs {
		b.ReportMetric(float64(spent[c].Nanoseconds())/float64(ops), ct.name+"-ns/op")
	}
	for c := 1; c < len(cs); c++ {
		b.ReportMetric(float64(spent[0])/float64(spent[c]), cs[0].name+"/"+cs[c].name)
	}
}
