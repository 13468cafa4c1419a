package mechanism

import (
	"math/rand/v2"
	"testing"
)

var sinkVerdict CacheVerdict

// benchObservations returns 1,000 observations in time order.
func benchObservations() []Observation {
	obs := make([]Observation, 1000)
	for i := range obs {
		obs[i] = dl(i, float64(i%7)/7)
	}
	return obs
}

// BenchmarkInferCache1000 infers over 1,000 observations already in time order.
// Target: ≤ 20 µs and no allocation.
func BenchmarkInferCache1000(b *testing.B) {
	obs := benchObservations()
	b.ReportAllocs()
	for b.Loop() {
		sinkVerdict = InferCache(obs, at(2000), CachePolicy{})
	}
}

// BenchmarkInferCache1000Shuffled is the same input in a random order (a fixed seed,
// so every run measures the same permutation): one copy and a sort.
func BenchmarkInferCache1000Shuffled(b *testing.B) {
	obs := benchObservations()
	r := rand.New(rand.NewPCG(1, 2))
	r.Shuffle(len(obs), func(i, j int) { obs[i], obs[j] = obs[j], obs[i] })
	b.ReportAllocs()
	for b.Loop() {
		sinkVerdict = InferCache(obs, at(2000), CachePolicy{})
	}
}
