package errtext_test

import (
	"errors"
	"fmt"
	"strings"

	"github.com/managedos/managedos/internal/errtext"
)

// A value from outside is quoted and cut, however long it is.
func ExampleQuote() {
	fmt.Println(errtext.Quote("14.2 (x)"))
	fmt.Println(errtext.Quote(strings.Repeat("9", 100)))
	// Output:
	// "14.2 (x)"
	// "9999999999999999999999999999999999999999999999999999999999999999"…
}

// A list of problems keeps the first few and counts the rest; every sentinel kept
// still matches.
func ExampleJoin() {
	errInvalid := errors.New("invalid")
	var errs []error
	for i := range 10 {
		errs = append(errs, fmt.Errorf("item %d: %w", i, errInvalid))
	}
	err := errtext.Join(errs...)
	fmt.Println(errors.Is(err, errInvalid))
	fmt.Println(err)
	// Output:
	// true
	// item 0: invalid
	// item 1: invalid
	// item 2: invalid
	// item 3: invalid
	// item 4: invalid
	// item 5: invalid
	// item 6: invalid
	// item 7: invalid
	// and 2 more
}

// A parser that meets problems one by one keeps them as Join would, without
// holding a hundred thousand of them.
func ExampleProblems() {
	var p errtext.Problems
	for i := range 100_000 {
		p.Add(fmt.Errorf("Updates[%d]: missing", i))
	}
	fmt.Println(p.Len())
	fmt.Println(strings.ReplaceAll(p.Err().Error(), "\n", "; "))
	// Output:
	// 100000
	// Updates[0]: missing; Updates[1]: missing; Updates[2]: missing; Updates[3]: missing; Updates[4]: missing; Updates[5]: missing; Updates[6]: missing; Updates[7]: missing; and 99992 more
}
