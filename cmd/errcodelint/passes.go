package main

import (
	"slices"
	"strings"

	"github.com/errcodelint/errcodelint/analyzer/errcode"
	"github.com/errcodelint/errcodelint/analyzer/retryafter"
	"github.com/errcodelint/errcodelint/analyzer/statusbranch"
	"golang.org/x/tools/go/analysis"
)

// The passes the command runs, and the checks of each: what help lists,
// what SARIF's rules are, what a finding's check is looked up in.

// A check is one distinct check of a pass (the passes' report.Check):
// its ID is the Category of its findings.
type check struct {
	ID  string // "retryafter/late-header"
	Doc string // what it reports, in a line
}

// checksOf is a pass's Checks as the command reads them.
func checksOf[S ~[]E, E ~struct{ ID, Doc string }](s S) []check {
	out := make([]check, len(s))
	for i, c := range s {
		out[i] = check(c)
	}
	return out
}

// passChecks are the checks of each pass, by the pass's name.
func passChecks() map[string][]check {
	return map[string][]check{
		errcode.Analyzer.Name:      checksOf(errcode.Checks),
		retryafter.Analyzer.Name:   checksOf(retryafter.Checks),
		statusbranch.Analyzer.Name: checksOf(statusbranch.Checks),
	}
}

// commandAnalyzers are the passes the command runs, in the order it
// lists them.
func commandAnalyzers() []*analysis.Analyzer {
	return []*analysis.Analyzer{errcode.Analyzer, retryafter.Analyzer, statusbranch.Analyzer}
}

// shortDoc is the first line of a pass's Doc without its "NAME: " prefix:
// "report 429s written without Retry-After".
func shortDoc(a *analysis.Analyzer) string {
	short, _, _ := strings.Cut(a.Doc, "\n")
	return strings.TrimPrefix(short, a.Name+": ")
}

// findCheck is the pass and the check whose ID is id, if a pass has it.
func findCheck(passes []*analysis.Analyzer, checks map[string][]check, id string) (*analysis.Analyzer, check, bool) {
	for _, a := range passes {
		if i := slices.IndexFunc(checks[a.Name], func(c check) bool { return c.ID == id }); i >= 0 {
			return a, checks[a.Name][i], true
		}
	}
	return nil, check{}, false
}
