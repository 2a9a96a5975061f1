// Package routes finds where a package registers its HTTP handlers, and
// for which operation of the API: a route (a method and a path template)
// of net/http's ServeMux, chi, gin, echo or gorilla/mux, or an operation
// of a server generated from an OpenAPI document (oapi-codegen, ogen).
//
// It reads the package's SSA form, as the value-flow engine built it, and
// reports only what is known: a route whose method or path is not a
// constant, whose prefix comes through a router built elsewhere, or whose
// handler is not a function of the program is skipped, never guessed.
//
// Paths are written as OpenAPI path templates ("/v1/secrets/{id}"):
// gin's and echo's ":id" and "*path", chi's and gorilla's "{id:[0-9]+}",
// and ServeMux's "{path...}" become "{id}", "{path}"; ServeMux's "{$}" is
// dropped ("/v1/{$}" is "/v1/"), and a trailing "/" (ServeMux) or "*"
// (chi) that matches a subtree is kept as it is.
package routes

import (
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
				c := call.Common()
				callee := c.Method
				if !c.IsInvoke() {
					if sf := c.StaticCallee(); sf != nil {
						callee, _ = sf.Object().(*types.Func)
					}
				}
				if callee != nil {
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
	for {
		switch x := v.(type) {
		case *ssa.ChangeType:
			v = x.X
			continue
		case *ssa.MakeInterface:
			v = x.X
			continue
		case *ssa.Convert:
			v = x.X
			continue
		case *ssa.Function:
			fn = x
		case *ssa.MakeClosure:
			fn = x.Fn.(*ssa.Function)
		}
		break
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

// calleeOf returns the function or method a call calls, when it is known
// statically or is an interface's method.
func calleeOf(c *ssa.CallCommon) (*types.Func, bool) {
	if c.IsInvoke() {
		return c.Method, true
	}
	if sf := c.StaticCallee(); sf != nil {
		fn, ok := sf.Object().(*types.Func)
		return fn, ok
	}
	return nil, false
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

// A tracer finds the path prefix of a router value: the prefix of the
// router a sub-router is made from, through local variables, closures'
// captured variables, φ-nodes that agree, and the parameters of a closure
// or an unexported function that has a single call site. The routers say
// what their calls give (call) and what a closure passed to them is given
// (param); a value of unknown origin (a parameter of an exported
// function, a field, a global) has no prefix known, and ok is false.
type tracer struct {
	f *finder
	// call returns the prefix of the router call c returns.
	call func(t *tracer, c *ssa.Call) (prefix string, ok bool)
	// param returns the prefix of the router parameter p of a closure
	// passed as argument i (the receiver not counted) of site; nil when
	// the router passes routers to no closure.
	param func(t *tracer, site ssa.CallInstruction, i int, p *ssa.Parameter) (prefix string, ok bool)
	seen  map[ssa.Value]bool
}

// prefix returns the prefix of router value v.
func (t *tracer) prefix(v ssa.Value) (string, bool) {
	if t.seen[v] {
		return "", false // a cycle of φ-nodes
	}
	if t.seen == nil {
		t.seen = make(map[ssa.Value]bool)
	}
	t.seen[v] = true
	defer delete(t.seen, v)
	switch x := v.(type) {
	case *ssa.ChangeType:
		return t.prefix(x.X)
	case *ssa.ChangeInterface:
		return t.prefix(x.X)
	case *ssa.MakeInterface:
		return t.prefix(x.X)
	case *ssa.TypeAssert:
		return t.prefix(x.X)
	case *ssa.Call:
		return t.call(t, x)
	case *ssa.Phi:
		var out string
		for i, e := range x.Edges {
			p, ok := t.prefix(e)
			if !ok || (i > 0 && p != out) {
				return "", false
			}
			out = p
		}
		return out, len(x.Edges) > 0
	case *ssa.UnOp:
		if x.Op == token.MUL {
			if stored, ok := t.f.stored(x.X); ok {
				return t.prefix(stored)
			}
		}
	case *ssa.FreeVar:
		if b, ok := t.f.binding(x); ok {
			return t.prefix(b)
		}
	case *ssa.Parameter:
		return t.parameter(x)
	}
	return "", false
}

// parameter returns the prefix of router parameter p: given by the single
// call of its function, a closure or an unexported function, or by the
// router it is passed to (chi's r.Route("/v1", fn)).
func (t *tracer) parameter(p *ssa.Parameter) (string, bool) {
	fn := p.Parent()
	index := slices.Index(fn.Params, p)
	if index < 0 || (fn.Parent() == nil && token.IsExported(fn.Name())) {
		return "", false // exported: called from elsewhere too
	}
	val, uses := t.f.valueOf(fn), t.f.usesOf(fn)
	if fn.Signature.Recv() != nil {
		// A method: called statically, or passed once as a method value
		// (r.Route("/v1", s.routes)), and through no interface.
		bound, ok := t.f.methodUses(fn)
		switch {
		case !ok:
			return "", false
		case bound != nil && len(uses) == 0:
			val, uses = bound, nil
			for _, r := range *bound.Referrers() {
				if _, debug := r.(*ssa.DebugRef); !debug {
					uses = append(uses, r)
				}
			}
		case bound != nil:
			return "", false // called, and passed as a value too
		}
	}
	if len(uses) != 1 {
		return "", false // called from elsewhere, or more than once
	}
	call, ok := uses[0].(ssa.CallInstruction)
	if !ok {
		return "", false
	}
	c := call.Common()
	if !c.IsInvoke() && c.Value == val {
		// A direct call: the argument is the parameter's value.
		if val != t.f.valueOf(fn) || index >= len(c.Args) {
			return "", false // a method value called
		}
		return t.prefix(c.Args[index])
	}
	if t.param == nil {
		return "", false
	}
	_, args := recvArgs(c)
	for i, a := range args {
		if a == val {
			return t.param(t, call, i, p)
		}
	}
	return "", false
}

// methodUses reports whether method fn is used by static calls only in
// the package, or by a single method value (s.routes, a $bound closure):
// neither a method expression of it nor an interface's method of its name
// is used. bound is the method value, if any.
func (f *finder) methodUses(fn *ssa.Function) (bound *ssa.MakeClosure, ok bool) {
	obj := fn.Object()
	if obj == nil {
		return nil, false
	}
	var ops []*ssa.Value
	for _, g := range f.res.Funcs() {
		for _, b := range g.Blocks {
			for _, instr := range b.Instrs {
				if call, ok := instr.(ssa.CallInstruction); ok {
					if c := call.Common(); c.IsInvoke() && c.Method.Name() == fn.Name() {
						return nil, false
					}
				}
				ops = instr.Operands(ops[:0])
				for _, op := range ops {
					w, ok := (*op).(*ssa.Function)
					if !ok || w.Synthetic == "" || w.Object() != obj {
						continue
					}
					mc, isClosure := instr.(*ssa.MakeClosure)
					if !isClosure || mc.Fn != w || bound != nil {
						return nil, false // a method expression, or two method values
					}
					bound = mc
				}
			}
		}
	}
	return bound, true
}

// valueOf returns the value that stands for fn where its parent uses it:
// the MakeClosure of a closure with free variables, else fn.
func (f *finder) valueOf(fn *ssa.Function) ssa.Value {
	if fn.Parent() == nil || len(fn.FreeVars) == 0 {
		return fn
	}
	for _, b := range fn.Parent().Blocks {
		for _, instr := range b.Instrs {
			if mc, ok := instr.(*ssa.MakeClosure); ok && mc.Fn == fn {
				return mc
			}
		}
	}
	return fn
}

// usesOf returns the instructions of the package that use fn (or its
// closure): its calls, and any other use, which lets it be called from
// elsewhere.
func (f *finder) usesOf(fn *ssa.Function) []ssa.Instruction {
	v := f.valueOf(fn)
	var out []ssa.Instruction
	funcs := f.res.Funcs()
	if fn.Parent() != nil {
		funcs = []*ssa.Function{fn.Parent()} // only its parent refers to a function literal
	}
	if mc, ok := v.(*ssa.MakeClosure); ok {
		for _, r := range *mc.Referrers() {
			if _, debug := r.(*ssa.DebugRef); !debug {
				out = append(out, r)
			}
		}
		return out
	}
	var ops []*ssa.Value
	for _, g := range funcs {
		for _, b := range g.Blocks {
			for _, instr := range b.Instrs {
				if _, debug := instr.(*ssa.DebugRef); debug {
					continue // the source's mention, in GlobalDebug mode
				}
				ops = instr.Operands(ops[:0])
				for _, op := range ops {
					if *op == v {
						out = append(out, instr)
						break
					}
				}
			}
		}
	}
	return out
}

// stored returns the value stored at addr, a local variable (or one a
// closure captured) or a variable of the package's own, stored to once
// and whose address goes nowhere else (a call that could assign it).
func (f *finder) stored(addr ssa.Value) (ssa.Value, bool) {
	if fv, ok := addr.(*ssa.FreeVar); ok {
		b, ok := f.binding(fv)
		if !ok {
			return nil, false
		}
		addr = b
	}
	switch addr.(type) {
	case *ssa.Alloc, *ssa.Global:
	default:
		return nil, false
	}
	var val ssa.Value
	for _, u := range f.varUses(addr) {
		switch x := u.instr.(type) {
		case *ssa.Store:
			if x.Addr != u.addr || val != nil {
				return nil, false // assigned more than once, or stored elsewhere
			}
			val = x.Val
		case *ssa.UnOp:
			if x.Op != token.MUL {
				return nil, false
			}
		default:
			return nil, false // the address taken
		}
	}
	return val, val != nil
}

// binding returns the value a closure's free variable is bound to by the
// single closure of the function.
func (f *finder) binding(fv *ssa.FreeVar) (ssa.Value, bool) {
	fn := fv.Parent()
	mc, ok := f.valueOf(fn).(*ssa.MakeClosure)
	if !ok {
		return nil, false
	}
	for i, v := range fn.FreeVars {
		if v == fv && i < len(mc.Bindings) {
			return mc.Bindings[i], true
		}
	}
	return nil, false
}

// source follows v through conversions, and local variables and captured
// variables stored to once, to the value that made it.
func (f *finder) source(v ssa.Value) ssa.Value {
	for range 16 {
		switch x := v.(type) {
		case *ssa.ChangeType:
			v = x.X
			continue
		case *ssa.UnOp:
			if x.Op == token.MUL {
				if s, ok := f.stored(x.X); ok {
					v = s
					continue
				}
			}
		case *ssa.FreeVar:
			if b, ok := f.binding(x); ok {
				v = b
				continue
			}
		}
		break
	}
	return v
}

// loads returns the loads of the variable at addr, those of the closures
// that capture it included.
func (f *finder) loads(addr ssa.Value) []ssa.Value {
	var out []ssa.Value
	for _, u := range f.varUses(addr) {
		if l, ok := u.instr.(*ssa.UnOp); ok && l.Op == token.MUL {
			out = append(out, l)
		}
	}
	return out
}

// A varUse is an instruction that uses a variable at addr: the variable's
// own address, or a closure's free variable bound to it.
type varUse struct {
	instr ssa.Instruction
	addr  ssa.Value
}

// varUses returns the uses of the variable at addr (an Alloc or a Global),
// those of the closures that capture it included, but for its debug
// references and the captures themselves.
func (f *finder) varUses(addr ssa.Value) []varUse {
	var out []varUse
	var visit func(addr ssa.Value, depth int)
	visit = func(addr ssa.Value, depth int) {
		refs := addr.Referrers()
		if g, ok := addr.(*ssa.Global); ok {
			uses := f.globalUses(g)
			refs = &uses
		}
		if depth > 8 || refs == nil {
			return
		}
		for _, r := range *refs {
			switch u := r.(type) {
			case *ssa.DebugRef:
			case *ssa.MakeClosure:
				fn := u.Fn.(*ssa.Function)
				for i, b := range u.Bindings {
					if b == addr && i < len(fn.FreeVars) {
						visit(fn.FreeVars[i], depth+1)
					}
				}
			default:
				out = append(out, varUse{r, addr})
			}
		}
	}
	visit(addr, 0)
	return out
}

// A handoff is a call that router value r is given to, as argument arg
// (the receiver not counted): a mount (chi's r.Mount("/v1", sub)), a
// prefix stripper (http.StripPrefix("/v1", mux)).
type handoff struct {
	call ssa.CallInstruction
	arg  int
}

// handoffs returns the calls of the package router r is given to:
// directly, converted to an interface, through a variable stored to once,
// or as the result of the function that makes it.
func (f *finder) handoffs(r ssa.Value) []handoff {
	var out []handoff
	var visit func(v ssa.Value, depth int)
	visit = func(v ssa.Value, depth int) {
		if depth > 8 || v.Referrers() == nil {
			return
		}
		for _, use := range *v.Referrers() {
			switch u := use.(type) {
			case *ssa.ChangeType:
				visit(u, depth+1)
			case *ssa.ChangeInterface:
				visit(u, depth+1)
			case *ssa.MakeInterface:
				visit(u, depth+1)
			case *ssa.Store:
				if _, once := f.stored(u.Addr); once && u.Val == v {
					for _, l := range f.loads(u.Addr) {
						visit(l, depth+1)
					}
				}
			case *ssa.Return:
				// The function returns the router: what its callers do.
				fn := u.Parent()
				for _, use := range f.usesOf(fn) {
					if c, ok := use.(*ssa.Call); ok && c.Common().Value == f.valueOf(fn) {
						visit(c, depth+1)
					}
				}
			case ssa.CallInstruction:
				_, args := recvArgs(u.Common())
				for i, a := range args {
					if a == v {
						out = append(out, handoff{u, i})
					}
				}
			}
		}
	}
	visit(r, 0)
	return out
}

// globalUses returns the instructions of the package that use g, those of
// its variables' initializers included; nil for an exported variable of
// a package other than main, which other packages may assign.
func (f *finder) globalUses(g *ssa.Global) []ssa.Instruction {
	if g.Pkg != f.res.Pkg || (token.IsExported(g.Name()) && g.Pkg.Pkg.Name() != "main") {
		return nil
	}
	funcs := f.res.Funcs()
	if init := f.res.Pkg.Func("init"); init != nil && !slices.Contains(funcs, init) {
		funcs = append([]*ssa.Function{init}, funcs...)
		funcs = append(funcs, init.AnonFuncs...)
	}
	var out []ssa.Instruction
	var ops []*ssa.Value
	for _, fn := range funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				if _, debug := instr.(*ssa.DebugRef); debug {
					continue
				}
				ops = instr.Operands(ops[:0])
				for _, op := range ops {
					if *op == g {
						out = append(out, instr)
						break
					}
				}
			}
		}
	}
	return out
}
