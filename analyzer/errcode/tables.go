package errcode

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"github.com/errcodelint/errcodelint/analyzer/internal/apimodel"
	"github.com/errcodelint/errcodelint/analyzer/internal/astx"
	"github.com/errcodelint/errcodelint/analyzer/internal/flow"
	"github.com/errcodelint/errcodelint/analyzer/internal/values"
	"github.com/errcodelint/errcodelint/catalog"
)

// codeValue evaluates a code expression. An integer of a type whose String
// method maps constants to strings (an enum) is that string when the
// catalog's codes are strings.
func (c *checker) codeValue(x ast.Expr) values.Value {
	v := c.eval.Eval(x)
	if v.Kind == values.Int && !c.cat.Numeric() {
		if s, ok := c.enumString(c.pass.TypesInfo.TypeOf(x), v); ok {
			return s
		}
	}
	return v
}

// fits reports whether a known value is of a kind the catalog's codes can
// be: a string catalog is never matched against integers.
func (c *checker) fits(v values.Value) bool {
	return v.Kind != values.Int || c.cat.Numeric()
}

// enumString evaluates t's String method on the constant v.
func (c *checker) enumString(t types.Type, v values.Value) (values.Value, bool) {
	if t == nil {
		return values.Value{}, false
	}
	obj, _, _ := types.LookupFieldOrMethod(t, false, nil, "String")
	fn, ok := obj.(*types.Func)
	if !ok {
		return values.Value{}, false
	}
	var recv constant.Value
	switch {
	case v.Kind == values.Int:
		recv = constant.MakeInt64(v.Int)
	case v.Kind == values.String && v.Known():
		recv = constant.MakeString(v.Text())
	default:
		return values.Value{}, false
	}
	out, ok := c.flow.Method(fn, recv)
	if !ok {
		return values.Value{}, false
	}
	cv := values.Of(out)
	return cv, cv.Kind != values.Unknown
}

// compositeLit checks a literal that may be a row of a code table: a
// struct pairing a code field with a status field, or a map from codes to
// statuses (or to structs holding the status).
func (c *checker) compositeLit(lit *ast.CompositeLit) {
	t := c.pass.TypesInfo.TypeOf(lit)
	if t == nil {
		return
	}
	switch u := t.Underlying().(type) {
	case *types.Struct:
		c.structRow(lit, nil)
	case *types.Pointer:
		if _, ok := u.Elem().Underlying().(*types.Struct); ok {
			c.structRow(lit, nil)
		}
	case *types.Map:
		c.mapTable(lit, u)
	}
}

// mapTable checks each row of a map literal keyed by codes.
func (c *checker) mapTable(lit *ast.CompositeLit, m *types.Map) {
	keyIsCode := c.model.IsCodeType(m.Key())
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		key := codeUse{expr: kv.Key, value: c.codeValue(kv.Key), wire: keyIsCode}
		if !c.fits(key.value) {
			return // keyed by numbers, and the catalog's codes are strings
		}
		switch {
		case astx.IsInteger(m.Elem()):
			status := c.eval.Eval(kv.Value)
			if !codeRow(status) {
				continue // not a status: a map of something else
			}
			if !keyIsCode && !key.value.Known() {
				continue
			}
			c.checkCode(key, &statusUse{expr: kv.Value, value: status.Int, verb: "mapped to"})
		case isStructLike(m.Elem()):
			if row := astx.CompositeOf(kv.Value); row != nil && isStructLike(c.pass.TypesInfo.TypeOf(row)) {
				c.structRow(row, &key)
			}
		case c.model.IsCodeType(m.Elem()):
			// error → code: the values are codes.
			c.checkCode(codeUse{expr: kv.Value, value: c.codeValue(kv.Value), wire: true}, nil)
		}
	}
}

// structRow checks a struct literal that pairs a code with a status (or,
// for a map row, the key with a status); see row.
func (c *checker) structRow(lit *ast.CompositeLit, key *codeUse) {
	if !c.model.Owned(c.pass.TypesInfo.TypeOf(lit)) {
		return // another module's type (an SDK's error): not this API's row
	}
	var fields []rowField
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			continue // positional rows: field roles unknown
		}
		if id, ok := kv.Key.(*ast.Ident); ok {
			fields = append(fields, rowField{name: id.Name, expr: kv.Value, status: c.eval.Eval(kv.Value), code: c.codeValue(kv.Value)})
		}
	}
	c.row(c.pass.TypesInfo.TypeOf(lit), fields, key, "mapped to")
}

// A rowField is a field of a row: its name, where its value stands, and
// the value as a status and as a code.
type rowField struct {
	name         string
	expr         ast.Expr
	status, code values.Value
}

// row checks the fields of one value of struct type t: the field holding
// an error status pairs with the fields holding codes (or, for a map row,
// the key), as the model tells the roles apart (apimodel.RowRoles).
// Without a status there is no pairing.
func (c *checker) row(t types.Type, fields []rowField, key *codeUse, verb string) {
	var status *statusUse
	var codes []codeUse
	declared := c.model.IsErrorType(t)
	for i, role := range c.model.RowRoles(t, rowFields(fields)) {
		rf := fields[i]
		switch role {
		case apimodel.Status:
			if codeRow(rf.status) {
				status = &statusUse{expr: rf.expr, value: rf.status.Int, verb: verb}
			}
		case apimodel.Code:
			if !c.fits(rf.code) {
				continue // an integer is never one of a string catalog's codes
			}
			// Only the catalog's word makes an unknown value a code
			// for sure.
			codes = append(codes, codeUse{expr: rf.expr, value: rf.code, wire: declared || c.model.IsCodeType(astx.FieldType(t, rf.name))})
		}
	}
	if len(codes) == 0 && key != nil {
		codes = append(codes, *key)
	}
	for _, u := range codes {
		if status == nil && !u.wire {
			continue
		}
		c.checkCode(u, status)
	}
}

// rowFields are the fields of a row as the model reads them.
func rowFields(fields []rowField) []apimodel.RowField {
	out := make([]apimodel.RowField, len(fields))
	for i, rf := range fields {
		out[i] = apimodel.RowField{Name: rf.name, Code: rf.code, Status: rf.status}
	}
	return out
}

// constructorCalls checks the calls of constructors that build an error
// with a code or a status their caller gives (NewAppError(where,
// "AccountNotFound", msg, http.StatusNotFound)), as the literal they
// return would be checked: the engine puts the call's arguments into the
// constructor's result. A constructor whose code and status are both its
// own is checked at its literal.
func (c *checker) constructorCalls(res *flow.Result) {
	calls := res.Calls(func(fn *types.Func) bool {
		r := fn.Signature().Results()
		if r.Len() == 0 {
			return false
		}
		_, ok := astx.StructOf(r.At(0).Type())
		return ok && c.model.Owned(r.At(0).Type())
	})
	sent := sentStatuses(res)
	for _, call := range calls {
		callExpr := c.exprAt(flow.Atom{At: call.At, Arg: flow.Whole})
		if callExpr == nil || len(call.Results) == 0 || c.report.Skipped(call.At) {
			continue
		}
		t := call.Func.Signature().Results().At(0).Type()
		for _, obj := range call.Results[0].Flat() {
			if obj.Kind != flow.Obj || obj.Of != nil {
				continue
			}
			if fields, given := c.constructed(t, obj, call.At, callExpr); given {
				c.row(t, fields, nil, "sent with")
			}
			c.statusWrapper(t, obj, call.At, callExpr, sent)
		}
	}
}

// statusWrapper checks an error made to carry a status with another error
// (NewStatusError(oidc.ErrAccessDenied(), http.StatusUnauthorized)): the
// status given at the call goes with the code the wrapped error carries
// at the catalog's wire path. A wrapper a response of this package sends
// was checked there, with its renderer; this one may be returned through
// an interface whose caller the engine cannot see.
func (c *checker) statusWrapper(t types.Type, obj flow.Atom, at token.Pos, call ast.Expr, sent map[place]bool) {
	var status *flow.Atom
	var wrapped flow.Value
	var given []flow.Atom // the constants given at the call, one a field
	var fields []apimodel.RowField
	for _, f := range obj.Fields {
		for _, a := range f.Val {
			switch {
			case a.Kind == flow.Const && a.At == at:
				v := values.Of(a.Constant())
				given = append(given, a)
				fields = append(fields, apimodel.RowField{Name: f.Name, Code: v, Status: v})
			case a.Kind == flow.Obj:
				wrapped = append(wrapped, a)
			}
		}
	}
	for i, role := range c.model.RowRoles(t, fields) {
		if role == apimodel.Status {
			status = &given[i]
		}
	}
	if status == nil || len(wrapped) == 0 || sent[place{status.At, status.Arg}] {
		return
	}
	n, ok := statusOf(*status)
	statusExpr := c.exprAt(*status)
	if !ok || !catalog.IsErrorStatus(n) || statusExpr == nil {
		return
	}
	for _, code := range c.model.CodesIn(flow.Atom{Kind: flow.Encoded, Enc: c.model.Format(), Of: wrapped}) {
		v, ok := c.model.ConstCode(code)
		if !ok || code.Kind != flow.Const {
			continue
		}
		expr := c.exprAt(code)
		if expr == nil {
			expr = call
		}
		c.checkCode(codeUse{expr: expr, value: v, wire: true}, &statusUse{expr: statusExpr, value: n, verb: "sent with"})
	}
}

// A place is where a constant is written: a construct and its operand.
type place struct {
	at  token.Pos
	arg int
}

// sentStatuses are the places of the statuses the package's responses are
// written with: a wrapper's status found there was checked with the
// response.
func sentStatuses(res *flow.Result) map[place]bool {
	out := make(map[place]bool)
	var add func(v flow.Value)
	add = func(v flow.Value) {
		for _, a := range v.Flat() {
			if a.At.IsValid() {
				out[place{a.At, a.Arg}] = true
			}
			for _, row := range a.RowValues() {
				add(row)
			}
		}
	}
	for _, k := range res.Sinks {
		add(k.Status)
	}
	return out
}

// constructed is the fields of a struct a call builds that are known
// constants, each where it is written (the call's argument, or the call);
// given says the call passes the code or the status itself. A field of
// another role (a message) leaves the pair to the literal's check.
func (c *checker) constructed(t types.Type, obj flow.Atom, at token.Pos, call ast.Expr) (fields []rowField, given bool) {
	var atCall []bool // whether each field's value is given at the call
	for _, f := range obj.Fields {
		if len(f.Val) != 1 {
			continue
		}
		a := f.Val[0]
		v, ok := c.model.ConstCode(a)
		if !ok {
			continue
		}
		expr := call
		if a.At == at {
			expr = c.exprAt(a)
		}
		if expr == nil {
			continue
		}
		rf := rowField{name: f.Name, expr: expr, code: v}
		if v.Kind == values.Int {
			rf.status = v
		}
		fields = append(fields, rf)
		atCall = append(atCall, a.At == at)
	}
	for i, role := range c.model.RowRoles(t, rowFields(fields)) {
		given = given || atCall[i] && role != apimodel.None
	}
	return fields, given
}

// constants reports constants of the catalog's code type that the catalog
// does not list.
func (c *checker) constants(d *ast.GenDecl) {
	if d.Tok != token.CONST || c.cat.Go.CodeType == "" {
		return
	}
	for _, spec := range d.Specs {
		vs := spec.(*ast.ValueSpec)
		for i, name := range vs.Names {
			obj, ok := c.pass.TypesInfo.Defs[name].(*types.Const)
			if !ok || !c.model.IsCodeType(obj.Type()) {
				continue
			}
			if i < len(vs.Values) && c.textAroundCode(vs.Values[i]) {
				continue // a body's text, typed as a code by the code it embeds
			}
			v := values.Of(obj.Val())
			if v.Kind == values.Int && !c.cat.Numeric() {
				s, ok := c.enumString(obj.Type(), v)
				if !ok {
					continue // an enum whose codes we cannot read
				}
				v = s
			}
			c.checkCode(codeUse{expr: name, value: v, wire: true}, nil)
		}
	}
}

// statusMethod checks a method that maps its receiver to a status with a
// switch: func (c Code) Status() int { switch c { case X: return 404 } }.
func (c *checker) statusMethod(fd *ast.FuncDecl) {
	info := c.pass.TypesInfo
	if fd.Recv == nil || len(fd.Recv.List) != 1 || len(fd.Recv.List[0].Names) != 1 || len(fd.Body.List) == 0 {
		return
	}
	fn, _ := info.Defs[fd.Name].(*types.Func)
	if fn == nil {
		return
	}
	sig := fn.Type().(*types.Signature)
	if sig.Params().Len() != 0 || sig.Results().Len() != 1 || !astx.IsInteger(sig.Results().At(0).Type()) {
		return
	}
	recv := info.Defs[fd.Recv.List[0].Names[0]]
	for _, s := range fd.Body.List {
		sw, ok := s.(*ast.SwitchStmt)
		if !ok || sw.Tag == nil {
			continue
		}
		if id, ok := ast.Unparen(sw.Tag).(*ast.Ident); !ok || recv == nil || info.Uses[id] != recv {
			continue
		}
		for _, cs := range sw.Body.List {
			cc := cs.(*ast.CaseClause)
			ret := caseReturn(cc)
			if ret == nil {
				continue
			}
			status := c.eval.Eval(ret.Results[0])
			if !codeRow(status) {
				continue
			}
			for _, e := range cc.List {
				c.checkCode(codeUse{expr: e, value: c.codeValue(e), wire: c.model.IsCodeType(recv.Type())},
					&statusUse{expr: ret.Results[0], value: status.Int, verb: "mapped to"})
			}
		}
	}
}

// caseReturn is the one status a case clause of a Status method returns:
// the clause ends in a return of one value, and returns nowhere else.
// Statements before it (a log line, a metric) do not change the pairing.
func caseReturn(cc *ast.CaseClause) *ast.ReturnStmt {
	if len(cc.Body) == 0 {
		return nil
	}
	ret, ok := cc.Body[len(cc.Body)-1].(*ast.ReturnStmt)
	if !ok || len(ret.Results) != 1 {
		return nil
	}
	returns := 0
	for _, s := range cc.Body {
		ast.Inspect(s, func(n ast.Node) bool {
			switch n.(type) {
			case *ast.FuncLit:
				return false // a closure's returns are its own
			case *ast.ReturnStmt:
				returns++
			}
			return true
		})
	}
	if returns != 1 {
		return nil
	}
	return ret
}

// joinedTables checks pairs of package-level maps with the same keys, one
// to codes and one to statuses (map[error]string and map[error]int): each
// key's code with its status.
func (c *checker) joinedTables() {
	type row struct {
		expr ast.Expr
		v    values.Value
	}
	codes := make(map[types.Object]row)
	var order []types.Object // codes' keys in source order, for stable reports
	statuses := make(map[types.Object]row)
	for _, f := range c.pass.Files {
		for _, d := range f.Decls {
			gd, ok := d.(*ast.GenDecl)
			if !ok || gd.Tok != token.VAR {
				continue
			}
			for _, spec := range gd.Specs {
				for _, val := range spec.(*ast.ValueSpec).Values {
					lit := astx.CompositeOf(val)
					if lit == nil {
						continue
					}
					m, ok := c.pass.TypesInfo.TypeOf(lit).Underlying().(*types.Map)
					if !ok || astx.IsString(m.Key()) || astx.IsInteger(m.Key()) {
						continue // keyed by codes themselves: see mapTable
					}
					for _, elt := range lit.Elts {
						kv, ok := elt.(*ast.KeyValueExpr)
						if !ok {
							continue
						}
						obj := keyObject(c.pass.TypesInfo, kv.Key)
						if obj == nil {
							continue
						}
						switch {
						case astx.IsInteger(m.Elem()):
							if v := c.eval.Eval(kv.Value); codeRow(v) {
								statuses[obj] = row{kv.Value, v}
							}
						case astx.IsString(m.Elem()):
							if v := c.codeValue(kv.Value); v.Known() {
								if _, dup := codes[obj]; !dup {
									order = append(order, obj)
								}
								codes[obj] = row{kv.Value, v}
							}
						}
					}
				}
			}
		}
	}
	for _, obj := range order {
		code := codes[obj]
		s, ok := statuses[obj]
		if !ok {
			continue
		}
		c.checkCode(codeUse{expr: code.expr, value: code.v},
			&statusUse{expr: s.expr, value: s.v.Int, verb: "mapped to"})
	}
}

// keyObject is the variable or constant a map key names.
func keyObject(info *types.Info, x ast.Expr) types.Object {
	switch k := ast.Unparen(x).(type) {
	case *ast.Ident:
		return info.Uses[k]
	case *ast.SelectorExpr:
		return info.Uses[k.Sel]
	}
	return nil
}

func isStructLike(t types.Type) bool {
	_, ok := astx.StructOf(t)
	return ok
}
