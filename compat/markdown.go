package compat

import (
	"slices"
	"strings"
)

// matrixChips and matrixKinds are the sections and columns of Markdown.
var (
	matrixChips = [...]struct {
		chip  Chip
		title string
	}{{AppleSilicon, "Apple silicon"}, {Intel, "Intel"}}
	matrixKinds = [...]struct {
		kind  Kind
		title string
	}{{Minor, "minor update"}, {Major, "major upgrade"}, {RSR, "rapid security response"}}
)

// Markdown renders t as one Markdown matrix per chip: a row for every range of
// current versions where some decision changes, a column per kind of update, and in
// each cell the delivery and installer tokens or "unsupported". It is what
// `managedos table` prints and what the README shows.
func (t *Table) Markdown() string {
	var b strings.Builder
	b.WriteString("Knowledge date: " + t.AsOf + ".\n")
	for _, c := range matrixChips {
		b.WriteString("\n### " + c.title + "\n\n| current macOS |")
		for _, k := range matrixKinds {
			b.WriteString(" " + k.title + " |")
		}
		b.WriteString("\n| --- |" + strings.Repeat(" --- |", len(matrixKinds)) + "\n")
		for _, seg := range t.segments(c.chip) {
			b.WriteString("| `" + seg.String() + "` |")
			for _, k := range matrixKinds {
				b.WriteString(" " + t.cell(c.chip, k.kind, seg.From) + " |")
			}
			b.WriteString("\n")
		}
	}
	return b.String()
}

// segments splits all versions at every bound used by chip's rows.
func (t *Table) segments(chip Chip) []Range {
	var bounds []Version
	for _, r := range t.Rows {
		if r.Chip != chip {
			continue
		}
		for _, v := range [...]Version{r.Current.From, r.Current.Before} {
			if v.IsValid() {
				bounds = append(bounds, v)
			}
		}
	}
	slices.SortFunc(bounds, Version.Compare)
	bounds = slices.CompactFunc(bounds, func(a, b Version) bool { return a.Compare(b) == 0 })
	segs := make([]Range, 0, len(bounds)+1)
	var lo Version
	for _, hi := range bounds {
		segs = append(segs, Range{From: lo, Before: hi})
		lo = hi
	}
	return append(segs, Range{From: lo})
}

func (t *Table) cell(chip Chip, kind Kind, current Version) string {
	switch r := t.lookup(chip, kind, current); {
	case r == nil:
		return "no row"
	case r.Unsupported:
		return "unsupported"
	default:
		return "`" + r.Delivery.String() + "` (`" + r.Installer.String() + "`)"
	}
}
