// Package locals indexes what a package's variables are given, once, for
// the value evaluator and the body walker alike, so that the two agree on
// when a variable has one known value.
//
// A tracked variable is a local, or an unexported package-level variable
// (no other package can assign it). For each, the index records every
// value it is given (=, :=, var with a value), every assignment to a field
// of it (v.Error.Code = x), whether its address is taken, and whether it
// is spoilt: given a value the index cannot see (a parameter or result, a
// tuple or range assignment, ++, an operator assignment). A variable
// declared without a value holds the zero value first: it has no single
// known value, but an encoder reads the fields assigned to it.
//
// Given answers a wider question for tracing where a value comes from: it
// also lists what tuples give (s, ok := m[k]; a, b := f()) and the errors
// an errors.As(err, &v) reads v from.
package locals

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/errcodelint/errcodelint/analyzer/internal/astx"
	"golang.org/x/tools/go/types/typeutil"
)

// An Index records the variables of one package. It is built when first
// asked: most packages never ask.
type Index struct {
	info  *types.Info
	files []*ast.File

	built     bool
	values    map[*types.Var][]ast.Expr
	fieldSets map[*types.Var][]FieldSet
	spoilt    map[*types.Var]bool
	addressed map[*types.Var]bool
	zero      map[*types.Var]bool // declared without a value: it holds the zero value first
	origins   map[*types.Var]*ast.CallExpr

	// For Given: what tuples and errors.As give, and which variables are
	// spoilt for another reason than a tuple, or addressed other than
	// as errors.As's target.
	tuples  map[*types.Var][]Given
	hard    map[*types.Var]bool
	addrs   map[*types.Var]int
	asAddrs map[*types.Var]int
}

// A Given is a value a variable is given: X, or the Result-th result of
// the call X (a tuple assignment); As says the variable is the target of
// errors.As(X, &v), X's error or one it wraps, as its concrete type.
type Given struct {
	X      ast.Expr
	Result int // -1: X itself
	As     bool
}

// A FieldSet is an assignment to a field of a variable: LHS is the
// selection (v.Error.Code), RHS the value.
type FieldSet struct {
	LHS *ast.SelectorExpr
	RHS ast.Expr
}

// New returns the index of the variables of files.
func New(info *types.Info, files []*ast.File) *Index {
	return &Index{info: info, files: files}
}

// Info is the type information the index was built with.
func (x *Index) Info() *types.Info { return x.info }

// Var returns the tracked variable e names, or nil.
func (x *Index) Var(e ast.Expr) *types.Var {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok || id.Name == "_" {
		return nil
	}
	v, ok := x.info.ObjectOf(id).(*types.Var)
	if !ok || !tracked(v) {
		return nil
	}
	return v
}

func tracked(v *types.Var) bool {
	if v.IsField() || v.Pkg() == nil || v.Parent() == nil {
		return false
	}
	return v.Parent() != v.Pkg().Scope() || !v.Exported()
}

// Values returns every value v is given, when they are all it can hold:
// not spoilt, no field of it assigned, and its address never taken (the
// evaluator chases scalars, and a pointer to one may change it).
func (x *Index) Values(v *types.Var) ([]ast.Expr, bool) {
	x.build()
	if v == nil || x.addressed[v] {
		return nil, false
	}
	return x.given(v)
}

func (x *Index) given(v *types.Var) ([]ast.Expr, bool) {
	if v == nil || x.spoilt[v] || x.zero[v] || len(x.fieldSets[v]) > 0 || len(x.values[v]) == 0 {
		return nil, false
	}
	return x.values[v], true
}

// Single returns the one value v is ever given, or nil: the literal a
// struct variable holds (prob := Problem{...}; send(w, &prob)). Taking a
// struct's address to pass it on is how Go passes it, so unlike Values an
// address taken does not make it unknown.
func (x *Index) Single(v *types.Var) ast.Expr {
	x.build()
	if vs, ok := x.given(v); ok && len(vs) == 1 {
		return vs[0]
	}
	return nil
}

// Given returns every value v is given, tuples included (s, ok :=
// m[k] gives s m[k]; a, b := f() gives a the result 0 of f()), and the
// errors an errors.As(err, &v) finds it in. It is false when v is given
// something else too: a range, ++, an operator assignment, a field
// assignment, or its address taken for another purpose. A parameter is
// never given anything the index sees; a named result's zero value, which
// it holds first, is not listed.
func (x *Index) Given(v *types.Var) ([]Given, bool) {
	x.build()
	if v == nil || x.hard[v] || len(x.fieldSets[v]) > 0 || x.addrs[v] > x.asAddrs[v] {
		return nil, false
	}
	var out []Given
	for _, e := range x.values[v] {
		out = append(out, Given{X: e, Result: -1})
	}
	out = append(out, x.tuples[v]...)
	return out, len(out) > 0
}

// Body returns what an encoder of v reads: its one value, if it has one,
// and the assignments to its fields. Taking v's address is how it is
// encoded (Encode(&body)), so only a spoilt v has no body.
func (x *Index) Body(v *types.Var) (init ast.Expr, sets []FieldSet, ok bool) {
	x.build()
	if v == nil || x.spoilt[v] {
		return nil, nil, false
	}
	if vs := x.values[v]; len(vs) == 1 {
		init = vs[0]
	}
	return init, x.fieldSets[v], init != nil || len(x.fieldSets[v]) > 0
}

// Origin returns the call v was last assigned from in the package's
// source, tuples included (resp, err := client.Do(req)), or nil. It says
// where a value comes from, not that it holds nothing else.
func (x *Index) Origin(v *types.Var) *ast.CallExpr {
	x.build()
	return x.origins[v]
}

func (x *Index) build() {
	if x.built {
		return
	}
	x.built = true
	x.values = make(map[*types.Var][]ast.Expr)
	x.fieldSets = make(map[*types.Var][]FieldSet)
	x.spoilt = make(map[*types.Var]bool)
	x.addressed = make(map[*types.Var]bool)
	x.zero = make(map[*types.Var]bool)
	x.origins = make(map[*types.Var]*ast.CallExpr)
	x.tuples = make(map[*types.Var][]Given)
	x.hard = make(map[*types.Var]bool)
	x.addrs = make(map[*types.Var]int)
	x.asAddrs = make(map[*types.Var]int)
	for _, f := range x.files {
		ast.Inspect(f, x.visit)
	}
}

func (x *Index) spoil(e ast.Expr) {
	if v := x.Var(e); v != nil {
		x.spoilt[v], x.hard[v] = true, true
	}
}

func (x *Index) visit(n ast.Node) bool {
	switch n := n.(type) {
	case *ast.FuncDecl, *ast.FuncType:
		// Parameters and results come from outside the body. A named
		// result does not, for Given: it is what the body assigns it.
		results := make(map[*types.Var]bool)
		if ft, ok := n.(*ast.FuncType); ok && ft.Results != nil {
			for _, f := range ft.Results.List {
				for _, name := range f.Names {
					if v, ok := x.info.Defs[name].(*types.Var); ok {
						results[v] = true
					}
				}
			}
		}
		for _, v := range astx.DeclaredParams(x.info, n) {
			x.spoilt[v] = true
			x.hard[v] = x.hard[v] || !results[v]
		}
	case *ast.AssignStmt:
		if len(n.Rhs) == 1 {
			if call, ok := ast.Unparen(n.Rhs[0]).(*ast.CallExpr); ok {
				for _, l := range n.Lhs {
					if v := x.Var(l); v != nil {
						x.origins[v] = call
					}
				}
			}
		}
		if n.Tok != token.ASSIGN && n.Tok != token.DEFINE {
			for _, l := range n.Lhs {
				x.spoil(rootOf(l))
			}
			return true
		}
		if len(n.Lhs) != len(n.Rhs) {
			x.tuple(n.Lhs, n.Rhs[0])
			return true
		}
		for i, l := range n.Lhs {
			x.assign(l, n.Rhs[i])
		}
	case *ast.ValueSpec:
		if len(n.Values) == 1 && len(n.Names) > 1 {
			lhs := make([]ast.Expr, len(n.Names))
			for i, name := range n.Names {
				lhs[i] = name
			}
			x.tuple(lhs, n.Values[0])
		}
		for i, name := range n.Names {
			v, _ := x.info.Defs[name].(*types.Var)
			switch {
			case v == nil || !tracked(v):
			case len(n.Values) == len(n.Names):
				x.values[v] = append(x.values[v], n.Values[i])
			case len(n.Values) == 0:
				// The zero value, which the index does not spell out: an
				// encoder may still read the fields assigned later
				// (var b Body; b.Error.Code = c).
				x.zero[v] = true
			default:
				x.spoilt[v] = true // a tuple: for Given only
			}
		}
	case *ast.RangeStmt:
		x.spoil(n.Key)
		x.spoil(n.Value)
	case *ast.IncDecStmt:
		x.spoil(rootOf(n.X))
	case *ast.UnaryExpr:
		if n.Op == token.AND {
			if v := x.Var(rootOf(n.X)); v != nil {
				x.addressed[v] = true
				x.addrs[v]++
			}
		}
	case *ast.CallExpr:
		x.errorsAs(n)
	}
	return true
}

// tuple records lhs = rhs where rhs gives several values: the results of
// a call, or a comma-ok form whose first value is rhs itself (m[k],
// x.(T), <-ch). Values sees none of them; Given does.
func (x *Index) tuple(lhs []ast.Expr, rhs ast.Expr) {
	rhs = ast.Unparen(rhs)
	for i, l := range lhs {
		v := x.Var(l)
		if v == nil {
			x.spoil(rootOf(l))
			continue
		}
		x.spoilt[v] = true
		switch rhs.(type) {
		case *ast.CallExpr:
			x.tuples[v] = append(x.tuples[v], Given{X: rhs, Result: i})
		case *ast.IndexExpr, *ast.TypeAssertExpr:
			if i == 0 {
				x.tuples[v] = append(x.tuples[v], Given{X: rhs, Result: -1})
				continue
			}
			x.hard[v] = true // ok: a boolean the index does not follow
		default:
			x.hard[v] = true
		}
	}
}

// errorsAs records errors.As(err, &v): v is given err, as its concrete
// type (or an error err wraps), and its address is taken for that only.
func (x *Index) errorsAs(call *ast.CallExpr) {
	fn := typeutil.StaticCallee(x.info, call)
	if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != "errors" || fn.Name() != "As" || len(call.Args) != 2 {
		return
	}
	u, ok := ast.Unparen(call.Args[1]).(*ast.UnaryExpr)
	if !ok || u.Op != token.AND {
		return
	}
	if v := x.Var(u.X); v != nil {
		x.tuples[v] = append(x.tuples[v], Given{X: call.Args[0], Result: -1, As: true})
		x.asAddrs[v]++
	}
}

// assign records lhs = rhs: a value of a variable, or of a field of one.
func (x *Index) assign(lhs, rhs ast.Expr) {
	lhs = ast.Unparen(lhs)
	sel, isSel := lhs.(*ast.SelectorExpr)
	if !isSel {
		if v := x.Var(lhs); v != nil {
			x.values[v] = append(x.values[v], rhs)
		} else if _, isIdent := lhs.(*ast.Ident); !isIdent {
			x.spoil(rootOf(lhs)) // v[i] = x, *p = x: not followed
		}
		return
	}
	root := rootOf(sel)
	v := x.Var(root)
	if v == nil {
		return
	}
	// Only a chain of field selections on the variable itself.
	for e := ast.Expr(sel); e != root; {
		s, ok := ast.Unparen(e).(*ast.SelectorExpr)
		if !ok {
			x.spoilt[v], x.hard[v] = true, true
			return
		}
		if fs := x.info.Selections[s]; fs == nil || fs.Kind() != types.FieldVal {
			x.spoilt[v], x.hard[v] = true, true
			return
		}
		e = s.X
	}
	x.fieldSets[v] = append(x.fieldSets[v], FieldSet{LHS: sel, RHS: rhs})
}

// rootOf is the variable a selection, index or dereference chain starts
// from: v in v.a.b, v[i].c, (*v).d.
func rootOf(e ast.Expr) ast.Expr {
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.SelectorExpr:
			e = x.X
		case *ast.IndexExpr:
			e = x.X
		case *ast.StarExpr:
			e = x.X
		default:
			return x
		}
	}
}
