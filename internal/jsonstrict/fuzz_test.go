package jsonstrict

import (
	"encoding/json"
	"testing"
)

// FuzzUnmarshal checks that no input panics the strict reader, and that whatever it
// accepts, encoding/json accepts too (strict reading only ever refuses more).
func FuzzUnmarshal(f *testing.F) {
	f.Add(`{"in":{"n":1},"ptr":{"n":2},"at":"2026-11-27T09:00:00Z"}`) // every field
	f.Add(`{"in":{"n":1,"m":2}}`)                                     // an unknown nested key
	f.Add(`{"ptr":null}`)                                             // a null pointer
	f.Add(`[1]`)                                                      // not an object
	f.Add(`{"in":`)                                                   // broken JSON
	f.Fuzz(func(t *testing.T, data string) {
		var strict, loose outer
		if err := Unmarshal([]byte(data), &strict); err != nil {
			return
		}
		if err := json.Unmarshal([]byte(data), &loose); err != nil {
			t.Fatalf("strict accepted what encoding/json refuses: %q: %v", data, err)
		}
	})
}
