package flow

import (
	"go/constant"
	"go/token"
	"go/types"
	"path/filepath"
	"slices"
	"strconv"

	"github.com/errcodelint/errcodelint/analyzer/internal/astx"
	"github.com/errcodelint/errcodelint/analyzer/internal/envelope"
	"github.com/errcodelint/errcodelint/analyzer/internal/nethttp"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
)

// An engine computes the summaries of one package.
type engine struct {
	pass *analysis.Pass
	pkg  *ssa.Package
	sums map[*ssa.Function]*Summary
	// vars holds the package's variables whose only store is their
	// initializer, with that value.
	vars map[*ssa.Global]Value
	// inits are the stores that initialize vars, before their values are
	// known.
	inits map[*ssa.Global]*ssa.Store
	// funcs are the package's functions, closures included.
	funcs []*ssa.Function
	// imported are the summaries of function literals held by other
	// packages' variables, by the variable's name.
	imported map[string]*Summary
	// events are each function's writes and header changes, from the
	// last round that summarized it.
	events map[*ssa.Function][]event
}

func newEngine(pass *analysis.Pass, pkg *ssa.Package) *engine {
	return &engine{
		pass:  pass,
		pkg:   pkg,
		sums:  make(map[*ssa.Function]*Summary),
		vars:  make(map[*ssa.Global]Value),
		inits: make(map[*ssa.Global]*ssa.Store),

		imported: make(map[string]*Summary),
		events:   make(map[*ssa.Function][]event),
	}
}

// globals finds the package variables whose only store is the package
// initializer's: not assigned again, and their map or struct not changed
// in place (a row added in a function would make a lookup's "no such
// row" wrong).
func (e *engine) globals() {
	stores := make(map[*ssa.Global][]*ssa.Store)
	changed := make(map[*ssa.Global]bool)
	for _, f := range e.funcs {
		for _, b := range f.Blocks {
			for _, instr := range b.Instrs {
				switch instr := instr.(type) {
				case *ssa.Store:
					if g, ok := instr.Addr.(*ssa.Global); ok {
						stores[g] = append(stores[g], instr)
					} else if g := globalUnder(instr.Addr); g != nil {
						changed[g] = true
					}
				case *ssa.MapUpdate:
					if g := globalUnder(instr.Map); g != nil {
						changed[g] = true
					}
				}
			}
		}
	}
	for g, sts := range stores {
		if len(sts) == 1 && !changed[g] && sts[0].Block().Parent().Synthetic == "package initializer" {
			e.inits[g] = sts[0]
		}
	}
}

// globalUnder is the package variable an address or a map is a part of
// (a field, an element, the map a variable holds), or nil.
func globalUnder(v ssa.Value) *ssa.Global {
	for {
		switch x := v.(type) {
		case *ssa.Global:
			return x
		case *ssa.FieldAddr:
			v = x.X
		case *ssa.IndexAddr:
			v = x.X
		case *ssa.UnOp:
			if x.Op != token.MUL {
				return nil
			}
			v = x.X
		default:
			return nil
		}
	}
}

// varValue is the initial value of a package variable stored only by its
// initializer, evaluated when first asked: functions are solved callees
// first, and every function that reads a package variable comes after
// the initializer's callees (see callees), so the constructors it calls
// have their summaries by then.
func (e *engine) varValue(g *ssa.Global) (Value, bool) {
	st, ok := e.inits[g]
	if !ok {
		return nil, false
	}
	if v, ok := e.vars[g]; ok {
		return v, true
	}
	e.vars[g] = unknown // an initializer that reads itself
	v := e.evaluator(st.Block().Parent()).operand(st.Val, st.Pos(), -1)
	e.vars[g] = v
	return v, true
}

// exportVars exports the values of the exported variables, once every
// summary is known. A variable holding a function literal carries the
// literal's summary, which has no object of its own to hang a fact on.
func (e *engine) exportVars() {
	for g := range e.inits {
		obj := g.Object()
		if obj == nil || !obj.Exported() {
			continue
		}
		v, _ := e.varValue(g)
		if trivialValue(v) {
			continue
		}
		fact := &Var{Val: v.Strip()}
		if len(v) == 1 && v[0].Kind == Func {
			if s := e.anonSummary(v[0].Type); s != nil {
				fact.Func = s.strip()
			}
		}
		e.pass.ExportObjectFact(obj, fact)
	}
}

func trivialValue(v Value) bool { return len(v) == 0 || len(v) == 1 && v[0].Kind == Unknown }

func methodsOf(prog *ssa.Program, t types.Type) []*types.Selection {
	var out []*types.Selection
	for _, typ := range []types.Type{t, types.NewPointer(t)} {
		ms := prog.MethodSets.MethodSet(typ)
		for i := range ms.Len() {
			out = append(out, ms.At(i))
		}
	}
	return out
}

// solve computes the summaries of one strongly connected component. A
// recursive component is computed again until no summary changes. Values
// are finite, but bounding them (maxAtoms, maxDepth) is not monotone: a
// value that keeps growing may be cut back to Unknown and grow again. So
// after widenAfter rounds, what still changes is widened to Unknown (a
// result) or dropped (a response whose values keep changing), and the
// component settles, with no cap on the number of rounds.
func (e *engine) solve(comp []*ssa.Function) {
	recursive := len(comp) > 1 || calls(comp[0], comp[0])
	for round := 0; ; round++ {
		changed := false
		for _, fn := range comp {
			sum := e.evaluator(fn).summary()
			if old := e.sums[fn]; old != nil && round >= widenAfter {
				sum = widen(old, sum)
			}
			if !sum.equal(e.sums[fn]) {
				e.sums[fn] = sum
				changed = true
			}
		}
		if !changed || !recursive {
			return
		}
	}
}

// widenAfter is the number of rounds a recursive component is computed
// plainly before widening.
const widenAfter = 3

// widen keeps what two rounds agree on: a result that changed becomes
// Unknown, and only the responses found in both rounds are kept.
func widen(old, cur *Summary) *Summary {
	out := &Summary{Results: make([]Value, len(cur.Results))}
	for i, r := range cur.Results {
		if i < len(old.Results) && r.equal(old.Results[i]) {
			out.Results[i] = r
		} else {
			out.Results[i] = unknown
		}
	}
	for _, k := range cur.Sinks {
		if slices.ContainsFunc(old.Sinks, k.equal) {
			out.Sinks = append(out.Sinks, k)
		}
	}
	return out
}

func calls(fn, callee *ssa.Function) bool {
	for _, c := range callees(fn) {
		if c == callee {
			return true
		}
	}
	return false
}

// An evaluator computes the values of one function.
type evaluator struct {
	e    *engine
	fn   *ssa.Function
	memo map[ssa.Value]Value
}

func (e *engine) evaluator(fn *ssa.Function) *evaluator {
	return &evaluator{e: e, fn: fn, memo: make(map[ssa.Value]Value)}
}

// summary is fn's summary: its results, and the responses it writes. A
// function that returns by cases of one value (a switch on a code, an if
// chain) returns a table keyed by that value: its rows are the cases, the
// other returns its default row.
func (ev *evaluator) summary() *Summary {
	n := ev.fn.Signature.Results().Len()
	sum := &Summary{Results: make([]Value, n)}
	cases := make([][]Row, n)
	var key Value
	byCases := true
	for _, b := range ev.fn.Blocks {
		ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
		if !ok {
			continue
		}
		k, consts := ev.caseOf(b)
		if k != nil {
			if key != nil && !key.equal(k) {
				byCases = false
			}
			key = k
		}
		guards := ev.guards(b)
		for i, r := range ret.Results {
			v := guarded(ev.operand(r, ret.Pos(), i), guards)
			if k != nil {
				cases[i] = append(cases[i], Row{Key: consts, Val: v, Where: ev.where(casePos(consts, ret.Pos()))})
			} else {
				sum.Results[i] = Union(sum.Results[i], v)
			}
		}
	}
	for i := range n {
		switch {
		case len(cases[i]) == 0:
		case byCases:
			rows := append(cases[i], Row{Val: sum.Results[i]})
			sum.Results[i] = lookup(rows, key, nil, ev.fn.Name())
		default:
			for _, r := range cases[i] {
				sum.Results[i] = Union(sum.Results[i], r.Val)
			}
		}
	}
	sum.Sinks = ev.sinks()
	return sum
}

// A guard is a condition on a caller's error that decides whether a block
// runs: errors.As(param, &target) found an error of the target's type
// (Then) or did not.
type guard struct {
	found Value // the As atom: what errors.As finds
	then  bool
}

// guards are the errors.As conditions on parameters that every path to b
// passes, each with the branch taken.
func (ev *evaluator) guards(b *ssa.BasicBlock) []guard {
	var out []guard
	for p := b.Idom(); p != nil; p = p.Idom() {
		iff, ok := p.Instrs[len(p.Instrs)-1].(*ssa.If)
		if !ok {
			continue
		}
		call, ok := iff.Cond.(*ssa.Call)
		if !ok || !isFunc(call.Common(), "errors", "As") || len(call.Common().Args) != 2 {
			continue
		}
		target, ok := underInterface(call.Common().Args[1]).(*ssa.Alloc)
		if !ok {
			continue
		}
		found := asError(ev.value(call.Common().Args[0]), typeName(deref(target.Type())))
		if len(found) != 1 || found[0].Kind != As {
			continue // decided here, or not about a caller's error
		}
		switch {
		case p.Succs[0].Dominates(b) && p.Succs[0] != p.Succs[1]:
			out = append(out, guard{found: found, then: true})
		case p.Succs[1].Dominates(b):
			out = append(out, guard{found: found, then: false})
		}
	}
	return out
}

// guarded is v under guards: a Guard atom for each, innermost last.
func guarded(v Value, guards []guard) Value {
	if v == nil {
		return nil // nothing written, on any branch
	}
	for _, g := range guards {
		enc := "else"
		if g.then {
			enc = "then"
		}
		v = Value{{Kind: Guard, Of: g.found, Enc: enc, Rows: []Row{{Val: v}}}}
	}
	return v
}

// underInterface is v before its conversion to an interface.
func underInterface(v ssa.Value) ssa.Value {
	for {
		switch x := v.(type) {
		case *ssa.MakeInterface:
			v = x.X
		case *ssa.ChangeInterface:
			v = x.X
		default:
			return v
		}
	}
}

// caseOf says which case of a value a block is reached by: the value and
// the constants it equals there, when every way into the block is the true
// edge of a comparison of that one value with a constant (a switch case,
// an if). nil when the block is reached otherwise.
func (ev *evaluator) caseOf(b *ssa.BasicBlock) (key, consts Value) {
	for len(b.Preds) == 1 {
		p := b.Preds[0]
		if _, ok := p.Instrs[len(p.Instrs)-1].(*ssa.Jump); !ok {
			break
		}
		b = p
	}
	if len(b.Preds) == 0 {
		return nil, nil
	}
	for _, p := range b.Preds {
		iff, ok := p.Instrs[len(p.Instrs)-1].(*ssa.If)
		if !ok || p.Succs[0] != b || p.Succs[1] == b {
			return nil, nil
		}
		cond, ok := iff.Cond.(*ssa.BinOp)
		if !ok || cond.Op != token.EQL {
			return nil, nil
		}
		x, c := cond.X, cond.Y
		if _, ok := x.(*ssa.Const); ok {
			x, c = c, x
		}
		cc, ok := c.(*ssa.Const)
		if !ok || cc.Value == nil {
			return nil, nil
		}
		k := ev.value(x)
		if !k.has(Param) || key != nil && !key.equal(k) {
			return nil, nil
		}
		key = k
		consts = Union(consts, ev.operand(cc, cond.Pos(), -1))
	}
	return key, consts
}

// operand is the value of v where instruction at (a call's Lparen, a
// key-value's colon, a return) uses it as operand arg: a constant gets
// that place, for reports and fixes.
func (ev *evaluator) operand(v ssa.Value, at token.Pos, arg int) Value {
	if c, ok := constUnder(v); ok {
		out := ev.constant(c)
		for i := range out {
			if out[i].Kind == Const && at.IsValid() {
				out[i].At, out[i].Arg = at, arg
			}
		}
		return out
	}
	return ev.value(v)
}

// where is a position as messages name a row: "file.go:line".
func (ev *evaluator) where(pos token.Pos) string {
	if !pos.IsValid() {
		return ""
	}
	p := ev.e.pass.Fset.Position(pos)
	return filepath.Base(p.Filename) + ":" + strconv.Itoa(p.Line)
}

// casePos is where a case's row is: its constants' place (the case
// clause), else the return's.
func casePos(consts Value, ret token.Pos) token.Pos {
	for _, c := range consts {
		if c.At.IsValid() {
			return c.At
		}
	}
	return ret
}

// constUnder is the constant v is, through conversions to an interface
// or another type: "x" in map[string]any{"code": "x"}.
func constUnder(v ssa.Value) (*ssa.Const, bool) {
	c, ok := Unconverted(v).(*ssa.Const)
	return c, ok
}

// Unconverted is the value v converts: v through changes of type,
// conversions and interface values (http.HandlerFunc(h) is h; any("x")
// is "x").
func Unconverted(v ssa.Value) ssa.Value {
	for {
		switch x := v.(type) {
		case *ssa.MakeInterface:
			v = x.X
		case *ssa.ChangeType:
			v = x.X
		case *ssa.ChangeInterface:
			v = x.X
		case *ssa.Convert:
			v = x.X
		default:
			return v
		}
	}
}

func (ev *evaluator) constant(c *ssa.Const) Value {
	if c.Value != nil {
		return ConstValue(c.Value)
	}
	if _, ok := c.Type().Underlying().(*types.Struct); ok {
		return Value{{Kind: Obj, Type: typeName(c.Type())}}
	}
	return nil // nil: no value at all
}

// value is what v may be.
func (ev *evaluator) value(v ssa.Value) Value {
	if out, ok := ev.memo[v]; ok {
		return out
	}
	ev.memo[v] = nil // a cycle through phis adds nothing
	out := bounded(ev.value0(v))
	ev.memo[v] = out
	return out
}

func (ev *evaluator) value0(v ssa.Value) Value {
	switch v := v.(type) {
	case *ssa.Const:
		return ev.constant(v)
	case *ssa.Parameter:
		for i, p := range ev.fn.Params {
			if p == v {
				return ev.param(i, p)
			}
		}
	case *ssa.Phi:
		var out Value
		for _, edge := range v.Edges {
			out = Union(out, ev.value(edge))
		}
		return out
	case *ssa.MakeInterface:
		return ev.value(v.X)
	case *ssa.ChangeType:
		return ev.value(v.X)
	case *ssa.ChangeInterface:
		return ev.value(v.X)
	case *ssa.Convert:
		return ev.value(v.X)
	case *ssa.Slice:
		return ev.value(v.X)
	case *ssa.TypeAssert:
		return ev.assert(ev.value(v.X), v.AssertedType)
	case *ssa.Extract:
		return ev.extract(v)
	case *ssa.Call:
		res := ev.call(v.Common(), v.Pos())
		if len(res) == 1 {
			return res[0]
		}
		return unknown
	case *ssa.UnOp:
		if v.Op == token.MUL {
			return ev.load(v.X)
		}
	case *ssa.FieldAddr:
		return ev.field(v.X, fieldName(v.X.Type(), v.Field))
	case *ssa.Field:
		return ev.field(v.X, fieldName(v.X.Type(), v.Field))
	case *ssa.Alloc:
		return ev.alloc(v)
	case *ssa.MakeMap:
		return ev.makeMap(v)
	case *ssa.Lookup:
		return ev.index(ev.value(v.X), ev.value(v.Index))
	case *ssa.Global:
		return ev.global(v)
	case *ssa.Function:
		if obj, ok := v.Object().(*types.Func); ok {
			return Value{{Kind: Func, Type: obj.FullName()}}
		}
		if v.Pkg == ev.e.pkg {
			return Value{{Kind: Func, Type: v.String()}} // a function literal
		}
	case *ssa.BinOp:
		return ev.binop(v)
	}
	return unknown
}

// load is the value stored at an address.
func (ev *evaluator) load(addr ssa.Value) Value {
	if g, ok := addr.(*ssa.Global); ok {
		return ev.global(g)
	}
	return ev.value(addr)
}

// global is the value of a package variable: its initial value when that is
// its only store (by this package's analysis, or by a fact of its own).
func (ev *evaluator) global(g *ssa.Global) Value {
	name := g.Pkg.Pkg.Path() + "." + g.Name()
	if g.Pkg == ev.e.pkg {
		v, ok := ev.e.varValue(g)
		if !ok {
			return unknown
		}
		return Value{{Kind: Global, Type: name, Of: named(v, g.Name())}}
	}
	var fact Var
	if obj := g.Object(); obj != nil && ev.e.pass.ImportObjectFact(obj, &fact) {
		if fact.Func != nil {
			ev.e.imported[name] = fact.Func
		}
		return Value{{Kind: Global, Type: name, Of: named(fact.Val, g.Name())}}
	}
	return unknown
}

// named gives the tables of a variable's value the variable's name, for
// messages.
func named(v Value, name string) Value {
	out := slices.Clone(v)
	for i := range out {
		if out[i].Kind == Table && out[i].Type == "" {
			out[i].Type = name
		}
	}
	return out
}

// field is field name of the value at x. Where x is not known, the field
// is known by its type: whatever any code stores to that field.
func (ev *evaluator) field(x ssa.Value, name string) Value {
	if name == "Writer" && nethttp.IsContext(x.Type()) {
		return ev.value(x) // gin's c.Writer writes c's response
	}
	base := ev.value(x)
	out := base.Select(name)
	if !out.HasUnknown() {
		return out
	}
	t := typeName(x.Type())
	if t == "" {
		return out
	}
	var fixed Value
	for _, a := range out {
		if a.Kind == Unknown {
			a = Atom{Kind: Field, Type: t, Path: []string{name}}
		}
		fixed = Union(fixed, Value{a})
	}
	return fixed
}

// alloc is the value of a local variable or a composite literal: a struct
// with the fields stored to it, or whatever is stored to it whole (and,
// for a target of errors.As, the errors it may find).
func (ev *evaluator) alloc(a *ssa.Alloc) Value {
	elem := deref(a.Type())
	refs := a.Referrers()
	if refs == nil {
		return unknown
	}
	if st, ok := elem.Underlying().(*types.Struct); ok {
		whole, _ := ev.asTarget(a, elem)
		for _, r := range *refs {
			if s, ok := r.(*ssa.Store); ok && s.Addr == a {
				whole = Union(whole, ev.operand(s.Val, s.Pos(), -1))
			}
		}
		if whole != nil {
			return whole // a copy of a struct value (a value receiver)
		}
		obj := Atom{Kind: Obj, Type: typeName(elem), Open: escapes(a)}
		ev.storedFields(&obj, a, st, 0)
		return Value{obj}
	}
	out, stored := ev.asTarget(a, elem)
	for _, r := range *refs {
		switch r := r.(type) {
		case *ssa.Store:
			if r.Addr == a {
				out = Union(out, ev.operand(r.Val, r.Pos(), -1))
				stored = true
			}
		case *ssa.IndexAddr:
			// An array literal (variadic arguments, a slice of rows):
			// its elements, as one set.
			if r.Referrers() != nil {
				for _, rr := range *r.Referrers() {
					if s, ok := rr.(*ssa.Store); ok && s.Addr == r {
						out = Union(out, ev.operand(s.Val, s.Pos(), -1))
						stored = true
					}
				}
			}
		}
	}
	if !stored {
		return unknown
	}
	return out
}

// param is parameter i: itself, or, when the function stores to fields of
// the struct it points to (a builder's e.Code = code), that struct with
// those fields set over what the caller passes.
func (ev *evaluator) param(i int, p *ssa.Parameter) Value {
	self := Value{{Kind: Param, Index: i}}
	if _, isPtr := p.Type().Underlying().(*types.Pointer); !isPtr || p.Referrers() == nil {
		return self
	}
	st, ok := deref(p.Type()).Underlying().(*types.Struct)
	if !ok {
		return self
	}
	obj := Atom{Kind: Obj, Type: typeName(p.Type()), Of: self}
	ev.storedFields(&obj, p, st, 0)
	if len(obj.Fields) == 0 {
		return self
	}
	for i, f := range obj.Fields {
		if !ev.storedOnEveryPath(p, f.Name) {
			// Set on some paths only: the caller's value on the others.
			obj.Fields[i].Val = Union(f.Val, self.Select(f.Name))
		}
	}
	return Value{obj}
}

// storedOnEveryPath reports whether field name of the struct p points to
// is stored before every return of the function.
func (ev *evaluator) storedOnEveryPath(p *ssa.Parameter, name string) bool {
	var stores []*ssa.BasicBlock
	for _, r := range *p.Referrers() {
		fa, ok := r.(*ssa.FieldAddr)
		if !ok || fa.X != p || fieldName(p.Type(), fa.Field) != name || fa.Referrers() == nil {
			continue
		}
		for _, rr := range *fa.Referrers() {
			if st, ok := rr.(*ssa.Store); ok && st.Addr == fa {
				stores = append(stores, st.Block())
			}
		}
	}
	for _, b := range ev.fn.Blocks {
		if _, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); !ok {
			continue
		}
		if !slices.ContainsFunc(stores, func(s *ssa.BasicBlock) bool { return s.Dominates(b) }) {
			return false
		}
	}
	return true
}

// storedFields sets obj's fields from the stores to the fields of the
// struct at addr, and below them: body.Error.Code = "x" sets Error's Code.
func (ev *evaluator) storedFields(obj *Atom, addr ssa.Value, st *types.Struct, depth int) {
	for _, r := range *addr.Referrers() {
		fa, ok := r.(*ssa.FieldAddr)
		if !ok || fa.X != addr || fa.Referrers() == nil {
			continue
		}
		f := st.Field(fa.Field)
		j, x, encoded := envelope.Names(st.Tag(fa.Field), f)
		if !encoded {
			j, x = "-", "-" // no key has the name "-"
		}
		wire := FieldValue{Name: f.Name(), JSON: j, XML: x, Array: isList(f.Type()), Dynamic: types.IsInterface(f.Type())}
		for _, rr := range *fa.Referrers() {
			if s, ok := rr.(*ssa.Store); ok && s.Addr == fa {
				obj.setField(wire, ev.operand(s.Val, s.Pos(), -1))
			}
		}
		inner, ok := f.Type().Underlying().(*types.Struct)
		if !ok || depth >= maxDepth {
			continue
		}
		sub := Atom{Kind: Obj, Type: typeName(f.Type())}
		ev.storedFields(&sub, fa, inner, depth+1)
		if len(sub.Fields) > 0 {
			obj.setField(wire, Value{sub})
		}
	}
}

// asTarget is what errors.As(err, &target) may put in a local variable:
// the errors of its type err is or wraps. ok is false when the variable
// is not such a target.
func (ev *evaluator) asTarget(a *ssa.Alloc, elem types.Type) (out Value, ok bool) {
	for _, r := range *a.Referrers() {
		mi, isIface := r.(*ssa.MakeInterface)
		if !isIface || mi.Referrers() == nil {
			continue
		}
		for _, rr := range *mi.Referrers() {
			if call, isCall := rr.(*ssa.Call); isCall && isFunc(call.Common(), "errors", "As") &&
				len(call.Common().Args) == 2 && call.Common().Args[1] == mi {
				out = Union(out, asError(ev.value(call.Common().Args[0]), typeName(elem)))
				ok = true
			}
		}
	}
	return out, ok
}

// setField adds v to the field named as in field.
func (a *Atom) setField(field FieldValue, v Value) {
	for i, f := range a.Fields {
		if f.Name == field.Name {
			a.Fields[i].Val = Union(f.Val, v)
			return
		}
	}
	field.Val = v
	a.Fields = append(a.Fields, field)
}

// assert keeps the members of v that may have type t: structs of another
// type are dropped; parameters and unknowns may be anything.
func (ev *evaluator) assert(v Value, t types.Type) Value {
	if types.IsInterface(t) {
		return v
	}
	want := typeName(t)
	var out Value
	for _, a := range v {
		switch a.Kind {
		case Obj:
			if a.Type == want {
				out = Union(out, Value{a})
			}
		case Global:
			out = Union(out, ev.assert(a.Of, t))
		default:
			out = Union(out, Value{a})
		}
	}
	return out
}

// makeMap is a map literal: its rows.
func (ev *evaluator) makeMap(m *ssa.MakeMap) Value {
	refs := m.Referrers()
	if refs == nil {
		return unknown
	}
	table := Atom{Kind: Table}
	for _, r := range *refs {
		if u, ok := r.(*ssa.MapUpdate); ok && u.Map == m {
			table.Rows = append(table.Rows, Row{
				Key:   ev.operand(u.Key, u.Pos(), -2),
				Val:   ev.operand(u.Value, u.Pos(), -1),
				Where: ev.where(u.Pos()),
			})
		}
	}
	return Value{table}
}

// index is table[key] for every table the value may be.
func (ev *evaluator) index(tables, key Value) Value {
	var out Value
	for _, t := range tables {
		switch t.Kind {
		case Global:
			out = Union(out, ev.index(t.Of, key))
		case Table:
			out = Union(out, lookup(t.Rows, key, nil, t.Type))
		default:
			out = Union(out, unknown)
		}
	}
	return out
}

func (ev *evaluator) extract(x *ssa.Extract) Value {
	switch t := x.Tuple.(type) {
	case *ssa.Call:
		res := ev.call(t.Common(), t.Pos())
		if x.Index < len(res) {
			return res[x.Index]
		}
	case *ssa.Lookup:
		if x.Index == 0 {
			return ev.index(ev.value(t.X), ev.value(t.Index))
		}
	case *ssa.TypeAssert:
		if x.Index == 0 {
			return ev.assert(ev.value(t.X), t.AssertedType)
		}
	}
	return unknown
}

// binop folds string concatenation of known parts (a prefix and a code);
// a string with a known part and an unknown one is Text.
func (ev *evaluator) binop(b *ssa.BinOp) Value {
	if b.Op != token.ADD {
		return unknown
	}
	x, y := ev.operand(b.X, b.Pos(), -1), ev.operand(b.Y, b.Pos(), -1)
	if len(x) != 1 || len(y) != 1 || x[0].Kind != Const || y[0].Kind != Const {
		if !astx.IsString(b.Type()) {
			return unknown
		}
		px, okx := textParts(x)
		py, oky := textParts(y)
		if !okx && !oky {
			return unknown // no part known: nothing to match
		}
		return textValue(concatParts(px, py), b.Pos())
	}
	c := constant.BinaryOp(x[0].Constant(), token.ADD, y[0].Constant())
	if c == nil || c.Kind() == constant.Unknown || c.Kind() == constant.String && len(constant.StringVal(c)) > maxText {
		return unknown // not a code: codes are short
	}
	out := ConstValue(c)
	out[0].At, out[0].Arg = y[0].At, y[0].Arg
	return out
}

// typeName is the qualified name of t's named type (through a pointer):
// "path.Name"; "" for an unnamed type.
func typeName(t types.Type) string {
	if n, ok := types.Unalias(deref(t)).(*types.Named); ok && n.Obj().Pkg() != nil {
		return n.Obj().Pkg().Path() + "." + n.Obj().Name()
	}
	return ""
}

func deref(t types.Type) types.Type {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		return p.Elem()
	}
	return t
}

func fieldName(t types.Type, i int) string {
	if st, ok := deref(t).Underlying().(*types.Struct); ok && i < st.NumFields() {
		return st.Field(i).Name()
	}
	return "?"
}

// isList reports whether a field of type t is a list in bodies: a slice
// or an array, but not of bytes (a string in JSON, text in XML).
func isList(t types.Type) bool {
	var elem types.Type
	switch u := t.Underlying().(type) {
	case *types.Slice:
		elem = u.Elem()
	case *types.Array:
		elem = u.Elem()
	default:
		return false
	}
	b, ok := elem.Underlying().(*types.Basic)
	return !ok || b.Kind() != types.Byte
}

// escapes reports whether a pointer is handed to code the engine cannot
// see: a call of a function value or of an interface method, a store into
// another value, a closure. That code may set its fields. (A helper with
// a summary is taken not to set its arguments' fields.)
func escapes(v ssa.Value) bool {
	refs := v.Referrers()
	if refs == nil {
		return false
	}
	for _, r := range *refs {
		switch r := r.(type) {
		case ssa.CallInstruction:
			if r.Common().StaticCallee() == nil {
				return true
			}
		case *ssa.Store:
			if r.Val == v {
				return true
			}
		case *ssa.MakeClosure:
			return true
		case *ssa.MakeInterface:
			if escapes(r) {
				return true
			}
		}
	}
	return false
}

// textParts is a string value as Text's parts: a constant is one part; an
// unknown string is a hole between two empty parts (ok false).
func textParts(v Value) (parts []string, ok bool) {
	if len(v) == 1 {
		switch a := v[0]; {
		case a.Kind == Const && a.CK == constant.String:
			return []string{constant.StringVal(a.Constant())}, true
		case a.Kind == Text:
			return a.Parts, true
		}
	}
	return []string{"", ""}, false
}

// concatParts is the parts of p followed by q: the last part of p and the
// first of q run together.
func concatParts(p, q []string) []string {
	out := append(slices.Clone(p[:len(p)-1]), p[len(p)-1]+q[0])
	return append(out, q[1:]...)
}

// textValue is the string of parts, written at the construct at: a constant
// when no part is unknown, else Text (Unknown past the limits).
func textValue(parts []string, at token.Pos) Value {
	n := 0
	for _, p := range parts {
		n += len(p)
	}
	if n > maxText || len(parts) > maxParts {
		return unknown
	}
	if len(parts) == 1 {
		out := ConstValue(constant.MakeString(parts[0]))
		out[0].At, out[0].Arg = at, Whole
		return out
	}
	return Value{{Kind: Text, Parts: parts, At: at, Arg: Whole}}
}
