package main

import (
	"fmt"
	"io"
	"maps"
	"slices"

	"github.com/managedos/managedos/compat"
	"github.com/managedos/managedos/mechanism"
	"github.com/managedos/managedos/rollout"
)

// planCounts is plan's summary: devices per delivery and kind, compliant devices,
// refusals per code and lines that could not be read.
type planCounts struct {
	byDelivery [mechanism.DDM + 1][compat.RSR + 1]int
	compliant  int
	refusals   map[string]int
	unreadable int
}

// decided counts a device with a decision.
func (c *planCounts) decided(d rollout.Decided) {
	if d.Target.Compliant {
		c.compliant++
		return
	}
	if int(d.Decision.Delivery) < len(c.byDelivery) && int(d.Decision.Kind) < len(c.byDelivery[0]) {
		c.byDelivery[d.Decision.Delivery][d.Decision.Kind]++
	}
}

// refused counts a device refused with code.
func (c *planCounts) refused(code string) {
	if c.refusals == nil {
		c.refusals = make(map[string]int)
	}
	c.refusals[code]++
}

// add adds o's counts to c.
func (c *planCounts) add(o *planCounts) {
	for d := range c.byDelivery {
		for k := range c.byDelivery[d] {
			c.byDelivery[d][k] += o.byDelivery[d][k]
		}
	}
	c.compliant += o.compliant
	c.unreadable += o.unreadable
	for code, n := range o.refusals {
		if c.refusals == nil {
			c.refusals = make(map[string]int)
		}
		c.refusals[code] += n
	}
}

// print writes the summary, one line per count that is not zero.
func (c *planCounts) print(w io.Writer) {
	total := c.compliant + c.unreadable
	for d := range c.byDelivery {
		for k, n := range c.byDelivery[d] {
			if n > 0 {
				fmt.Fprintf(w, "plan: %d %s by %s\n", n, compat.Kind(k), mechanism.Delivery(d))
				total += n
			}
		}
	}
	if c.compliant > 0 {
		fmt.Fprintf(w, "plan: %d compliant\n", c.compliant)
	}
	for _, code := range slices.Sorted(maps.Keys(c.refusals)) {
		fmt.Fprintf(w, "plan: %d refused: %s\n", c.refusals[code], code)
		total += c.refusals[code]
	}
	if c.unreadable > 0 {
		fmt.Fprintf(w, "plan: %d lines could not be read\n", c.unreadable)
	}
	fmt.Fprintf(w, "plan: %d lines in all\n", total)
}
