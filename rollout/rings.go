package rollout

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/managedos/managedos/internal/errtext"
)

// Ring is one stage of a staggered rollout: the devices of a named part of the fleet,
// whose deadlines come OffsetDays later than the first ring's.
type Ring struct {
	// Name is the ring's name, as the spec and the inventory spell it: 1 to 32
	// letters, digits, '.', '-' or '_'. The zero Ring, with no name, is the ring of
	// a rollout without rings.
	Name string
	// Share is cumulative: the part of the fleet in this ring and every ring before
	// it. The last ring's Share is always [Whole].
	Share Share
	// OffsetDays is how many days after the release every deadline of this ring
	// comes, on top of the deadline policy's own days.
	OffsetDays int
}

// Limits of a ring spec.
const (
	// MaxRings is the most rings a spec may name.
	MaxRings = 32
	// MaxOffsetDays is the largest offset a ring may have, in days.
	MaxOffsetDays = 365
	// maxRingName is the longest ring name, in bytes.
	maxRingName = 32
)

// Rings is the ordered list of rings of a rollout, parsed from a spec such as
// "canary=5%:0,early=25%:3,broad=100%:7" by [ParseRings].
//
// Each part is NAME=SHARE%:OFFSET. SHARE is cumulative: "early=25%" after
// "canary=5%" puts 20% of the fleet in early and 25% in canary or early, so shares
// rise from ring to ring and the last one is exactly 100%. A share has at most two
// decimals ("0.5%", "12.25%"). OFFSET is a whole number of days from 0 to
// [MaxOffsetDays], and never falls from one ring to the next.
//
// The zero Rings is a rollout without rings. Rings values are immutable and safe
// for concurrent use.
type Rings struct {
	rings []Ring
}

// ParseRings parses a ring spec (see [Rings]). Surrounding spaces around parts are
// ignored. Every problem is reported, each naming the part that is wrong, joined in
// one error wrapping [ErrInvalidRings].
func ParseRings(spec string) (Rings, error) {
	if strings.TrimSpace(spec) == "" {
		return Rings{}, fmt.Errorf("rollout: rings %s: empty; want NAME=SHARE%%:OFFSET,… such as canary=5%%:0,broad=100%%:7: %w", errtext.Quote(spec), ErrInvalidRings)
	}
	if n := strings.Count(spec, ",") + 1; n > MaxRings {
		return Rings{}, fmt.Errorf("rollout: rings %s: %d rings, at most %d: %w", errtext.Quote(spec), n, MaxRings, ErrInvalidRings)
	}
	var rs Rings
	var errs []error
	partNo := 0
	for part := range strings.SplitSeq(spec, ",") {
		partNo++
		r, err := parseRing(strings.TrimSpace(part))
		if err != nil {
			errs = append(errs, fmt.Errorf("rollout: rings: part %d %s: %w: %w", partNo, errtext.Quote(part), err, ErrInvalidRings))
			continue
		}
		if i := slices.IndexFunc(rs.rings, func(o Ring) bool { return o.Name == r.Name }); i >= 0 {
			errs = append(errs, fmt.Errorf("rollout: rings: part %d %s: name %s already used by part %d: %w", partNo, errtext.Quote(part), errtext.Quote(r.Name), i+1, ErrInvalidRings))
			continue
		}
		if n := len(rs.rings); n > 0 {
			prev := rs.rings[n-1]
			if r.Share <= prev.Share {
				errs = append(errs, fmt.Errorf("rollout: rings: part %d %s: share %v is not above %v of ring %s (shares are cumulative): %w", partNo, errtext.Quote(part), r.Share, prev.Share, errtext.Quote(prev.Name), ErrInvalidRings))
			}
			if r.OffsetDays < prev.OffsetDays {
				errs = append(errs, fmt.Errorf("rollout: rings: part %d %s: offset %d days is below %d of ring %s: %w", partNo, errtext.Quote(part), r.OffsetDays, prev.OffsetDays, errtext.Quote(prev.Name), ErrInvalidRings))
			}
		}
		rs.rings = append(rs.rings, r)
	}
	if len(errs) == 0 {
		if last := rs.rings[len(rs.rings)-1]; last.Share != Whole {
			errs = append(errs, fmt.Errorf("rollout: rings: last ring %s covers %v of the fleet, want 100%% (shares are cumulative): %w", errtext.Quote(last.Name), last.Share, ErrInvalidRings))
		}
	}
	if len(errs) > 0 {
		return Rings{}, errtext.Join(errs...)
	}
	return rs, nil
}

// parseRing parses one NAME=SHARE%:OFFSET part; its errors name the field.
func parseRing(part string) (Ring, error) {
	name, rest, ok := strings.Cut(part, "=")
	if !ok {
		return Ring{}, fmt.Errorf("want NAME=SHARE%%:OFFSET")
	}
	if !validRingName(name) {
		return Ring{}, fmt.Errorf("name %s: want 1 to %d letters, digits, '.', '-' or '_'", errtext.Quote(name), maxRingName)
	}
	shareText, offsetText, ok := strings.Cut(rest, ":")
	if !ok {
		return Ring{}, fmt.Errorf("no offset: want NAME=SHARE%%:OFFSET with OFFSET in days")
	}
	share, ok := parseShare(shareText)
	if !ok || share == 0 {
		return Ring{}, fmt.Errorf("share %s: want a percentage above 0%% and at most 100%%, with at most two decimals, such as 5%% or 12.5%%", errtext.Quote(shareText))
	}
	offset, ok := parseDays(offsetText, MaxOffsetDays)
	if !ok {
		return Ring{}, fmt.Errorf("offset %s: want a whole number of days from 0 to %d", errtext.Quote(offsetText), MaxOffsetDays)
	}
	return Ring{Name: name, Share: share, OffsetDays: offset}, nil
}

// parseDays reads a whole number of days from 0 to limit, digits only.
func parseDays(s string, limit int) (int, bool) {
	n, ok := parseDigits(s, 6)
	return n, ok && n <= limit
}

func validRingName(s string) bool {
	if s == "" || len(s) > maxRingName {
		return false
	}
	for _, c := range []byte(s) {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '-' || c == '_') {
			return false
		}
	}
	return true
}

// IsZero reports whether rs is the zero Rings, a rollout without rings.
func (rs Rings) IsZero() bool { return len(rs.rings) == 0 }

// All returns the rings in order, as a fresh copy.
func (rs Rings) All() []Ring { return slices.Clone(rs.rings) }

// lookup returns the ring named name, matched exactly, and whether there is one.
func (rs Rings) lookup(name string) (Ring, bool) {
	for _, r := range rs.rings {
		if r.Name == name {
			return r, true
		}
	}
	return Ring{}, false
}

// Assign returns a device's ring. A non-empty inventoryRing names it, matched
// exactly, and must be one of the rings ([ErrUnknownRing] otherwise, also for the
// zero Rings). Without one, the ring follows from a stable hash of id (see
// [Bucket]): the same id lands in the same ring in every run, process and Go
// version, and over a large fleet each ring gets its share to within a fraction of
// a percent. An empty id then fails with [ErrNoDeviceID]; with the zero Rings every
// such device is in the zero Ring.
//
// Assign does not allocate unless it fails.
func (rs Rings) Assign(id, inventoryRing string) (Ring, error) {
	if inventoryRing != "" {
		if r, ok := rs.lookup(inventoryRing); ok {
			return r, nil
		}
		return Ring{}, fmt.Errorf("rollout: ring %s: not one of %s: %w", errtext.Quote(inventoryRing), errtext.Quote(rs.names()), ErrUnknownRing)
	}
	if len(rs.rings) == 0 {
		return Ring{}, nil
	}
	if id == "" {
		return Ring{}, fmt.Errorf("rollout: ring: a device with no id needs its ring in the inventory: %w", ErrNoDeviceID)
	}
	b := Bucket(id)
	for _, r := range rs.rings {
		if b < r.Share {
			return r, nil
		}
	}
	return rs.rings[len(rs.rings)-1], nil // unreachable: the last share is Whole
}

// names lists the ring names, comma-separated, for messages.
func (rs Rings) names() string {
	if len(rs.rings) == 0 {
		return "no rings"
	}
	var b strings.Builder
	for i, r := range rs.rings {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(r.Name)
	}
	return b.String()
}

// String returns the canonical spec, such as "canary=5%:0,early=25%:3,broad=100%:7",
// which [ParseRings] reads back to the same Rings; the zero Rings gives "".
func (rs Rings) String() string { return string(rs.appendTo(nil)) }

func (rs Rings) appendTo(b []byte) []byte {
	for i, r := range rs.rings {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, r.Name...)
		b = append(b, '=')
		b = r.Share.appendTo(b)
		b = append(b, ':')
		b = strconv.AppendInt(b, int64(r.OffsetDays), 10)
	}
	return b
}

// MarshalText returns the canonical spec; it fails for the zero Rings, which has
// no spec.
func (rs Rings) MarshalText() ([]byte, error) {
	if rs.IsZero() {
		return nil, fmt.Errorf("rollout: zero Rings has no spec: %w", ErrInvalidRings)
	}
	return rs.appendTo(nil), nil
}

// UnmarshalText sets rs from a spec as [ParseRings] does.
func (rs *Rings) UnmarshalText(text []byte) error {
	p, err := ParseRings(string(text))
	if err != nil {
		return err
	}
	*rs = p
	return nil
}
