// Package emits defines a fact-only Analyzer that finds the functions
// through which a package writes error responses: a function that writes
// a status and puts codes in the body, taken from its parameters (or
// fields of them), directly or through other emitters, across packages,
// the way the printf pass finds printf wrappers. The passes check the
// codes and statuses at the emitters' call sites.
//
// The facts know nothing of catalogs: they record parameters and body
// paths, and the passes match those against the catalog.
package emits

import (
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"slices"

	"github.com/errcodelint/errcodelint/analyzer/internal/envelope"
	"github.com/errcodelint/errcodelint/analyzer/internal/facts/funcs"
	"github.com/errcodelint/errcodelint/analyzer/internal/facts/yields"
	"github.com/errcodelint/errcodelint/analyzer/internal/locals"
	"github.com/errcodelint/errcodelint/analyzer/internal/nethttp"
	"github.com/errcodelint/errcodelint/analyzer/internal/response"
	"github.com/errcodelint/errcodelint/analyzer/internal/values"
	"golang.org/x/tools/go/analysis"
)

// Emits is the fact on an emitter: what it writes, from which parameters.
type Emits response.Emitter

func (*Emits) AFact() {}

func (e *Emits) String() string { return (*response.Emitter)(e).String() }

// Analyzer computes the facts. Its result is a *Result.
var Analyzer = &analysis.Analyzer{
	Name:       "errcodeemits",
	Doc:        "find functions that write error responses (facts for errcodelint)",
	URL:        "https://pkg.go.dev/github.com/errcodelint/errcodelint/analyzer/internal/facts/emits",
	Run:        run,
	Requires:   []*analysis.Analyzer{funcs.Analyzer, yields.Analyzer},
	FactTypes:  []analysis.Fact{new(Emits)},
	ResultType: reflect.TypeFor[*Result](),
}

// Result gives the Emits facts of every function the package calls.
type Result struct {
	facts *funcs.Map[*Emits]
}

// Emits returns fn's fact, or nil.
func (r *Result) Emits(fn *types.Func) *Emits {
	e, _ := r.facts.Get(fn)
	return e
}

// Emitter returns fn's fact as response.Classifier wants it, or nil.
func (r *Result) Emitter(fn *types.Func) *response.Emitter {
	return (*response.Emitter)(r.Emits(fn))
}

func run(pass *analysis.Pass) (any, error) {
	res := &Result{facts: funcs.Import(pass, func() *Emits { return new(Emits) })}
	if !nethttp.ImportsHTTP(pass.Pkg) {
		// No net/http anywhere below: no function here writes a response.
		return res, nil
	}
	idx := locals.New(pass.TypesInfo, pass.Files)
	a := &analyzer{
		fset:   pass.Fset,
		info:   pass.TypesInfo,
		idx:    idx,
		eval:   values.New(idx, nil),
		yields: pass.ResultOf[yields.Analyzer].(*yields.Result).Source,
		walker: envelope.New(idx),
		drafts: make(map[*types.Func]*draft),
	}
	a.classify = response.Classifier{Info: pass.TypesInfo, Emits: res.Emitter}
	for _, c := range pass.ResultOf[funcs.Analyzer].(*funcs.Result).Order() {
		// Callees outside the component are final. Within a recursive one,
		// compute again until nothing changes: a draft only grows (see
		// draft), and what it can grow to is finite, so this ends.
		for changed := true; changed; {
			changed = false
			for _, fn := range c.Funcs {
				old := a.drafts[fn.Obj]
				d := a.emits(fn.Decl, old)
				a.drafts[fn.Obj] = d
				if old == nil || !reflect.DeepEqual(*old, *d) {
					changed = c.Recursive
				}
				if e := d.fact(); e != nil {
					res.facts.Set(fn.Obj, e)
				} else {
					res.facts.Delete(fn.Obj)
				}
			}
		}
	}
	res.facts.Export(pass)
	return res, nil
}

type analyzer struct {
	fset     *token.FileSet
	info     *types.Info
	idx      *locals.Index
	eval     *values.Evaluator
	yields   func(*types.Func) *response.Source
	walker   *envelope.Walker
	classify response.Classifier
	drafts   map[*types.Func]*draft
}

// A draft is what a function is known to emit so far. It only grows: the
// writer, once found, stays; the status goes from unseen to one source to
// "several" (and stays there); codes are only added. Sources select at
// most response.MaxFields fields, and a package has finitely many
// parameters, body paths and constants, so a draft grows finitely often.
type draft struct {
	e        Emits
	statuses int // 0: none seen; 1: e.Status; 2: several, none is the one
}

// fact is the draft as a fact, or nil when callers have nothing to check.
func (d *draft) fact() *Emits {
	if !d.e.Status.IsParam() && len(d.e.Codes) == 0 {
		// Nothing flows in from a caller: the body is checked where it
		// stands, and callers have nothing to check.
		return nil
	}
	e := d.e
	return &e
}

// emits computes fd's draft from its body and its callees' facts, starting
// from the previous draft in a recursive component (nil otherwise).
func (a *analyzer) emits(fd *ast.FuncDecl, prev *draft) *draft {
	info := a.info
	params := response.Params(info, fd)
	// The status may be a local, a helper's result or a table's row:
	// traced; the writer and the codes are parameters as they stand.
	tr := response.NewTracer(a.fset, info, fd, a.idx, a.eval, a.yields)
	d := &draft{e: Emits{Writer: -1, Status: response.Source{Param: response.None}}}
	if prev != nil {
		d.statuses = prev.statuses
		d.e = Emits{Writer: prev.e.Writer, Status: prev.e.Status, Codes: slices.Clone(prev.e.Codes)}
	}
	e := &d.e
	setWriter := func(w ast.Expr) {
		if s := response.SourceOf(info, params, w); s.IsParam() && len(s.Fields) == 0 && e.Writer < 0 {
			e.Writer = s.Param
		}
	}
	setStatus := func(s response.Source) {
		switch {
		case d.statuses == 0:
			d.statuses, e.Status = 1, s
		case d.statuses == 1 && !reflect.DeepEqual(e.Status, s):
			d.statuses, e.Status = 2, response.Source{Param: response.None}
		}
	}
	addCode := func(c response.Code) {
		if c.JSON == "" && c.XML == "" {
			return // the whole body, not a field of it
		}
		if c.From.IsParam() && !slices.ContainsFunc(e.Codes, func(d response.Code) bool { return reflect.DeepEqual(c, d) }) {
			e.Codes = append(e.Codes, c)
		}
	}
	// bodyCodes records the parameters that land in an encoded body.
	bodyCodes := func(v ast.Expr) {
		leaves := a.walker.Leaves(v)
		if len(leaves) == 0 {
			// The body is a value built elsewhere: a parameter encoded whole.
			leaves = []envelope.Leaf{{Expr: v}}
		}
		for _, leaf := range leaves {
			from := response.SourceOf(info, params, leaf.Expr)
			if !from.IsParam() {
				continue
			}
			addCode(response.Code{From: from, JSON: leaf.JSON, XML: leaf.XML})
			// A struct parameter (or field) lands field by field.
			for _, tl := range envelope.TypeLeaves(info.TypeOf(leaf.Expr)) {
				sub := from
				sub.Fields = append(slices.Clone(from.Fields), tl.Fields...)
				addCode(response.Code{From: sub, JSON: joinPath(leaf.JSON, tl.JSON), XML: joinPath(leaf.XML, tl.XML)})
			}
		}
	}
	enc := nethttp.EncoderVars(info, fd.Body)
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		if _, ok := n.(*ast.FuncLit); ok {
			return false // a closure is its own function
		}
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		eff := a.classify.Of(call, enc)
		switch {
		case eff.Status != nil:
			sw := eff.Status
			if sw.Writer != nil && !sw.Pending {
				setWriter(sw.Writer)
			}
			if sw.Status == nil {
				setStatus(response.Source{Param: response.Const, Const: int64(sw.Fixed)})
			} else {
				setStatus(tr.Trace(sw.Status))
			}
			if sw.Value != nil {
				bodyCodes(sw.Value)
			}
		case eff.Body != nil && eff.Body.Value != nil:
			setWriter(eff.Body.Writer)
			bodyCodes(eff.Body.Value)
		case eff.Emitter != nil:
			callee := eff.Emitter
			if callee.Writer >= 0 && callee.Writer < len(call.Args) {
				setWriter(call.Args[callee.Writer])
			}
			setStatus(tr.Through(call, callee.Status))
			for _, c := range callee.Codes {
				addCode(response.Code{From: response.Through(info, params, call, c.From), JSON: c.JSON, XML: c.XML})
			}
		}
		return true
	})
	return d
}

func joinPath(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + "." + b
}
