package enum_test

import (
	"fmt"

	"github.com/managedos/managedos/internal/enum"
)

type color uint8

var colorTokens = enum.Tokens[color]{Type: "color", Names: []string{"none", "red"}}

// A token table gives an enum its text forms.
func ExampleTokens() {
	fmt.Println(colorTokens.String(1), colorTokens.String(7))
	c, err := colorTokens.Parse("red")
	fmt.Println(c, err)
	_, err = colorTokens.Parse("blue")
	fmt.Println(err)
	_, err = colorTokens.Marshal(7)
	fmt.Println(err)
	// Output:
	// red color(7)
	// 1 <nil>
	// color "blue": unknown token
	// color(7): unknown token
}
