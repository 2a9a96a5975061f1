package errcode

import (
	"fmt"
	"go/ast"
	"strconv"

	"github.com/errcodelint/errcodelint/analyzer/internal/nethttp"
	"github.com/errcodelint/errcodelint/analyzer/internal/report"
	"golang.org/x/tools/go/analysis"
)

// Notices tell errcodelint's driver what the checks could not say for
// themselves, as diagnostics of their own category, one per package at
// the package clause of its first non-test file:
//
//	no catalog                         the package has HTTP code and no catalog governs it
//	wire "CATALOG" matched "WIRE"      the package has HTTP code, and a body path sat at the catalog's wire.code
//	wire "CATALOG" unmatched "WIRE"    the package has HTTP code, and none did
//
// Under go vet each package is analyzed in its own process and replayed
// from go's cache: only the driver, which sees every package, can say
// that the checks were off for several packages, or that a catalog's wire
// matched nothing anywhere (cmd/errcodelint/notices.go). The -notices
// flag is part of go vet's cache key, so a run without it never replays
// notices. They are reported with pass.Report, not through package
// report: no directive silences them, and none is held unused for them.

// NoticeCategory is the Category of every notice.
const NoticeCategory = "errcodelint-notice"

// NoticesUsage is the -notices flag's help text.
const NoticesUsage = "report per-package notices (catalog found, wire matched) for errcodelint's own driver; not for other drivers"

// The notices' messages; wire notices are followed by the catalog's
// path and wire.code, quoted.
const (
	NoticeNoCatalog = "no catalog"
	NoticeMatched   = "wire matched"
	NoticeUnmatched = "wire unmatched"
)

// noCatalogNotice reports that no catalog governs pass's package, when
// it has HTTP code.
func noCatalogNotice(pass *analysis.Pass) {
	if pos, ok := httpPackageClause(pass); ok {
		pass.Report(analysis.Diagnostic{Pos: pos.Package, Category: NoticeCategory, Message: NoticeNoCatalog})
	}
}

// wireNotice reports whether the model matched any of the package's
// bodies with the catalog's wire.code, when the package has HTTP code.
// The checks ask the model about the bodies written and the emitters
// called; the bodies encoded or decoded (a client's) are asked here.
func (c *checker) wireNotice() {
	pos, ok := httpPackageClause(c.pass)
	if !ok || c.cat.Wire.Code == "" {
		return
	}
	if !c.model.CodeAtWire() {
		for _, f := range c.pass.Files {
			if report.InTest(c.pass.Fset, f.Package) {
				continue // test files are not the API's code
			}
			ast.Inspect(f, func(n ast.Node) bool {
				if call, ok := n.(*ast.CallExpr); ok {
					c.model.DecodesBody(call)
				}
				return !c.model.CodeAtWire()
			})
		}
	}
	msg := NoticeUnmatched
	if c.model.CodeAtWire() {
		msg = NoticeMatched
	}
	c.pass.Report(analysis.Diagnostic{
		Pos:      pos.Package,
		Category: NoticeCategory,
		Message:  fmt.Sprintf("%s %s %s", msg, strconv.Quote(c.cat.Path), strconv.Quote(c.cat.Wire.Code)),
	})
}

// httpPackageClause returns the first non-test file of pass's package
// when one of its non-test files imports net/http or a framework the
// passes know.
func httpPackageClause(pass *analysis.Pass) (*ast.File, bool) {
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
