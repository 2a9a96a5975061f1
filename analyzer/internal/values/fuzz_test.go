package values_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"testing"
	"time"

	"github.com/errcodelint/errcodelint/analyzer/internal/locals"
	"github.com/errcodelint/errcodelint/analyzer/internal/values"
)

// stubs are the only packages the fuzzed source may import: the evaluator
// knows fmt.Sprintf and strconv.Itoa by name, and needs nothing else.
var stubs = map[string]string{
	"fmt":     "package fmt\nfunc Sprintf(format string, a ...any) string\nfunc Sprint(a ...any) string\n",
	"strconv": "package strconv\nfunc Itoa(i int) string\n",
}

type stubImporter map[string]*types.Package

func (m stubImporter) Import(path string) (*types.Package, error) {
	if p, ok := m[path]; ok {
		return p, nil
	}
	return nil, &types.Error{Msg: "no package " + path}
}

func newImporter(t testing.TB) stubImporter {
	imp := make(stubImporter)
	for path, src := range stubs {
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, path+".go", src, 0)
		if err != nil {
			t.Fatal(err)
		}
		pkg, err := (&types.Config{}).Check(path, fset, []*ast.File{f}, nil)
		if err != nil {
			t.Fatal(err)
		}
		imp[path] = pkg
	}
	return imp
}

const header = "package p\n\nimport (\n\t\"fmt\"\n\t\"strconv\"\n)\n\nvar _, _ = fmt.Sprintf, strconv.Itoa\n\n"

// parse reads src as declarations, else as statements, else as an
// expression; nil when it is none of them.
func parse(fset *token.FileSet, src string) *ast.File {
	for _, text := range []string{
		header + src,
		header + "func _() {\n" + src + "\n}\n",
		header + "var _ = " + src + "\n",
	} {
		if f, err := parser.ParseFile(fset, "p.go", text, parser.SkipObjectResolution); err == nil {
			return f
		}
	}
	return nil
}

// evalAll evaluates every expression of f with Eval and EvalAll.
func evalAll(fset *token.FileSet, f *ast.File, imp types.Importer) {
	_, e := checkWith(fset, f, imp)
	ast.Inspect(f, func(n ast.Node) bool {
		if x, ok := n.(ast.Expr); ok {
			v := e.Eval(x)
			_ = v.Text()
			_ = v.Known()
			for _, w := range e.EvalAll(x) {
				_ = w.Text()
			}
		}
		return true
	})
}

func check(t testing.TB, fset *token.FileSet, f *ast.File) (*types.Info, *values.Evaluator) {
	return checkWith(fset, f, newImporter(t))
}

// checkWith type-checks f, errors and all, and makes its evaluator.
func checkWith(fset *token.FileSet, f *ast.File, imp types.Importer) (*types.Info, *values.Evaluator) {
	info := &types.Info{
		Types:      make(map[ast.Expr]types.TypeAndValue),
		Defs:       make(map[*ast.Ident]types.Object),
		Uses:       make(map[*ast.Ident]types.Object),
		Selections: make(map[*ast.SelectorExpr]*types.Selection),
		Implicits:  make(map[ast.Node]types.Object),
		Instances:  make(map[*ast.Ident]types.Instance),
	}
	// Code that does not type-check is evaluated too: the passes see it
	// under RunDespiteErrors drivers (gopls).
	conf := types.Config{Importer: imp, Error: func(error) {}}
	conf.Check("p", fset, []*ast.File{f}, info) //nolint:errcheck // errors are part of the input
	method := func(fn *types.Func, recv values.Value) (values.Value, bool) {
		if fn.Name() == "String" && recv.Known() {
			return values.StringValue("m" + recv.Text()), true
		}
		return values.Value{}, false
	}
	return info, values.New(locals.New(info, []*ast.File{f}), method)
}

// FuzzEval parses random Go source, type-checks it and evaluates every
// expression: the evaluator must never panic nor hang.
func FuzzEval(f *testing.F) {
	for _, seed := range []string{
		`const c = "a" + "b"`,
		`x := fmt.Sprintf("not_found|%s", y)`,
		`s := "a"; s = s + "b"; _ = s`,
		`_ = fmt.Sprintf("%d-%v-%s-%%-%5d-%[1]s-%", 1, "x")`,
		`_ = strconv.Itoa(42) + strconv.Itoa(n)`,
		`type Code string; const X Code = "x"; var _ = string(X) + Code("y")`,
		`type K int; func (k K) String() string { return "k" }; var _ = K(1).String()`,
		`func f(n int) string { s := "a"; if n > 0 { s = "b" }; return s + fmt.Sprintf("%s", s) }`,
		`func f() { var s string; p := &s; s = "x"; _ = *p }`,
		`func f() { for i := range 3 { _ = strconv.Itoa(i) } }`,
		`string(rune(65)) + "x"`,
		`1 << 70`,
		`func f() { s := "a"; s = s + s; s = s + s; s = s + s; _ = s + s }`,
	} {
		f.Add(seed)
	}
	imp := newImporter(f)
	f.Fuzz(func(t *testing.T, src string) {
		fset := token.NewFileSet()
		file := parse(fset, src)
		if file == nil {
			return // not Go: the parser's business, not the evaluator's
		}
		done := make(chan struct{})
		go func() {
			defer close(done)
			evalAll(fset, file, imp)
		}()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			t.Fatalf("evaluation did not finish in 10s on:\n%s", src)
		}
	})
}
