package main

import (
	"errors"
	"fmt"

	"github.com/managedos/managedos/lint"
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
	var opts lint.Options
	var docs []lint.Document
	for _, name := range fs.Args() {
		// Read no more than one byte past the limit: a larger file is cut there,
		// and the lint reports it too large without the tool holding all of it.
		data, err := readFileUpTo(name, opts.Limits.WithDefaults().MaxBytes+1)
		if err != nil {
			return usageError{err.Error()}
		}
		docs = append(docs, lint.Document{Name: name, Data: data})
	}
	findings := opts.Check(docs...)
	errs, warnings := 0, 0
	for _, f := range findings {
		switch f.Severity {
		case lint.Error:
			errs++
		case lint.Warning:
			warnings++
		}
	}
	if e.json {
		if findings == nil {
			findings = []lint.Finding{}
		}
		if err := e.writeJSON(struct {
			Findings []lint.Finding `json:"findings"`
			Errors   int            `json:"errors"`
			Warnings int            `json:"warnings"`
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
