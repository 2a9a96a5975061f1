// Package notice is how errcodelint's passes tell its driver what they
// cannot say as findings, as data: a Notice, as JSON in the message of a
// diagnostic of its own category, at the package clause of the package's
// first non-test file (Parse reads it back).
//
// Under go vet each package is analyzed in its own process and replayed
// from go's cache: only the driver, which sees every package, can say
// that the checks were off for several packages, that a catalog's wire
// matched nothing anywhere, or what the packages send and handle in all
// (cmd/errcodelint's notices.go and coverage.go). Each pass's -notices
// flag is part of go vet's cache key, so a run without it never replays
// notices. They are reported with pass.Report, not through package
// report: no directive silences them, and none is held unused for them.
package notice

import (
	"encoding/json"
	"go/ast"
	"strconv"

	"github.com/errcodelint/errcodelint/analyzer/internal/nethttp"
	"github.com/errcodelint/errcodelint/analyzer/internal/report"
	"golang.org/x/tools/go/analysis"
)

// Category is the Category of every notice.
const Category = "errcodelint-notice"

// A Notice is what a pass tells the driver about a package with HTTP
// code (a non-test file that imports net/http or a framework the passes
// know).
type Notice struct {
	Kind    Kind   `json:"kind"`
	Catalog string `json:"catalog,omitempty"` // the catalog's path, for Wire and Client
	Wire    string `json:"wire,omitempty"`    // its wire.code, for Wire and Client
	Matched bool   `json:"matched,omitempty"` // for Wire
	// Sent and Covered are a Coverage notice's: the cataloged codes the
	// package's responses carry (as the catalog writes them), and the
	// documented responses its handlers can send
	// (catalog.Operation.ResponseName).
	Sent    []string `json:"sent,omitempty"`
	Covered []string `json:"covered,omitempty"`
	// Handled are a Handled notice's: the codes the package's clients
	// branch on.
	Handled []string `json:"handled,omitempty"`
}

// A Kind says what a Notice is about.
type Kind string

const (
	// NoCatalog: no catalog governs the package.
	NoCatalog Kind = "no-catalog"
	// Wire: whether a body path of the package sat at the catalog's
	// wire.code (Matched), in a body written, encoded or decoded.
	Wire Kind = "wire"
	// Client: the package decodes response bodies into types of
	// its own, none of them with a field at wire.code, and the catalog
	// names no go.error_types: statusbranch sees no code it reads.
	Client Kind = "client"
	// Coverage: what the package is known to send (Sent,
	// Covered), for errcodelint catalog coverage.
	Coverage Kind = "coverage"
	// Handled: the codes the package's clients branch on
	// (Handled), from statusbranch, for errcodelint catalog coverage.
	Handled Kind = "handled"
)

// Parse reads a notice from a diagnostic's category and message;
// ok is false when they are not a notice.
func Parse(category, message string) (n Notice, ok bool) {
	if category != Category || json.Unmarshal([]byte(message), &n) != nil || n.Kind == "" {
		return Notice{}, false
	}
	return n, true
}

// Report reports n at the package clause of pass's first non-test file,
// when the package has HTTP code. Passes other than errcode report their
// notices with it too.
func (n Notice) Report(pass *analysis.Pass) {
	f, ok := HTTPPackageClause(pass)
	if !ok {
		return
	}
	data, err := json.Marshal(n)
	if err != nil {
		panic(err) // a struct of strings and a bool always marshals
	}
	pass.Report(analysis.Diagnostic{Pos: f.Package, Category: Category, Message: string(data)})
}

// HTTPPackageClause returns the first non-test file of pass's package
// when one of its non-test files imports net/http or a framework the
// passes know.
func HTTPPackageClause(pass *analysis.Pass) (*ast.File, bool) {
	var first *ast.File
	http := false
	for _, f := range pass.Files {
		if report.InTest(pass.Fset, f.Package) {
			continue
		}
		if first == nil {
			first = f
		}
		for _, imp := range f.Imports {
			if p, err := strconv.Unquote(imp.Path.Value); err == nil && nethttp.IsHTTPImport(p) {
				http = true
			}
		}
	}
	return first, first != nil && http
}
