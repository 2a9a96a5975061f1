package statusbranch

import (
	_ "embed"
	"go/ast"
	"go/token"
	"go/types"

	"github.com/errcodelint/errcodelint/analyzer/internal/analyzerdoc"
	"github.com/errcodelint/errcodelint/analyzer/internal/apimodel"
	"github.com/errcodelint/errcodelint/analyzer/internal/catalogs"
	"github.com/errcodelint/errcodelint/analyzer/internal/facts/bodies"
	vflow "github.com/errcodelint/errcodelint/analyzer/internal/flow"
	"github.com/errcodelint/errcodelint/analyzer/internal/report"
	"github.com/errcodelint/errcodelint/analyzer/internal/values"
	"github.com/errcodelint/errcodelint/analyzer/notice"
	"github.com/errcodelint/errcodelint/catalog"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
)

//go:embed doc.go
var docSource string

// doc is the pass's documentation, from the "# Analyzer statusbranch" section of
// doc.go: one text for -h, help and the docs.
var doc = analyzerdoc.Extract(docSource, "statusbranch")

// Config is the statusbranch pass's configuration; each field is also a flag.
type Config struct {
	Catalog string // -catalog: the error-code catalog file ("" to discover)
	Strict  bool   // -strict: also report statuses that carry a single code
	Tests   bool   // -tests: also report in _test.go files
	Checks  string // -checks: which of Checks run ("" for all)
	// Notices (-notices) reports, for errcodelint's own driver, the
	// cataloged codes the package's clients branch on (a
	// notice.Notice of kind handled), for errcodelint catalog
	// coverage. Off by default: other drivers would print it.
	Notices bool
}

// Defaults is the configuration of Analyzer.
func Defaults() Config { return Config{} }

// Analyzer is the statusbranch pass with the default configuration, for
// drivers and Bazel nogo.
var Analyzer = New(Defaults())

// New returns a statusbranch analyzer bound to its own copy of cfg; its
// flags change that copy only.
func New(cfg Config) *analysis.Analyzer {
	r := &runner{src: catalogs.Source{Path: cfg.Catalog}, strict: cfg.Strict, notices: cfg.Notices}
	a := &analysis.Analyzer{
		Name:     "statusbranch",
		Doc:      doc,
		URL:      "https://pkg.go.dev/github.com/errcodelint/errcodelint/analyzer/statusbranch",
		Requires: []*analysis.Analyzer{inspect.Analyzer, bodies.Analyzer, vflow.Analyzer},
	}
	r.src.Bind(&a.Flags)
	a.Flags.BoolVar(&r.strict, "strict", cfg.Strict, "also report branches on statuses that carry a single code")
	report.Install(a, report.Options{Tests: cfg.Tests, Checks: cfg.Checks}, Checks, r.run)
	a.Flags.BoolVar(&r.notices, "notices", cfg.Notices, "report the codes the package's clients branch on, for errcodelint's own driver (catalog coverage); not for other drivers")
	return a
}

// Checks are the pass's checks: each finding's Category is one's ID.
var Checks = []report.Check{
	{ID: checkShared, Doc: "a client branch on an HTTP status that several of the catalog's codes share"},
	{ID: checkUnknown, Doc: "a client branch on a code the catalog does not list: it never matches"},
	report.DirectiveCheckOf("statusbranch"),
}

const (
	checkShared  = "statusbranch/shared-status"
	checkUnknown = "statusbranch/unknown-code"
)

type runner struct {
	src     catalogs.Source
	strict  bool
	notices bool
}

func (r *runner) run(pass *analysis.Pass, rep *report.Reporter) (any, error) {
	cat, err := r.src.For(pass)
	if err != nil {
		return nil, err
	}
	if cat == nil {
		// Without a catalog nothing says which statuses are shared.
		rep.Idle()
		return nil, nil
	}
	res := pass.ResultOf[vflow.Analyzer].(*vflow.Result)
	c := &checker{
		pass:    pass,
		cat:     cat,
		model:   apimodel.New(pass, cat, pass.ResultOf[bodies.Analyzer].(*bodies.Result), res),
		report:  rep,
		strict:  r.strict,
		flow:    res,
		eval:    apimodel.NewEvaluator(res, pass.TypesInfo),
		owns:    make(map[ast.Node]bool),
		handled: make(map[*catalog.Code]bool),
	}
	insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	c.findStatusParams(insp)
	filter := []ast.Node{(*ast.BinaryExpr)(nil), (*ast.SwitchStmt)(nil)}
	insp.WithStack(filter, func(n ast.Node, push bool, stack []ast.Node) bool {
		if !push || c.report.Skipped(n.Pos()) {
			return true
		}
		switch n := n.(type) {
		case *ast.BinaryExpr:
			if n.Op == token.EQL || n.Op == token.NEQ {
				c.comparison(n, stack)
			}
		case *ast.SwitchStmt:
			c.switchStmt(n, stack)
		}
		return true
	})
	if r.notices {
		c.handledNotice()
	}
	return nil, nil
}

// handledNotice tells errcodelint's driver which cataloged codes the
// package's clients branch on, when they branch on any.
func (c *checker) handledNotice() {
	n := notice.Notice{Kind: notice.Handled, Catalog: c.cat.Path}
	for _, code := range c.cat.Codes {
		if c.handled[code] {
			n.Handled = append(n.Handled, code.Value)
		}
	}
	if len(n.Handled) > 0 {
		n.Report(c.pass)
	}
}

// A checker holds one package's analysis.
type checker struct {
	pass   *analysis.Pass
	cat    *catalog.Catalog
	model  *apimodel.Model
	report *report.Reporter
	strict bool
	flow   *vflow.Result
	eval   apimodel.Evaluator
	// statusParams are parameters of this package's functions that some
	// call in the package feeds with a response status.
	statusParams map[*types.Var]bool
	// owns caches, per function, whether it treats the responses it
	// reads as this API's (see ownsResponses); pkgOwns is the package's
	// answer, computed on first need.
	owns    map[ast.Node]bool
	pkgOwns *bool
	// handled are the cataloged codes the package's clients branch on.
	handled map[*catalog.Code]bool
}

// comparison checks x == c and x != c.
func (c *checker) comparison(b *ast.BinaryExpr, stack []ast.Node) {
	for _, side := range [][2]ast.Expr{{b.X, b.Y}, {b.Y, b.X}} {
		x, k := side[0], side[1]
		if resp, ok := c.statusExpr(x); ok {
			if c.headResponse(resp) {
				return // a HEAD response has no body: the status is all there is
			}
			if c.bodyDiscarded(resp, stack) {
				return // the body was thrown away unread: the status is all there is
			}
			if resp != nil && !c.ownsResponses(stack) {
				return // a response of some other service
			}
			if v := c.eval.Eval(k); v.Kind == values.Int && !c.testsCode(b, stack) {
				c.statusBranch(k, v.Int)
			}
			return
		}
		if c.model.IsCode(x) || c.model.Prefixed(c.eval.Eval(k)) {
			c.codeBranch(k, c.model.DeclaresCode(x))
			return
		}
	}
}

// switchStmt checks the cases of a switch on a status or on a code.
func (c *checker) switchStmt(sw *ast.SwitchStmt, stack []ast.Node) {
	if sw.Tag == nil {
		return
	}
	resp, isStatus := c.statusExpr(sw.Tag)
	isCode := !isStatus && c.model.IsCode(sw.Tag)
	switch {
	case !isStatus && !isCode:
		return
	case isStatus && c.headResponse(resp):
		return // a HEAD response has no body: the status is all there is
	case isStatus && c.bodyDiscarded(resp, stack):
		return // the body was thrown away unread: the status is all there is
	case isStatus && resp != nil && !c.ownsResponses(stack):
		return // a response of some other service
	case isStatus && c.translates(sw):
		return // a table from statuses to codes, not a branch
	}
	for _, s := range sw.Body.List {
		cc := s.(*ast.CaseClause)
		for _, e := range cc.List {
			if isCode {
				c.codeBranch(e, c.model.DeclaresCode(sw.Tag))
				continue
			}
			if v := c.eval.Eval(e); v.Kind == values.Int && !c.bodyTestsCode(cc.Body) {
				c.statusBranch(e, v.Int)
			}
		}
	}
}
