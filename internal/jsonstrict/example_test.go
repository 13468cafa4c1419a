package jsonstrict_test

import (
	"fmt"

	"github.com/managedos/managedos/internal/jsonstrict"
)

// A stored value with a misspelt key is refused, and the error names the key.
func ExampleUnmarshal() {
	var v struct {
		Model string `json:"model"`
		Count int    `json:"count"`
	}
	fmt.Println(jsonstrict.Unmarshal([]byte(`{"model":"Mac14,2","count":2}`), &v), v.Model, v.Count)
	fmt.Println(jsonstrict.Unmarshal([]byte(`{"modle":"Mac14,2"}`), &v))
	fmt.Println(jsonstrict.Unmarshal([]byte(`{"count":"two"}`), &v))
	// Output:
	// <nil> Mac14,2 2
	// "modle": unknown field
	// count: want an integer, got JSON string
}
