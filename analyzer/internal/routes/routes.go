// Package routes finds where a package registers its HTTP handlers, and
// for which operation of the API: a route (a method and a path template)
// of net/http's ServeMux, chi, gin, echo or gorilla/mux, or an operation
// of a server generated from an OpenAPI document (oapi-codegen, ogen).
//
// It reads the package's SSA form, as the value-flow engine built it, and
// reports only what is known: a route whose method or path is not a
// constant, whose prefix comes through a router built elsewhere, or whose
// handler is not a function of the program is skipped, never guessed. A
// handler wrapped by a middleware of the package that calls it (or by
// net/http's TimeoutHandler, MaxBytesHandler, StripPrefix) is the route's
// handler.
//
// Paths are written as OpenAPI path templates ("/v1/secrets/{id}"):
// gin's and echo's ":id" and "*path", chi's and gorilla's "{id:[0-9]+}",
// and ServeMux's "{path...}" become "{id}", "{path}"; ServeMux's "{$}" is
// dropped ("/v1/{$}" is "/v1/"), and a trailing "/" (ServeMux) or "*"
// (chi) that matches a subtree is kept as it is.
package routes

import (
	"cmp"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"github.com/errcodelint/errcodelint/analyzer/internal/astx"
	"github.com/errcodelint/errcodelint/analyzer/internal/flow"
	"github.com/errcodelint/errcodelint/analyzer/internal/nethttp"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
)

// A Route is one registration of a handler.
type Route struct {
	// Router names what registered it: "net/http", "chi", "gin", "echo",
	// "gorilla/mux", "oapi-codegen" or "ogen".
	Router string
	// Method is the HTTP method in upper case, "" when the route takes
	// any method.
	Method string
	// Path is the path template, OpenAPI-style; "" for an operation of a
	// generated server, which is known by Operation.
	Path string
	// Operation is the operationId a generated server's method stands
	// for, as the generator wrote it (oapi-codegen's "GetSecret" for
	// getSecret); "" for a route.
	Operation string
	// Handler is the function that handles the route: a function or a
	// method, or a function literal of this package. Its writer (the
	// http.ResponseWriter or the framework's context) is parameter
	// Writer of Handler's SSA parameters (the receiver of a method is
	// parameter 0); -1 when the handler writes through typed results
	// (Results says).
	Handler *ssa.Function
	Writer  int
	// Results lists, for a strict server's method (oapi-codegen's
	// StrictServerInterface), the statuses of the typed responses it
	// may return, read from their type names (GetSecret404JSONResponse),
	// each with where it is returned.
	Results []Result
	// At is the registration: the handler argument of the call, or, for
	// a generated server, the call that wires the server (HandlerFromMux,
	// NewStrictHandler, NewServer).
	At token.Pos
}

// A Result is a typed response a strict handler returns.
type Result struct {
	// Status is the response's status; 0 when its type's name does
	// not give one (a default response, whose status the handler sets;
	// an ogen schema type returned as is).
	Status int
	Type   string    // the response type's name
	At     token.Pos // the return
}

// Find returns the routes the package registers, in source order.
func Find(pass *analysis.Pass, res *flow.Result) []Route {
	if res == nil || res.Pkg == nil {
		return nil // the standard library, or a package with no HTTP code
	}
	f := &finder{pass: pass, res: res}
	var out []Route
	out = append(out, f.netHTTP()...)
	out = append(out, f.chi()...)
	out = append(out, f.gorilla()...)
	out = append(out, f.gin()...)
	out = append(out, f.echo()...)
	out = append(out, f.generated()...)
	slices.SortStableFunc(out, func(a, b Route) int { return cmp.Compare(a.At, b.At) })
	return out
}

type finder struct {
	pass *analysis.Pass
	res  *flow.Result
}

// calls calls visit with each static or interface call of the package's
// functions, in source order.
func (f *finder) calls(visit func(fn *ssa.Function, call ssa.CallInstruction, callee *types.Func)) {
	for _, fn := range f.res.Funcs() {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				call, ok := instr.(ssa.CallInstruction)
				if !ok {
					continue
				}
				if callee := flow.Callee(call.Common()); callee != nil {
					visit(fn, call, callee)
				}
			}
		}
	}
}

// constString returns v's value when it is a string constant.
func constString(v ssa.Value) (string, bool) {
	c, ok := v.(*ssa.Const)
	if !ok || c.Value == nil || c.Value.Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(c.Value), true
}

// handlerOf returns the function a handler argument stands for, through
// conversions (http.HandlerFunc(h)), interface values and method values
// (s.getSecret), and the index of its writer parameter (see Route.Writer);
// ok is false when the argument is no function known statically (a
// variable, a handler built by a call).
func (f *finder) handlerOf(v ssa.Value) (fn *ssa.Function, writer int, ok bool) {
	switch x := flow.Unconverted(v).(type) {
	case *ssa.Function:
		fn = x
	case *ssa.MakeClosure:
		fn = x.Fn.(*ssa.Function)
	}
	if fn == nil {
		return nil, -1, false
	}
	if fn.Synthetic != "" {
		// A method value's wrapper ($bound): the method it calls.
		m, isFunc := fn.Object().(*types.Func)
		if !isFunc {
			return nil, -1, false
		}
		if fn = f.res.Pkg.Prog.FuncValue(m); fn == nil {
			return nil, -1, false
		}
	}
	return fn, writerParam(fn), true
}

// writerParam returns the index among fn's SSA parameters (the receiver
// first) of its response writer, or -1.
func writerParam(fn *ssa.Function) int {
	sig := fn.Signature
	base := 0
	if sig.Recv() != nil {
		base = 1
	}
	for i := range sig.Params().Len() {
		if t := sig.Params().At(i).Type(); nethttp.IsResponseWriter(t) || nethttp.IsContext(t) {
			return base + i
		}
	}
	return -1
}

// recvArgs splits a call's arguments into the receiver (nil for a
// function) and the rest, for static and interface calls alike.
func recvArgs(c *ssa.CallCommon) (recv ssa.Value, args []ssa.Value) {
	if c.IsInvoke() {
		return c.Value, c.Args
	}
	if c.Signature().Recv() != nil && len(c.Args) > 0 {
		return c.Args[0], c.Args[1:]
	}
	return nil, c.Args
}

// argPos returns the position of argument i (the receiver not counted) of
// call, a call of fn, as the source writes it; the call's Lparen when fn
// has no syntax or the argument is not found.
func argPos(fn *ssa.Function, call ssa.CallInstruction, i int) token.Pos {
	at := call.Pos()
	syntax := fn.Syntax()
	if syntax == nil || !at.IsValid() {
		return at
	}
	pos := at
	ast.Inspect(syntax, func(n ast.Node) bool {
		if pos != at {
			return false
		}
		if ce, ok := n.(*ast.CallExpr); ok && ce.Lparen == at && i < len(ce.Args) {
			pos = ce.Args[i].Pos()
			return false
		}
		return true
	})
	return pos
}

// pathTemplate writes a router's path pattern as an OpenAPI path template:
// "{id:[0-9]+}" (chi, gorilla/mux) and "{path...}" (ServeMux) become "{id}"
// and "{path}", and ServeMux's "{$}" is dropped ("/v1/{$}" is "/v1/").
// ok is false when a brace is not closed.
func pathTemplate(p string) (string, bool) {
	var b strings.Builder
	for i := 0; i < len(p); i++ {
		if p[i] != '{' {
			b.WriteByte(p[i])
			continue
		}
		depth, j := 0, i
		for ; j < len(p); j++ {
			if p[j] == '{' {
				depth++
			} else if p[j] == '}' {
				if depth--; depth == 0 {
					break
				}
			}
		}
		if j == len(p) {
			return "", false
		}
		name := p[i+1 : j]
		if k := strings.IndexByte(name, ':'); k >= 0 {
			name = name[:k]
		}
		name = strings.TrimSuffix(name, "...")
		if name != "$" {
			b.WriteString("{" + name + "}")
		}
		i = j
	}
	return b.String(), true
}

// joinPath appends path p to prefix, as chi and gorilla/mux join a
// sub-router's prefix and its routes: without a doubled "/".
func joinPath(prefix, p string) string {
	if prefix == "" {
		return p
	}
	return strings.TrimRight(prefix, "/") + p
}

// isMethodOf reports whether fn is a method of pkg.typ or *pkg.typ.
func isMethodOf(fn *types.Func, pkg, typ string) bool {
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() == nil {
		return false
	}
	return astx.IsNamed(astx.Deref(sig.Recv().Type()), pkg, typ)
}

// lastElem returns the last element of the slice a call's variadic
// arguments make, and how many there are: SSA allocates an array, stores
// each argument in its element, and slices it. ok is false for any other
// slice (one passed with "...", nil when no argument is given).
func lastElem(v ssa.Value) (last ssa.Value, n int, ok bool) {
	sl, ok := v.(*ssa.Slice)
	if !ok || sl.Low != nil || sl.High != nil || sl.Max != nil {
		return nil, 0, false
	}
	alloc, ok := sl.X.(*ssa.Alloc)
	if !ok {
		return nil, 0, false
	}
	arr, ok := astx.Deref(alloc.Type()).Underlying().(*types.Array)
	if !ok || arr.Len() == 0 {
		return nil, 0, false
	}
	for _, ref := range *alloc.Referrers() {
		ia, ok := ref.(*ssa.IndexAddr)
		if !ok {
			continue
		}
		idx, ok := ia.Index.(*ssa.Const)
		if !ok || idx.Int64() != arr.Len()-1 {
			continue
		}
		for _, use := range *ia.Referrers() {
			if st, ok := use.(*ssa.Store); ok && st.Addr == ia {
				if last != nil {
					return nil, 0, false // stored twice: not a plain argument list
				}
				last = st.Val
			}
		}
	}
	return last, int(arr.Len()), last != nil
}

// onePrefix is the prefix a router is served under, given the prefixes
// of each place it is handed on (mounted, served behind StripPrefix): ""
// when it is handed on nowhere, the prefix when every place gives the
// same; ok is false when two places give two.
func onePrefix(prefixes []string) (string, bool) {
	if len(prefixes) == 0 {
		return "", true
	}
	for _, p := range prefixes[1:] {
		if p != prefixes[0] {
			return "", false // served under two prefixes
		}
	}
	return prefixes[0], true
}
