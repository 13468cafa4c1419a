package rollout

import "math/bits"

// Bucket returns the hundredth of a percent of the fleet, from 0 to 9999, that the
// device with this id falls in: the ring whose cumulative share first exceeds the
// bucket is the device's ring. The definition is fixed so that the same id gets the
// same bucket in every run, process, platform and Go version:
//
//	h := FNV-1a 64-bit hash of the id's bytes
//	h ^= h >> 33; h *= 0xff51afd7ed558ccd; h ^= h >> 33; h *= 0xc4ceb9fe1a85ec53; h ^= h >> 33
//	bucket := (h × 10000) >> 64
//
// The middle line (MurmurHash3's 64-bit finalizer) spreads ids that differ in one
// character, such as serial numbers, over every bucket. Bucket does not allocate.
func Bucket(id string) Share {
	const (
		offset64 = 14695981039346656037
		prime64  = 1099511628211
	)
	h := uint64(offset64)
	for i := range len(id) {
		h ^= uint64(id[i])
		h *= prime64
	}
	h ^= h >> 33
	h *= 0xff51afd7ed558ccd
	h ^= h >> 33
	h *= 0xc4ceb9fe1a85ec53
	h ^= h >> 33
	hi, _ := bits.Mul64(h, uint64(Whole))
	return Share(hi)
}
