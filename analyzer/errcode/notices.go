package errcode

import (
	"encoding/json"
	"go/ast"
	"go/types"
	"maps"
	"slices"
	"strconv"

	"github.com/errcodelint/errcodelint/analyzer/internal/astx"
	"github.com/errcodelint/errcodelint/analyzer/internal/facts/bodies"
	"github.com/errcodelint/errcodelint/analyzer/internal/nethttp"
	"github.com/errcodelint/errcodelint/analyzer/internal/report"
	"golang.org/x/tools/go/analysis"
)

// Notices tell errcodelint's driver what the checks could not say for
// themselves, as diagnostics of their own category, at the package clause
// of the package's first non-test file. The message is not text: it is a
// Notice, as JSON (ParseNotice reads it back).
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

// A Notice is what errcode tells the driver about a package with HTTP
// code (a non-test file that imports net/http or a framework the passes
// know).
type Notice struct {
	Kind    NoticeKind `json:"kind"`
	Catalog string     `json:"catalog,omitempty"` // the catalog's path, for WireNotice and ClientNotice
	Wire    string     `json:"wire,omitempty"`    // its wire.code, for WireNotice and ClientNotice
	Matched bool       `json:"matched,omitempty"` // for WireNotice
	// Sent and Covered are a CoverageNotice's: the cataloged codes the
	// package's responses carry (as the catalog writes them), and the
	// documented responses its handlers can send (ResponseName).
	Sent    []string `json:"sent,omitempty"`
	Covered []string `json:"covered,omitempty"`
}

// A NoticeKind says what a Notice is about.
type NoticeKind string

const (
	// NoCatalog: no catalog governs the package.
	NoCatalog NoticeKind = "no-catalog"
	// WireNotice: whether a body path of the package sat at the catalog's
	// wire.code (Matched), in a body written, encoded or decoded.
	WireNotice NoticeKind = "wire"
	// ClientNotice: the package decodes response bodies into types of
	// its own, none of them with a field at wire.code, and the catalog
	// names no go.error_types: statusbranch sees no code it reads.
	ClientNotice NoticeKind = "client"
	// CoverageNotice: what the package is known to send (Sent,
	// Covered), for errcodelint catalog coverage.
	CoverageNotice NoticeKind = "coverage"
)

// ParseNotice reads a notice from a diagnostic's category and message;
// ok is false when they are not a notice.
func ParseNotice(category, message string) (n Notice, ok bool) {
	if category != NoticeCategory || json.Unmarshal([]byte(message), &n) != nil || n.Kind == "" {
		return Notice{}, false
	}
	return n, true
}

// report reports n at the package clause of pass's first non-test file,
// when the package has HTTP code.
func (n Notice) report(pass *analysis.Pass) {
	f, ok := httpPackageClause(pass)
	if !ok {
		return
	}
	data, err := json.Marshal(n)
	if err != nil {
		panic(err) // a struct of strings and a bool always marshals
	}
	pass.Report(analysis.Diagnostic{Pos: f.Package, Category: NoticeCategory, Message: string(data)})
}

// noCatalogNotice reports that no catalog governs pass's package.
func noCatalogNotice(pass *analysis.Pass) {
	Notice{Kind: NoCatalog}.report(pass)
}

// notices reports whether the model matched any of the package's bodies
// with the catalog's wire.code, and whether the package's client code is
// out of the checks' sight (ClientNotice). The checks ask the model about
// the bodies written and the emitters called; the bodies encoded or
// decoded (a client's) are asked here.
func (c *checker) notices() {
	if _, ok := httpPackageClause(c.pass); !ok || c.cat.Wire.Code == "" {
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
	Notice{Kind: WireNotice, Catalog: c.cat.Path, Wire: c.cat.Wire.Code, Matched: c.model.CodeAtWire()}.report(c.pass)
	if cov := c.coverage(); len(cov.Sent) > 0 || len(cov.Covered) > 0 {
		cov.report(c.pass)
	}
	if clientDecodes > 0 && !clientMatched && len(c.cat.Go.ErrorTypes) == 0 {
		Notice{Kind: ClientNotice, Catalog: c.cat.Path, Wire: c.cat.Wire.Code}.report(c.pass)
	}
}

// coverage is the package's coverage notice: the codes it sends, in the
// catalog's order, and the documented responses its handlers send, sorted.
func (c *checker) coverage() Notice {
	n := Notice{Kind: CoverageNotice, Catalog: c.cat.Path}
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
