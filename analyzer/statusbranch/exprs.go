package statusbranch

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"github.com/errcodelint/errcodelint/analyzer/internal/apimodel"
	"github.com/errcodelint/errcodelint/analyzer/internal/astx"
	"github.com/errcodelint/errcodelint/analyzer/internal/nethttp"
	"github.com/errcodelint/errcodelint/analyzer/internal/values"
	"github.com/errcodelint/errcodelint/catalog"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
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
		return nil, c.model.IsStatus(e)
	case *ast.Ident:
		v, ok := info.Uses[e].(*types.Var)
		if !ok {
			return nil, false
		}
		if c.statusParams[v] {
			return nil, true
		}
		if def := c.flow.Def(e); def != nil && astx.IsInteger(v.Type()) {
			return c.statusExprDepth(def, depth+1)
		}
	}
	return nil, false
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
			if (n.Op == token.EQL || n.Op == token.NEQ) && (c.isCode(n.X) || c.isCode(n.Y)) {
				found = true
			}
		case *ast.SwitchStmt:
			if n.Tag != nil && c.model.IsCode(n.Tag) {
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
	if !catalog.IsErrorStatus(status) {
		return // success and redirect statuses carry no error code
	}
	codes := c.cat.SentWith(int(status))
	switch {
	case len(codes) == 0:
		return // not the catalog's status: nothing to say
	case len(codes) == 1 && !c.strict:
		return
	}
	c.report.Report(analysis.Diagnostic{Pos: at.Pos(), End: at.End(), Category: checkShared, Message: branchMessage(status, codes)})
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
// it can never match. declared says the catalog names the compared value
// a code; otherwise a message (text outside the catalog's lexicon) is
// another body's, not a code that never matches.
func (c *checker) codeBranch(k ast.Expr, declared bool) {
	v := c.eval.Eval(k)
	if !v.Known() || v.Zero() {
		return // unknown, or "no code at all" (e.Code == "")
	}
	if !declared && c.model.IsMessage(v) {
		return
	}
	if code, ok := c.model.Resolve(v); ok {
		if code != nil && !c.report.Skipped(k.Pos()) {
			c.handled[code] = true
		}
		return
	}
	c.report.Report(analysis.Diagnostic{Pos: k.Pos(), End: k.End(), Category: checkUnknown, Message: c.model.Unknown(v, ": this branch never matches")})
}

// isCode reports whether x is a code of the API, or a constant with the
// catalog's wire prefix (whatever it is compared with is a code).
func (c *checker) isCode(x ast.Expr) bool {
	return c.model.IsCode(x) || c.model.Prefixed(c.eval.Eval(x))
}

// translates reports whether a switch on a status maps statuses to codes
// (case 401: code = Unauthorized): a table translating another service's
// statuses into this API's codes, not a branch on this API's status. Every
// case with a body must yield a code; the default case names no status and
// may do anything (code = resp.Status).
func (c *checker) translates(sw *ast.SwitchStmt) bool {
	yields := 0
	for _, s := range sw.Body.List {
		cc := s.(*ast.CaseClause)
		if len(cc.Body) == 0 || cc.List == nil {
			continue
		}
		if !c.yieldsCode(cc.Body) {
			return false
		}
		yields++
	}
	return yields > 0
}

// yieldsCode reports whether statements return or assign a code of the
// API: a code value, or a constant put in a code field
// (ErrorResponse{Code: Conflict}).
func (c *checker) yieldsCode(body []ast.Stmt) bool {
	found := false
	for _, s := range body {
		ast.Inspect(s, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncLit:
				return false
			case *ast.ReturnStmt:
				for _, r := range n.Results {
					found = found || c.codeValue(r)
				}
			case *ast.AssignStmt:
				for i, lhs := range n.Lhs {
					found = found || c.model.IsCode(lhs) || i < len(n.Rhs) && c.codeValue(n.Rhs[i])
				}
			case *ast.CompositeLit:
				for _, elt := range n.Elts {
					kv, ok := elt.(*ast.KeyValueExpr)
					if !ok {
						continue
					}
					found = found || c.codeValue(kv.Value) ||
						c.model.KeyRole(n, kv) == apimodel.Code && c.eval.Eval(kv.Value).Known()
				}
			}
			return !found
		})
	}
	return found
}

// codeValue reports whether x is a constant that is one of the API's
// codes: a value of the code type, or a cataloged code.
func (c *checker) codeValue(x ast.Expr) bool {
	if c.model.IsCodeType(c.pass.TypesInfo.TypeOf(x)) {
		return true
	}
	v := c.eval.Eval(x)
	if !v.Known() || v.Zero() || v.Kind != values.String {
		return false
	}
	code, ok := c.model.Resolve(v)
	return ok && code != nil
}

// ownsResponses reports whether the function around the node at the top of
// stack treats the responses it reads as this API's: it decodes one of the
// API's bodies, compares or returns one of its codes, or uses its code type
// or error types; or its package does. A client of another service, with
// none of that around it, is not branching on this API's statuses.
func (c *checker) ownsResponses(stack []ast.Node) bool {
	if c.packageOwns() {
		return true
	}
	for i := len(stack) - 1; i >= 0; i-- {
		switch fn := stack[i].(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			owns, done := c.owns[fn]
			if !done {
				owns = c.treatsAsAPI(fn)
				c.owns[fn] = owns
			}
			if owns {
				return true
			}
		}
	}
	return false
}

// packageOwns reports whether the package uses the API's code type or
// error types, or decodes one of its bodies.
func (c *checker) packageOwns() bool {
	if c.pkgOwns == nil {
		owns := false
		for _, f := range c.pass.Files {
			if owns = c.treatsAsAPI(f); owns {
				break
			}
		}
		c.pkgOwns = &owns
	}
	return *c.pkgOwns
}

// treatsAsAPI reports whether n uses the API's code type or error types
// (those the catalog names, or a type whose values are registered with
// its codes), compares a code, or encodes or decodes a body carrying the
// code.
func (c *checker) treatsAsAPI(n ast.Node) bool {
	info := c.pass.TypesInfo
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.Ident:
			switch obj := info.Uses[n].(type) {
			case *types.TypeName:
				found = c.model.IsCodeType(obj.Type()) || c.model.IsErrorType(obj.Type()) || c.model.IsRegisteredType(obj.Type())
			case *types.Var:
				// A registered code itself (errcode.ErrorCodeDenied).
				found = obj.Pkg() != nil && obj.Parent() == obj.Pkg().Scope() && c.model.IsRegisteredType(obj.Type())
			}
		case *ast.BinaryExpr:
			if (n.Op == token.EQL || n.Op == token.NEQ) && (c.model.IsCode(n.X) || c.model.IsCode(n.Y)) {
				found = true
			}
		case *ast.CallExpr:
			found = c.model.DecodesBody(n)
		}
		return !found
	})
	return found
}

// findStatusParams finds parameters of predicates that a call in this
// package feeds with a response status, so that a helper such as
// retriable(code int) bool is checked like the status it receives. Only
// predicates: a helper that maps statuses to text (StatusText) is a table,
// not a branch.
func (c *checker) findStatusParams(insp *inspector.Inspector) {
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
		insp.WithStack([]ast.Node{(*ast.CallExpr)(nil)}, func(n ast.Node, push bool, stack []ast.Node) bool {
			if !push {
				return true
			}
			call := n.(*ast.CallExpr)
			fn := typeutil.StaticCallee(info, call)
			fd := decls[fn]
			if fd == nil || !isPredicate(fn) {
				return true
			}
			params := astx.Params(info, fd.Type)
			for i, arg := range call.Args {
				if i >= len(params) || params[i] == nil || !astx.IsInteger(params[i].Type()) {
					continue
				}
				if resp, ok := c.statusExpr(arg); ok && !c.headResponse(resp) && (resp == nil || c.ownsResponses(stack)) {
					c.statusParams[params[i]] = true
				}
			}
			return true
		})
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

// headResponse reports whether resp answers a HEAD request: its body is
// empty, so the status is all a client has.
func (c *checker) headResponse(resp ast.Expr) bool {
	if resp == nil {
		return false
	}
	info := c.pass.TypesInfo
	origin, ok := c.flow.Def(resp).(*ast.CallExpr)
	if !ok {
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

// headRequest reports whether req was made with method HEAD.
func (c *checker) headRequest(req ast.Expr) bool {
	origin, ok := c.flow.Def(req).(*ast.CallExpr)
	if !ok {
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

// bodyDiscarded reports whether the body of resp was thrown away unread
// before the branch, on every path to it: copied to io.Discard, or closed
// by a statement that is not deferred, in a block that encloses the
// branch. The code is then out of reach, and the status is all the
// function has, as with a HEAD response.
func (c *checker) bodyDiscarded(resp ast.Expr, stack []ast.Node) bool {
	v := c.respVar(resp)
	if v == nil {
		return false
	}
	for i := len(stack) - 1; i > 0; i-- {
		block, ok := stack[i-1].(*ast.BlockStmt)
		if !ok {
			continue
		}
		for _, s := range block.List {
			if s.Pos() >= stack[i].Pos() {
				break
			}
			if c.discards(s, v) {
				return true
			}
		}
	}
	return false
}

// respVar is the variable a response expression names, or nil.
func (c *checker) respVar(resp ast.Expr) *types.Var {
	if resp == nil {
		return nil
	}
	id, ok := ast.Unparen(resp).(*ast.Ident)
	if !ok {
		return nil
	}
	v, _ := c.pass.TypesInfo.Uses[id].(*types.Var)
	return v
}

// discards reports whether statement s throws away the body of the
// response held by v: io.Copy(io.Discard, v.Body) (or io.CopyN), or
// v.Body.Close(), as a statement or an assignment.
func (c *checker) discards(s ast.Stmt, v *types.Var) bool {
	var call *ast.CallExpr
	switch s := s.(type) {
	case *ast.ExprStmt:
		call, _ = ast.Unparen(s.X).(*ast.CallExpr)
	case *ast.AssignStmt:
		if len(s.Rhs) == 1 {
			call, _ = ast.Unparen(s.Rhs[0]).(*ast.CallExpr)
		}
	}
	if call == nil {
		return false
	}
	info := c.pass.TypesInfo
	fn, _ := typeutil.Callee(info, call).(*types.Func)
	switch {
	case (nethttp.IsFunc(fn, "io", "Copy") || nethttp.IsFunc(fn, "io", "CopyN")) && len(call.Args) >= 2:
		dst, ok := info.Uses[selName(call.Args[0])].(*types.Var)
		return ok && dst.Pkg() != nil && dst.Pkg().Path() == "io" && dst.Name() == "Discard" && c.isBodyOf(call.Args[1], v)
	case fn != nil && fn.Name() == "Close" && len(call.Args) == 0:
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		return ok && c.isBodyOf(sel.X, v)
	}
	return false
}

// isBodyOf reports whether x is v.Body.
func (c *checker) isBodyOf(x ast.Expr, v *types.Var) bool {
	sel, ok := ast.Unparen(x).(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "Body" {
		return false
	}
	id, ok := ast.Unparen(sel.X).(*ast.Ident)
	return ok && c.pass.TypesInfo.Uses[id] == v
}

// selName is the identifier a selector (io.Discard) or an identifier
// ends in, or nil.
func selName(x ast.Expr) *ast.Ident {
	switch x := ast.Unparen(x).(type) {
	case *ast.SelectorExpr:
		return x.Sel
	case *ast.Ident:
		return x
	}
	return nil
}
