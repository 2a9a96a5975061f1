// Package noop defines the analyzers errcodelint is timed against: they
// require the inspect pass, as every real pass does, and report nothing.
//
// Analyzer declares no facts, so the driver type-checks only the packages
// named on the command line from source and reads their dependencies'
// types from export data. Facts declares a fact type, as errcodelint's
// passes do: the driver then loads every dependency from source too, and
// runs the analyzer on each. The difference between the two is the price
// of facts, paid by any analyzer that follows helpers across packages.
package noop

import (
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
)

// Analyzer does nothing, without facts.
var Analyzer = &analysis.Analyzer{
	Name:     "noop",
	Doc:      "report nothing (the benchmark's baseline)",
	Requires: []*analysis.Analyzer{inspect.Analyzer},
	Run:      run,
}

// Facts does nothing, with a fact type.
var Facts = &analysis.Analyzer{
	Name:      "noopfacts",
	Doc:       "report nothing, with facts (the benchmark's baseline for fact-based analyzers)",
	Requires:  []*analysis.Analyzer{inspect.Analyzer},
	Run:       run,
	FactTypes: []analysis.Fact{new(Fact)},
}

// Fact is never exported.
type Fact struct{}

func (*Fact) AFact() {}

func run(pass *analysis.Pass) (any, error) {
	_ = pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	return nil, nil
}
