package statusbranch

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/errcodelint/errcodelint/analyzer/internal/catalogs"
	"github.com/errcodelint/errcodelint/analyzer/internal/emitters"
	"github.com/errcodelint/errcodelint/analyzer/internal/envelope"
	"github.com/errcodelint/errcodelint/analyzer/internal/values"
	"github.com/errcodelint/errcodelint/catalog"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
)

// Config is the statusbranch pass's configuration; each field is also a flag.
type Config struct {
	Catalog string // -catalog: the error-code catalog file ("" to discover)
	Strict  bool   // -strict: also report statuses that carry a single code
}

// Defaults is the configuration of Analyzer.
func Defaults() Config { return Config{} }

// Analyzer is the statusbranch pass with the default configuration, for
// drivers and Bazel nogo.
var Analyzer = New(Defaults())

// New returns a statusbranch analyzer bound to its own copy of cfg; its
// flags change that copy only.
func New(cfg Config) *analysis.Analyzer {
	r := &runner{src: catalogs.Source{Path: cfg.Catalog}, strict: cfg.Strict}
	a := &analysis.Analyzer{
		Name:     "statusbranch",
		Doc:      doc,
		URL:      "https://pkg.go.dev/github.com/errcodelint/errcodelint/analyzer/statusbranch",
		Run:      r.run,
		Requires: []*analysis.Analyzer{inspect.Analyzer, emitters.Analyzer},
	}
	r.src.Bind(&a.Flags)
	a.Flags.BoolVar(&r.strict, "strict", cfg.Strict, "also report branches on statuses that carry a single code")
	return a
}

type runner struct {
	src    catalogs.Source
	strict bool
}

func (r *runner) run(pass *analysis.Pass) (any, error) {
	cat, err := r.src.For(pass)
	if err != nil {
		return nil, err
	}
	if cat == nil {
		// Without a catalog nothing says which statuses are shared.
		return nil, nil
	}
	facts := pass.ResultOf[emitters.Analyzer].(*emitters.Result)
	c := &checker{
		pass:   pass,
		cat:    cat,
		strict: r.strict,
		eval:   values.New(pass.TypesInfo, pass.Files, facts.Method),
		walker: envelope.New(pass.TypesInfo, pass.Files),
	}
	c.findStatusParams()
	insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	filter := []ast.Node{(*ast.BinaryExpr)(nil), (*ast.SwitchStmt)(nil)}
	insp.WithStack(filter, func(n ast.Node, push bool, stack []ast.Node) bool {
		if !push {
			return true
		}
		switch n := n.(type) {
		case *ast.BinaryExpr:
			if n.Op == token.EQL || n.Op == token.NEQ {
				c.comparison(n, stack)
			}
		case *ast.SwitchStmt:
			c.switchStmt(n)
		}
		return true
	})
	return nil, nil
}

// A checker holds one package's analysis.
type checker struct {
	pass   *analysis.Pass
	cat    *catalog.Catalog
	strict bool
	eval   *values.Evaluator
	walker *envelope.Walker
	// statusParams are parameters of this package's functions that some
	// call in the package feeds with a response status.
	statusParams map[*types.Var]bool
	// origins maps response and request variables to the call they were
	// last assigned from (see respOrigin); built on first use.
	origins map[types.Object]*ast.CallExpr
}

// comparison checks x == c and x != c.
func (c *checker) comparison(b *ast.BinaryExpr, stack []ast.Node) {
	for _, side := range [][2]ast.Expr{{b.X, b.Y}, {b.Y, b.X}} {
		x, k := side[0], side[1]
		if resp, ok := c.statusExpr(x); ok {
			if c.headResponse(resp) {
				return // a HEAD response has no body: the status is all there is
			}
			if v := c.eval.Eval(k); v.Kind == values.Int && !c.testsCode(b, stack) {
				c.statusBranch(k, v.Int)
			}
			return
		}
		if c.codeExpr(x) || c.prefixed(k) {
			c.codeBranch(k)
			return
		}
	}
}

// switchStmt checks the cases of a switch on a status or on a code.
func (c *checker) switchStmt(sw *ast.SwitchStmt) {
	if sw.Tag == nil {
		return
	}
	resp, isStatus := c.statusExpr(sw.Tag)
	isCode := !isStatus && c.codeExpr(sw.Tag)
	if !isStatus && !isCode || isStatus && c.headResponse(resp) {
		return
	}
	for _, s := range sw.Body.List {
		cc := s.(*ast.CaseClause)
		for _, e := range cc.List {
			if isCode {
				c.codeBranch(e)
				continue
			}
			if v := c.eval.Eval(e); v.Kind == values.Int && !c.bodyTestsCode(cc.Body) {
				c.statusBranch(e, v.Int)
			}
		}
	}
}
