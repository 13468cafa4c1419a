package compat

import (
	"slices"
	"strings"
)

// matrixKinds are the columns of Markdown.
var matrixKinds = [...]struct {
	kind  Kind
	title string
}{{Minor, "minor update"}, {Major, "major upgrade"}, {RSR, "rapid security response"}}

// Markdown renders t as one Markdown matrix per chip: a row for every range of
// current versions where some decision changes, a column per kind of update, and in
// each cell the delivery and installer tokens or "unsupported". When a chip's rows
// depend on the target version too, its matrix gains a target column, and a row
// for each range of current and target versions where some decision changes, with
// neighbouring rows that decide alike merged (grouped by target or by current
// version, whichever takes fewer rows). It is what `managedos table` prints and what
// the README shows.
func (t *Table) Markdown() string {
	var b strings.Builder
	b.WriteString("Knowledge date: " + t.AsOf + ".\n")
	for _, chip := range tableChips {
		var currents, targets []Version
		for _, r := range t.Rows {
			if r.Chip == chip {
				currents = append(currents, r.Current.From, r.Current.Before)
				targets = append(targets, r.Target.From, r.Target.Before)
			}
		}
		currentSegs, targetSegs := splitAt(currents), splitAt(targets)
		byTarget := len(targetSegs) > 1
		lines := t.matrix(chip, targetSegs, currentSegs, true)
		if byCurrent := t.matrix(chip, currentSegs, targetSegs, false); len(byCurrent) < len(lines) {
			lines = byCurrent
		}
		b.WriteString("\n### " + chip.title() + "\n\n| current macOS |")
		if byTarget {
			b.WriteString(" target macOS |")
		}
		for _, k := range matrixKinds {
			b.WriteString(" " + k.title + " |")
		}
		columns := len(matrixKinds)
		if byTarget {
			columns++
		}
		b.WriteString("\n| --- |" + strings.Repeat(" --- |", columns) + "\n")
		for _, l := range lines {
			b.WriteString("| `" + l.current.String() + "` |")
			if byTarget {
				b.WriteString(" `" + l.target.String() + "` |")
			}
			b.WriteString(" " + strings.Join(l.cells, " | ") + " |\n")
		}
	}
	return b.String()
}

// matrixLine is one row of a Markdown matrix.
type matrixLine struct {
	current, target Range
	cells           []string
}

// matrix lists chip's decisions for each outer range and, within it, each inner
// range, merging neighbouring inner ranges that decide alike. The outer ranges are
// targets when outerIsTarget, current versions otherwise.
func (t *Table) matrix(chip Chip, outer, inner []Range, outerIsTarget bool) []matrixLine {
	var lines []matrixLine
	for _, o := range outer {
		start := len(lines)
		for _, in := range inner {
			cur, tgt := in, o
			if !outerIsTarget {
				cur, tgt = o, in
			}
			cells := make([]string, len(matrixKinds))
			for i, k := range matrixKinds {
				cells[i] = t.cell(chip, k.kind, cur.From, tgt.From)
			}
			if n := len(lines); n > start && slices.Equal(lines[n-1].cells, cells) {
				if outerIsTarget {
					lines[n-1].current.Before = cur.Before
				} else {
					lines[n-1].target.Before = tgt.Before
				}
				continue
			}
			lines = append(lines, matrixLine{cur, tgt, cells})
		}
	}
	return lines
}

func (t *Table) cell(chip Chip, kind Kind, current, target Version) string {
	switch r := t.lookup(chip, kind, current, target); {
	case r == nil:
		return "no row"
	case r.Unsupported:
		return "unsupported"
	default:
		return "`" + r.Delivery.String() + "` (`" + r.Installer.String() + "`)"
	}
}
