package mechanism

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/managedos/managedos/internal/jsonstrict"
)

// wireObservation is the JSON form of an Observation: the percent is present exactly
// when HasPercent is set.
type wireObservation struct {
	At           time.Time `json:"at,omitzero"`
	Target       string    `json:"target,omitempty"`
	Status       string    `json:"status,omitempty"`
	Percent      *float64  `json:"percent,omitempty"`
	Downloaded   bool      `json:"downloaded,omitempty"`
	Reason       string    `json:"reason,omitempty"`
	FailureCount int       `json:"failure_count,omitempty"`
}

// MarshalJSON encodes o as {"at","target","status","percent","downloaded","reason",
// "failure_count"}, leaving out a zero At, empty strings, false, a zero count, and the
// percent unless HasPercent is set.
func (o Observation) MarshalJSON() ([]byte, error) {
	w := wireObservation{At: o.At, Target: o.Target, Status: o.Status, Downloaded: o.Downloaded, Reason: o.Reason, FailureCount: o.FailureCount}
	if o.HasPercent {
		w.Percent = &o.Percent
	}
	b, err := json.Marshal(w)
	if err != nil {
		return nil, fmt.Errorf("mechanism: Observation: %w", err)
	}
	return b, nil
}

// UnmarshalJSON reads o from its JSON form; a present percent sets HasPercent. An
// unknown key or a value of the wrong type is an error naming the key.
func (o *Observation) UnmarshalJSON(data []byte) error {
	var w wireObservation
	if err := jsonstrict.Unmarshal(data, &w); err != nil {
		return fmt.Errorf("mechanism: Observation: %w", err)
	}
	*o = Observation{At: w.At, Target: w.Target, Status: w.Status, Downloaded: w.Downloaded, Reason: w.Reason, FailureCount: w.FailureCount}
	if w.Percent != nil {
		o.Percent, o.HasPercent = *w.Percent, true
	}
	return nil
}

// UnmarshalJSON reads v from the JSON MarshalJSON writes; an unknown key or a value of
// the wrong type (an unknown verdict token included) is an error naming the key.
func (v *CacheVerdict) UnmarshalJSON(data []byte) error {
	type plain CacheVerdict
	var p plain
	if err := jsonstrict.Unmarshal(data, &p); err != nil {
		return fmt.Errorf("mechanism: CacheVerdict: %w", err)
	}
	*v = CacheVerdict(p)
	return nil
}
