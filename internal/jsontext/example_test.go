package jsontext_test

import (
	"fmt"

	"github.com/managedos/managedos/internal/jsontext"
)

// A JSON line built by appending, with the strings escaped as encoding/json
// escapes them (HTML characters left as they are).
func ExampleAppendString() {
	b := []byte(`{"id":`)
	b = jsontext.AppendString(b, "Mac14,2 <lab> \"a\"\n")
	b = append(b, '}')
	fmt.Println(string(b))
	// Output:
	// {"id":"Mac14,2 <lab> \"a\"\n"}
}
