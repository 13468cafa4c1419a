package mechanism

import (
	"cmp"
	"slices"
	"strings"
	"time"
)

// InferCache decides, from observations of one update and the time now, whether the
// update is downloading, stalled, cached, installing, or to be taken as cached; every
// observation is taken to be about the update. See [InferCacheFor] for the rules.
func InferCache(obs []Observation, now time.Time, p CachePolicy) CacheVerdict {
	return InferCacheFor(obs, nil, now, p)
}

// InferCacheFor is [InferCache] over the observations about one target: those whose
// Target about reports true for (a nil about takes every observation). compat's
// Tracker calls it with its own test, which knows versions and adds the Compliant
// state for a Mac already at or past the target.
//
// macOS may not report an update it already cached (the user downloaded it, or
// automatic downloads did), so a download that keeps failing or not progressing looks
// stalled forever; after p.MinStalls such observations in a row spanning at least
// p.Window, the update is assumed cached and enforcement proceeds. The rules:
//
//   - Observations about another target and observations after now are ignored;
//     the rest are taken in time order whatever order they come in (ties are broken
//     by content, so the order given never changes the verdict).
//   - Each observation is progress, non-progressing, or neutral. Progress: a
//     percent above 0 and above the best percent since the last failure (a failure
//     ends an attempt, so a restarted download that climbs again is progress), the
//     DDM states "downloading" and "prepared", a downloaded report, and an
//     installing report. Non-progressing: a failure (DownloadFailed, InstallFailed,
//     Error, the Insufficient statuses, DDM "failed"; see [IsFailureStatus]), a
//     percent that is not progress (a first report at 0 included), and a status
//     reported without a percent. Neutral: the DDM states "none" and "waiting", and
//     a report with no status, no percent and no download (a partial DDM report);
//     neutral observations neither progress nor stall.
//   - The latest non-neutral observation installing ("Installing" or "installing")
//     → Installing, since the first of that run of installing reports.
//   - Any observation downloaded (Downloaded, or the DDM state "prepared") → Cached,
//     since the first one.
//   - No current stall: Downloading since the latest progress, or CacheUnknown when
//     only neutral observations were seen.
//   - A stall starts at the first observation of the current run of
//     non-progressing ones. With at least MinStalls observations and lasting at
//     least Window by now → AssumedCached since the later of the stall's start plus
//     Window and its MinStalls-th observation (never before the evidence);
//     otherwise Stalled since the start, with EnforceAt at the start plus Window,
//     the earliest it can turn.
//   - A Stalled or AssumedCached verdict whose stall holds a failure carries the
//     last failure's Reason (its Status when it gave none) and FailureCount.
//
// InferCacheFor is pure: no clock, no I/O. It does not modify obs, and does not
// allocate when obs is already in time order.
func InferCacheFor(obs []Observation, about func(target string) bool, now time.Time, p CachePolicy) CacheVerdict {
	p = p.withDefaults()
	if v, ok := inferInOrder(obs, about, now, p); ok {
		return v
	}
	sorted := slices.Clone(obs)
	slices.SortFunc(sorted, func(a, b Observation) int { return compareObservations(&a, &b) })
	v, _ := inferInOrder(sorted, about, now, p)
	return v
}

// effect is what one observation does to the inference.
type effect uint8

const (
	neutral    effect = iota // neither progress nor stall
	progress                 // the download moved on
	noProgress               // the download did not move on
	failure                  // the attempt failed: no progress, and the best percent starts again
	installing               // the update is installing: progress
)

// statusEffect is what a status says on its own: installing, progress (the DDM states
// downloading and prepared), failure, or neutral when the status alone does not tell.
// One switch, so the common statuses cost one comparison or two.
func statusEffect(status string) effect {
	switch status {
	case "Installing", "installing":
		return installing
	case "downloading", "prepared":
		return progress
	case "DownloadFailed", "InstallFailed", "Error", "failed", "DownloadRequiresComputer", "InstallPhoneCallInProgress":
		return failure
	}
	if strings.HasPrefix(status, "DownloadInsufficient") || strings.HasPrefix(status, "InstallInsufficient") {
		return failure
	}
	return neutral
}

// effectOf classifies o, given the best percent since the last failure.
func effectOf(o *Observation, best float64) effect {
	if e := statusEffect(o.Status); e != neutral {
		return e
	}
	switch {
	case o.Downloaded:
		return progress
	case o.HasPercent && o.Percent > 0 && o.Percent > best:
		return progress
	case o.HasPercent:
		return noProgress
	case o.Status == "" || o.Status == "none" || o.Status == "waiting":
		return neutral
	}
	return noProgress
}

// inferInOrder runs the rules over obs in one pass, checking as it goes that obs is
// in order; ok is false, and the verdict meaningless, when it is not.
func inferInOrder(obs []Observation, about func(string) bool, now time.Time, p CachePolicy) (v CacheVerdict, ok bool) {
	var (
		best           float64      // the best percent since the last failure
		progressAt     time.Time    // the latest progress
		stallStart     time.Time    // the first observation of the current stall
		stallEnough    time.Time    // its MinStalls-th observation
		stallRun       int          // how many observations the current stall holds
		lastFailure    *Observation // the latest failure of the current stall
		downloadedAt   time.Time    // the first downloaded report
		installingAt   time.Time    // the first of the latest run of installing reports
		lastInstalling bool         // the latest non-neutral observation was installing
	)
	for i := range obs {
		o := &obs[i]
		if i > 0 && compareObservations(&obs[i-1], o) > 0 {
			return CacheVerdict{}, false
		}
		if o.At.After(now) || about != nil && !about(o.Target) {
			continue // later ones must still be checked for order
		}
		v.Observations++
		if (o.Downloaded || o.Status == "prepared") && downloadedAt.IsZero() {
			downloadedAt = o.At
		}
		e := effectOf(o, best)
		if e == neutral {
			continue
		}
		if e == installing && !lastInstalling {
			installingAt = o.At
		}
		lastInstalling = e == installing
		switch e {
		case progress, installing:
			if o.HasPercent && o.Percent > best {
				best = o.Percent
			}
			progressAt, stallRun, lastFailure = o.At, 0, nil
			continue
		case failure:
			best, lastFailure = 0, o
		}
		if stallRun == 0 {
			stallStart = o.At
		}
		stallRun++
		if stallRun == p.MinStalls {
			stallEnough = o.At
		}
	}
	switch {
	case v.Observations == 0:
	case lastInstalling:
		v.State, v.Since = Installing, installingAt
	case !downloadedAt.IsZero():
		v.State, v.Since = Cached, downloadedAt
	case stallRun == 0 && !progressAt.IsZero():
		v.State, v.Since = Downloading, progressAt
	case stallRun == 0:
	case stallRun >= p.MinStalls && now.Sub(stallStart) >= p.Window:
		since := stallStart.Add(p.Window)
		if stallEnough.After(since) {
			since = stallEnough
		}
		v.State, v.Since, v.EnforceAt = AssumedCached, since, since
	default:
		v.State, v.Since, v.EnforceAt = Stalled, stallStart, stallStart.Add(p.Window)
	}
	if (v.State == Stalled || v.State == AssumedCached) && lastFailure != nil {
		v.Reason, v.FailureCount = lastFailure.Reason, lastFailure.FailureCount
		if v.Reason == "" {
			v.Reason = lastFailure.Status
		}
	}
	return v, true
}

// compareObservations orders observations by time, then by content, so that any
// arrival order gives the same sequence.
func compareObservations(a, b *Observation) int {
	if c := a.At.Compare(b.At); c != 0 {
		return c
	}
	if c := strings.Compare(a.Target, b.Target); c != 0 {
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
	if c := cmp.Compare(boolInt(a.Downloaded), boolInt(b.Downloaded)); c != 0 {
		return c
	}
	if c := strings.Compare(a.Reason, b.Reason); c != 0 {
		return c
	}
	return cmp.Compare(a.FailureCount, b.FailureCount)
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
func IsFailureStatus(status string) bool { return statusEffect(status) == failure }
