package mechanism

import (
	"time"

	"github.com/managedos/managedos/internal/enum"
)

// Observation is one report of an update as the Mac gave it: an OSUpdateStatus item
// or a DDM status report, stamped with when it arrived. Its JSON form is
// {"at","target","status","percent","downloaded","reason","failure_count"}, the
// keys of values that are absent left out.
type Observation struct {
	// At is when the Mac reported it.
	At time.Time
	// Target is the update the observation is about, as the Mac named it: a macOS
	// version ("14.2.1", "13.4.1 (c)") or a product key
	// ("MSU_UPDATE_22G313_patch_13.6.1_minor"). Empty means any target: the report
	// did not say. See [InferCacheFor].
	Target string
	// Status is the status as the Mac sent it: an OSUpdateStatus Status such as
	// "Downloading" or "DownloadFailed", or a DDM install-state such as
	// "downloading" or "prepared"; empty when the report carried none.
	Status string
	// Percent is how far the download is, on the Mac's own scale (OSUpdateStatus
	// sends a fraction from 0 to 1); it is only compared with other observations'.
	// It counts only when HasPercent is set.
	Percent    float64
	HasPercent bool // see Percent
	// Downloaded is the Mac saying the update is downloaded (OSUpdateStatus
	// IsDownloaded).
	Downloaded bool
	// Reason is why the update failed, as the Mac said it (DDM
	// softwareupdate.failure-reason reason); empty when it did not say.
	Reason string
	// FailureCount is how many times the Mac says the update failed (DDM
	// softwareupdate.failure-reason count); 0 when it did not say.
	FailureCount int
}

// CacheState is the state of an update on one Mac: the verdict of [InferCache], and of
// compat's Tracker, which adds Compliant. The zero value, CacheUnknown, means there is
// nothing to go on.
type CacheState uint8

const (
	// CacheUnknown: no observation says anything about the update. Token "unknown".
	CacheUnknown CacheState = iota
	// Downloading: the latest observation that said anything made progress. Token
	// "downloading".
	Downloading
	// Stalled: the download stopped progressing, but not yet for long enough or
	// often enough to assume it is cached. Token "stalled".
	Stalled
	// AssumedCached: the download has not progressed, or failed, repeatedly over
	// the whole window: macOS is taken to have the update cached already without
	// saying so, and enforcement proceeds. Token "assumed-cached".
	AssumedCached
	// Cached: the Mac reported the update downloaded (or DDM prepared). Token
	// "cached".
	Cached
	// Installing: the latest observation that said anything says the update is
	// installing. Token "installing".
	Installing
	// Compliant: the Mac is at or past the target, whatever the observations say.
	// Only a verdict that knows the Mac's version and the target (compat's Tracker)
	// gives it; InferCache never does. Token "compliant".
	Compliant
)

var cacheStateTokens = enum.Tokens[CacheState]{
	Type:  "CacheState",
	Names: []string{"unknown", "downloading", "stalled", "assumed-cached", "cached", "installing", "compliant"},
	Err:   ErrUnknownToken,
}

// String returns the token of s.
func (s CacheState) String() string { return cacheStateTokens.String(s) }

// IsValid reports whether s is one of the declared constants.
func (s CacheState) IsValid() bool { return int(s) < len(cacheStateTokens.Names) }

// MarshalText returns the token of s; it fails for a value outside the constants.
func (s CacheState) MarshalText() ([]byte, error) { return cacheStateTokens.Marshal(s) }

// UnmarshalText sets s from its token; unknown text wraps [ErrUnknownToken].
func (s *CacheState) UnmarshalText(text []byte) error {
	v, err := cacheStateTokens.Parse(string(text))
	if err != nil {
		return err
	}
	*s = v
	return nil
}

// CacheVerdict is the state of an update on one Mac, as [InferCache] or compat's
// Tracker concludes it. Its JSON form is
// {"verdict","since","enforce_at","observations","reason","failure_count"}, absent
// times and an empty reason left out.
type CacheVerdict struct {
	// State is the verdict.
	State CacheState `json:"verdict"`
	// Since is when the state began: the first downloaded report (Cached), the first
	// of the latest installing reports (Installing), the latest progress
	// (Downloading), the start of the stall (Stalled), or when enforcement began
	// (AssumedCached): the later of the stall's start plus the window and the
	// MinStalls-th observation of the stall, never before the evidence. Zero for
	// CacheUnknown and Compliant.
	Since time.Time `json:"since,omitzero"`
	// EnforceAt is, for Stalled, the earliest moment the update can become
	// AssumedCached: the stall's start plus the window (by then the stall also needs
	// MinStalls observations, so it may turn later); for AssumedCached it repeats
	// Since; zero otherwise.
	EnforceAt time.Time `json:"enforce_at,omitzero"`
	// Observations is how many observations were taken into account: those about
	// the target and not after now.
	Observations int `json:"observations"`
	// Reason is, when failures led to the verdict (Stalled or AssumedCached with a
	// failure in the stall), the Mac's last failure reason: its Reason, or its
	// Status when it gave none. Empty otherwise.
	Reason string `json:"reason,omitempty"`
	// FailureCount is, with Reason, the Mac's own count of failures when it sent one
	// (DDM softwareupdate.failure-reason count); 0 otherwise.
	FailureCount int `json:"failure_count,omitempty"`
}

// CachePolicy is how patient [InferCache] is. The zero value is the default policy.
type CachePolicy struct {
	// Window is how long a download must go without progress before the update is
	// assumed cached; 0 means 3 hours.
	Window time.Duration
	// MinStalls is how many non-progressing observations in a row count as
	// "multiple"; 0 means 2.
	MinStalls int
}

// The default policy of the managed OS guidance: multiple non-progressing downloads
// or failures over three hours.
const (
	DefaultCacheWindow = 3 * time.Hour // how long without progress
	DefaultMinStalls   = 2             // how many non-progressing observations in a row
)

func (p CachePolicy) withDefaults() CachePolicy {
	if p.Window <= 0 {
		p.Window = DefaultCacheWindow
	}
	if p.MinStalls <= 0 {
		p.MinStalls = DefaultMinStalls
	}
	return p
}
