package statusbranch

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"strconv"
	"strings"

	"github.com/errcodelint/errcodelint/analyzer/internal/astx"
	"github.com/errcodelint/errcodelint/analyzer/internal/nethttp"
	"github.com/errcodelint/errcodelint/analyzer/internal/values"
	"github.com/errcodelint/errcodelint/catalog"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"
)

// statusExpr reports whether x holds the HTTP status of a response: resp.
// StatusCode, a status field of a client error type, a local holding one,
// or a parameter fed one. resp is the response, when x reads one.
func (c *checker) statusExpr(x ast.Expr) (resp ast.Expr, ok bool) {
	return c.statusExprDepth(x, 0)
}

func (c *checker) statusExprDepth(x ast.Expr, depth int) (ast.Expr, bool) {
	if depth > 4 {
		return nil, false
	}
	info := c.pass.TypesInfo
	switch e := ast.Unparen(x).(type) {
	case *ast.SelectorExpr:
		sel := info.Selections[e]
		if sel == nil || sel.Kind() != types.FieldVal {
			return nil, false
		}
		recv := sel.Recv()
		if e.Sel.Name == "StatusCode" && astx.IsNamed(astx.Deref(recv), "net/http", "Response") {
			return e.X, true
		}
		if f, ok := c.errorTypeField(recv, e.Sel.Name); ok && f == "status" {
			return nil, true
		}
		return nil, c.wireField(recv, e.Sel.Name, c.cat.Wire.Status)
	case *ast.Ident:
		v, ok := info.Uses[e].(*types.Var)
		if !ok {
			return nil, false
		}
		if c.statusParams[v] {
			return nil, true
		}
		if init := c.walker.SingleInit(v); init != nil && astx.IsInteger(v.Type()) {
			return c.statusExprDepth(init, depth+1)
		}
	}
	return nil, false
}

// codeExpr reports whether x holds an error code: a value of the catalog's
// code type, the code field of a client error type or of the envelope, or
// a local holding one.
func (c *checker) codeExpr(x ast.Expr) bool {
	info := c.pass.TypesInfo
	if isCodeType(c.cat, info.TypeOf(x)) {
		return true
	}
	switch e := ast.Unparen(x).(type) {
	case *ast.SelectorExpr:
		sel := info.Selections[e]
		if sel == nil || sel.Kind() != types.FieldVal {
			return false
		}
		if f, ok := c.errorTypeField(sel.Recv(), e.Sel.Name); ok && f == "code" {
			return true
		}
		return c.wireField(sel.Recv(), e.Sel.Name, c.cat.Wire.Code)
	case *ast.Ident:
		if v, ok := info.Uses[e].(*types.Var); ok {
			if init := c.walker.SingleInit(v); init != nil {
				return c.codeExpr(init)
			}
		}
	}
	return false
}

// prefixed reports whether k is a constant carrying the catalog's wire
// prefix: whatever it is compared with is a code.
func (c *checker) prefixed(k ast.Expr) bool {
	v := c.eval.Eval(k)
	return c.cat.Wire.Prefix != "" && v.Kind == values.String && v.Known() && strings.HasPrefix(v.Text(), c.cat.Wire.Prefix)
}

// errorTypeField says which role ("status", "code") a field plays in a
// client error type named in the catalog's go.error_types.
func (c *checker) errorTypeField(recv types.Type, field string) (string, bool) {
	n, ok := types.Unalias(astx.Deref(recv)).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return "", false
	}
	name := n.Obj().Pkg().Path() + "." + n.Obj().Name()
	for _, t := range c.cat.Go.ErrorTypes {
		if t.Type != name {
			continue
		}
		switch field {
		case t.Status:
			return "status", true
		case t.Code:
			return "code", true
		}
	}
	return "", false
}

// wireField reports whether a struct field lands at the last step of a
// wire path (json or xml name) in a struct shaped like an error body: one
// that also has the code's field, or a message.
func (c *checker) wireField(recv types.Type, field, wire string) bool {
	if wire == "" {
		return false
	}
	last := wire[strings.LastIndex(wire, ".")+1:]
	st, ok := astx.Deref(recv).Underlying().(*types.Struct)
	if !ok {
		return false
	}
	codeLast := c.cat.Wire.Code[strings.LastIndex(c.cat.Wire.Code, ".")+1:]
	matched, shaped := false, false
	for i := range st.NumFields() {
		f := st.Field(i)
		name := tagName(st.Tag(i), f.Name(), c.cat.Wire.Format)
		if f.Name() == field && strings.EqualFold(name, last) {
			matched = true
		}
		switch strings.ToLower(name) {
		case strings.ToLower(codeLast), "message", "detail", "description", "title":
			if f.Name() != field {
				shaped = true
			}
		}
	}
	return matched && shaped
}

// tagName is a field's name in the body.
func tagName(tag, name, format string) string {
	key := "json"
	if format == "xml" {
		key = "xml"
	}
	if v, ok := reflect.StructTag(tag).Lookup(key); ok {
		n, _, _ := strings.Cut(v, ",")
		if n != "" && n != "-" {
			return n
		}
	}
	return name
}

// testsCode reports whether a status comparison stands in a condition that
// also branches on the code: p.Status == 400 && p.Type == badNonce, or an
// if whose body branches on the code.
func (c *checker) testsCode(b *ast.BinaryExpr, stack []ast.Node) bool {
	for i := len(stack) - 2; i >= 0; i-- {
		switch n := stack[i].(type) {
		case *ast.BinaryExpr:
			if n.Op == token.LAND && (c.comparesCode(n.X) || c.comparesCode(n.Y)) {
				return true
			}
		case *ast.ParenExpr, *ast.UnaryExpr:
		case *ast.IfStmt:
			return c.bodyTestsCode(n.Body.List)
		case *ast.CaseClause:
			return c.bodyTestsCode(n.Body)
		default:
			return false
		}
	}
	return false
}

// comparesCode reports whether x contains a comparison of a code.
func (c *checker) comparesCode(x ast.Node) bool {
	found := false
	ast.Inspect(x, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.BinaryExpr:
			if (n.Op == token.EQL || n.Op == token.NEQ) && (c.codeExpr(n.X) || c.codeExpr(n.Y) || c.prefixed(n.X) || c.prefixed(n.Y)) {
				found = true
			}
		case *ast.SwitchStmt:
			if n.Tag != nil && c.codeExpr(n.Tag) {
				found = true
			}
		case *ast.FuncLit:
			return false
		}
		return !found
	})
	return found
}

func (c *checker) bodyTestsCode(body []ast.Stmt) bool {
	for _, s := range body {
		if c.comparesCode(s) {
			return true
		}
	}
	return false
}

// statusBranch reports a branch on a status the catalog gives to several
// codes (or to one, with -strict).
func (c *checker) statusBranch(at ast.Expr, status int64) {
	if status < 400 || status > 599 {
		return // success and redirect statuses carry no error code
	}
	if strings.HasSuffix(c.pass.Fset.File(at.Pos()).Name(), "_test.go") {
		return // tests assert statuses on purpose; they do not branch on them
	}
	codes := c.cat.SentWith(int(status))
	switch {
	case len(codes) == 0:
		return // not the catalog's status: nothing to say
	case len(codes) == 1 && !c.strict:
		return
	}
	c.pass.Report(analysis.Diagnostic{Pos: at.Pos(), End: at.End(), Message: branchMessage(status, codes)})
}

// branchMessage names the codes that share a status.
func branchMessage(status int64, codes []*catalog.Code) string {
	name := func(code *catalog.Code) string {
		s := code.Value
		if code.Summary != "" && len(code.Summary) <= 40 {
			s += " (" + code.Summary + ")"
		}
		return s
	}
	switch n := len(codes); {
	case n == 1:
		return fmt.Sprintf("branching on status %d: only the error code tells %s from codes added later; branch on the error code", status, name(codes[0]))
	case n == 2:
		return fmt.Sprintf("branching on status %d cannot tell %s from %s; branch on the error code", status, name(codes[0]), name(codes[1]))
	case n == 3:
		return fmt.Sprintf("branching on status %d cannot tell %s, %s and %s apart; branch on the error code", status, name(codes[0]), name(codes[1]), name(codes[2]))
	default:
		var names []string
		for _, code := range codes[:3] {
			names = append(names, code.Value)
		}
		return fmt.Sprintf("branching on status %d cannot tell its %d codes apart (%s, …); branch on the error code", status, n, strings.Join(names, ", "))
	}
}

// codeBranch reports a comparison with a code the catalog does not list:
// it can never match.
func (c *checker) codeBranch(k ast.Expr) {
	v := c.eval.Eval(k)
	if !v.Known() || v.Zero() {
		return // unknown, or "no code at all" (e.Code == "")
	}
	var ok bool
	if v.Kind == values.Int {
		_, ok = c.cat.LookupInt(v.Int)
	} else {
		_, ok = c.cat.Lookup(v.Text())
		if !ok && c.cat.Numeric() {
			_, ok = c.cat.LookupName(v.Text())
		}
	}
	if ok {
		return
	}
	text := v.Text()
	if v.Kind == values.String {
		text = strconv.Quote(text)
	}
	msg := fmt.Sprintf("code %s is not in the catalog: this branch never matches", text)
	if s := c.cat.Suggest(v.Text()); s != "" && v.Kind == values.String {
		if code, ok := c.cat.Lookup(s); ok {
			s = code.Quoted()
		}
		msg += fmt.Sprintf("; did you mean %s?", s)
	}
	c.pass.Report(analysis.Diagnostic{Pos: k.Pos(), End: k.End(), Message: msg})
}

// findStatusParams finds parameters of predicates that a call in this
// package feeds with a response status, so that a helper such as
// retriable(code int) bool is checked like the status it receives. Only
// predicates: a helper that maps statuses to text (StatusText) is a table,
// not a branch.
func (c *checker) findStatusParams() {
	c.statusParams = make(map[*types.Var]bool)
	info := c.pass.TypesInfo
	decls := make(map[*types.Func]*ast.FuncDecl)
	for _, f := range c.pass.Files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok {
				if fn, ok := info.Defs[fd.Name].(*types.Func); ok {
					decls[fn] = fd
				}
			}
		}
	}
	// Two rounds follow one helper calling another.
	for range 2 {
		for _, f := range c.pass.Files {
			ast.Inspect(f, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok {
					return true
				}
				fn := typeutil.StaticCallee(info, call)
				fd := decls[fn]
				if fd == nil || !isPredicate(fn) {
					return true
				}
				params := paramVars(info, fd)
				for i, arg := range call.Args {
					if i >= len(params) || !astx.IsInteger(params[i].Type()) {
						continue
					}
					if resp, ok := c.statusExpr(arg); ok && !c.headResponse(resp) {
						c.statusParams[params[i]] = true
					}
				}
				return true
			})
		}
	}
}

// isPredicate reports whether fn returns a single bool.
func isPredicate(fn *types.Func) bool {
	res := fn.Type().(*types.Signature).Results()
	if res.Len() != 1 {
		return false
	}
	b, ok := res.At(0).Type().Underlying().(*types.Basic)
	return ok && b.Kind() == types.Bool
}

func paramVars(info *types.Info, fd *ast.FuncDecl) []*types.Var {
	var out []*types.Var
	for _, field := range fd.Type.Params.List {
		for _, name := range field.Names {
			if v, ok := info.Defs[name].(*types.Var); ok {
				out = append(out, v)
			}
		}
	}
	return out
}

// headResponse reports whether resp answers a HEAD request: its body is
// empty, so the status is all a client has.
func (c *checker) headResponse(resp ast.Expr) bool {
	if resp == nil {
		return false
	}
	info := c.pass.TypesInfo
	id, ok := ast.Unparen(resp).(*ast.Ident)
	if !ok {
		return false
	}
	v, ok := info.Uses[id].(*types.Var)
	if !ok {
		return false
	}
	origin := c.respOrigin(v)
	if origin == nil {
		return false
	}
	fn := typeutil.StaticCallee(info, origin)
	switch {
	case nethttp.IsFunc(fn, "net/http", "Head"), nethttp.IsMethod(fn, "net/http", "Client", "Head"):
		return true
	case nethttp.IsMethod(fn, "net/http", "Client", "Do") && len(origin.Args) == 1:
		return c.headRequest(origin.Args[0])
	}
	return false
}

// respOrigin finds the call a response variable comes from: resp, err :=
// client.Do(req); the last such assignment in the package. The package's
// assignments are indexed once: a client with thousands of methods asks
// thousands of times.
func (c *checker) respOrigin(v *types.Var) *ast.CallExpr {
	if c.origins == nil {
		c.origins = make(map[types.Object]*ast.CallExpr)
		for _, f := range c.pass.Files {
			ast.Inspect(f, func(n ast.Node) bool {
				as, ok := n.(*ast.AssignStmt)
				if !ok || len(as.Rhs) != 1 {
					return true
				}
				call, ok := ast.Unparen(as.Rhs[0]).(*ast.CallExpr)
				if !ok {
					return true
				}
				for _, lhs := range as.Lhs {
					if id, ok := lhs.(*ast.Ident); ok {
						if obj := c.pass.TypesInfo.ObjectOf(id); obj != nil {
							c.origins[obj] = call
						}
					}
				}
				return true
			})
		}
	}
	return c.origins[v]
}

// headRequest reports whether req was made with method HEAD.
func (c *checker) headRequest(req ast.Expr) bool {
	id, ok := ast.Unparen(req).(*ast.Ident)
	if !ok {
		return false
	}
	v, ok := c.pass.TypesInfo.Uses[id].(*types.Var)
	if !ok {
		return false
	}
	origin := c.respOrigin(v)
	if origin == nil {
		return false
	}
	fn := typeutil.StaticCallee(c.pass.TypesInfo, origin)
	var method ast.Expr
	switch {
	case nethttp.IsFunc(fn, "net/http", "NewRequest") && len(origin.Args) == 3:
		method = origin.Args[0]
	case nethttp.IsFunc(fn, "net/http", "NewRequestWithContext") && len(origin.Args) == 4:
		method = origin.Args[1]
	default:
		return false
	}
	m := c.eval.Eval(method)
	return m.Known() && m.Text() == "HEAD"
}

func isCodeType(cat *catalog.Catalog, t types.Type) bool {
	if cat.Go.CodeType == "" || t == nil {
		return false
	}
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path()+"."+n.Obj().Name() == cat.Go.CodeType
}
