package flow

import (
	"go/ast"

	"golang.org/x/tools/go/ssa"
)

// Expressions: the passes check syntax (a comparison, a table, an
// argument) and ask the engine what its values are. The SSA form of the
// packages under analysis is built with debug references, which tie each
// expression to the SSA value it computes; dependencies are built without
// them, as nothing is reported there.

// ValueOf returns what the expression e, of the package's functions or
// package variables' initializers, may be at run time. It is Unknown for
// an expression the engine did not see evaluated: dead code, a type, a
// package of a dependency.
func (r *Result) ValueOf(e ast.Expr) Value {
	e = ast.Unparen(e)
	if r == nil || r.e == nil {
		return unknown
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if tv, ok := r.e.pass.TypesInfo.Types[e]; ok && tv.Value != nil {
		return ConstValue(tv.Value)
	}
	ref := r.refs()[e]
	if ref == nil {
		return unknown
	}
	ev := r.evaluatorOf(ref.Parent())
	if ref.IsAddr {
		return ev.load(ref.X)
	}
	return ev.value(ref.X)
}

// Def returns the expression whose value e holds, when e (a variable, or a
// result of a call made once) holds the value of exactly one expression on
// every path: the call that s := f() or s, err := f() assigns, the
// literal a local is given once. It is nil otherwise: a parameter, a
// variable assigned on several paths, a variable whose address is taken.
func (r *Result) Def(e ast.Expr) ast.Expr {
	e = ast.Unparen(e)
	if r == nil || r.e == nil {
		return nil
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	ref := r.refs()[e]
	if ref == nil || ref.IsAddr {
		return nil
	}
	v := ref.X
	if x, ok := v.(*ssa.Extract); ok {
		v = x.Tuple
	}
	def := r.defs[v]
	if def == nil || def == e {
		return nil
	}
	return def
}

// refs indexes the debug references of the package's functions: each
// expression's value, and, for Def, the expression (other than a plain
// name) that computes each value.
func (r *Result) refs() map[ast.Expr]*ssa.DebugRef {
	if r.exprs != nil {
		return r.exprs
	}
	r.exprs = make(map[ast.Expr]*ssa.DebugRef)
	r.defs = make(map[ssa.Value]ast.Expr)
	for _, fn := range r.e.funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				ref, ok := instr.(*ssa.DebugRef)
				if !ok {
					continue
				}
				r.exprs[ref.Expr] = ref
				if _, isName := ref.Expr.(*ast.Ident); !isName && !ref.IsAddr && r.defs[ref.X] == nil {
					r.defs[ref.X] = ref.Expr
				}
			}
		}
	}
	return r.exprs
}

// evaluatorOf is the evaluator of fn, kept so that questions about one
// function share its work.
func (r *Result) evaluatorOf(fn *ssa.Function) *evaluator {
	if ev := r.evals[fn]; ev != nil {
		return ev
	}
	if r.evals == nil {
		r.evals = make(map[*ssa.Function]*evaluator)
	}
	ev := r.e.evaluator(fn)
	r.evals[fn] = ev
	return ev
}
