package lint

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"

	"github.com/managedos/managedos/compat"
	"github.com/managedos/managedos/internal/errtext"
)

// Options changes how [Check] reads documents. The zero value reads with the
// default compat.Limits.
type Options struct {
	// Limits bounds each document before anything in it is decoded: a document
	// over a limit is not read and gets an Error finding with the rule [TooLarge]
	// naming the limit. Zero fields mean the defaults.
	Limits compat.Limits
}

// maxFindings is the most findings one document gets from the checks that read it;
// past it, one [Truncated] finding says how many more there were.
const maxFindings = 32

// Check checks the documents a vendor is about to deploy to one Mac beside managed
// OS updates, with the default [Options]; see [Options.Check].
func Check(docs ...Document) []Finding { return Options{}.Check(docs...) }

// Check checks the documents a vendor is about to deploy to one Mac beside managed
// OS updates and returns the findings, nil when there are none.
//
// Documents are recognised by content: JSON is a declaration, a plist with a
// Command key a command, a plist with PayloadContent a profile. Each document is
// checked against o's limits before it is decoded. Declarations and commands are
// read with package ddm's and mdmcmd's own rules, the rules their builders apply:
// a declaration or command they would refuse is an Error naming the key. The
// deployment rules, each a [Rule], come from Apple's schema and from what breaks
// managed OS updates in the field:
//
//   - Error: the Software Update pane blocked through com.apple.systempreferences
//     (DisabledPreferencePanes naming com.apple.preferences.softwareupdate, an
//     EnabledPreferencePanes allow-list without it, or DisabledSystemSettings naming
//     com.apple.Software-Update-Settings.extension): managed OS updates are not
//     compatible with blocking it by any method.
//   - Warning: DisabledSystemSettings naming
//     com.apple.SecurityImprovements-Settings.extension, which hides Background
//     Security Improvements.
//   - Warning: a com.apple.SoftwareUpdate payload, whatever it holds: Apple
//     deprecated the profile in macOS 26.0 and removes it in 27.0; the advice is
//     the softwareupdate.settings declaration (macOS 15 and later).
//   - Warning: automatic downloads left on: a com.apple.SoftwareUpdate profile
//     without AutomaticDownload false (it defaults to true), or a
//     softwareupdate.settings declaration with AutomaticActions.Download AlwaysOn.
//     For the profile this finding follows the deprecation's and does not repeat
//     it: it says how to turn downloads off before macOS 15 (AutomaticDownload
//     false) and from it (AutomaticActions.Download AlwaysOff).
//   - Warning: a TargetBuildVersion from another release than TargetOSVersion
//     (Apple's schema says the version wins; the ddm builders refuse it).
//   - Warning: several enforcement declarations (Apple's schema applies them all),
//     unless they are Apple's two-step: a base version and the supplemental update
//     on it (see ddm.EnforcementPayload.Supplements). The warning names both.
//   - Error: a ScheduleOSUpdate command planned beside an enforcement declaration;
//     the Mac ignores the command while the declaration is active.
//   - Error: a document or payload that cannot be read, or is over a limit;
//     nothing is dropped silently.
//
// Findings come in document order, and in reading order within a document; a
// finding about two documents goes with the one to change (the second enforcement
// declaration, the command beside a declaration) and names the other. A document whose bytes
// equal an earlier document's is skipped, whatever its name: the same file given
// twice, or under two names, is reported once and counts once. One document gets
// at most 32 findings from its own checks, then one [Truncated] finding; messages
// are bounded in length. Check is safe for concurrent use.
func (o Options) Check(docs ...Document) []Finding {
	var dep deployment
	perDoc := make([][]Finding, len(docs))
	seen := make(map[[sha256.Size]byte]bool, len(docs))
	for i, doc := range docs {
		sum := sha256.Sum256(doc.Data)
		if seen[sum] {
			continue
		}
		seen[sum] = true
		r := reader{opts: o, doc: doc}
		r.read()
		perDoc[i] = truncate(doc.Name, r.findings)
		if r.enforcement != nil {
			dep.enforcements = append(dep.enforcements, placed[enforcement]{i, *r.enforcement})
		}
		if r.schedule != nil {
			dep.schedules = append(dep.schedules, placed[at]{i, *r.schedule})
		}
	}
	dep.check(perDoc)
	var out []Finding
	for _, fs := range perDoc {
		out = append(out, fs...)
	}
	return out
}

// truncate keeps the first maxFindings findings and sums up the rest in one.
func truncate(doc string, fs []Finding) []Finding {
	if len(fs) <= maxFindings {
		return fs
	}
	worst := Warning
	for _, f := range fs[maxFindings:] {
		worst = max(worst, f.Severity)
	}
	return append(fs[:maxFindings:maxFindings], at{doc: doc}.finding(worst, Truncated, "",
		fmt.Sprintf("and %d more findings in this document", len(fs)-maxFindings),
		"fix the findings above and lint again"))
}

// at is where a finding is: a document and the payload in it.
type at struct{ doc, typ, id string }

// finding returns a finding at a, with every text bounded.
func (a at) finding(sev Severity, rule Rule, key, message, fix string) Finding {
	return Finding{
		Severity: sev, Rule: rule, Document: a.doc,
		PayloadType: name(a.typ), PayloadIdentifier: name(a.id), Key: name(key),
		Message: bounded(message), Fix: bounded(fix),
	}
}

// reader checks one document.
type reader struct {
	opts        Options
	doc         Document
	findings    []Finding
	enforcement *enforcement // the document's enforcement declaration, if it is one
	schedule    *at          // the document's ScheduleOSUpdate command, if it is one
}

// read recognises the document by its first byte and checks it.
func (r *reader) read() {
	trimmed := bytes.TrimLeft(r.doc.Data, " \t\r\n")
	if len(trimmed) > 0 && (trimmed[0] == '{' || trimmed[0] == '[') {
		r.declaration()
		return
	}
	r.plist()
}

func (r *reader) add(f Finding) { r.findings = append(r.findings, f) }

// unreadable adds the finding for a document or payload that cannot be read.
func (r *reader) unreadable(where at, key, why string) {
	r.add(where.finding(Error, Unreadable, key, "cannot be read: "+why,
		"fix the document: what cannot be read cannot be checked, and may not deploy"))
}

// refused adds the finding for a document the limits check refused: over a limit
// (compat.ErrTooLarge), or broken in a way no decoder should follow
// (compat.ErrMalformed).
func (r *reader) refused(err error) {
	if !errors.Is(err, compat.ErrTooLarge) {
		r.unreadable(at{doc: r.doc.Name}, "", err.Error())
		return
	}
	r.add(at{doc: r.doc.Name}.finding(Error, TooLarge, "", "not read: "+err.Error(),
		"check that this is the document you meant to deploy; a genuine one this large needs larger Limits"))
}

// invalid adds one InvalidPayload finding per problem in err, under its key (the
// *KeyError values of packages ddm and mdmcmd, one type).
func (r *reader) invalid(where at, err error) {
	errtext.EachProblem(err, func(key string, err error) {
		r.add(where.finding(Error, InvalidPayload, key, err.Error(),
			"fix the value: the Mac rejects or misreads it, and managedos would not build it"))
	})
}
