// Package report is how every pass reports, in one place: each finding
// under the ID of its check (Check), once per position, never in a
// _test.go file unless the pass is asked to (tests assert statuses,
// answer 429 without Retry-After and set late headers on recorders on
// purpose), never for a check the -checks flag turns off, and never
// where a directive silences the check or its pass (see Parse for the
// forms, and docs/checks.md). A pass installs it with Install and reports
// through the Reporter it is given.
package report

import (
	"fmt"
	"go/token"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// TestsUsage is the help text of every pass's -tests flag.
const TestsUsage = "also report in _test.go files"

// A Reporter reports one pass's diagnostics on one package.
type Reporter struct {
	pass     *analysis.Pass
	tests    bool
	off      map[string]bool // the IDs of the checks turned off
	seen     map[token.Pos]bool
	dirs     *directives // the package's directives, read on first need
	finished bool
	idle     bool
}

// New returns a reporter for pass; tests says whether test files are
// reported, off which checks are not.
func New(pass *analysis.Pass, tests bool, off map[string]bool) *Reporter {
	return &Reporter{pass: pass, tests: tests, off: off, seen: make(map[token.Pos]bool)}
}

// InTest reports whether pos lies in a _test.go file.
func InTest(fset *token.FileSet, pos token.Pos) bool {
	f := fset.File(pos)
	return f != nil && strings.HasSuffix(f.Name(), "_test.go")
}

// Skipped reports whether a diagnostic at pos would not be reported: it
// lies in a test file and tests are not reported. Passes ask it before
// costly work. (Directives are not consulted: reading them is the work
// Skipped saves.)
func (r *Reporter) Skipped(pos token.Pos) bool {
	return !r.tests && InTest(r.pass.Fset, pos)
}

// Report reports d, a finding of the check whose ID is d.Category,
// unless it lies in a test file that is not reported, a diagnostic was
// already reported at its position (the same mistake can be reached two
// ways, and one report says it), the check is turned off, or a directive
// silences it there.
func (r *Reporter) Report(d analysis.Diagnostic) {
	if r.Skipped(d.Pos) || r.seen[d.Pos] || r.off[d.Category] {
		return
	}
	r.seen[d.Pos] = true
	if r.silenced(d.Pos, d.Category) {
		return
	}
	r.pass.Report(d)
}

// namesOnlyOff reports whether every check of the pass that d names by
// its ID is turned off: it had nothing to silence.
func (r *Reporter) namesOnlyOff(d Directive) bool {
	prefix := strings.ToLower(r.pass.Analyzer.Name) + "/"
	named := false
	for _, c := range d.Checks {
		if !strings.HasPrefix(c, prefix) {
			continue
		}
		named = true
		if !r.off[c] {
			return false
		}
	}
	return named
}

// Idle says the pass checks nothing in this package (no catalog governs
// it): its directives are not held to findings, nor read.
func (r *Reporter) Idle() { r.idle = true }

// Finish reports the directives for this pass that are malformed, and
// the lint:ignore and nolint directives that name this pass itself and
// silenced none of its findings. A pass calls it once, after its last
// Report. Directives naming errcodelint are not reported unused: each
// pass runs on its own, and none can know whether another one used them.
func (r *Reporter) Finish() {
	if r.finished || r.idle {
		return
	}
	r.finished = true
	ds := r.directives()
	for _, m := range ds.malformed {
		r.pass.Report(analysis.Diagnostic{
			Pos:      m.pos,
			Category: r.pass.Analyzer.Name + "/" + DirectiveCheck,
			Message:  fmt.Sprintf("malformed %s directive: %v", m.kind, m.err),
		})
	}
	for _, f := range r.pass.Files {
		fd := ds.files[r.pass.Fset.File(f.FileStart)]
		if fd == nil {
			continue
		}
		for _, d := range fd.list {
			if d.used || !d.itself || d.Kind == FileIgnore || r.namesOnlyOff(d.Directive) {
				// A file-ignore is not held to a finding, as in
				// staticcheck.
				continue
			}
			msg := fmt.Sprintf("this %s directive matched nothing", d.Kind)
			if len(d.Checks) > 1 {
				msg = fmt.Sprintf("this %s directive matched no %s finding", d.Kind, r.pass.Analyzer.Name)
			}
			r.pass.Report(analysis.Diagnostic{Pos: d.comment.Pos(), Category: r.pass.Analyzer.Name + "/" + DirectiveCheck, Message: msg})
		}
	}
}
