package mechanism

import "testing"

var sinkVerdict CacheVerdict

// BenchmarkInferCache1000 infers over 1,000 observations already in time order.
// Target: ≤ 20 µs and ≤ 1 allocation.
func BenchmarkInferCache1000(b *testing.B) {
	obs := make([]Observation, 1000)
	for i := range obs {
		obs[i] = dl(i, float64(i%7)/7)
	}
	b.ReportAllocs()
	for b.Loop() {
		sinkVerdict = InferCache(obs, at(2000), CachePolicy{})
	}
}

// BenchmarkInferCache1000Shuffled is the same input reversed: one copy and a sort.
func BenchmarkInferCache1000Shuffled(b *testing.B) {
	obs := make([]Observation, 1000)
	for i := range obs {
		obs[len(obs)-1-i] = dl(i, float64(i%7)/7)
	}
	b.ReportAllocs()
	for b.Loop() {
		sinkVerdict = InferCache(obs, at(2000), CachePolicy{})
	}
}
