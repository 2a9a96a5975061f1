// Package report is how every pass reports: once per position, and never
// in a _test.go file unless the pass is asked to (tests assert statuses,
// answer 429 without Retry-After and set late headers on recorders on
// purpose).
package report

import (
	"go/token"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// TestsUsage is the help text of every pass's -tests flag.
const TestsUsage = "also report in _test.go files"

// A Reporter reports one pass's diagnostics on one package.
type Reporter struct {
	pass  *analysis.Pass
	tests bool
	seen  map[token.Pos]bool
}

// New returns a reporter for pass; tests says whether test files are
// reported.
func New(pass *analysis.Pass, tests bool) *Reporter {
	return &Reporter{pass: pass, tests: tests, seen: make(map[token.Pos]bool)}
}

// InTest reports whether pos lies in a _test.go file.
func InTest(fset *token.FileSet, pos token.Pos) bool {
	f := fset.File(pos)
	return f != nil && strings.HasSuffix(f.Name(), "_test.go")
}

// Skipped reports whether a diagnostic at pos would not be reported: it
// lies in a test file and tests are not reported. Passes ask it before
// costly work.
func (r *Reporter) Skipped(pos token.Pos) bool {
	return !r.tests && InTest(r.pass.Fset, pos)
}

// Report reports d, unless it lies in a test file that is not reported or
// a diagnostic was already reported at its position (the same mistake can
// be reached two ways, and one report says it).
func (r *Reporter) Report(d analysis.Diagnostic) {
	if r.Skipped(d.Pos) || r.seen[d.Pos] {
		return
	}
	r.seen[d.Pos] = true
	r.pass.Report(d)
}
