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
	"github.com/errcodelint/errcodelint/catalog"
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
}

// NewTracer returns a tracer of fd's body. idx says what locals are given
// and serves the package's tables with eval; yields gives the fact of a callee whose first result is known
// (nil: none is).
func NewTracer(fset *token.FileSet, info *types.Info, fd *ast.FuncDecl, idx *locals.Index, eval *values.Evaluator, yields func(*types.Func) *Source) *Tracer {
	t := &Tracer{
		fset:   fset,
		info:   info,
		params: Params(info, fd),
		idx:    idx,
		eval:   eval,
		yields: yields,
	}
	if fd.Recv != nil && len(fd.Recv.List) == 1 && len(fd.Recv.List[0].Names) == 1 {
		t.recv, _ = info.Defs[fd.Recv.List[0].Names[0]].(*types.Var)
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
		case t.local(v):
			if gs, ok := t.idx.Given(v); ok {
				return t.merge(gs, depth+1)
			}
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
func (t *Tracer) merge(gs []locals.Given, depth int) Source {
	sources := make([]Source, 0, len(gs))
	for _, g := range gs {
		var s Source
		switch {
		case g.Result >= 0:
			s = t.result(g.X.(*ast.CallExpr), g.Result, depth)
		case g.As:
			// errors.As finds err, or an error it wraps: said of a
			// parameter itself, not of a field of one.
			s = t.trace(g.X, depth)
			s.Unwrap = s.Unwrap || len(s.Fields) == 0
		default:
			s = t.trace(g.X, depth)
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
	gs, ok := t.idx.Given(v)
	if !ok || !t.local(v) {
		return Source{Param: None}
	}
	return t.merge(gs, 0)
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
	if !catalog.IsErrorStatus(st) {
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
		if !key.Known() || status.Kind != values.Int || !catalog.IsErrorStatus(status.Int) {
			return nil // not a table of error statuses keyed by constants
		}
		table.Entries = append(table.Entries, Entry{Key: key.Text(), Status: status.Int, Line: file.Line(kv.Pos())})
	}
	return table
}

// local reports whether v is a local variable (or a named result) of
// the package: its parameters and receiver are traced as such, and a
// package variable may change between any two statements.
func (t *Tracer) local(v *types.Var) bool {
	if v.IsField() || v.Pkg() == nil || v.Parent() == v.Pkg().Scope() || v == t.recv {
		return false
	}
	_, isParam := t.params[v]
	return !isParam
}
