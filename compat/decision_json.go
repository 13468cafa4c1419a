package compat

import (
	"fmt"

	"github.com/managedos/managedos/internal/jsonstrict"
)

// UnmarshalJSON reads d from the JSON encoding/json writes for it, refusing unknown
// keys and naming the key of every error, as [Mac.UnmarshalJSON] does.
func (d *Decision) UnmarshalJSON(data []byte) error {
	type plain Decision
	var p plain
	if err := jsonstrict.Unmarshal(data, &p); err != nil {
		return fmt.Errorf("compat: Decision: %w", err)
	}
	*d = Decision(p)
	return nil
}
