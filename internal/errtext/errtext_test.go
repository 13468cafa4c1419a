package errtext

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestQuoteKeepsShortValuesWhole(t *testing.T) {
	assert.Equal(t, `"14.2 (x)"`, Quote("14.2 (x)"))
}

func TestQuoteCutsLongValuesAtARuneBoundary(t *testing.T) {
	s := strings.Repeat("é", 1000)
	q := Quote(s)
	assert.Less(t, len(q), MaxValue+8, "Quote of %d bytes", len(s))
	assert.True(t, strings.HasSuffix(q, `"…`), "Quote(%q…) = %s", s[:8], q)
	assert.NotContains(t, q, `\x`, "cut inside a rune")
}

func TestPlainQuotesOnlyWhatIsLongOrNotPrintable(t *testing.T) {
	tests := []struct{ in, want string }{
		{"number 1.5", "number 1.5"},
		{"tab\there", `"tab\there"`},
		{"\xff", `"\xff"`},
		{strings.Repeat("9", 100), `"` + strings.Repeat("9", MaxValue) + `"…`},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, Plain(tt.in), "Plain(%q)", tt.in)
	}
}

func TestJoinSaysHowManyMore(t *testing.T) {
	sentinel := errors.New("sentinel")
	var errs []error
	for i := range 1000 {
		errs = append(errs, fmt.Errorf("item %d: %w", i, sentinel))
	}
	err := Join(errs...)
	assert.ErrorIs(t, err, sentinel)
	assert.Contains(t, err.Error(), "and 992 more")
	assert.Less(t, len(err.Error()), 300)
}

func TestJoinOfNothingIsNil(t *testing.T) {
	assert.NoError(t, Join(nil, nil))
}

func TestErrorCutsOnlyLongMessages(t *testing.T) {
	assert.Equal(t, "json: short", Error(errors.New("json: short")))
	long := Error(errors.New("parsing time " + strings.Repeat("x", 100000)))
	assert.Less(t, len(long), MaxValue+8)
	assert.True(t, strings.HasPrefix(long, `"parsing time xxx`), long)
}

func TestProblemsCountWhatTheyDoNotKeep(t *testing.T) {
	sentinel := errors.New("sentinel")
	var item Problems
	for i := range 12 {
		item.Add(fmt.Errorf("key %d: %w", i, sentinel))
	}
	item.Add(nil)
	assert.Equal(t, 12, item.Len())
	var doc Problems
	doc.Add(errors.New("first"))
	doc.AddAll(&item)
	assert.Equal(t, 13, doc.Len())
	err := doc.Err()
	assert.ErrorIs(t, err, sentinel)
	assert.True(t, strings.HasSuffix(err.Error(), "\nand 5 more"), err.Error())
	assert.NoError(t, (&Problems{}).Err())
}
