// Package funcs serves the fact analyzers that propagate a fact along call
// edges (the way the printf pass finds printf wrappers): it orders a
// package's functions callees first, and keeps the facts of the functions
// a package calls, its own and its dependencies'.
//
// Order returns the strongly connected components of the package's static
// call graph, callees before callers (Tarjan's algorithm yields them in
// that order). A fact analyzer computes each function once, after every
// callee outside its component; only a recursive component is computed
// again, until nothing changes. No round cap: a wrapper chain of any depth
// is followed.
package funcs

import (
	"go/ast"
	"go/types"
	"reflect"
	"slices"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"
)

// Analyzer shares Order among the fact analyzers of a package. Its result
// is a *Result.
var Analyzer = &analysis.Analyzer{
	Name: "errcodefuncs",
	Doc:  "order a package's functions callees first (for errcodelint's fact analyzers)",
	URL:  "https://pkg.go.dev/github.com/errcodelint/errcodelint/analyzer/internal/facts/funcs",
	Run: func(pass *analysis.Pass) (any, error) {
		return &Result{info: pass.TypesInfo, files: pass.Files}, nil
	},
	ResultType: reflect.TypeFor[*Result](),
}

// Result computes the order when first asked, once: most packages write no
// response, and their fact analyzers never ask.
type Result struct {
	info  *types.Info
	files []*ast.File
	once  sync.Once
	order []Component
}

// Order returns Order of the package.
func (r *Result) Order() []Component {
	r.once.Do(func() { r.order = Order(r.info, r.files) })
	return r.order
}

// A Func is a function or method declared with a body in the package.
type Func struct {
	Decl *ast.FuncDecl
	Obj  *types.Func
}

// A Component is a strongly connected component of the call graph.
// Recursive is true when its functions call each other (or one calls
// itself): its facts must be computed until they stop changing.
type Component struct {
	Funcs     []Func
	Recursive bool
}

// Order returns the package's functions as components of its static call
// graph, each after the components it calls. Calls inside closures count
// as calls of the enclosing function.
func Order(info *types.Info, files []*ast.File) []Component {
	var fns []Func
	index := make(map[*types.Func]int)
	for _, f := range files {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			obj, _ := info.Defs[fd.Name].(*types.Func)
			if obj == nil {
				continue
			}
			index[obj] = len(fns)
			fns = append(fns, Func{Decl: fd, Obj: obj})
		}
	}
	edges := make([][]int, len(fns))
	self := make([]bool, len(fns))
	for i, fn := range fns {
		seen := make(map[int]bool)
		ast.Inspect(fn.Decl.Body, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			callee := typeutil.StaticCallee(info, call)
			if callee == nil {
				return true
			}
			j, ok := index[callee.Origin()]
			if !ok || seen[j] {
				return true
			}
			seen[j] = true
			edges[i] = append(edges[i], j)
			if j == i {
				self[i] = true
			}
			return true
		})
	}
	var out []Component
	for _, scc := range SCCs(len(fns), func(i int) []int { return edges[i] }) {
		c := Component{Recursive: len(scc) > 1 || self[scc[0]]}
		for _, i := range scc {
			c.Funcs = append(c.Funcs, fns[i])
		}
		out = append(out, c)
	}
	return out
}

// SCCs returns the strongly connected components of the graph of nodes
// 0..n-1 with the given successors, each component after every component
// it reaches (Tarjan's algorithm). Within a component, nodes keep their
// order.
func SCCs(n int, succ func(int) []int) [][]int {
	t := tarjan{succ: succ, index: make([]int, n), low: make([]int, n), on: make([]bool, n)}
	for i := range t.index {
		t.index[i] = -1
	}
	for i := range n {
		if t.index[i] < 0 {
			t.visit(i)
		}
	}
	return t.out
}

type tarjan struct {
	succ  func(int) []int
	next  int
	index []int // visit order; -1 before the visit
	low   []int // the least index reachable through the node's subtree
	on    []bool
	stack []int
	out   [][]int
}

// visit is Tarjan's recursion. Call graphs of real packages are shallow
// enough for Go's growable stacks.
func (t *tarjan) visit(v int) {
	t.index[v], t.low[v] = t.next, t.next
	t.next++
	t.stack = append(t.stack, v)
	t.on[v] = true
	for _, w := range t.succ(v) {
		switch {
		case t.index[w] < 0:
			t.visit(w)
			t.low[v] = min(t.low[v], t.low[w])
		case t.on[w]:
			t.low[v] = min(t.low[v], t.index[w])
		}
	}
	if t.low[v] != t.index[v] {
		return
	}
	var scc []int
	for {
		w := t.stack[len(t.stack)-1]
		t.stack = t.stack[:len(t.stack)-1]
		t.on[w] = false
		scc = append(scc, w)
		if w == v {
			break
		}
	}
	// Popped in reverse visit order; keep the nodes' own order.
	slices.Sort(scc)
	t.out = append(t.out, scc)
}

// A Map holds one fact type for the functions a package calls.
type Map[F analysis.Fact] struct {
	m map[*types.Func]F
}

// Import returns a Map with the facts of every function of another package
// that pass's package refers to; fresh makes an empty fact to decode into.
func Import[F analysis.Fact](pass *analysis.Pass, fresh func() F) *Map[F] {
	m := &Map[F]{m: make(map[*types.Func]F)}
	seen := make(map[*types.Func]bool)
	for _, obj := range pass.TypesInfo.Uses {
		fn, ok := obj.(*types.Func)
		if !ok || fn.Pkg() == nil || fn.Pkg() == pass.Pkg {
			continue
		}
		fn = fn.Origin()
		if seen[fn] {
			continue
		}
		seen[fn] = true
		f := fresh()
		if pass.ImportObjectFact(fn, f) {
			m.m[fn] = f
		}
	}
	return m
}

// Get returns fn's fact; ok is false when it has none.
func (m *Map[F]) Get(fn *types.Func) (f F, ok bool) {
	if fn == nil {
		return f, false
	}
	f, ok = m.m[fn.Origin()]
	return f, ok
}

// Set records fn's fact.
func (m *Map[F]) Set(fn *types.Func, f F) { m.m[fn.Origin()] = f }

// Delete forgets fn's fact.
func (m *Map[F]) Delete(fn *types.Func) { delete(m.m, fn.Origin()) }

// Export exports the facts of the package's own functions.
func (m *Map[F]) Export(pass *analysis.Pass) {
	for fn, f := range m.m {
		if fn.Pkg() == pass.Pkg {
			pass.ExportObjectFact(fn, f)
		}
	}
}
