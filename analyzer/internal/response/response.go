// Package response answers one question for every pass and for the fact
// analyzers: what does this call do to an HTTP response? A call writes a
// status, writes a body, sets a header, or calls a helper that does some
// of these for its caller: an emitter (a function that writes a status and
// codes taken from its parameters, found by fact or named in the catalog's
// go.emitters) or a header setter (a function that sets headers on a
// writer it is given).
//
// The package also holds the vocabulary the facts are written in: a
// Source says which parameter (or field of one) a value comes from, an
// Emitter and a HeaderSetter say what a helper does with its parameters.
// The facts packages store these; the passes read them through Of.
package response

import (
	"go/ast"
	"go/constant"
	"go/types"
	"slices"

	"github.com/errcodelint/errcodelint/analyzer/internal/nethttp"
	"github.com/errcodelint/errcodelint/catalog"
	"golang.org/x/tools/go/types/typeutil"
)

// An Effect is what one call does to a response. At most one of Header,
// Status and Body is set, tried in that order. Emitter is looked up only
// when the call is none of these, or a body write whose value is not in
// sight (a plain write may still be a helper). Setter is looked up for
// every call: a sink may set headers too (http.Error sets Content-Type).
type Effect struct {
	Header *nethttp.HeaderWrite // w.Header().Set(k, v) and the like
	Status *nethttp.StatusWrite // w.WriteHeader(s), http.Error, the frameworks' status writes
	Body   *nethttp.BodyWrite   // an encoder's Encode, w.Write, fmt.Fprint(w, …)

	Callee  *types.Func   // the static callee, when the call has one
	Emitter *Emitter      // the callee is an emitter (by fact or by configuration)
	Setter  *HeaderSetter // the callee sets headers on a writer it is given
}

// A Classifier classifies the calls of one package. The lookups give the
// facts of the callees; any may be nil.
type Classifier struct {
	Info    *types.Info
	Catalog *catalog.Catalog // for go.emitters; nil when there is none
	Emits   func(*types.Func) *Emitter
	Headers func(*types.Func) *HeaderSetter
}

// Of classifies call. enc resolves an encoder variable to the writer it
// was made for (nethttp.EncoderVars); it may be nil.
func (c *Classifier) Of(call *ast.CallExpr, enc func(*types.Var) (ast.Expr, bool)) Effect {
	e := Effect{Callee: typeutil.StaticCallee(c.Info, call)}
	if c.Headers != nil && e.Callee != nil {
		e.Setter = c.Headers(e.Callee.Origin())
	}
	if hw, ok := nethttp.AsHeaderCall(c.Info, call); ok {
		e.Header = &hw
		return e
	}
	if sw, ok := nethttp.AsStatusWrite(c.Info, call); ok {
		e.Status = &sw
		return e
	}
	if bw, ok := nethttp.AsBodyWrite(c.Info, call, enc); ok {
		e.Body = &bw
		if bw.Value != nil {
			return e
		}
	}
	// A configured emitter may be an interface method: no static callee.
	if em := Configured(c.Catalog, Callee(c.Info, call)); em != nil {
		e.Emitter = em
	} else if c.Emits != nil && e.Callee != nil {
		e.Emitter = c.Emits(e.Callee.Origin())
	}
	return e
}

// Callee is the function or method a call names, interface methods
// included: configured emitters may be either.
func Callee(info *types.Info, call *ast.CallExpr) *types.Func {
	fn, _ := typeutil.Callee(info, call).(*types.Func)
	return fn
}

// Configured returns the catalog's go.emitters entry for fn as an Emitter,
// or nil: helpers that inference cannot see through (an interface method,
// a function in a package built elsewhere). The code lands at the
// catalog's wire.code.
func Configured(cat *catalog.Catalog, fn *types.Func) *Emitter {
	if cat == nil || fn == nil || len(cat.Go.Emitters) == 0 {
		return nil
	}
	name := fn.Origin().FullName()
	for _, e := range cat.Go.Emitters {
		if e.Func != name {
			continue
		}
		sig := fn.Type().(*types.Signature)
		status, code := e.Status.In(sig), e.Code.In(sig)
		if status < 0 || code < 0 {
			return nil // the catalog names parameters the function lacks
		}
		out := &Emitter{
			Writer: -1,
			Status: Source{Param: status},
			Codes:  []Code{{From: Source{Param: code}, JSON: cat.Wire.Code, XML: cat.Wire.Code}},
		}
		for i := range sig.Params().Len() {
			if t := sig.Params().At(i).Type(); nethttp.IsResponseWriter(t) || nethttp.IsContext(t) {
				out.Writer = i
				break
			}
		}
		return out
	}
	return nil
}

// Params maps each parameter of fd (receiver excluded) to its index.
func Params(info *types.Info, fd *ast.FuncDecl) map[*types.Var]int {
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

// SourceOf says where x comes from: a parameter of the function (or a field
// of one), a constant, or None.
func SourceOf(info *types.Info, params map[*types.Var]int, x ast.Expr) Source {
	x = ast.Unparen(x)
	if tv, ok := info.Types[x]; ok && tv.Value != nil {
		if tv.Value.Kind() == constant.Int {
			if n, ok := constant.Int64Val(tv.Value); ok {
				return Source{Param: Const, Const: n}
			}
		}
		return Source{Param: None}
	}
	switch e := x.(type) {
	case *ast.Ident:
		if v, ok := info.Uses[e].(*types.Var); ok {
			if i, ok := params[v]; ok {
				return Source{Param: i}
			}
		}
	case *ast.SelectorExpr:
		if s := info.Selections[e]; s != nil && s.Kind() == types.FieldVal {
			src := SourceOf(info, params, e.X)
			if src.IsParam() {
				src.Fields = append(slices.Clone(src.Fields), e.Sel.Name)
				return src
			}
		}
	case *ast.StarExpr:
		return SourceOf(info, params, e.X)
	case *ast.CallExpr:
		// A conversion passes its operand through: int(status), Code(c).
		if tv, ok := info.Types[e.Fun]; ok && tv.IsType() && len(e.Args) == 1 {
			return SourceOf(info, params, e.Args[0])
		}
	}
	return Source{Param: None}
}

// MaxFields bounds the fields a Source selects. The evaluators follow no
// deeper, and the bound keeps a recursive helper that passes p.Next to
// itself from growing its facts without end.
const MaxFields = 8

// Through maps a callee's source to the caller's, given the call's
// arguments: a parameter of the callee becomes whatever the caller passed.
func Through(info *types.Info, params map[*types.Var]int, call *ast.CallExpr, s Source) Source {
	return through(call, s, func(x ast.Expr) Source { return SourceOf(info, params, x) })
}

// through maps s through call, with source saying where an argument
// comes from: a parameter (or a field of one) of the caller, or the
// receiver, becomes the source, with s's fields, table and unwrapping; a
// constant stays one when s selects nothing of it.
func through(call *ast.CallExpr, s Source, source func(ast.Expr) Source) Source {
	if !s.IsParam() {
		return s
	}
	if s.Param >= len(call.Args) || call.Ellipsis.IsValid() {
		return Source{Param: None}
	}
	arg := source(call.Args[s.Param])
	switch {
	case arg.Table != nil:
		return Source{Param: None}
	case arg.IsParam() || arg.Param == Receiver:
		arg.Fields = append(slices.Clone(arg.Fields), s.Fields...)
		if len(arg.Fields) > MaxFields {
			return Source{Param: None}
		}
		arg.Table = s.Table
		arg.Unwrap = arg.Unwrap || s.Unwrap
		return arg
	case arg.Param == Const && len(s.Fields) == 0 && s.Table == nil:
		return arg
	}
	return Source{Param: None}
}
