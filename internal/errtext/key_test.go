package errtext

import (
	"errors"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestKeyErrorNamesTheKeyAndUnwraps(t *testing.T) {
	sentinel := errors.New("invalid")
	err := Join(&KeyError{Key: "A.B", Err: fmt.Errorf("A.B: %w", sentinel)}, errors.New("other"))
	var ke *KeyError
	require.ErrorAs(t, err, &ke)
	assert.Equal(t, "A.B", ke.Key)
	assert.Equal(t, "A.B: invalid", ke.Error())
	assert.ErrorIs(t, err, sentinel)
}
