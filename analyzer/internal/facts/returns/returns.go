// Package returns defines a fact-only Analyzer that records constructors
// and builders of error values that carry a code and a status, so that a
// pass can read a field of their result at a call:
//
//   - a constructor is a function all of whose returns build a struct
//     whose fields are the same constants or parameters
//     (BadNonce(detail) → {Type: "badNonce", Detail: detail, HTTPStatus: 400},
//     NewAppError(where, id, …, status) → {Id: id, StatusCode: status});
//   - a builder is a method that sets fields of its receiver and returns
//     it (New(msg).WithCode(NotFoundCode)): the fields it sets are known,
//     the others are the receiver's.
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

// Returns is a fact on a constructor or a builder: the fields of its
// result that it gives known values.
type Returns struct {
	// Receiver says the function is a builder: it returns its receiver,
	// with Fields set; the fields it does not name are the receiver's,
	// except those in Unknown, which it sets to values it does not know.
	Receiver bool
	Fields   []Field
	Unknown  []string
}

// A Field is a field of the result with a constant value or the value of
// a parameter.
type Field struct {
	Name      string
	IsInt     bool
	Int       int64
	Str       string
	FromParam bool // the value is that of parameter Param (receiver excluded)
	Param     int
}

func (*Returns) AFact() {}

func (r *Returns) String() string {
	parts := []string{"returns"}
	if r.Receiver {
		parts = append(parts, "receiver")
	}
	for _, f := range r.Fields {
		switch {
		case f.FromParam:
			parts = append(parts, f.Name+"=param"+strconv.Itoa(f.Param))
		case f.IsInt:
			parts = append(parts, f.Name+"="+strconv.FormatInt(f.Int, 10))
		default:
			parts = append(parts, f.Name+"="+strconv.Quote(f.Str))
		}
	}
	for _, name := range r.Unknown {
		parts = append(parts, name+"=?")
	}
	return strings.Join(parts, " ")
}

// Keeps reports whether a builder leaves the named field as its receiver
// has it.
func (r *Returns) Keeps(name string) bool {
	if !r.Receiver || slices.Contains(r.Unknown, name) {
		return false
	}
	_, set := r.Lookup(name)
	return !set
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
	idx := locals.New(pass.TypesInfo, pass.Files)
	c := &computer{info: pass.TypesInfo, idx: idx, eval: values.New(idx, strs.Method)}
	// A constructor does not depend on other constructors: one visit each.
	for _, f := range pass.Files {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			fn, _ := pass.TypesInfo.Defs[fd.Name].(*types.Func)
			if fn == nil || fn.Type().(*types.Signature).Results().Len() == 0 {
				continue
			}
			r := c.builder(fd)
			if r == nil {
				r = c.constructor(fd)
			}
			if r != nil {
				res.facts.Set(fn, r)
			}
		}
	}
	res.facts.Export(pass)
	return res, nil
}

type computer struct {
	info *types.Info
	idx  *locals.Index
	eval *values.Evaluator
}

// constructor returns the fields shared by every struct literal fd
// returns (directly, or through a local that holds only that literal), or
// nil.
func (c *computer) constructor(fd *ast.FuncDecl) *Returns {
	params := paramsOf(c.info, fd)
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
		lit := c.literal(ret)
		if lit == nil || len(lit.Elts) == 0 {
			ok = false // T{}, or not a literal: no field in common
			return false
		}
		lits = append(lits, lit)
		return false
	})
	if !ok || len(lits) == 0 {
		return nil
	}
	common := c.fields(lits[0], params)
	for _, lit := range lits[1:] {
		if len(common) == 0 {
			break
		}
		fields := c.fields(lit, params)
		common = slices.DeleteFunc(common, func(f Field) bool { return !slices.Contains(fields, f) })
	}
	if len(common) == 0 {
		return nil
	}
	return &Returns{Fields: common}
}

// literal is the struct literal a return statement returns first: written
// there, or held by a local given only it (ap := &AppError{…}; return ap).
func (c *computer) literal(ret *ast.ReturnStmt) *ast.CompositeLit {
	if len(ret.Results) == 0 {
		return nil
	}
	if lit := astx.CompositeOf(ret.Results[0]); lit != nil {
		return lit
	}
	if v := c.idx.Var(ret.Results[0]); v != nil {
		if init := c.idx.Single(v); init != nil {
			return astx.CompositeOf(init)
		}
	}
	return nil
}

// fields returns the keyed fields of lit whose values are constants or
// parameters.
func (c *computer) fields(lit *ast.CompositeLit, params map[*types.Var]int) []Field {
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
		if f, ok := c.value(id.Name, kv.Value, params); ok {
			out = append(out, f)
		}
	}
	return out
}

// value is the Field name = x when x is a constant or a parameter.
func (c *computer) value(name string, x ast.Expr, params map[*types.Var]int) (Field, bool) {
	if i, ok := paramOf(c.info, params, x); ok {
		return Field{Name: name, FromParam: true, Param: i}, true
	}
	switch v := c.eval.Eval(x); {
	case v.Kind == values.Int:
		return Field{Name: name, IsInt: true, Int: v.Int}, true
	case v.Kind == values.String && v.Known():
		return Field{Name: name, Str: v.Text()}, true
	}
	return Field{}, false
}

// builder returns the fact of a method that sets fields of its receiver
// and returns it on every path (func (e *Error) WithCode(c Code) *Error {
// e.Code = c; return e }), or nil. A field set in the method's top-level
// statements to a constant or a parameter is known; one set anywhere else,
// or to another value, is Unknown.
func (c *computer) builder(fd *ast.FuncDecl) *Returns {
	if fd.Recv == nil || len(fd.Recv.List) != 1 || len(fd.Recv.List[0].Names) != 1 {
		return nil
	}
	recv, _ := c.info.Defs[fd.Recv.List[0].Names[0]].(*types.Var)
	if recv == nil {
		return nil
	}
	isRecv := func(x ast.Expr) bool {
		id, ok := ast.Unparen(x).(*ast.Ident)
		return ok && c.info.Uses[id] == recv
	}
	returns := 0
	ok := true
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		if ret, isRet := n.(*ast.ReturnStmt); isRet {
			returns++
			ok = ok && len(ret.Results) == 1 && isRecv(ret.Results[0])
		}
		_, isLit := n.(*ast.FuncLit)
		return ok && !isLit
	})
	if !ok || returns == 0 {
		return nil
	}
	params := paramsOf(c.info, fd)
	r := &Returns{Receiver: true}
	top := make(map[ast.Stmt]bool)
	for _, s := range fd.Body.List {
		top[s] = true
	}
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		as, isAssign := n.(*ast.AssignStmt)
		if !isAssign {
			return true
		}
		for i, lhs := range as.Lhs {
			sel, isSel := ast.Unparen(lhs).(*ast.SelectorExpr)
			if !isSel || !isRecv(sel.X) {
				continue
			}
			name := sel.Sel.Name
			r.Fields = slices.DeleteFunc(r.Fields, func(f Field) bool { return f.Name == name })
			if f, known := c.value(name, as.Rhs[min(i, len(as.Rhs)-1)], params); known && top[as] && len(as.Lhs) == len(as.Rhs) {
				r.Fields = append(r.Fields, f)
				continue
			}
			if !slices.Contains(r.Unknown, name) {
				r.Unknown = append(r.Unknown, name)
			}
		}
		return true
	})
	for _, name := range r.Unknown {
		r.Fields = slices.DeleteFunc(r.Fields, func(f Field) bool { return f.Name == name })
	}
	if len(r.Fields) == 0 && len(r.Unknown) == 0 {
		return nil // returns itself unchanged: nothing to say
	}
	return r
}

// paramsOf maps each parameter of fd (receiver excluded) to its index.
func paramsOf(info *types.Info, fd *ast.FuncDecl) map[*types.Var]int {
	m := make(map[*types.Var]int)
	i := 0
	for _, field := range fd.Type.Params.List {
		if len(field.Names) == 0 {
			i++
			continue
		}
		for _, name := range field.Names {
			if v, ok := info.Defs[name].(*types.Var); ok {
				m[v] = i
			}
			i++
		}
	}
	return m
}

// paramOf is the index of the parameter x is, through conversions
// (int(status), Code(c)).
func paramOf(info *types.Info, params map[*types.Var]int, x ast.Expr) (int, bool) {
	switch e := ast.Unparen(x).(type) {
	case *ast.Ident:
		if v, ok := info.Uses[e].(*types.Var); ok {
			i, ok := params[v]
			return i, ok
		}
	case *ast.CallExpr:
		if tv, ok := info.Types[e.Fun]; ok && tv.IsType() && len(e.Args) == 1 {
			return paramOf(info, params, e.Args[0])
		}
	}
	return 0, false
}
