// Package returns defines a fact-only Analyzer that records constructors:
// functions all of whose returns build a struct with the same constant
// fields (BadNonce(detail) → {Type: "badNonce", HTTPStatus: 400}), so that
// a pass can read a field of a constructor's result at its call.
package returns

import (
	"go/ast"
	"go/types"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/errcodelint/errcodelint/analyzer/internal/astx"
	"github.com/errcodelint/errcodelint/analyzer/internal/facts/enumstr"
	"github.com/errcodelint/errcodelint/analyzer/internal/facts/funcs"
	"github.com/errcodelint/errcodelint/analyzer/internal/locals"
	"github.com/errcodelint/errcodelint/analyzer/internal/values"
	"golang.org/x/tools/go/analysis"
)

// Returns is a fact on a function all of whose returns build a struct with
// the same constant fields: those fields and their values.
type Returns struct {
	Fields []Field
}

// A Field is a constant field of a returned struct.
type Field struct {
	Name  string
	IsInt bool
	Int   int64
	Str   string
}

func (*Returns) AFact() {}

func (r *Returns) String() string {
	var parts []string
	for _, f := range r.Fields {
		if f.IsInt {
			parts = append(parts, f.Name+"="+strconv.FormatInt(f.Int, 10))
		} else {
			parts = append(parts, f.Name+"="+strconv.Quote(f.Str))
		}
	}
	return "returns " + strings.Join(parts, " ")
}

// Lookup returns the named field.
func (r *Returns) Lookup(name string) (Field, bool) {
	i := slices.IndexFunc(r.Fields, func(f Field) bool { return f.Name == name })
	if i < 0 {
		return Field{}, false
	}
	return r.Fields[i], true
}

// Analyzer computes the facts. Its result is a *Result.
var Analyzer = &analysis.Analyzer{
	Name:       "errcodereturns",
	Doc:        "find constructors of structs with constant fields (facts for errcodelint)",
	URL:        "https://pkg.go.dev/github.com/errcodelint/errcodelint/analyzer/internal/facts/returns",
	Run:        run,
	Requires:   []*analysis.Analyzer{enumstr.Analyzer},
	FactTypes:  []analysis.Fact{new(Returns)},
	ResultType: reflect.TypeFor[*Result](),
}

// Result gives the Returns facts of every function the package calls.
type Result struct {
	facts *funcs.Map[*Returns]
}

// Returns returns fn's fact, or nil.
func (r *Result) Returns(fn *types.Func) *Returns {
	f, _ := r.facts.Get(fn)
	return f
}

func run(pass *analysis.Pass) (any, error) {
	res := &Result{facts: funcs.Import(pass, func() *Returns { return new(Returns) })}
	// A field may be an enum's String (typ: prefix + X.String()).
	strs := pass.ResultOf[enumstr.Analyzer].(*enumstr.Result)
	eval := values.New(locals.New(pass.TypesInfo, pass.Files), strs.Method)
	// A constructor does not depend on other constructors: one visit each.
	for _, f := range pass.Files {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			fn, _ := pass.TypesInfo.Defs[fd.Name].(*types.Func)
			if fn == nil {
				continue
			}
			if r := compute(eval, fn, fd); r != nil {
				res.facts.Set(fn, r)
			}
		}
	}
	res.facts.Export(pass)
	return res, nil
}

// compute returns the constant fields shared by every struct literal fd
// returns, or nil.
func compute(eval *values.Evaluator, fn *types.Func, fd *ast.FuncDecl) *Returns {
	if fn.Type().(*types.Signature).Results().Len() == 0 {
		return nil
	}
	// The literals first: most functions return something else somewhere,
	// and then no field is worth evaluating.
	var lits []*ast.CompositeLit
	ok := true
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		if _, isLit := n.(*ast.FuncLit); isLit {
			return false
		}
		ret, isRet := n.(*ast.ReturnStmt)
		if !isRet || !ok {
			return ok
		}
		if len(ret.Results) == 0 {
			ok = false
			return false
		}
		lit := astx.CompositeOf(ret.Results[0])
		if lit == nil || len(lit.Elts) == 0 {
			ok = false // T{}: no field in common
			return false
		}
		lits = append(lits, lit)
		return false
	})
	if !ok || len(lits) == 0 {
		return nil
	}
	common := constFields(eval, lits[0])
	for _, lit := range lits[1:] {
		if len(common) == 0 {
			break
		}
		fields := constFields(eval, lit)
		common = slices.DeleteFunc(common, func(f Field) bool { return !slices.Contains(fields, f) })
	}
	if len(common) == 0 {
		return nil
	}
	return &Returns{Fields: common}
}

// constFields returns the keyed fields of lit whose values are known.
func constFields(eval *values.Evaluator, lit *ast.CompositeLit) []Field {
	var out []Field
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		id, ok := kv.Key.(*ast.Ident)
		if !ok {
			continue
		}
		switch v := eval.Eval(kv.Value); {
		case v.Kind == values.Int:
			out = append(out, Field{Name: id.Name, IsInt: true, Int: v.Int})
		case v.Kind == values.String && v.Known():
			out = append(out, Field{Name: id.Name, Str: v.Text()})
		}
	}
	return out
}
