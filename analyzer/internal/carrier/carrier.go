// Package carrier evaluates the fields of error values that carry a code
// and a status, where a call passes them: a struct literal, a local or an
// unexported package variable that holds one, a constructor's result, or a
// builder chain (errors.New(msg).WithCode(errors.NotFoundCode)), through
// the constructors' and builders' facts (facts/returns).
package carrier

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/errcodelint/errcodelint/analyzer/internal/facts/returns"
	"github.com/errcodelint/errcodelint/analyzer/internal/locals"
	"github.com/errcodelint/errcodelint/analyzer/internal/response"
	"github.com/errcodelint/errcodelint/analyzer/internal/values"
	"golang.org/x/tools/go/types/typeutil"
)

// An Evaluator evaluates carriers of one package.
type Evaluator struct {
	info    *types.Info
	idx     *locals.Index
	eval    *values.Evaluator
	returns func(*types.Func) *returns.Returns
}

// New returns an evaluator; returns gives a callee's fact (nil: none).
func New(idx *locals.Index, eval *values.Evaluator, returns func(*types.Func) *returns.Returns) *Evaluator {
	return &Evaluator{info: idx.Info(), idx: idx, eval: eval, returns: returns}
}

// maxDepth bounds the chase through locals and builder chains.
const maxDepth = 8

// Arg evaluates what a call passes at a source: an argument, or a field of
// one. expr is where the value stands, nil when it is not in sight.
func (e *Evaluator) Arg(call *ast.CallExpr, s response.Source) (values.Value, ast.Expr) {
	if !s.IsParam() || s.Param >= len(call.Args) || call.Ellipsis.IsValid() {
		return values.Value{}, nil
	}
	return e.Field(call.Args[s.Param], s.Fields)
}

// Field evaluates the field path fields of x (x itself when fields is
// empty).
func (e *Evaluator) Field(x ast.Expr, fields []string) (values.Value, ast.Expr) {
	return e.field(x, fields, 0)
}

func (e *Evaluator) field(x ast.Expr, fields []string, depth int) (values.Value, ast.Expr) {
	if len(fields) == 0 {
		return e.eval.Eval(x), x
	}
	if depth > maxDepth {
		return values.Value{}, nil
	}
	x = ast.Unparen(x)
	if u, ok := x.(*ast.UnaryExpr); ok && u.Op == token.AND {
		x = ast.Unparen(u.X)
	}
	switch x := x.(type) {
	case *ast.CompositeLit:
		for _, elt := range x.Elts {
			kv, ok := elt.(*ast.KeyValueExpr)
			if !ok {
				continue
			}
			if id, ok := kv.Key.(*ast.Ident); ok && id.Name == fields[0] {
				return e.field(kv.Value, fields[1:], depth+1)
			}
		}
	case *ast.CallExpr:
		return e.result(x, fields, depth)
	case *ast.Ident:
		if v, ok := e.info.Uses[x].(*types.Var); ok {
			if init := e.idx.Single(v); init != nil {
				return e.field(init, fields, depth+1)
			}
		}
	}
	return values.Value{}, nil
}

// result evaluates a field of what a constructor or a builder returns
// (New(msg).WithCode(c).Code): a constant, the argument passed for a
// parameter, or, for a field a builder leaves alone, its receiver's.
func (e *Evaluator) result(call *ast.CallExpr, fields []string, depth int) (values.Value, ast.Expr) {
	if e.returns == nil || len(fields) != 1 {
		return values.Value{}, nil
	}
	fn := typeutil.StaticCallee(e.info, call)
	if fn == nil {
		return values.Value{}, nil
	}
	r := e.returns(fn)
	if r == nil {
		return values.Value{}, nil
	}
	if f, ok := r.Lookup(fields[0]); ok {
		switch {
		case f.FromParam:
			if f.Param < len(call.Args) && !call.Ellipsis.IsValid() {
				return e.field(call.Args[f.Param], nil, depth+1)
			}
			return values.Value{}, nil
		case f.IsInt:
			return values.IntValue(f.Int), call
		}
		return values.StringValue(f.Str), call
	}
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && r.Keeps(fields[0]) {
		return e.field(sel.X, fields, depth+1)
	}
	return values.Value{}, nil
}
