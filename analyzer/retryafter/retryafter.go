package retryafter

import (
	_ "embed"
	"go/ast"
	"slices"

	"github.com/errcodelint/errcodelint/analyzer/internal/analyzerdoc"
	"github.com/errcodelint/errcodelint/analyzer/internal/apimodel"
	"github.com/errcodelint/errcodelint/analyzer/internal/catalogs"
	"github.com/errcodelint/errcodelint/analyzer/internal/facts/bodies"
	vflow "github.com/errcodelint/errcodelint/analyzer/internal/flow"
	"github.com/errcodelint/errcodelint/analyzer/internal/nethttp"
	"github.com/errcodelint/errcodelint/analyzer/internal/report"
	"github.com/errcodelint/errcodelint/catalog"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
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
	Checks  string // -checks: which of Checks run ("" for all)
}

// Defaults is the configuration of Analyzer.
func Defaults() Config { return Config{} }

// Analyzer is the retryafter pass with the default configuration, for
// drivers and Bazel nogo.
var Analyzer = New(Defaults())

// New returns a retryafter analyzer bound to its own copy of cfg; its flags
// change that copy only.
func New(cfg Config) *analysis.Analyzer {
	r := &runner{src: catalogs.Source{Path: cfg.Catalog}}
	a := &analysis.Analyzer{
		Name:     "retryafter",
		Doc:      doc,
		URL:      "https://pkg.go.dev/github.com/errcodelint/errcodelint/analyzer/retryafter",
		Requires: []*analysis.Analyzer{inspect.Analyzer, bodies.Analyzer, vflow.Analyzer},
	}
	r.src.Bind(&a.Flags)
	report.Install(a, report.Options{Tests: cfg.Tests, Checks: cfg.Checks}, Checks, r.run)
	return a
}

// Checks are the pass's checks: each finding's Category is one's ID.
var Checks = []report.Check{
	{ID: checkMissing, Doc: "a status of rules.retry_after, or a code whose status is one, written without Retry-After set on every path before it"},
	{ID: checkLate, Doc: "a header set, or http.Error called, after the response is written: never sent"},
	{ID: checkValue, Doc: "a Retry-After value that is neither delay-seconds nor an HTTP-date"},
	{ID: checkKey, Doc: "a header key set through the map as no client reads it: not canonical, where the code reads it back with Get or it is Retry-After"},
	report.DirectiveCheckOf("retryafter"),
}

const (
	checkMissing = "retryafter/missing"
	checkLate    = "retryafter/late-header"
	checkValue   = "retryafter/value"
	checkKey     = "retryafter/header-key"
)

type runner struct {
	src catalogs.Source
}

func (r *runner) run(pass *analysis.Pass, rep *report.Reporter) (any, error) {
	if !nethttp.ImportsHTTP(pass.Pkg) {
		// No net/http below this package: it writes no response.
		return nil, nil
	}
	cat, err := r.src.For(pass)
	if err != nil {
		return nil, err
	}
	res := pass.ResultOf[vflow.Analyzer].(*vflow.Result)
	c := &checker{
		pass:     pass,
		cat:      cat,
		statuses: catalog.DefaultRetryAfter,
		eval:     apimodel.NewEvaluator(res, pass.TypesInfo),
		report:   rep,
	}
	if cat != nil {
		c.statuses = cat.Rules.RetryAfter
		c.model = apimodel.New(pass, cat, pass.ResultOf[bodies.Analyzer].(*bodies.Result), res)
	}
	c.paths(res)
	insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	filter := []ast.Node{(*ast.File)(nil), (*ast.CallExpr)(nil), (*ast.AssignStmt)(nil)}
	insp.Nodes(filter, func(n ast.Node, push bool) bool {
		if !push {
			return true
		}
		switch n := n.(type) {
		case *ast.File:
			c.file = n
			// A test file that is not reported needs no analysis.
			return !c.report.Skipped(n.Package)
		case *ast.CallExpr:
			c.headerValue(n)
		case *ast.AssignStmt:
			c.headerIndex(n)
		}
		return true
	})
	return nil, nil
}

// A checker holds one package's analysis.
type checker struct {
	pass     *analysis.Pass
	cat      *catalog.Catalog // nil: statuses are taken literally
	statuses []int            // rules.retry_after
	pos      *vflow.Positions // the engine's positions, built when first needed
	eval     apimodel.Evaluator
	file     *ast.File
	model    *apimodel.Model // nil without a catalog
	report   *report.Reporter
	readKeys map[string]bool // the header keys the package reads with Get, canonical
}

func (c *checker) isRetry(n int64) bool { return slices.Contains(c.statuses, int(n)) }
