// Package testdir locates the shared analysistest tree, testdata/ at the
// module root, for the passes' tests, and runs analyzers on it with
// analysistest's checks, loading it once per test binary (Run).
package testdir

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/errcodelint/errcodelint/analyzer/internal/report"
	"golang.org/x/tools/go/analysis/analysistest"
)

// Path returns the absolute path of the module's testdata directory,
// found upward from the test's working directory.
func Path(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return filepath.Join(dir, "testdata")
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the test's directory")
		}
		dir = parent
	}
}

// Check parses and type-checks src, one file of package p, for the unit
// tests of the internals; a source that does not type-check fails the
// test.
func Check(t testing.TB, src string) (*ast.File, *types.Info, *types.Package) {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{
		Types:      map[ast.Expr]types.TypeAndValue{},
		Defs:       map[*ast.Ident]types.Object{},
		Uses:       map[*ast.Ident]types.Object{},
		Selections: map[*ast.SelectorExpr]*types.Selection{},
	}
	pkg, err := (&types.Config{Importer: importer.ForCompiler(fset, "gc", nil)}).Check("p", fset, []*ast.File{f}, info)
	if err != nil {
		t.Fatal(err)
	}
	return f, info, pkg
}

// Categories fails the test for each diagnostic of results (of Run or
// analysistest.Run) whose Category is not the ID of one of checks: every
// finding names its check.
func Categories(t testing.TB, results []*analysistest.Result, checks []report.Check) {
	t.Helper()
	for _, r := range results {
		for _, d := range r.Diagnostics {
			if !slices.ContainsFunc(checks, func(c report.Check) bool { return c.ID == d.Category }) {
				t.Errorf("%s: %q: category %q is no check of the pass", r.Action.Package.Fset.Position(d.Pos), d.Message, d.Category)
			}
		}
	}
}
