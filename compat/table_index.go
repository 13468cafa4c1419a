package compat

// tableIndex groups a table's rows by chip and kind, so that finding the deciding
// row reads only the few rows for one chip and kind. It is built once for the
// default table, which never changes; a vendor's Table is scanned instead, since its
// rows may change between calls.
type tableIndex [Intel + 1][RSR + 1][]*Row

var defaultIndex = newTableIndex(&defaultTable)

func newTableIndex(t *Table) *tableIndex {
	var ix tableIndex
	for i := range t.Rows {
		r := &t.Rows[i]
		if int(r.Chip) < len(ix) && int(r.Kind) < len(ix[r.Chip]) {
			ix[r.Chip][r.Kind] = append(ix[r.Chip][r.Kind], r)
		}
	}
	return &ix
}

// lookup returns the first row for chip and kind whose ranges hold current and
// target, as Table.lookup does.
func (ix *tableIndex) lookup(chip Chip, kind Kind, current, target Version) *Row {
	if int(chip) >= len(ix) || int(kind) >= len(ix[chip]) {
		return nil
	}
	for _, r := range (*ix)[chip][kind] {
		if r.covers(current, target) {
			return r
		}
	}
	return nil
}
