package main

import (
	"errors"
	"fmt"
	"os"

	"github.com/managedos/managedos/compat"
)

// errLintFindings marks a lint run with error-level findings: exit 1. The findings
// themselves are the output.
var errLintFindings = errors.New("error-level findings")

func runLint(e *env, args []string) error {
	fs := e.flags("lint", "FILE… (profiles, declarations and planned commands for one Mac)")
	if err := parse(fs, args, true); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return usageError{"no files to lint"}
	}
	var docs []compat.Document
	for _, name := range fs.Args() {
		data, err := os.ReadFile(name)
		if err != nil {
			return usageError{err.Error()}
		}
		docs = append(docs, compat.Document{Name: name, Data: data})
	}
	findings := compat.Lint(docs...)
	errs, warnings := 0, 0
	for _, f := range findings {
		switch f.Severity {
		case compat.Error:
			errs++
		case compat.Warning:
			warnings++
		}
	}
	if e.json {
		if findings == nil {
			findings = []compat.Finding{}
		}
		if err := e.writeJSON(struct {
			Findings []compat.Finding `json:"findings"`
			Errors   int              `json:"errors"`
			Warnings int              `json:"warnings"`
		}{findings, errs, warnings}); err != nil {
			return err
		}
	} else {
		for _, f := range findings {
			fmt.Fprintln(e.stdout, f)
		}
		fmt.Fprintf(e.stdout, "%d files: %d errors, %d warnings\n", len(docs), errs, warnings)
	}
	if errs > 0 {
		return errLintFindings
	}
	return nil
}
