package compat

import (
	"fmt"

	"github.com/managedos/managedos/internal/jsonstrict"
)

// UnmarshalJSON reads m from the JSON encoding/json writes for it (snake_case keys,
// unknown values left out). Unlike encoding/json's default it refuses a key that is
// not one of Mac's, and every error names the key, so a stored snapshot with a
// misspelt or foreign key is never read as a silently emptier one.
func (m *Mac) UnmarshalJSON(data []byte) error {
	type plain Mac
	var p plain
	if err := jsonstrict.Unmarshal(data, &p); err != nil {
		return fmt.Errorf("compat: Mac: %w", err)
	}
	*m = Mac(p)
	return nil
}
