package errcode

import (
	"go/ast"
	"go/types"
	"maps"
	"slices"

	"github.com/errcodelint/errcodelint/analyzer/internal/astx"
	"github.com/errcodelint/errcodelint/analyzer/internal/facts/bodies"
	"github.com/errcodelint/errcodelint/analyzer/internal/report"
	"github.com/errcodelint/errcodelint/analyzer/notice"
	"golang.org/x/tools/go/analysis"
)

// errcode's notices (see package notice): whether a catalog governs a
// package with HTTP code, whether the catalog's wire matched its bodies,
// whether its clients decode responses into types the checks cannot read
// a code from, and what it sends, for errcodelint catalog coverage.

// noCatalogNotice reports that no catalog governs pass's package.
func noCatalogNotice(pass *analysis.Pass) {
	notice.Notice{Kind: notice.NoCatalog}.Report(pass)
}

// notices reports whether the model matched any of the package's bodies
// with the catalog's wire.code, and whether the package's client code is
// out of the checks' sight (notice.Client). The checks ask the model about
// the bodies written and the emitters called; the bodies encoded or
// decoded (a client's) are asked here.
func (c *checker) notices() {
	if _, ok := notice.HTTPPackageClause(c.pass); !ok || c.cat.Wire.Code == "" {
		return
	}
	clientDecodes, clientMatched := 0, false
	for _, f := range c.pass.Files {
		if report.InTest(c.pass.Fset, f.Package) {
			continue // test files are not the API's code
		}
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			matched := c.model.DecodesBody(call)
			if c.decodesOwnResponse(call) {
				clientDecodes++
				clientMatched = clientMatched || matched
			}
			return true
		})
	}
	if len(c.cat.Codes) == 0 {
		// A catalog of operations alone: no code travels at its wire,
		// and only what the package sends matters.
		c.coverage().Report(c.pass)
		return
	}
	notice.Notice{Kind: notice.Wire, Catalog: c.cat.Path, Wire: c.cat.Wire.Code, Matched: c.model.CodeAtWire()}.Report(c.pass)
	if cov := c.coverage(); len(cov.Sent) > 0 || len(cov.Covered) > 0 {
		cov.Report(c.pass)
	}
	if clientDecodes > 0 && !clientMatched && len(c.cat.Go.ErrorTypes) == 0 {
		notice.Notice{Kind: notice.Client, Catalog: c.cat.Path, Wire: c.cat.Wire.Code}.Report(c.pass)
	}
}

// coverage is the package's coverage notice: the codes it sends, in the
// catalog's order, and the documented responses its handlers send, sorted.
func (c *checker) coverage() notice.Notice {
	n := notice.Notice{Kind: notice.Coverage, Catalog: c.cat.Path}
	for _, code := range c.cat.Codes {
		if c.sent[code] {
			n.Sent = append(n.Sent, code.Value)
		}
	}
	n.Covered = slices.Sorted(maps.Keys(c.covered))
	return n
}

// decodesOwnResponse reports whether call decodes an *http.Response's
// body, named in the call (json.NewDecoder(resp.Body).Decode(&v)) or in
// the expression that computes the bytes it unmarshals (b, _ :=
// io.ReadAll(resp.Body); json.Unmarshal(b, &v)), into a struct type of
// the module's.
func (c *checker) decodesOwnResponse(call *ast.CallExpr) bool {
	info := c.pass.TypesInfo
	x, _ := bodies.CodecValue(info, call)
	if x == nil || !c.ownsStruct(info.TypeOf(x)) {
		return false
	}
	var src ast.Expr
	switch fun := ast.Unparen(call.Fun).(type) {
	case *ast.SelectorExpr:
		if fun.Sel.Name == "Decode" {
			src = fun.X
		} else if fun.Sel.Name == "Unmarshal" && len(call.Args) == 2 {
			src = call.Args[0]
			if def := c.flow.Def(src); def != nil {
				src = def // b, err := io.ReadAll(resp.Body)
			}
		}
	}
	return src != nil && namesResponseBody(info, src)
}

// ownsStruct reports whether t, or what it points to, is a struct type
// of the module's: declared in it, or a struct literal type.
func (c *checker) ownsStruct(t types.Type) bool {
	t = astx.Deref(t)
	if _, ok := t.Underlying().(*types.Struct); !ok {
		return false
	}
	n, ok := types.Unalias(t).(*types.Named)
	return !ok || c.model.InModule(n.Obj().Pkg())
}

// namesResponseBody reports whether x mentions the Body field of an
// http.Response.
func namesResponseBody(info *types.Info, x ast.Expr) bool {
	found := false
	ast.Inspect(x, func(n ast.Node) bool {
		if sel, ok := n.(*ast.SelectorExpr); ok && sel.Sel.Name == "Body" &&
			astx.IsNamed(astx.Deref(info.TypeOf(sel.X)), "net/http", "Response") {
			found = true
		}
		return !found
	})
	return found
}

// NoticesUsage is the -notices flag's help text.
const NoticesUsage = "report per-package notices (catalog found, wire matched) for errcodelint's own driver; not for other drivers"
