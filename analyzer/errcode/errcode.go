package errcode

import (
	_ "embed"
	"go/ast"
	"go/token"
	"go/types"

	"github.com/errcodelint/errcodelint/analyzer/internal/analyzerdoc"
	"github.com/errcodelint/errcodelint/analyzer/internal/apimodel"
	"github.com/errcodelint/errcodelint/analyzer/internal/catalogs"
	"github.com/errcodelint/errcodelint/analyzer/internal/facts/bodies"
	"github.com/errcodelint/errcodelint/analyzer/internal/flow"
	"github.com/errcodelint/errcodelint/analyzer/internal/report"
	"github.com/errcodelint/errcodelint/analyzer/internal/values"
	"github.com/errcodelint/errcodelint/catalog"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
)

//go:embed doc.go
var docSource string

// doc is the pass's documentation, from the "# Analyzer errcode" section of
// doc.go: one text for -h, help and the docs.
var doc = analyzerdoc.Extract(docSource, "errcode")

// Config is the errcode pass's configuration; each field is also a flag.
type Config struct {
	Catalog string // -catalog: the error-code catalog file ("" to discover)
	Tests   bool   // -tests: also report in _test.go files
	Checks  string // -checks: which of Checks run ("" for all)
	// Notices (-notices) reports, for errcodelint's own driver, whether
	// each package with HTTP code has a catalog and whether the catalog's
	// wire matched its bodies (see notices.go). Off by default: drivers
	// other than errcodelint's would print them as findings.
	Notices bool
}

// Defaults is the configuration of Analyzer.
func Defaults() Config { return Config{} }

// Analyzer is the errcode pass with the default configuration, for drivers
// and Bazel nogo.
var Analyzer = New(Defaults())

// New returns an errcode analyzer bound to its own copy of cfg; its flags
// change that copy only.
func New(cfg Config) *analysis.Analyzer {
	r := &runner{src: catalogs.Source{Path: cfg.Catalog}, notices: cfg.Notices}
	a := &analysis.Analyzer{
		Name:     "errcode",
		Doc:      doc,
		URL:      "https://pkg.go.dev/github.com/errcodelint/errcodelint/analyzer/errcode",
		Requires: []*analysis.Analyzer{inspect.Analyzer, bodies.Analyzer, flow.Analyzer},
	}
	r.src.Bind(&a.Flags)
	report.Install(a, report.Options{Tests: cfg.Tests, Checks: cfg.Checks}, Checks, r.run)
	a.Flags.BoolVar(&r.notices, "notices", cfg.Notices, NoticesUsage)
	return a
}

// Checks are the pass's checks: each finding's Category is one's ID.
var Checks = []report.Check{
	{ID: checkUnknown, Doc: "a code the catalog does not list, where the API's codes go"},
	{ID: checkStatus, Doc: "a code sent with, or mapped to, a status the catalog does not give it"},
	{ID: checkBodyStatus, Doc: "an error body's status field that disagrees with the HTTP status"},
	{ID: checkOperation, Doc: "a handler that can send a status or code its operation does not document"},
	report.DirectiveCheckOf("errcode"),
}

const (
	checkUnknown    = "errcode/unknown-code"
	checkStatus     = "errcode/status"
	checkBodyStatus = "errcode/body-status"
	checkOperation  = "errcode/operation"
)

type runner struct {
	src     catalogs.Source
	notices bool
}

func (r *runner) run(pass *analysis.Pass, rep *report.Reporter) (any, error) {
	cat, err := r.src.For(pass)
	if err != nil {
		return nil, err
	}
	if cat == nil {
		// No catalog governs this package: nothing to hold the code to.
		// The fact analyzers still record facts for its importers.
		if r.notices {
			noCatalogNotice(pass)
		}
		rep.Idle()
		return nil, nil
	}
	res := pass.ResultOf[flow.Analyzer].(*flow.Result)
	c := &checker{
		pass:   pass,
		cat:    cat,
		model:  apimodel.New(pass, cat, pass.ResultOf[bodies.Analyzer].(*bodies.Result), res),
		report: rep,
		flow:   res,
		eval:   apimodel.NewEvaluator(res, pass.TypesInfo),
		sent:   make(map[*catalog.Code]bool),
	}
	// The responses first: where a value is both sent and declared (a
	// literal pairing a code with a status), the report says it is sent.
	c.sinks(res)
	c.emitterCalls(res)
	c.constructorCalls(res)
	pass.ResultOf[inspect.Analyzer].(*inspector.Inspector).Nodes(visited, c.visit)
	c.joinedTables()
	c.operations()
	if r.notices {
		c.notices()
	}
	return nil, nil
}

// A checker holds one package's analysis against its catalog.
type checker struct {
	pass   *analysis.Pass
	cat    *catalog.Catalog
	model  *apimodel.Model
	report *report.Reporter
	flow   *flow.Result
	eval   apimodel.Evaluator
	// positions finds the syntax of the engine's constants, built when
	// first needed.
	positions *flow.Positions
	// caseValues to caseValuesEnd spans the values of the last case
	// clause entered: skipped by visit.
	caseValues, caseValuesEnd token.Pos
	// sent are the cataloged codes the package's responses carry with an
	// error status, and covered the documented responses its handlers
	// can send ("getSecret (GET /v1/secrets/{id}) 404"): the coverage
	// notice's (notices.go).
	sent    map[*catalog.Code]bool
	covered map[string]bool
	// docFiles are the OpenAPI documents fixes edit, as files of the
	// pass's file set (documentFix).
	docFiles map[string]*token.File
}

// visit checks one node of the package's syntax, in source order: function
// bodies for emissions, and everywhere for tables and code constants. It
// returns false to skip the node's children.
func (c *checker) visit(n ast.Node, push bool) bool {
	if !push {
		return true
	}
	if c.caseValues.IsValid() && n.Pos() >= c.caseValues && n.End() <= c.caseValuesEnd {
		// Case values are branches, statusbranch's to check: only the
		// clause's body is walked.
		return false
	}
	switch n := n.(type) {
	case *ast.File:
		return !c.report.Skipped(n.Package) // a test file, not reported: nothing to check
	case *ast.FuncDecl:
		if n.Body != nil {
			c.statusMethod(n)
		}
	case *ast.GenDecl:
		c.constants(n)
		if n.Tok == token.CONST {
			return false // constants are checked by name, not again by value
		}
	case *ast.FuncLit:

	case *ast.CompositeLit:
		c.compositeLit(n)
	case *ast.CaseClause:
		if len(n.List) > 0 {
			c.caseValues, c.caseValuesEnd = n.List[0].Pos(), n.List[len(n.List)-1].End()
		}
	case *ast.BinaryExpr:
		if n.Op == token.EQL || n.Op == token.NEQ {
			return false // a comparison, not an emission: statusbranch's
		}
		return !c.codeTypedLiteral(n)
	case *ast.BasicLit:
		return !c.codeTypedLiteral(n) // one report for the whole constant expression
	case *ast.CallExpr:
		return !c.codeTypedLiteral(n)
	}
	return true
}

// visited are the nodes visit is called for.
var visited = []ast.Node{
	(*ast.File)(nil), (*ast.FuncDecl)(nil), (*ast.GenDecl)(nil), (*ast.FuncLit)(nil),
	(*ast.CompositeLit)(nil), (*ast.CaseClause)(nil), (*ast.BinaryExpr)(nil),
	(*ast.BasicLit)(nil), (*ast.CallExpr)(nil),
}

// codeTypedLiteral checks a constant written out as a value of the
// catalog's code type: a literal passed where a Code goes, Code("x"),
// prefix + "x". Named constants are checked where they are declared.
func (c *checker) codeTypedLiteral(x ast.Expr) bool {
	tv, ok := c.pass.TypesInfo.Types[x]
	if !ok || tv.Value == nil || !c.model.IsCodeType(tv.Type) {
		return false
	}
	if c.textAroundCode(x) {
		return true // a body's text, typed as a code by the code it embeds
	}
	c.checkCode(codeUse{expr: x, value: values.Of(tv.Value), wire: true}, nil)
	return true
}

// textAroundCode reports whether x concatenates text after a named constant
// that is itself a cataloged code: `"{\"type\": \"" + Internal + "\"}"`
// takes the code type from Internal, but it is a body written as bytes, not
// a code. A prefix before a code (ns + "badNonce") is not text after one.
func (c *checker) textAroundCode(x ast.Expr) bool {
	var operands []ast.Expr
	var flatten func(e ast.Expr)
	flatten = func(e ast.Expr) {
		if b, ok := ast.Unparen(e).(*ast.BinaryExpr); ok && b.Op == token.ADD {
			flatten(b.X)
			flatten(b.Y)
			return
		}
		operands = append(operands, e)
	}
	flatten(x)
	for _, op := range operands[:len(operands)-1] {
		var id *ast.Ident
		switch e := ast.Unparen(op).(type) {
		case *ast.Ident:
			id = e
		case *ast.SelectorExpr:
			id = e.Sel
		}
		k, ok := c.pass.TypesInfo.Uses[id].(*types.Const)
		if !ok || !c.model.IsCodeType(k.Type()) {
			continue
		}
		if code, _ := c.model.Resolve(values.Of(k.Val())); code != nil {
			return true
		}
	}
	return false
}
