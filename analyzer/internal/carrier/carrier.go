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
	"strings"

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
	x := call.Args[s.Param]
	if s.Unwrap {
		x = e.unwrap(x)
	}
	return e.Field(x, s.Fields)
}

// unwrap returns the error x wraps, as errors.As would find it:
// fmt.Errorf("…: %w", err) wraps err. Only a format with one %w is
// followed.
func (e *Evaluator) unwrap(x ast.Expr) ast.Expr {
	for range maxDepth {
		if id, ok := ast.Unparen(x).(*ast.Ident); ok {
			if v, ok := e.info.Uses[id].(*types.Var); ok {
				if init := e.idx.Single(v); init != nil {
					x = init
					continue
				}
			}
			return x
		}
		call, ok := ast.Unparen(x).(*ast.CallExpr)
		if !ok {
			return x
		}
		fn := typeutil.StaticCallee(e.info, call)
		if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != "fmt" || fn.Name() != "Errorf" || len(call.Args) < 2 || call.Ellipsis.IsValid() {
			return x
		}
		format := e.eval.Eval(call.Args[0])
		if !format.Known() || format.Kind != values.String {
			return x
		}
		i, ok := wrapVerb(format.Text())
		if !ok || 1+i >= len(call.Args) {
			return x
		}
		x = call.Args[1+i]
	}
	return x
}

// wrapVerb returns which of a format's verbs is its one %w: the index of
// the argument it formats. Formats with explicit argument indexes, or
// with several %w, are not read.
func wrapVerb(format string) (int, bool) {
	verb, at := 0, -1
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		i++
		for i < len(format) && strings.IndexByte("+-# 0123456789.", format[i]) >= 0 {
			i++
		}
		switch {
		case i >= len(format):
			return 0, false
		case format[i] == '%':
			continue
		case format[i] == '[' || format[i] == '*':
			return 0, false
		case format[i] == 'w':
			if at >= 0 {
				return 0, false
			}
			at = verb
		}
		verb++
	}
	return at, at >= 0
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
