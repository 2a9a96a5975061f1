package routes

import (
	"go/token"
	"slices"

	"github.com/errcodelint/errcodelint/analyzer/internal/flow"
	"golang.org/x/tools/go/ssa"
)

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
	if u := flow.Unconverted(v); u != v {
		return t.prefix(u) // a change of type or an interface value
	}
	switch x := v.(type) {
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
	return operandUses(funcs, v)
}

// operandUses returns the instructions of funcs that have v as an
// operand, but for the source's mentions of it (DebugRef, in GlobalDebug
// mode).
func operandUses(funcs []*ssa.Function, v ssa.Value) []ssa.Instruction {
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
	return operandUses(funcs, g)
}
