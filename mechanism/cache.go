package mechanism

import (
	"cmp"
	"slices"
	"strings"
	"time"

	"github.com/managedos/managedos/internal/enum"
)

// Observation is one report of an update's download as the Mac gave it: an
// OSUpdateStatus item or a DDM status report, stamped with when it arrived.
type Observation struct {
	// At is when the Mac reported it.
	At time.Time
	// Status is the status as the Mac sent it: an OSUpdateStatus Status such as
	// "Downloading" or "DownloadFailed", or a DDM install-state such as
	// "downloading" or "prepared".
	Status string
	// Percent is how far the download is, on the Mac's own scale (OSUpdateStatus
	// sends a fraction from 0 to 1); it is only compared with other observations'.
	// It counts only when HasPercent is set.
	Percent    float64
	HasPercent bool // see Percent
	// Downloaded is the Mac saying the update is downloaded (OSUpdateStatus
	// IsDownloaded).
	Downloaded bool
}

// CacheState is the verdict of [InferCache]. The zero value, CacheUnknown, means
// there is nothing to go on.
type CacheState uint8

const (
	// CacheUnknown: no observations. Token "unknown".
	CacheUnknown CacheState = iota
	// Downloading: the latest observation made progress. Token "downloading".
	Downloading
	// Stalled: the download stopped progressing, but not yet for long enough or
	// often enough to assume it is cached. Token "stalled".
	Stalled
	// AssumedCached: the download has not progressed, or failed, repeatedly over
	// the whole window: macOS is taken to have the update cached already without
	// saying so, and enforcement proceeds. Token "assumed-cached".
	AssumedCached
	// Cached: the Mac reported the update downloaded (or prepared). Token "cached".
	Cached
	// Installing: the latest observation says the update is installing. Token
	// "installing".
	Installing
)

var cacheStateTokens = enum.Tokens[CacheState]{
	Type:  "CacheState",
	Names: []string{"unknown", "downloading", "stalled", "assumed-cached", "cached", "installing"},
	Err:   ErrUnknownToken,
}

// String returns the token of s.
func (s CacheState) String() string { return cacheStateTokens.String(s) }

// MarshalText returns the token of s.
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

// CacheVerdict is what [InferCache] concludes.
type CacheVerdict struct {
	State CacheState // the verdict
	// Since is when the state began: the first downloaded report (Cached), the first
	// of the latest installing reports (Installing), the latest progress
	// (Downloading), the start of the stall (Stalled), or the stall's start plus the
	// window, when enforcement began (AssumedCached). Zero for CacheUnknown.
	Since time.Time
	// EnforceAt is, for Stalled, when the update will be assumed cached if nothing
	// changes (the stall's start plus the window); zero otherwise.
	EnforceAt time.Time
	// Observations is how many observations were taken into account (those not
	// after now).
	Observations int
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

// InferCache decides, from observations of one update and the time now, whether the
// update is downloading, stalled, or to be taken as cached. macOS may not report an
// update it already cached (the user downloaded it, or automatic downloads did), so
// a download that keeps failing or not progressing looks stalled forever; after
// p.MinStalls such observations in a row spanning at least p.Window, InferCache
// assumes the update is cached and enforcement proceeds.
//
// The rules, in order:
//   - Observations after now are ignored; the rest are taken in time order whatever
//     order they come in (ties are broken by their content, so the order given
//     never changes the verdict).
//   - The latest observation installing ("Installing" or "installing") → Installing.
//   - Any observation downloaded (Downloaded, or the DDM state "prepared") → Cached.
//   - Progress is a percent higher than every earlier one (the first percent seen
//     is progress); it ends any stall. A failure status (DownloadFailed,
//     InstallFailed, Error, the Insufficient statuses, DDM "failed") or an
//     observation without a higher percent is a stall; the stall starts at the first
//     observation of the current run of them.
//   - Latest observation progressed → Downloading. A stall with at least MinStalls
//     observations and lasting at least Window by now → AssumedCached since start +
//     Window; a shorter one → Stalled, with EnforceAt = start + Window.
//
// InferCache is pure: no clock, no I/O. It does not modify obs, and does not
// allocate when obs is already in time order.
func InferCache(obs []Observation, now time.Time, p CachePolicy) CacheVerdict {
	p = p.withDefaults()
	if v, ok := inferInOrder(obs, now, p); ok {
		return v
	}
	sorted := slices.Clone(obs)
	slices.SortFunc(sorted, func(a, b Observation) int { return compareObservations(&a, &b) })
	v, _ := inferInOrder(sorted, now, p)
	return v
}

// inferInOrder runs the rules over obs in one pass, checking as it goes that obs is
// in order; ok is false, and the verdict meaningless, when it is not.
func inferInOrder(obs []Observation, now time.Time, p CachePolicy) (v CacheVerdict, ok bool) {
	var (
		best          float64
		seenPercent   bool
		progressAt    time.Time
		stallStart    time.Time
		stallRun      int
		downloadedAt  time.Time
		installingAt  time.Time
		lastInstalled bool
	)
	for i := range obs {
		o := &obs[i]
		if i > 0 && compareObservations(&obs[i-1], o) > 0 {
			return CacheVerdict{}, false
		}
		if o.At.After(now) {
			continue // later ones are after now too, but must still be checked for order
		}
		v.Observations++
		installing := o.Status == "Installing" || o.Status == "installing"
		if installing && !lastInstalled {
			installingAt = o.At
		}
		lastInstalled = installing
		if (o.Downloaded || o.Status == "prepared") && downloadedAt.IsZero() {
			downloadedAt = o.At
		}
		if o.HasPercent && (!seenPercent || o.Percent > best) && !IsFailureStatus(o.Status) {
			best, seenPercent = o.Percent, true
			progressAt, stallRun = o.At, 0
			continue
		}
		if stallRun == 0 {
			stallStart = o.At
		}
		stallRun++
	}
	switch {
	case v.Observations == 0:
	case lastInstalled:
		v.State, v.Since = Installing, installingAt
	case !downloadedAt.IsZero():
		v.State, v.Since = Cached, downloadedAt
	case stallRun == 0:
		v.State, v.Since = Downloading, progressAt
	case stallRun >= p.MinStalls && now.Sub(stallStart) >= p.Window:
		v.State, v.Since = AssumedCached, stallStart.Add(p.Window)
	default:
		v.State, v.Since, v.EnforceAt = Stalled, stallStart, stallStart.Add(p.Window)
	}
	return v, true
}

// compareObservations orders observations by time, then by content, so that any
// arrival order gives the same sequence.
func compareObservations(a, b *Observation) int {
	if c := a.At.Compare(b.At); c != 0 {
		return c
	}
	if c := strings.Compare(a.Status, b.Status); c != 0 {
		return c
	}
	if c := cmp.Compare(boolInt(a.HasPercent), boolInt(b.HasPercent)); c != 0 {
		return c
	}
	if c := cmp.Compare(a.Percent, b.Percent); c != 0 {
		return c
	}
	return cmp.Compare(boolInt(a.Downloaded), boolInt(b.Downloaded))
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// IsFailureStatus reports whether a status a Mac reported says the download or
// install failed or cannot proceed: the OSUpdateStatus and UpdateResults statuses
// DownloadFailed, InstallFailed, DownloadRequiresComputer, InstallPhoneCallInProgress
// and the Download/Install Insufficient ones, the scheduling result Error, and the DDM
// install-state failed.
func IsFailureStatus(status string) bool {
	switch status {
	case "DownloadFailed", "InstallFailed", "Error", "failed", "DownloadRequiresComputer", "InstallPhoneCallInProgress":
		return true
	}
	return strings.HasPrefix(status, "DownloadInsufficient") || strings.HasPrefix(status, "InstallInsufficient")
}
