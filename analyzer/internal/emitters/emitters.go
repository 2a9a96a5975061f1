// Package emitters defines a fact-only Analyzer that finds the functions
// through which a package writes error responses, so that the passes can
// check their call sites:
//
//   - Emits: a function that writes a status and puts codes in the body,
//     taken from its parameters (or fields of them), or fixed inside; found
//     through wrappers of wrappers, across packages, the way the printf pass
//     finds printf wrappers;
//   - Returns: a constructor whose every return builds a struct with the
//     same constant fields (BadNonce(detail) → {Type: "badNonce", HTTPStatus: 400});
//   - Strings: a no-argument method that maps constant receivers to
//     constant strings (an enum's String).
//
// The facts know nothing of catalogs: they record parameters and body paths,
// and the passes match those against the catalog.
package emitters

import (
	"go/ast"
	"go/constant"
	"go/types"
	"reflect"
	"slices"

	"github.com/errcodelint/errcodelint/analyzer/internal/astx"
	"github.com/errcodelint/errcodelint/analyzer/internal/envelope"
	"github.com/errcodelint/errcodelint/analyzer/internal/nethttp"
	"github.com/errcodelint/errcodelint/analyzer/internal/values"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"
)

// Analyzer computes the facts. Its result is a *Result.
var Analyzer = &analysis.Analyzer{
	Name:       "errcodeemitters",
	Doc:        "find functions that write error responses (facts for errcodelint)",
	URL:        "https://pkg.go.dev/github.com/errcodelint/errcodelint/analyzer/internal/emitters",
	Run:        run,
	FactTypes:  []analysis.Fact{new(Emits), new(Returns), new(Strings), new(Headers)},
	ResultType: reflect.TypeFor[*Result](),
}

// Result gives the passes the facts of every function the package calls,
// its own and its dependencies'.
type Result struct {
	emits   map[*types.Func]*Emits
	returns map[*types.Func]*Returns
	strings map[*types.Func]*Strings
	headers map[*types.Func]*Headers
}

// Headers returns fn's Headers fact, or nil.
func (r *Result) Headers(fn *types.Func) *Headers { return r.headers[origin(fn)] }

// Emits returns fn's Emits fact, or nil.
func (r *Result) Emits(fn *types.Func) *Emits { return r.emits[origin(fn)] }

// Returns returns fn's Returns fact, or nil.
func (r *Result) Returns(fn *types.Func) *Returns { return r.returns[origin(fn)] }

// Strings returns fn's Strings fact, or nil.
func (r *Result) Strings(fn *types.Func) *Strings { return r.strings[origin(fn)] }

// Method evaluates a call of a Strings method on a known receiver; it is a
// values.MethodFunc.
func (r *Result) Method(fn *types.Func, recv values.Value) (values.Value, bool) {
	s := r.Strings(fn)
	if s == nil {
		return values.Value{}, false
	}
	in := recv.Text()
	if recv.Kind == values.String {
		in = constant.MakeString(in).ExactString()
	}
	for _, c := range s.Cases {
		if c.In == in {
			return values.StringValue(c.Out), true
		}
	}
	return values.Value{}, false
}

func origin(fn *types.Func) *types.Func {
	if fn == nil {
		return nil
	}
	return fn.Origin()
}

// maxRounds bounds the fixpoint over a package's own functions; wrappers
// nested deeper than this within one package are not followed.
const maxRounds = 8

func run(pass *analysis.Pass) (any, error) {
	res := &Result{
		emits:   make(map[*types.Func]*Emits),
		returns: make(map[*types.Func]*Returns),
		strings: make(map[*types.Func]*Strings),
		headers: make(map[*types.Func]*Headers),
	}
	res.importFacts(pass)

	// No net/http anywhere below: no function here writes a response. The
	// value facts (Returns, Strings) still serve callers that do.
	writes := nethttp.ImportsHTTP(pass.Pkg)

	var funcs []*ast.FuncDecl
	for _, f := range pass.Files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil {
				funcs = append(funcs, fd)
			}
		}
	}
	eval := values.New(pass.TypesInfo, pass.Files, res.Method)
	walker := envelope.New(pass.TypesInfo, pass.Files)
	a := &analyzer{pass: pass, res: res, eval: eval, walker: walker}

	for _, fd := range funcs {
		fn, _ := pass.TypesInfo.Defs[fd.Name].(*types.Func)
		if fn == nil {
			continue
		}
		if s := a.strings(fd); s != nil {
			res.strings[fn] = s
		}
	}
	// Returns may depend on Strings (typ: prefix + X.String()), so it
	// comes after; Emits may depend on both and on each other.
	for _, fd := range funcs {
		fn, _ := pass.TypesInfo.Defs[fd.Name].(*types.Func)
		if fn == nil {
			continue
		}
		if r := a.returns(fd); r != nil {
			res.returns[fn] = r
		}
	}
	if writes {
		for round := 0; round < maxRounds; round++ {
			changed := false
			for _, fd := range funcs {
				fn, _ := pass.TypesInfo.Defs[fd.Name].(*types.Func)
				if fn == nil {
					continue
				}
				e := a.emits(fd)
				if !reflect.DeepEqual(e, res.emits[fn]) {
					changed = true
					if e == nil {
						delete(res.emits, fn)
					} else {
						res.emits[fn] = e
					}
				}
				h := a.headers(fd)
				if !reflect.DeepEqual(h, res.headers[fn]) {
					changed = true
					if h == nil {
						delete(res.headers, fn)
					} else {
						res.headers[fn] = h
					}
				}
			}
			if !changed {
				break
			}
		}
	}
	for _, fd := range funcs {
		fn, _ := pass.TypesInfo.Defs[fd.Name].(*types.Func)
		if fn == nil {
			continue
		}
		if e := res.emits[fn]; e != nil {
			pass.ExportObjectFact(fn, e)
		}
		if r := res.returns[fn]; r != nil {
			pass.ExportObjectFact(fn, r)
		}
		if s := res.strings[fn]; s != nil {
			pass.ExportObjectFact(fn, s)
		}
		if h := res.headers[fn]; h != nil {
			pass.ExportObjectFact(fn, h)
		}
	}
	return res, nil
}

// importFacts loads the facts of every function of another package that
// this package refers to.
func (r *Result) importFacts(pass *analysis.Pass) {
	for _, obj := range pass.TypesInfo.Uses {
		fn, ok := obj.(*types.Func)
		if !ok || fn.Pkg() == nil || fn.Pkg() == pass.Pkg {
			continue
		}
		fn = fn.Origin()
		if _, done := r.emits[fn]; done {
			continue
		}
		var e Emits
		if pass.ImportObjectFact(fn, &e) {
			r.emits[fn] = &e
		}
		var ret Returns
		if pass.ImportObjectFact(fn, &ret) {
			r.returns[fn] = &ret
		}
		var s Strings
		if pass.ImportObjectFact(fn, &s) {
			r.strings[fn] = &s
		}
		var h Headers
		if pass.ImportObjectFact(fn, &h) {
			r.headers[fn] = &h
		}
	}
}

type analyzer struct {
	pass   *analysis.Pass
	res    *Result
	eval   *values.Evaluator
	walker *envelope.Walker
}

// params maps each parameter of fd (receiver excluded) to its index.
func (a *analyzer) params(fd *ast.FuncDecl) map[*types.Var]int {
	m := make(map[*types.Var]int)
	i := 0
	for _, field := range fd.Type.Params.List {
		if len(field.Names) == 0 {
			i++
			continue
		}
		for _, name := range field.Names {
			if v, ok := a.pass.TypesInfo.Defs[name].(*types.Var); ok {
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

// through maps a callee's source to the caller's, given the call's
// arguments: a parameter of the callee becomes whatever the caller passed.
func through(info *types.Info, params map[*types.Var]int, call *ast.CallExpr, s Source) Source {
	if !s.IsParam() {
		return s
	}
	if s.Param >= len(call.Args) || call.Ellipsis.IsValid() {
		return Source{Param: None}
	}
	arg := SourceOf(info, params, call.Args[s.Param])
	switch {
	case arg.IsParam():
		arg.Fields = append(slices.Clone(arg.Fields), s.Fields...)
		return arg
	case arg.Param == Const && len(s.Fields) == 0:
		return arg
	}
	return Source{Param: None}
}

// emits computes fd's Emits fact from its body and its callees' facts.
func (a *analyzer) emits(fd *ast.FuncDecl) *Emits {
	info := a.pass.TypesInfo
	params := a.params(fd)
	e := &Emits{Writer: -1, Status: Source{Param: None}}
	statuses := 0
	setWriter := func(w ast.Expr) {
		if s := SourceOf(info, params, w); s.IsParam() && len(s.Fields) == 0 && e.Writer < 0 {
			e.Writer = s.Param
		}
	}
	setStatus := func(s Source) {
		statuses++
		if statuses == 1 {
			e.Status = s
		} else if !reflect.DeepEqual(e.Status, s) {
			e.Status = Source{Param: None} // several statuses: none is the one
		}
	}
	addCode := func(c Code) {
		if c.JSON == "" && c.XML == "" {
			return // the whole body, not a field of it
		}
		if c.From.IsParam() && !slices.ContainsFunc(e.Codes, func(d Code) bool { return reflect.DeepEqual(c, d) }) {
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
			from := SourceOf(info, params, leaf.Expr)
			if !from.IsParam() {
				continue
			}
			addCode(Code{From: from, JSON: leaf.JSON, XML: leaf.XML})
			// A struct parameter (or field) lands field by field.
			for _, tl := range envelope.TypeLeaves(info.TypeOf(leaf.Expr)) {
				sub := from
				sub.Fields = append(slices.Clone(from.Fields), tl.Fields...)
				addCode(Code{From: sub, JSON: joinPath(leaf.JSON, tl.JSON), XML: joinPath(leaf.XML, tl.XML)})
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
		if sw, ok := nethttp.AsStatusWrite(info, call); ok {
			if sw.Writer != nil && !sw.Pending {
				setWriter(sw.Writer)
			}
			if sw.Status == nil {
				setStatus(Source{Param: Const, Const: int64(sw.Fixed)})
			} else {
				setStatus(SourceOf(info, params, sw.Status))
			}
			if sw.Value != nil {
				bodyCodes(sw.Value)
			}
			return true
		}
		if bw, ok := nethttp.AsBodyWrite(info, call, enc); ok && bw.Value != nil {
			setWriter(bw.Writer)
			bodyCodes(bw.Value)
			return true
		}
		fn := typeutil.StaticCallee(info, call)
		callee := a.res.Emits(fn)
		if callee == nil {
			return true
		}
		if callee.Writer >= 0 && callee.Writer < len(call.Args) {
			setWriter(call.Args[callee.Writer])
		}
		setStatus(through(info, params, call, callee.Status))
		for _, c := range callee.Codes {
			addCode(Code{From: through(info, params, call, c.From), JSON: c.JSON, XML: c.XML})
		}
		return true
	})
	if !e.Status.IsParam() && len(e.Codes) == 0 {
		// Nothing flows in from a caller: the body is checked where it
		// stands, and callers have nothing to check.
		return nil
	}
	if e.Status.Param == None && len(e.Codes) == 0 {
		return nil
	}
	return e
}

// headers computes fd's Headers fact: the constant keys it sets on a
// writer parameter, directly or through a callee.
func (a *analyzer) headers(fd *ast.FuncDecl) *Headers {
	info := a.pass.TypesInfo
	params := a.params(fd)
	h := &Headers{Writer: -1}
	add := func(w ast.Expr, key string) {
		s := SourceOf(info, params, w)
		if !s.IsParam() || len(s.Fields) != 0 || (h.Writer >= 0 && h.Writer != s.Param) {
			return
		}
		h.Writer = s.Param
		if !slices.Contains(h.Keys, key) {
			h.Keys = append(h.Keys, key)
		}
	}
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.CallExpr:
			if hw, ok := nethttp.AsHeaderCall(info, n); ok && hw.Method != "Del" {
				if k, ok := nethttp.HeaderKey(info, hw.Key); ok {
					add(hw.Writer, k)
				}
				return true
			}
			if callee := a.res.Headers(typeutil.StaticCallee(info, n)); callee != nil && callee.Writer < len(n.Args) {
				for _, k := range callee.Keys {
					add(n.Args[callee.Writer], k)
				}
			}
		case *ast.AssignStmt:
			for i, lhs := range n.Lhs {
				if i < len(n.Rhs) {
					if hw, ok := nethttp.AsHeaderIndex(info, lhs, n.Rhs[i]); ok {
						if k, ok := constString(info, hw.Key); ok {
							add(hw.Writer, k) // the key as written: index keys are not canonicalized
						}
					}
				}
			}
		}
		return true
	})
	if h.Writer < 0 {
		return nil
	}
	slices.Sort(h.Keys)
	return h
}

func constString(info *types.Info, x ast.Expr) (string, bool) {
	tv := info.Types[x]
	if tv.Value == nil || tv.Value.Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(tv.Value), true
}

// returns computes fd's Returns fact: the constant fields shared by every
// struct literal it returns.
func (a *analyzer) returns(fd *ast.FuncDecl) *Returns {
	sig := a.pass.TypesInfo.Defs[fd.Name].(*types.Func).Type().(*types.Signature)
	if sig.Results().Len() == 0 {
		return nil
	}
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
		if len(ret.Results) == 0 {
			ok = false
			return false
		}
		lit := astx.CompositeOf(ret.Results[0])
		if lit == nil || len(lit.Elts) == 0 {
			ok = false // T{}: no field in common
			return false
		}
		lits = append(lits, lit)
		return false
	})
	if !ok || len(lits) == 0 {
		return nil
	}
	common := a.constFields(lits[0])
	for _, lit := range lits[1:] {
		if len(common) == 0 {
			break
		}
		fields := a.constFields(lit)
		common = slices.DeleteFunc(common, func(f Field) bool { return !slices.Contains(fields, f) })
	}
	if len(common) == 0 {
		return nil
	}
	return &Returns{Fields: common}
}

// constFields returns the keyed fields of lit whose values are known.
func (a *analyzer) constFields(lit *ast.CompositeLit) []Field {
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
		switch v := a.eval.Eval(kv.Value); {
		case v.Kind == values.Int:
			out = append(out, Field{Name: id.Name, IsInt: true, Int: v.Int})
		case v.Kind == values.String && v.Known():
			out = append(out, Field{Name: id.Name, Str: v.Text()})
		}
	}
	return out
}

// strings computes a Strings fact for a method without arguments whose body
// is a switch on the receiver with each case returning a constant string.
func (a *analyzer) strings(fd *ast.FuncDecl) *Strings {
	info := a.pass.TypesInfo
	if fd.Recv == nil || len(fd.Recv.List) != 1 || len(fd.Recv.List[0].Names) != 1 || len(fd.Type.Params.List) != 0 {
		return nil
	}
	recv, _ := info.Defs[fd.Recv.List[0].Names[0]].(*types.Var)
	sig := info.Defs[fd.Name].(*types.Func).Type().(*types.Signature)
	if recv == nil || sig.Results().Len() != 1 || !astx.IsString(sig.Results().At(0).Type()) {
		return nil
	}
	if len(fd.Body.List) == 0 {
		return nil
	}
	sw, ok := fd.Body.List[0].(*ast.SwitchStmt)
	if !ok || sw.Init != nil || sw.Tag == nil {
		return nil
	}
	if id, ok := ast.Unparen(sw.Tag).(*ast.Ident); !ok || info.Uses[id] != recv {
		return nil
	}
	s := &Strings{}
	for _, stmt := range sw.Body.List {
		cc := stmt.(*ast.CaseClause)
		if len(cc.Body) != 1 {
			continue
		}
		ret, ok := cc.Body[0].(*ast.ReturnStmt)
		if !ok || len(ret.Results) != 1 {
			continue
		}
		out := a.eval.Eval(ret.Results[0])
		if out.Kind != values.String || !out.Known() {
			continue
		}
		for _, e := range cc.List {
			if tv := info.Types[e]; tv.Value != nil {
				s.Cases = append(s.Cases, Case{In: tv.Value.ExactString(), Out: out.Text()})
			}
		}
	}
	if len(s.Cases) == 0 {
		return nil
	}
	return s
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
