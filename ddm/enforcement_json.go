package ddm

import (
	"fmt"

	"github.com/managedos/managedos/compat"
	"github.com/managedos/managedos/internal/jsonstrict"
)

// UnmarshalJSON reads a stored declaration, the JSON MarshalJSON writes, into e, as
// [ParseEnforcement] does, and more strictly: a key the declaration or its payload
// does not have, which Enforcement could not represent, is an error naming it, never
// a value silently read without it. Data over the default [compat.Limits] is
// refused before anything is decoded. Every error wraps [ErrInvalidDeclaration] or
// the sentinel of the field that is wrong.
func (e *Enforcement) UnmarshalJSON(data []byte) error {
	if err := (compat.Limits{}).CheckJSON(data); err != nil {
		return fmt.Errorf("ddm: enforcement declaration: %w: %w", err, ErrInvalidDeclaration)
	}
	var w wireEnforcement
	if err := jsonstrict.Unmarshal(data, &w); err != nil {
		return fmt.Errorf("ddm: enforcement declaration: %w: %w", err, ErrInvalidDeclaration)
	}
	parsed, err := w.enforcement()
	if err != nil {
		return err
	}
	*e = parsed
	return nil
}
