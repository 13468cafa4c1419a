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

func TestEachProblemVisitsEveryJoinedProblemWithItsKey(t *testing.T) {
	a := &KeyError{Key: "A", Err: errors.New("A: bad")}
	b := &KeyError{Key: "B[0].C", Err: errors.New("B[0].C: bad")}
	plain := errors.New("no key")
	type visit struct {
		key string
		err error
	}
	tests := []struct {
		name string
		err  error
		want []visit
	}{
		{"nil", nil, nil},
		{"one key error", a, []visit{{"A", a}}},
		{"joined, in order", Join(a, plain, b), []visit{{"A", a}, {"", plain}, {"B[0].C", b}}},
		{"nested joins", errors.Join(a, errors.Join(b)), []visit{{"A", a}, {"B[0].C", b}}},
		{"a wrapper around key errors is looked through", fmt.Errorf("pkg: thing: %w", Join(a, b)), []visit{{"A", a}, {"B[0].C", b}}},
		{"a wrapper without key errors is one problem", fmt.Errorf("pkg: %w", plain), []visit{{"", fmt.Errorf("pkg: %w", plain)}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []visit
			EachProblem(tt.err, func(key string, err error) { got = append(got, visit{key, err}) })
			assert.Equal(t, tt.want, got)
		})
	}
}
