package mdmcmd

import "github.com/managedos/managedos/internal/errtext"

// readEach reads the dictionaries of the array at key with read and keeps those that
// read cleanly: an item with a problem (a required key missing, a key of the wrong
// type) is left out and its problems are recorded in d, so one bad item never costs
// the others. set reports whether the key is present as an array.
func readEach[T any](d dict, key string, read func(dict) T) (items []T, set bool) {
	dicts, ok := d.dicts(key, false)
	if !ok {
		return nil, false
	}
	items = make([]T, 0, len(dicts))
	for _, item := range dicts {
		var problems errtext.Problems
		item.errs = &problems
		v := read(item)
		if problems.Len() > 0 {
			d.errs.AddAll(&problems)
			continue
		}
		items = append(items, v)
	}
	return items, true
}
