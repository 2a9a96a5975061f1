package flow_test

import (
	"go/types"
	"testing"

	"github.com/errcodelint/errcodelint/analyzer/internal/flow"
	"github.com/errcodelint/errcodelint/analyzer/internal/testdir"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
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
	analysistest.Run(t, testdir.Path(t), sinks, "flow/shapes")
}

func TestFacts(t *testing.T) {
	analysistest.Run(t, testdir.Path(t), flow.Analyzer, "flow/apierr")
}

func TestRecursion(t *testing.T) {
	analysistest.Run(t, testdir.Path(t), sinks, "flow/recursion")
}

// TestHelpers pins the summaries of helpers that write statuses and codes
// from their parameters (through wrappers, twelve deep), set headers, or
// give a field of a parameter or a table's row for one, or build an error
// from their parameters (constructors, builders).
func TestHelpers(t *testing.T) {
	analysistest.Run(t, testdir.Path(t), flow.Analyzer, "flow/emits/...", "flow/headers/...", "flow/yields/...", "flow/returns/...")
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
	analysistest.Run(t, testdir.Path(t), methods, "flow/enumstr/...")
}
