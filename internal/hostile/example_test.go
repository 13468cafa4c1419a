package hostile_test

import (
	"bytes"
	"fmt"

	"github.com/managedos/managedos/internal/hostile"
)

// A binary plist no encoder writes: an array that holds itself.
func ExampleBplist() {
	var b hostile.Bplist
	data := b.Bytes(b.Add(b.Array(0)))
	fmt.Println(bytes.HasPrefix(data, []byte("bplist00")), len(data))
	// Output:
	// true 46
}

// Each case says what parsing it must give.
func ExamplePlists() {
	for _, c := range hostile.Plists() {
		if c.Name == "cycle.bplist" {
			fmt.Println(c.Name, c.Want, c.About)
		}
	}
	// Output:
	// cycle.bplist ErrMalformed an array that holds itself
}
