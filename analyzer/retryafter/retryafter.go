package retryafter

import (
	_ "embed"
	"go/ast"
	"go/types"
	"slices"
	"strings"

	"github.com/errcodelint/errcodelint/analyzer/internal/analyzerdoc"
	"github.com/errcodelint/errcodelint/analyzer/internal/apimodel"
	"github.com/errcodelint/errcodelint/analyzer/internal/carrier"
	"github.com/errcodelint/errcodelint/analyzer/internal/catalogs"
	"github.com/errcodelint/errcodelint/analyzer/internal/envelope"
	"github.com/errcodelint/errcodelint/analyzer/internal/facts/bodies"
	"github.com/errcodelint/errcodelint/analyzer/internal/facts/emits"
	"github.com/errcodelint/errcodelint/analyzer/internal/facts/enumstr"
	"github.com/errcodelint/errcodelint/analyzer/internal/facts/headers"
	"github.com/errcodelint/errcodelint/analyzer/internal/facts/returns"
	"github.com/errcodelint/errcodelint/analyzer/internal/facts/yields"
	vflow "github.com/errcodelint/errcodelint/analyzer/internal/flow"
	"github.com/errcodelint/errcodelint/analyzer/internal/locals"
	"github.com/errcodelint/errcodelint/analyzer/internal/nethttp"
	"github.com/errcodelint/errcodelint/analyzer/internal/report"
	"github.com/errcodelint/errcodelint/analyzer/internal/response"
	"github.com/errcodelint/errcodelint/analyzer/internal/values"
	"github.com/errcodelint/errcodelint/catalog"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/ctrlflow"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/cfg"
)

//go:embed doc.go
var docSource string

// doc is the pass's documentation, from the "# Analyzer retryafter" section of
// doc.go: one text for -h, help and the docs.
var doc = analyzerdoc.Extract(docSource, "retryafter")

// Config is the retryafter pass's configuration; each field is also a flag.
type Config struct {
	Catalog string // -catalog: the error-code catalog file ("" to discover)
	Tests   bool   // -tests: also report in _test.go files
}

// Defaults is the configuration of Analyzer.
func Defaults() Config { return Config{} }

// Analyzer is the retryafter pass with the default configuration, for
// drivers and Bazel nogo.
var Analyzer = New(Defaults())

// New returns a retryafter analyzer bound to its own copy of cfg; its flags
// change that copy only.
func New(cfg Config) *analysis.Analyzer {
	r := &runner{src: catalogs.Source{Path: cfg.Catalog}, tests: cfg.Tests}
	a := &analysis.Analyzer{
		Name:     "retryafter",
		Doc:      doc,
		URL:      "https://pkg.go.dev/github.com/errcodelint/errcodelint/analyzer/retryafter",
		Run:      r.run,
		Requires: []*analysis.Analyzer{inspect.Analyzer, ctrlflow.Analyzer, emits.Analyzer, headers.Analyzer, enumstr.Analyzer, bodies.Analyzer, returns.Analyzer, yields.Analyzer, vflow.Analyzer},
	}
	r.src.Bind(&a.Flags)
	a.Flags.BoolVar(&r.tests, "tests", cfg.Tests, report.TestsUsage)
	return a
}

type runner struct {
	src   catalogs.Source
	tests bool
}

func (r *runner) run(pass *analysis.Pass) (any, error) {
	if !nethttp.ImportsHTTP(pass.Pkg) {
		// No net/http below this package: it writes no response.
		return nil, nil
	}
	cat, err := r.src.For(pass)
	if err != nil {
		return nil, err
	}
	strs := pass.ResultOf[enumstr.Analyzer].(*enumstr.Result)
	cfgs := pass.ResultOf[ctrlflow.Analyzer].(*ctrlflow.CFGs)
	idx := locals.New(pass.TypesInfo, pass.Files)
	eval := values.New(idx, strs.Method)
	c := &checker{
		pass:     pass,
		cat:      cat,
		statuses: catalog.DefaultRetryAfter,
		eval:     eval,
		idx:      idx,
		carriers: carrier.New(idx, eval, pass.ResultOf[returns.Analyzer].(*returns.Result).Returns),
		yields:   pass.ResultOf[yields.Analyzer].(*yields.Result).Source,
		report:   report.New(pass, r.tests),
		classify: response.Classifier{
			Info:    pass.TypesInfo,
			Catalog: cat,
			Emits:   pass.ResultOf[emits.Analyzer].(*emits.Result).Emitter,
			Headers: pass.ResultOf[headers.Analyzer].(*headers.Result).Setter,
		},
	}
	defer c.report.Finish() // directives that are malformed or matched nothing
	if cat != nil {
		c.statuses = cat.Rules.RetryAfter
		c.walker = envelope.New(idx)
		c.model = apimodel.New(pass, cat, pass.ResultOf[bodies.Analyzer].(*bodies.Result), c.walker)
	}
	insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	filter := []ast.Node{(*ast.File)(nil), (*ast.FuncDecl)(nil), (*ast.FuncLit)(nil), (*ast.CallExpr)(nil), (*ast.AssignStmt)(nil)}
	insp.Nodes(filter, func(n ast.Node, push bool) bool {
		if !push {
			return true
		}
		switch n := n.(type) {
		case *ast.File:
			c.file = n
			// A test file that is not reported needs no analysis.
			return !c.report.Skipped(n.Package)
		case *ast.FuncDecl:
			if n.Body != nil {
				c.function(n, cfgs.FuncDecl(n))
			}
		case *ast.FuncLit:
			c.function(&ast.FuncDecl{Type: n.Type, Body: n.Body}, cfgs.FuncLit(n))
		case *ast.CallExpr:
			c.headerValue(n)
		case *ast.AssignStmt:
			c.headerIndex(n)
		}
		return true
	})
	c.sinks(pass.ResultOf[vflow.Analyzer].(*vflow.Result))
	return nil, nil
}

// A checker holds one package's analysis.
type checker struct {
	pass     *analysis.Pass
	cat      *catalog.Catalog // nil: statuses are taken literally
	statuses []int            // rules.retry_after
	pos      *vflow.Positions // the engine's positions, built when first needed
	classify response.Classifier
	eval     *values.Evaluator
	idx      *locals.Index
	carriers *carrier.Evaluator                 // the fields of error values passed to renderers
	yields   func(*types.Func) *response.Source // helpers' results, for tracing statuses
	walker   *envelope.Walker
	file     *ast.File
	model    *apimodel.Model // nil without a catalog
	report   *report.Reporter
}

func (c *checker) retryStatus(n int64) bool { return slices.Contains(c.statuses, int(n)) }

// function runs the path analysis over one function's control-flow graph.
func (c *checker) function(fd *ast.FuncDecl, g *cfg.CFG) {
	ft, body := fd.Type, fd.Body
	ctx := nethttp.ContextParam(c.pass.TypesInfo, ft)
	if g == nil || ctx == nil && !mentionsWriter(c.pass.TypesInfo, body) {
		return
	}
	name := c.pass.Fset.File(body.Pos()).Name()
	f := &flow{
		c:           c,
		fd:          fd,
		body:        body,
		enc:         nethttp.EncoderVars(c.pass.TypesInfo, body),
		ctx:         ctx,
		pending:     make(map[nethttp.Key]pendingStatus),
		lateHeaders: !strings.HasSuffix(name, "_test.go"),
	}
	f.solve(g)
	f.report()
}

// mentionsWriter reports whether a function touches a response writer at
// all; most do not, and need no path analysis.
func mentionsWriter(info *types.Info, body *ast.BlockStmt) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if found {
			return false
		}
		if id, ok := n.(*ast.Ident); ok {
			if v, ok := info.Uses[id].(*types.Var); ok && (nethttp.IsResponseWriter(v.Type()) || nethttp.IsContext(v.Type())) {
				found = true
			}
		}
		return true
	})
	return found
}
