package main

import (
	"fmt"

	"github.com/managedos/managedos/compat"
)

func runTable(e *env, args []string) error {
	fs := e.flags("table", "")
	if err := parse(fs, args, false); err != nil {
		return err
	}
	t := compat.DefaultTable()
	if e.json {
		return e.writeJSON(t)
	}
	_, err := fmt.Fprint(e.stdout, t.Markdown())
	return err
}
