package lint

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/managedos/managedos/compat"
)

// A document the limits check refuses is too large only when it is over a limit;
// a broken structure (compat.ErrMalformed) cannot be read.
func TestRefusedTellsTooLargeFromMalformed(t *testing.T) {
	tests := []struct {
		err  error
		rule Rule
	}{
		{fmt.Errorf("compat: depth 65: over the limit of 64 (MaxDepth): %w", compat.ErrTooLarge), TooLarge},
		{fmt.Errorf("compat: binary plist: a reference cycle: %w", compat.ErrMalformed), Unreadable},
	}
	for _, tt := range tests {
		r := reader{doc: Document{Name: "d"}}
		r.refused(tt.err)
		require.Len(t, r.findings, 1)
		assert.Equal(t, Error, r.findings[0].Severity)
		assert.Equal(t, tt.rule, r.findings[0].Rule)
		assert.Contains(t, r.findings[0].Message, tt.err.Error())
	}
}
