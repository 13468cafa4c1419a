// Command floor is the read-a-line, write-a-line floor that `managedos plan` is
// measured against: it reads JSON lines on standard input (or -in FILE) and writes,
// for each, one fixed 230-byte line, the size of a plan answer, with buffered I/O
// and no parsing. Whatever plan does per device costs on top of this.
//
//	go run ./cmd/floor -in inventory.jsonl > /dev/null
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"os"
)

// answer is a typical plan answer line: 229 bytes and a newline.
const answer = `{"id":"C02XK0AAJGH5","target":"15.1","build":"24B83","kind":"major","delivery":"ddm","installer":"software-update","requires":["supervised"],"rule":"macOS 14.0 and later, major: DDM enforcement","compliant":false,"ring":"canary"}` + "\n"

func main() {
	in := flag.String("in", "", "inventory file (default standard input)")
	flag.Parse()
	n, err := run(*in, os.Stdout)
	if err != nil {
		fmt.Fprintln(os.Stderr, "floor:", err)
		os.Exit(1)
	}
	fmt.Fprintf(os.Stderr, "floor: %d lines\n", n)
}

func run(in string, out io.Writer) (int, error) {
	var r io.Reader = os.Stdin
	if in != "" {
		f, err := os.Open(in)
		if err != nil {
			return 0, err
		}
		defer f.Close()
		r = f
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	w := bufio.NewWriterSize(out, 64<<10)
	n := 0
	for sc.Scan() {
		if _, err := w.WriteString(answer); err != nil {
			return n, err
		}
		n++
	}
	if err := sc.Err(); err != nil {
		return n, err
	}
	return n, w.Flush()
}
