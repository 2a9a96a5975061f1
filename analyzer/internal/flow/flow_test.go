package flow_test

import (
	"go/ast"
	"go/types"
	"sync"
	"testing"

	"github.com/errcodelint/errcodelint/analyzer/internal/flow"
	"github.com/errcodelint/errcodelint/analyzer/internal/testdir"
	"golang.org/x/tools/go/analysis"
)

// sinks reports every response the engine finds where it is written, so
// that testdata can say what reaches each one.
var sinks = &analysis.Analyzer{
	Name:     "sinks",
	Doc:      "report the engine's sinks",
	Requires: []*analysis.Analyzer{flow.Analyzer},
	Run: func(pass *analysis.Pass) (any, error) {
		res := pass.ResultOf[flow.Analyzer].(*flow.Result)
		for _, k := range res.Sinks {
			if k.At.IsValid() {
				pass.Reportf(k.At, "%s", k)
			}
		}
		return nil, nil
	},
}

func TestShapes(t *testing.T) {
	testdir.Run(t, testdir.Path(t), sinks, "flow/shapes")
}

func TestFacts(t *testing.T) {
	testdir.Run(t, testdir.Path(t), flow.Analyzer, "flow/apierr")
}

func TestRecursion(t *testing.T) {
	testdir.Run(t, testdir.Path(t), sinks, "flow/recursion")
}

// TestHelpers pins the summaries of helpers that write statuses and codes
// from their parameters (through wrappers, twelve deep), set headers, or
// give a field of a parameter or a table's row for one, or build an error
// from their parameters (constructors, builders).
func TestHelpers(t *testing.T) {
	testdir.Run(t, testdir.Path(t), flow.Analyzer, "flow/emits/...", "flow/headers/...", "flow/yields/...", "flow/returns/...")
}

// methods reports, at each package-level constant whose type has a String
// method, what the engine says String gives for it.
var methods = &analysis.Analyzer{
	Name:     "methods",
	Doc:      "report String() of each constant, as the engine evaluates it",
	Requires: []*analysis.Analyzer{flow.Analyzer},
	Run: func(pass *analysis.Pass) (any, error) {
		res := pass.ResultOf[flow.Analyzer].(*flow.Result)
		for _, name := range pass.Pkg.Scope().Names() {
			k, ok := pass.Pkg.Scope().Lookup(name).(*types.Const)
			if !ok {
				continue
			}
			obj, _, _ := types.LookupFieldOrMethod(k.Type(), false, nil, "String")
			if fn, ok := obj.(*types.Func); ok {
				if out, ok := res.Method(fn, k.Val()); ok {
					pass.Reportf(k.Pos(), "String() = %s", out.ExactString())
				}
			}
		}
		return nil, nil
	},
}

// TestMethods checks an enum's String evaluated on its constants.
func TestMethods(t *testing.T) {
	testdir.Run(t, testdir.Path(t), methods, "flow/enumstr/...")
}

// exprs reports, at each returned expression, what the engine says it is
// and the expression whose value it holds.
var exprs = &analysis.Analyzer{
	Name:     "exprs",
	Doc:      "report ValueOf and Def of each returned expression",
	Requires: []*analysis.Analyzer{flow.Analyzer},
	Run: func(pass *analysis.Pass) (any, error) {
		res := pass.ResultOf[flow.Analyzer].(*flow.Result)
		for _, f := range pass.Files {
			ast.Inspect(f, func(n ast.Node) bool {
				ret, ok := n.(*ast.ReturnStmt)
				if !ok {
					return true
				}
				for _, r := range ret.Results {
					msg := "value " + res.ValueOf(r).String()
					if def := res.Def(r); def != nil {
						msg += ", def " + types.ExprString(def)
					}
					pass.Reportf(r.Pos(), "%s", msg)
				}
				return true
			})
		}
		return nil, nil
	},
}

// TestExprs checks what the passes learn of expressions: values folded
// through locals and calls, definitions through SSA.
func TestExprs(t *testing.T) {
	testdir.Run(t, testdir.Path(t), exprs, "flow/exprs")
}

// together asks the engine's result from several goroutines at once, as
// the passes that share it do.
var together = &analysis.Analyzer{
	Name:     "together",
	Doc:      "ask ValueOf, Def and Calls at the same time",
	Requires: []*analysis.Analyzer{flow.Analyzer},
	Run: func(pass *analysis.Pass) (any, error) {
		res := pass.ResultOf[flow.Analyzer].(*flow.Result)
		var exprs []ast.Expr
		for _, f := range pass.Files {
			ast.Inspect(f, func(n ast.Node) bool {
				if e, ok := n.(ast.Expr); ok {
					exprs = append(exprs, e)
				}
				return true
			})
		}
		var wg sync.WaitGroup
		for range 4 {
			wg.Go(func() {
				res.Calls(func(*types.Func) bool { return true })
				for _, e := range exprs {
					res.ValueOf(e)
					res.Def(e)
				}
			})
		}
		wg.Wait()
		return nil, nil
	},
}

// The passes ask the engine's shared result concurrently: a twirp run
// once died of a concurrent map write in ValueOf.
func TestConcurrentQuestions(t *testing.T) {
	for _, r := range testdir.Run(ignoreWants{}, testdir.Path(t), together, "flow/exprs", "flow/shapes") {
		if r.Err != nil {
			t.Error(r.Err)
		}
	}
}

// ignoreWants drops analysistest's complaints about the testdata's wants,
// which are for other tests.
type ignoreWants struct{}

func (ignoreWants) Errorf(string, ...any) {}
