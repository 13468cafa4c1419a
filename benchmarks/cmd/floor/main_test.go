package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

func TestFloorWritesOneFixedLinePerLine(t *testing.T) {
	if len(answer) != 230 {
		t.Fatalf("answer is %d bytes, want 230", len(answer))
	}
	in := filepath.Join(t.TempDir(), "in.jsonl")
	if err := os.WriteFile(in, []byte("{\"id\":\"a\"}\n{\"id\":\"b\"}\nnot json\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	n, err := run(in, &out)
	if err != nil {
		t.Fatal(err)
	}
	if n != 3 || out.String() != answer+answer+answer {
		t.Fatalf("%d lines, %d bytes out", n, out.Len())
	}
}
