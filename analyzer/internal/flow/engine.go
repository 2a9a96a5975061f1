// Package flow is errcodelint's value-flow engine. On the SSA form of each
// package (built once, here, and shared as this analyzer's result) it
// answers, for every
// function, what reaches each response: the status written, the body
// written (the Go value, or bytes that encode one) and the writer, as
// abstract values (see Value): constants, parameters and their fields,
// package variables whose only store is their initializer, rows of tables,
// results of calls (through the callee's summary), and fields by type.
//
// A function's Summary says what it returns and what it writes, in terms
// of its parameters. Summaries are computed callees first (strongly
// connected components of the static call graph, bottom-up) and exported
// as facts, so a caller in another package substitutes its arguments into
// a helper's summary. Values are finite sets with bounded nesting, so a
// recursive component is recomputed until nothing changes, with no round
// cap.
//
// The engine knows nothing of catalogs: it says what values reach the
// writer; the passes decide, with apimodel, what those values mean.
package flow

import (
	"fmt"
	"go/ast"
	"go/build"
	"go/constant"
	"go/token"
	"go/types"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"

	"github.com/errcodelint/errcodelint/analyzer/internal/nethttp"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
)

// Analyzer computes the summaries of a package's functions, exports them
// as facts, and returns the package's emissions as a *Result.
var Analyzer = &analysis.Analyzer{
	Name:       "errcodeflow",
	Doc:        "follow values to HTTP responses (errcodelint's value-flow engine)",
	URL:        "https://pkg.go.dev/github.com/errcodelint/errcodelint/analyzer/internal/flow",
	Run:        run,
	FactTypes:  []analysis.Fact{(*Summary)(nil), (*Var)(nil), (*Open)(nil)},
	ResultType: reflect.TypeFor[*Result](),
}

// A Summary is the fact of a function: what it returns and what it writes
// to responses, in terms of its parameters.
type Summary struct {
	Results []Value
	Sinks   []Sink
}

// AFact marks Summary as a fact.
func (*Summary) AFact() {}

func (s *Summary) String() string {
	var b strings.Builder
	for i, r := range s.Results {
		fmt.Fprintf(&b, "result%d=%s ", i, r)
	}
	for _, k := range s.Sinks {
		b.WriteString(k.String() + " ")
	}
	return strings.TrimSpace(b.String())
}

// A Var is the fact of a package variable whose only store is its
// initializer: the value it holds, and, for a function literal, its
// summary.
type Var struct {
	Val  Value
	Func *Summary
}

// AFact marks Var as a fact.
func (*Var) AFact() {}

func (v *Var) String() string { return "var " + v.Val.String() }

// Open is the fact of a package: the responses it and the packages it
// imports write from fields known only by type (Field): an error a handler
// leaves in a request context, which a router writes. A package that
// stores to such a field writes that response.
type Open struct{ Sinks []Sink }

// AFact marks Open as a fact.
func (*Open) AFact() {}

func (o *Open) String() string {
	parts := make([]string, len(o.Sinks))
	for i, k := range o.Sinks {
		parts[i] = k.String()
	}
	return "open " + strings.Join(parts, " ")
}

// A Sink is a response written: a status, a body, or both, on one writer.
type Sink struct {
	Writer Value
	Status Value // nil: no status is known to go with the body
	Body   Value // nil: a status alone
	// Headers are the keys set on the writer before the status on every
	// path; for a sink with no status and no body, the keys a helper sets.
	// MayHeaders are the keys set on the writer on some path of the
	// function that writes the status (a header set under a condition).
	Headers, MayHeaders Value
	// Deleted are the keys a call deletes from the writer's headers
	// (Header().Del): an event only, never in a summary's sinks.
	Deleted Value
	// Deferred says the status goes out later, with the body or when the
	// handler returns (gin's c.Status, fiber's): headers set after it
	// are still sent.
	Deferred bool
	// At is where the response is written in this package: the write, or
	// the call of the helper that writes it. StatusAt and StatusArg are
	// where its status is: an argument of a write (StatusArg) or the
	// call of a helper (Whole). Zero in facts.
	At        token.Pos `json:"-"`
	StatusAt  token.Pos `json:"-"`
	StatusArg int       `json:"-"`
}

func (k Sink) String() string {
	s := "sink(" + k.Writer.String()
	if k.Status != nil {
		s += " status=" + k.Status.String()
	}
	if k.Body != nil {
		s += " body=" + k.Body.String()
	}
	if k.Headers != nil {
		s += " headers=" + k.Headers.String()
	}
	return s + ")"
}

func (k Sink) strip() Sink {
	return Sink{Writer: k.Writer.Strip(), Status: k.Status.Strip(), Body: k.Body.Strip(), Headers: k.Headers.Strip(), MayHeaders: k.MayHeaders.Strip(), Deferred: k.Deferred}
}

func (k Sink) subst(args []Value, at token.Pos) Sink {
	return Sink{Writer: k.Writer.Subst(args), Status: k.Status.Subst(args), Body: k.Body.Subst(args), Headers: k.Headers.Subst(args), MayHeaders: k.MayHeaders.Subst(args), Deferred: k.Deferred, At: at, StatusAt: at, StatusArg: Whole}
}

// DependsOnParams reports whether a sink's status or body involves the
// function's parameters: only such sinks of a callee say something new
// at a call (the callee's other sinks are its own, in its summary only).
func (k Sink) DependsOnParams() bool {
	return k.Status.has(Param) || k.Body.has(Param)
}

// has reports whether v holds an atom of kind k, at any depth.
func (v Value) has(k Kind) bool {
	for _, a := range v {
		if a.Kind == k || a.Of.has(k) {
			return true
		}
		for _, f := range a.Fields {
			if f.Val.has(k) {
				return true
			}
		}
		for _, r := range a.Rows {
			if r.Key.has(k) || r.Val.has(k) {
				return true
			}
		}
	}
	return false
}

// Result is what the engine found in a package.
type Result struct {
	// Sinks are every response written by the package's functions, with
	// the values of the callees' summaries substituted at each call.
	Sinks []Sink
	// Summaries are the package's functions' summaries, by function.
	Summaries map[*ssa.Function]*Summary
	// Pkg is the package in SSA form; nil for the standard library.
	Pkg *ssa.Package

	e *engine // the package's engine, for Calls

	// mu serializes the questions that evaluate after the run (Calls,
	// Method, ValueOf, Def): the passes that share this result run at
	// the same time, and an evaluation fills the engine's caches.
	mu sync.Mutex
	// exprs, defs and evals serve ValueOf and Def, built on first use.
	exprs map[ast.Expr]*ssa.DebugRef
	defs  map[ssa.Value]ast.Expr
	evals map[*ssa.Function]*evaluator
}

// An Event is one write to a response, or one change to its headers, at
// the instruction of the function that makes it (a call of a helper that
// writes is an event at the call). Deferred calls are events at their
// defer statement: they run when the function returns.
type Event struct {
	Instr ssa.Instruction
	Sink  Sink
}

// Events returns fn's events in block order, for passes that follow the
// paths of fn's control-flow graph; fn is one of the package's functions.
func (r *Result) Events(fn *ssa.Function) []Event {
	if r.e == nil {
		return nil
	}
	var out []Event
	for _, ev := range r.e.events[fn] {
		out = append(out, Event{ev.instr, ev.sink})
	}
	return out
}

// Method evaluates method fn called on a constant receiver (an enum's
// String): the constant fn returns for it by a case of its own, or false.
func (r *Result) Method(fn *types.Func, recv constant.Value) (constant.Value, bool) {
	if r.e == nil || recv == nil {
		return nil, false
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	f := r.e.pkg.Prog.FuncValue(fn)
	if f == nil {
		return nil, false
	}
	sum := r.e.summaryOf(f)
	if sum == nil || len(sum.Results) != 1 {
		return nil, false
	}
	v := sum.Results[0].Subst([]Value{ConstValue(recv)})
	if len(v) != 1 || v[0].Kind != Const || !v[0].Keyed {
		return nil, false // no case for this receiver: its default
	}
	return v[0].Constant(), true
}

// SummaryOf returns the summary of fn, a function of this package or, from
// its fact, of another; nil when there is none (a function that writes no
// response and returns nothing the engine follows).
func (r *Result) SummaryOf(fn *ssa.Function) *Summary {
	if r.e == nil {
		return nil
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.e.summaryOf(fn)
}

// Funcs returns the package's source functions, closures included, in
// source order.
func (r *Result) Funcs() []*ssa.Function {
	if r.e == nil {
		return nil
	}
	return r.e.funcs
}

// A Call is a call of a function or method as the caller makes it:
// where, what each parameter may be, and what the call gives.
type Call struct {
	Func    *types.Func
	At      token.Pos // the call's Lparen
	Args    []Value   // one per parameter, the receiver not included
	Results []Value   // one per result, the callee's summary put in
}

// Calls returns the package's calls of the functions and methods (those of
// interfaces included) that match reports true for, in source order.
func (r *Result) Calls(match func(*types.Func) bool) []Call {
	if r.e == nil {
		return nil
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	var out []Call
	for _, fn := range r.e.funcs {
		var ev *evaluator
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				call, ok := instr.(ssa.CallInstruction)
				if !ok {
					continue
				}
				c := call.Common()
				callee := Callee(c)
				if callee == nil || !match(callee) {
					continue
				}
				if ev == nil {
					ev = r.e.evaluator(fn)
				}
				all := ev.args(c, call.Pos())
				args := all
				if callee.Signature().Recv() != nil && len(args) > 0 {
					args = args[1:]
				}
				out = append(out, Call{Func: callee, At: call.Pos(), Args: args, Results: ev.results(c, all)})
			}
		}
	}
	return out
}

// Callee returns the function or method a call calls: an interface's
// method for a call through an interface, the static callee's object
// otherwise; nil for a call of a function value or a builtin.
func Callee(c *ssa.CallCommon) *types.Func {
	if c.IsInvoke() {
		return c.Method
	}
	if f := c.StaticCallee(); f != nil {
		fn, _ := f.Object().(*types.Func)
		return fn
	}
	return nil
}

// buildSSA builds the SSA form of the package, and lists its source functions
// (closures included) in source order. It does what the buildssa pass
// does, without requiring it: a requirement would build SSA for every
// package of the standard library as well.
func buildSSA(pass *analysis.Pass) (*ssa.Package, []*ssa.Function) {
	var mode ssa.BuilderMode
	if !dependency(pass) {
		mode = ssa.GlobalDebug // the passes ask about expressions: see ValueOf
	}
	prog := ssa.NewProgram(pass.Fset, mode)
	for _, p := range pass.Pkg.Imports() {
		prog.CreatePackage(p, nil, nil, true)
	}
	pkg := prog.CreatePackage(pass.Pkg, pass.Files, pass.TypesInfo, false)
	pkg.Build()
	var funcs []*ssa.Function
	var add func(f *ssa.Function)
	add = func(f *ssa.Function) {
		funcs = append(funcs, f)
		for _, anon := range f.AnonFuncs {
			add(anon)
		}
	}
	for _, file := range pass.Files {
		for _, decl := range file.Decls {
			if fd, ok := decl.(*ast.FuncDecl); ok {
				if fn, ok := pass.TypesInfo.Defs[fd.Name].(*types.Func); ok {
					if f := prog.FuncValue(fn); f != nil {
						add(f)
					}
				}
			}
		}
	}
	if init := pkg.Func("init"); init != nil {
		add(init)
	}
	return pkg, funcs
}

func run(pass *analysis.Pass) (any, error) {
	res := &Result{Summaries: make(map[*ssa.Function]*Summary)}
	if isStd(pass) {
		// The standard library's helpers are modelled by name
		// (builtin.go): no SSA is built for it.
		return res, nil
	}
	if dependency(pass) && !nethttp.ImportsHTTP(pass.Pkg) {
		// A dependency that cannot reach net/http writes no response,
		// and its errors are another API's: not followed.
		return res, nil
	}
	pkg, funcs := buildSSA(pass)
	res.Pkg = pkg
	e := newEngine(pass, pkg)
	e.funcs = funcs
	res.e = e
	e.globals()
	for _, comp := range components(funcs, initCallees(pkg)) {
		e.solve(comp)
	}
	e.exportVars()
	for _, fn := range funcs {
		sum := e.sums[fn]
		res.Summaries[fn] = sum
		res.Sinks = append(res.Sinks, sum.Sinks...)
		if obj, ok := fn.Object().(*types.Func); ok && fn.Parent() == nil && !trivial(sum) {
			pass.ExportObjectFact(obj, sum.strip())
		}
	}
	open := e.open(res.Sinks)
	res.Sinks = append(res.Sinks, e.fieldStores(funcs, open)...)
	return res, nil
}

// open gathers the responses written from fields known by type, this
// package's and its imports', and exports them.
func (e *engine) open(own []Sink) []Sink {
	var out []Sink
	add := func(k Sink) {
		k = k.strip()
		if !slices.ContainsFunc(out, k.equal) {
			out = append(out, k)
		}
	}
	for _, imp := range e.pass.Pkg.Imports() {
		var f Open
		if e.pass.ImportPackageFact(imp, &f) {
			for _, k := range f.Sinks {
				add(k)
			}
		}
	}
	for _, k := range own {
		if k.Status.has(Field) || k.Body.has(Field) {
			add(k)
		}
	}
	if len(out) > 0 {
		e.pass.ExportPackageFact(&Open{Sinks: out})
	}
	return out
}

// fieldStores are the responses this package's stores to fields write,
// through the open sinks that read those fields.
func (e *engine) fieldStores(funcs []*ssa.Function, open []Sink) []Sink {
	if len(open) == 0 {
		return nil
	}
	var out []Sink
	for _, fn := range funcs {
		var ev *evaluator
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				st, ok := instr.(*ssa.Store)
				if !ok {
					continue
				}
				fa, ok := st.Addr.(*ssa.FieldAddr)
				if !ok {
					continue
				}
				typ, name := typeName(fa.X.Type()), fieldName(fa.X.Type(), fa.Field)
				for _, k := range open {
					if !k.reads(typ, name) {
						continue
					}
					if ev == nil {
						ev = e.evaluator(fn)
					}
					val := ev.operand(st.Val, st.Pos(), -1)
					out = append(out, Sink{
						Writer:    k.Writer.SubstField(typ, name, val),
						Status:    k.Status.SubstField(typ, name, val),
						Body:      k.Body.SubstField(typ, name, val),
						Headers:   k.Headers,
						At:        st.Pos(),
						StatusAt:  st.Pos(),
						StatusArg: Whole,
					})
				}
			}
		}
	}
	return out
}

// reads reports whether a sink reads field name of type typ by type.
func (k Sink) reads(typ, name string) bool {
	return k.Status.readsField(typ, name) || k.Body.readsField(typ, name)
}

func (v Value) readsField(typ, name string) bool {
	for _, a := range v {
		if a.Kind == Field && a.Type == typ && len(a.Path) > 0 && a.Path[0] == name {
			return true
		}
		if a.Of.readsField(typ, name) {
			return true
		}
		for _, f := range a.Fields {
			if f.Val.readsField(typ, name) {
				return true
			}
		}
		for _, r := range a.Rows {
			if r.Key.readsField(typ, name) || r.Val.readsField(typ, name) {
				return true
			}
		}
	}
	return false
}

func (k Sink) equal(o Sink) bool {
	return k.Writer.equal(o.Writer) && k.Status.equal(o.Status) && k.Body.equal(o.Body) && k.Headers.equal(o.Headers) && k.MayHeaders.equal(o.MayHeaders) && k.Deferred == o.Deferred && k.At == o.At
}

// isStd reports whether the pass is over a package of the standard
// library: its files are in GOROOT.
func isStd(pass *analysis.Pass) bool {
	if len(pass.Files) == 0 || build.Default.GOROOT == "" {
		return false
	}
	name := pass.Fset.File(pass.Files[0].Pos()).Name()
	return strings.HasPrefix(name, filepath.Join(build.Default.GOROOT, "src")+string(filepath.Separator))
}

// dependency reports whether the package belongs to a module the user
// depends on, not to the main module (a versioned module).
func dependency(pass *analysis.Pass) bool {
	return pass.Module != nil && pass.Module.Version != ""
}

// trivial reports whether a summary says nothing a caller could use.
func trivial(s *Summary) bool {
	if len(s.Sinks) > 0 {
		return false
	}
	for _, r := range s.Results {
		if len(r) > 0 && !(len(r) == 1 && r[0].Kind == Unknown) {
			return false
		}
	}
	return true
}

func (s *Summary) strip() *Summary {
	out := &Summary{Results: make([]Value, len(s.Results))}
	for i, r := range s.Results {
		out.Results[i] = r.Strip()
	}
	for _, k := range s.Sinks {
		out.Sinks = append(out.Sinks, k.strip())
	}
	return out
}

func (s *Summary) equal(t *Summary) bool {
	return t != nil && slices.EqualFunc(s.Results, t.Results, Value.equal) && sameSinks(s.Sinks, t.Sinks)
}

// initCallees are the functions the package initializer calls: the
// constructors of package variables' values.
func initCallees(pkg *ssa.Package) []*ssa.Function {
	if init := pkg.Func("init"); init != nil {
		return callees(init)
	}
	return nil
}

// readsGlobals reports whether fn loads a package variable.
func readsGlobals(fn *ssa.Function) bool {
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			if u, ok := instr.(*ssa.UnOp); ok {
				if _, ok := u.X.(*ssa.Global); ok {
					return true
				}
			}
		}
	}
	return false
}

// components returns the strongly connected components of the static call
// graph among fns, callees first (Tarjan's algorithm yields them so). A
// function that reads package variables also comes after the functions
// that compute their initial values (initCallees).
func components(fns, inits []*ssa.Function) [][]*ssa.Function {
	in := make(map[*ssa.Function]bool, len(fns))
	for _, fn := range fns {
		in[fn] = true
	}
	index := make(map[*ssa.Function]int)
	low := make(map[*ssa.Function]int)
	onStack := make(map[*ssa.Function]bool)
	var stack []*ssa.Function
	var out [][]*ssa.Function
	var visit func(fn *ssa.Function)
	visit = func(fn *ssa.Function) {
		index[fn] = len(index)
		low[fn] = index[fn]
		stack = append(stack, fn)
		onStack[fn] = true
		next := callees(fn)
		if fn.Synthetic != "package initializer" && readsGlobals(fn) {
			next = append(next, inits...)
		}
		for _, callee := range next {
			if !in[callee] {
				continue
			}
			if _, seen := index[callee]; !seen {
				visit(callee)
				low[fn] = min(low[fn], low[callee])
			} else if onStack[callee] {
				low[fn] = min(low[fn], index[callee])
			}
		}
		if low[fn] == index[fn] {
			var comp []*ssa.Function
			for {
				top := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				onStack[top] = false
				comp = append(comp, top)
				if top == fn {
					break
				}
			}
			out = append(out, comp)
		}
	}
	for _, fn := range fns {
		if _, seen := index[fn]; !seen {
			visit(fn)
		}
	}
	return out
}

// callees are the functions fn calls statically, and the closures it makes.
func callees(fn *ssa.Function) []*ssa.Function {
	var out []*ssa.Function
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			switch instr := instr.(type) {
			case ssa.CallInstruction:
				if c := instr.Common().StaticCallee(); c != nil {
					out = append(out, c)
				}
			case *ssa.MakeClosure:
				out = append(out, instr.Fn.(*ssa.Function))
			case *ssa.MakeInterface:
				// A value made an interface may have its methods called
				// through it (Error, MarshalJSON): they come first.
				prog := fn.Prog
				for _, sel := range methodsOf(prog, deref(instr.X.Type())) {
					if m := prog.MethodValue(sel); m != nil && m.Pkg == fn.Pkg {
						out = append(out, m)
					}
				}
			}
		}
	}
	return out
}

// sameSinks reports whether two lists hold the same sinks, in any order.
func sameSinks(a, b []Sink) bool {
	if len(a) != len(b) {
		return false
	}
	for _, k := range a {
		if !slices.ContainsFunc(b, k.equal) {
			return false
		}
	}
	return true
}
