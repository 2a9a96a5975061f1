package response

import (
	"go/ast"
	"go/token"
	"go/types"
	"path/filepath"
	"reflect"
	"slices"

	"github.com/errcodelint/errcodelint/analyzer/internal/astx"
	"github.com/errcodelint/errcodelint/analyzer/internal/locals"
	"github.com/errcodelint/errcodelint/analyzer/internal/values"
	"golang.org/x/tools/go/types/typeutil"
)

// A Tracer says where the values of one function come from, in terms of
// its parameters, its receiver, constants and status tables: it follows
// what SourceOf follows, and also the function's locals (tuples and
// comma-ok look-ups included), errors.As and type assertions, status
// tables, and helpers whose result is known by fact (Yields). The status
// a central renderer writes is traced this way: w.WriteHeader(status),
// where status, _ := apiError(err), where apiError looks
// codeMap[errors.ErrCode(err)] up, is codeMap[param 1's Code].
type Tracer struct {
	fset   *token.FileSet
	info   *types.Info
	params map[*types.Var]int
	recv   *types.Var
	idx    *locals.Index
	eval   *values.Evaluator
	yields func(*types.Func) *Source

	given  map[*types.Var][]given // the function's locals: every value each is given
	spoilt map[*types.Var]bool    // given values the tracer cannot see
}

// A given is a value a local is given: x, or the result-th result of the
// call x.
type given struct {
	x      ast.Expr
	result int
	as     bool // the target of errors.As(x, &v)
}

// NewTracer returns a tracer of fd's body. idx and eval serve the package's
// tables; yields gives the fact of a callee whose first result is known
// (nil: none is).
func NewTracer(fset *token.FileSet, info *types.Info, fd *ast.FuncDecl, idx *locals.Index, eval *values.Evaluator, yields func(*types.Func) *Source) *Tracer {
	t := &Tracer{
		fset:   fset,
		info:   info,
		params: Params(info, fd),
		idx:    idx,
		eval:   eval,
		yields: yields,
		given:  make(map[*types.Var][]given),
		spoilt: make(map[*types.Var]bool),
	}
	if fd.Recv != nil && len(fd.Recv.List) == 1 && len(fd.Recv.List[0].Names) == 1 {
		t.recv, _ = info.Defs[fd.Recv.List[0].Names[0]].(*types.Var)
	}
	if fd.Body != nil {
		ast.Inspect(fd.Body, t.index)
	}
	return t
}

// maxTrace bounds the chase through locals and helpers.
const maxTrace = 8

// Trace returns where x comes from; Source{Param: None} when it cannot
// tell.
func (t *Tracer) Trace(x ast.Expr) Source { return t.trace(x, 0) }

func (t *Tracer) trace(x ast.Expr, depth int) Source {
	none := Source{Param: None}
	if x == nil || depth > maxTrace {
		return none
	}
	x = ast.Unparen(x)
	if s := SourceOf(t.info, t.params, x); s.Param != None {
		return s
	}
	switch e := x.(type) {
	case *ast.Ident:
		v, ok := t.info.Uses[e].(*types.Var)
		switch {
		case !ok:
		case v == t.recv:
			return Source{Param: Receiver}
		case !t.spoilt[v] && len(t.given[v]) > 0:
			return t.merge(t.given[v], depth+1)
		}
	case *ast.SelectorExpr:
		if s := t.info.Selections[e]; s != nil && s.Kind() == types.FieldVal {
			return withField(t.trace(e.X, depth+1), e.Sel.Name)
		}
	case *ast.StarExpr:
		return t.trace(e.X, depth+1)
	case *ast.TypeAssertExpr:
		// err.(*Error): the same value, seen as its concrete type.
		return t.trace(e.X, depth+1)
	case *ast.IndexExpr:
		return t.lookup(e, depth)
	case *ast.CallExpr:
		if tv, ok := t.info.Types[e.Fun]; ok && tv.IsType() && len(e.Args) == 1 {
			return t.trace(e.Args[0], depth+1) // a conversion
		}
		return t.result(e, 0, depth)
	}
	return none
}

// withField selects a field of a parameter or of the receiver.
func withField(s Source, name string) Source {
	if (!s.IsParam() && s.Param != Receiver) || s.Table != nil || len(s.Fields) >= MaxFields {
		return Source{Param: None}
	}
	s.Fields = append(slices.Clone(s.Fields), name)
	return s
}

// merge is the source of a local given several values.
func (t *Tracer) merge(gs []given, depth int) Source {
	sources := make([]Source, 0, len(gs))
	for _, g := range gs {
		var s Source
		switch {
		case g.result >= 0:
			s = t.result(g.x.(*ast.CallExpr), g.result, depth)
		case g.as:
			// errors.As finds err, or an error it wraps: said of a
			// parameter itself, not of a field of one.
			s = t.trace(g.x, depth)
			s.Unwrap = s.Unwrap || len(s.Fields) == 0
		default:
			s = t.trace(g.x, depth)
		}
		if s.Param == None {
			return s
		}
		sources = append(sources, s)
	}
	return Merge(sources)
}

// Var traces a local variable (a named result): what it is given.
func (t *Tracer) Var(v *types.Var) Source {
	if t.spoilt[v] || len(t.given[v]) == 0 {
		return Source{Param: None}
	}
	return t.merge(t.given[v], 0)
}

// Merge is the source of a value that comes from any of sources: the one
// source they all are, or a table look-up with a constant for when the
// key is missing (status, ok := codeMap[c]; if !ok { status = 500 }).
func Merge(sources []Source) Source {
	var table *Source
	var consts []int64
	for _, s := range sources {
		switch {
		case s.Param == None:
			return s
		case s.Param == Const:
			if !slices.Contains(consts, s.Const) {
				consts = append(consts, s.Const)
			}
		case table == nil:
			table = &s
		case !reflect.DeepEqual(*table, s):
			return Source{Param: None}
		}
	}
	switch {
	case table == nil && len(consts) == 1:
		return Source{Param: Const, Const: consts[0]}
	case table == nil || len(consts) > 1:
		return Source{Param: None}
	case len(consts) == 0:
		return *table
	case table.Table == nil || table.Table.Default != 0:
		return Source{Param: None} // a parameter, or a constant instead of it
	}
	with := *table.Table
	with.Default = consts[0]
	out := *table
	out.Table = &with
	return out
}

// Through maps a callee's source to the caller's, given the call: a
// parameter of the callee becomes where the caller's argument comes from,
// and a table look-up keyed by it stays one.
func (t *Tracer) Through(call *ast.CallExpr, s Source) Source {
	return through(call, s, t.Trace)
}

// result traces the result-th result of a call: a helper's, by its fact.
func (t *Tracer) result(call *ast.CallExpr, result, depth int) Source {
	none := Source{Param: None}
	if result != 0 || t.yields == nil {
		return none
	}
	fn := typeutil.StaticCallee(t.info, call)
	if fn == nil {
		return none
	}
	y := t.yields(fn.Origin())
	if y == nil {
		return none
	}
	var arg ast.Expr
	switch {
	case y.Param == Const:
		return *y
	case y.Param == Receiver:
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok {
			return none
		}
		arg = sel.X
	case y.IsParam() && y.Param < len(call.Args) && !call.Ellipsis.IsValid():
		arg = call.Args[y.Param]
	default:
		return none
	}
	if y.Table != nil && len(y.Fields) == 0 {
		if s, ok := t.row(y.Table, arg); ok {
			return s // a constant key: its row
		}
	}
	from := t.trace(arg, depth+1)
	if from.Table != nil || !from.IsParam() && from.Param != Receiver {
		if y.Table != nil {
			// The key is not known here, the statuses are.
			return Source{Param: Unkeyed, Table: y.Table}
		}
		return none
	}
	for _, f := range y.Fields {
		from = withField(from, f)
	}
	from.Table = y.Table
	from.Unwrap = from.Unwrap || y.Unwrap
	return from
}

// lookup traces m[k], where m is a status table and k comes from a
// parameter.
func (t *Tracer) lookup(e *ast.IndexExpr, depth int) Source {
	none := Source{Param: None}
	table := t.Table(e.X)
	if table == nil {
		return none
	}
	if s, ok := t.row(table, e.Index); ok {
		return s // a constant key: its row
	}
	key := t.trace(e.Index, depth+1)
	if key.Table != nil || !key.IsParam() && key.Param != Receiver {
		return Source{Param: Unkeyed, Table: table} // the key is not known here, the statuses are
	}
	key.Table = table
	return key
}

// row returns the status a table gives a constant key, as a constant; it
// is false when the key is not constant, and None when the table gives it
// no status.
func (t *Tracer) row(table *Table, key ast.Expr) (Source, bool) {
	k := t.eval.Eval(key)
	if !k.Known() {
		return Source{}, false
	}
	if st, _, _, ok := table.StatusOf(k.Text()); ok {
		return Source{Param: Const, Const: st}, true
	}
	return Source{Param: None}, true
}

// SwitchTable returns the source of a status function that is one switch
// on a parameter or the receiver, each case returning a constant status
// (func (c Code) Status() int, ServerHTTPStatusFromErrorCode(code)): a
// table whose rows are the cases, and whose default is the default case's
// or the final return's status.
func (t *Tracer) SwitchTable(fd *ast.FuncDecl) (Source, bool) {
	none := Source{Param: None}
	if fd.Body == nil || len(fd.Body.List) == 0 || len(fd.Body.List) > 2 {
		return none, false
	}
	sw, ok := fd.Body.List[0].(*ast.SwitchStmt)
	if !ok || sw.Init != nil || sw.Tag == nil {
		return none, false
	}
	key := t.Trace(sw.Tag)
	if key.Table != nil || !key.IsParam() && key.Param != Receiver {
		return none, false
	}
	file := t.fset.File(fd.Pos())
	table := &Table{Name: fd.Name.Name, File: filepath.Base(file.Name())}
	status := func(stmts []ast.Stmt) (int64, bool) {
		if len(stmts) != 1 {
			return 0, false
		}
		ret, ok := stmts[0].(*ast.ReturnStmt)
		if !ok || len(ret.Results) != 1 {
			return 0, false
		}
		v := t.eval.Eval(ret.Results[0])
		return v.Int, v.Kind == values.Int
	}
	for _, stmt := range sw.Body.List {
		cc := stmt.(*ast.CaseClause)
		st, ok := status(cc.Body)
		if !ok {
			return none, false
		}
		if cc.List == nil {
			table.Default = errorStatusOrZero(st)
			continue
		}
		for _, x := range cc.List {
			k := t.eval.Eval(x)
			if !k.Known() {
				return none, false
			}
			table.Entries = append(table.Entries, Entry{Key: k.Text(), Status: st, Line: file.Line(x.Pos())})
		}
	}
	if len(fd.Body.List) == 2 {
		st, ok := status(fd.Body.List[1:])
		if !ok {
			return none, false
		}
		table.Default = errorStatusOrZero(st)
	}
	if !slices.ContainsFunc(table.Entries, func(e Entry) bool { return errorStatusOrZero(e.Status) != 0 }) {
		return none, false // no error status: not a status table
	}
	key.Table = table
	return key, true
}

// errorStatusOrZero is st when it is an error status (4xx, 5xx), else 0:
// a success status or 0 is not a status the rules are about.
func errorStatusOrZero(st int64) int64 {
	if st < 400 || st > 599 {
		return 0
	}
	return st
}

// Table returns the status table x names: a package variable that only its
// declaration gives a value, a map literal of constant keys and error
// statuses. nil otherwise.
func (t *Tracer) Table(x ast.Expr) *Table {
	v := t.idx.Var(x)
	if v == nil || v.Parent() != v.Pkg().Scope() {
		return nil
	}
	m, ok := v.Type().Underlying().(*types.Map)
	if !ok || !astx.IsInteger(m.Elem()) {
		return nil
	}
	lit := astx.CompositeOf(t.idx.Single(v))
	if lit == nil || len(lit.Elts) == 0 {
		return nil
	}
	file := t.fset.File(v.Pos())
	table := &Table{Name: v.Name(), File: filepath.Base(file.Name())}
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			return nil
		}
		key, status := t.eval.Eval(kv.Key), t.eval.Eval(kv.Value)
		if !key.Known() || status.Kind != values.Int || status.Int < 400 || status.Int > 599 {
			return nil // not a table of error statuses keyed by constants
		}
		table.Entries = append(table.Entries, Entry{Key: key.Text(), Status: status.Int, Line: file.Line(kv.Pos())})
	}
	return table
}

// index records what the function's locals are given.
func (t *Tracer) index(n ast.Node) bool {
	switch n := n.(type) {
	case *ast.FuncLit:
		// A closure may assign the function's locals at any time.
		ast.Inspect(n.Body, func(m ast.Node) bool {
			if as, ok := m.(*ast.AssignStmt); ok {
				for _, l := range as.Lhs {
					t.spoil(l)
				}
			}
			return true
		})
		return false
	case *ast.AssignStmt:
		switch {
		case n.Tok != token.ASSIGN && n.Tok != token.DEFINE:
			for _, l := range n.Lhs {
				t.spoil(l)
			}
		case len(n.Lhs) == len(n.Rhs):
			for i, l := range n.Lhs {
				t.give(l, given{x: n.Rhs[i], result: -1})
			}
		case len(n.Rhs) == 1:
			rhs := ast.Unparen(n.Rhs[0])
			for i, l := range n.Lhs {
				switch rhs.(type) {
				case *ast.CallExpr:
					t.give(l, given{x: rhs, result: i})
				case *ast.IndexExpr, *ast.TypeAssertExpr:
					if i == 0 { // v, ok := m[k]; e, ok := err.(*Error)
						t.give(l, given{x: rhs, result: -1})
						continue
					}
					t.spoil(l)
				default:
					t.spoil(l)
				}
			}
		}
	case *ast.ValueSpec:
		if len(n.Values) == len(n.Names) {
			for i, name := range n.Names {
				t.give(name, given{x: n.Values[i], result: -1})
			}
		}
	case *ast.RangeStmt:
		t.spoil(n.Key)
		t.spoil(n.Value)
	case *ast.IncDecStmt:
		t.spoil(n.X)
	case *ast.CallExpr:
		t.errorsAs(n)
	case *ast.UnaryExpr:
		if n.Op == token.AND {
			if v := t.local(n.X); v != nil && !t.asTarget(v) {
				t.spoilt[v] = true
			}
		}
	}
	return true
}

// errorsAs records errors.As(err, &e): e is err, seen as its concrete
// type, wherever it is used (it is read only where As succeeded).
func (t *Tracer) errorsAs(call *ast.CallExpr) {
	fn := typeutil.StaticCallee(t.info, call)
	if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != "errors" || fn.Name() != "As" || len(call.Args) != 2 {
		return
	}
	u, ok := ast.Unparen(call.Args[1]).(*ast.UnaryExpr)
	if !ok || u.Op != token.AND {
		return
	}
	if v := t.local(u.X); v != nil {
		t.given[v] = append(t.given[v], given{x: call.Args[0], result: -1, as: true})
	}
}

// asTarget reports whether v's address is taken only to be errors.As's
// target.
func (t *Tracer) asTarget(v *types.Var) bool {
	return slices.ContainsFunc(t.given[v], func(g given) bool { return g.as })
}

func (t *Tracer) give(lhs ast.Expr, g given) {
	if v := t.local(lhs); v != nil {
		t.given[v] = append(t.given[v], g)
		return
	}
	if _, ok := ast.Unparen(lhs).(*ast.Ident); !ok {
		t.spoil(lhs) // v.f = x, v[i] = x: not followed
	}
}

func (t *Tracer) spoil(x ast.Expr) {
	for {
		switch e := ast.Unparen(x).(type) {
		case *ast.SelectorExpr:
			x = e.X
			continue
		case *ast.IndexExpr:
			x = e.X
			continue
		case *ast.StarExpr:
			x = e.X
			continue
		}
		break
	}
	if v := t.local(x); v != nil {
		t.spoilt[v] = true
	}
}

// local returns the local variable (or named result) x names, or nil.
func (t *Tracer) local(x ast.Expr) *types.Var {
	id, ok := ast.Unparen(x).(*ast.Ident)
	if !ok || id.Name == "_" {
		return nil
	}
	v, ok := t.info.ObjectOf(id).(*types.Var)
	if !ok || v.IsField() || v.Pkg() == nil || v.Parent() == v.Pkg().Scope() || v == t.recv {
		return nil
	}
	if _, isParam := t.params[v]; isParam {
		return nil
	}
	return v
}
