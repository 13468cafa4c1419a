package lint

import (
	"fmt"

	"github.com/managedos/managedos/ddm"
	"github.com/managedos/managedos/internal/errtext"
)

// enforcement is an enforcement declaration of the deployment.
type enforcement struct {
	where   at
	payload ddm.EnforcementPayload // the fields that could be read
}

// placed is something found in the document at index doc.
type placed[T any] struct {
	doc  int
	what T
}

// deployment is what the rules across documents need.
type deployment struct {
	enforcements []placed[enforcement]
	schedules    []placed[at]
}

// check adds the findings about several documents, each to the findings of the
// document to change.
func (d deployment) check(perDoc [][]Finding) {
	// Apple applies every enforcement declaration (apply: multiple). The one pair
	// that belongs together is the two-step for a supplemental update; every other
	// declaration after the first is a warning naming the first.
	paired := make([]bool, len(d.enforcements))
	for i := 1; i < len(d.enforcements); i++ {
		e := d.enforcements[i]
		if j := partner(d.enforcements[:i], paired, e.what.payload); j >= 0 {
			paired[i], paired[j] = true, true
			continue
		}
		first := d.enforcements[0].what.where
		perDoc[e.doc] = append(perDoc[e.doc], e.what.where.finding(Warning, MultipleEnforcements, "Type",
			fmt.Sprintf("a second software update enforcement declaration beside %s in %s: Apple applies both (apply: multiple), so the Mac holds two targets and two deadlines; two belong together only as Apple's two-step, a base version and the supplemental update on it",
				errtext.Quote(first.id), errtext.Quote(first.doc)),
			"deploy one enforcement declaration per Mac, or for a supplemental update a Mac is not yet on the base of, the base version's and the supplemental update's"))
	}
	if len(d.enforcements) == 0 {
		return
	}
	decl := d.enforcements[0].what.where
	for _, s := range d.schedules {
		perDoc[s.doc] = append(perDoc[s.doc], s.what.finding(Error, CommandBesideDeclaration, "Command.RequestType",
			fmt.Sprintf("ScheduleOSUpdate beside the enforcement declaration %s in %s: the Mac ignores the command while the declaration is active (and Apple deprecated ScheduleOSUpdate in macOS 26.0 and removes it in 27.0)",
				errtext.Quote(decl.id), errtext.Quote(decl.doc)),
			"drop the command; the declaration drives the update"))
	}
}

// partner returns the index of the declaration in earlier, not yet paired, that
// forms Apple's two-step with p (in either order), or -1.
func partner(earlier []placed[enforcement], paired []bool, p ddm.EnforcementPayload) int {
	for j, e := range earlier {
		q := e.what.payload
		if !paired[j] && (p.Supplements(q) || q.Supplements(p)) {
			return j
		}
	}
	return -1
}
