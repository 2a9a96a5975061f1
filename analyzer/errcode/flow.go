package errcode

import (
	"fmt"
	"go/ast"
	"go/types"
	"maps"
	"strconv"

	"github.com/errcodelint/errcodelint/analyzer/internal/astx"
	"github.com/errcodelint/errcodelint/analyzer/internal/envelope"
	"github.com/errcodelint/errcodelint/analyzer/internal/nethttp"
	"github.com/errcodelint/errcodelint/analyzer/internal/response"
	"github.com/errcodelint/errcodelint/analyzer/internal/values"
)

// written maps each writer to the status last written to it on every path
// to the current statement.
type written map[nethttp.Key]statusUse

// function checks the emissions of one function body: bodies written after
// a status on the same writer, and calls of emitters.
func (c *checker) function(body *ast.BlockStmt) {
	enc := nethttp.EncoderVars(c.pass.TypesInfo, body)
	c.block(body.List, written{}, enc)
}

// block walks statements in order. A status written in a nested block (an
// if branch, a loop) does not carry past it: only a status written on every
// path pairs with a later body.
func (c *checker) block(stmts []ast.Stmt, w written, enc func(*types.Var) (ast.Expr, bool)) {
	w = maps.Clone(w)
	for _, s := range stmts {
		c.stmt(s, w, enc)
	}
}

func (c *checker) stmt(s ast.Stmt, w written, enc func(*types.Var) (ast.Expr, bool)) {
	switch s := s.(type) {
	case *ast.BlockStmt:
		c.block(s.List, w, enc)
	case *ast.IfStmt:
		if s.Init != nil {
			c.stmt(s.Init, w, enc)
		}
		c.calls(s.Cond, w, enc)
		c.block(s.Body.List, w, enc)
		if s.Else != nil {
			c.block([]ast.Stmt{s.Else}, w, enc)
		}
	case *ast.ForStmt:
		if s.Init != nil {
			c.stmt(s.Init, w, enc)
		}
		c.block(s.Body.List, w, enc)
	case *ast.RangeStmt:
		c.calls(s.X, w, enc)
		c.block(s.Body.List, w, enc)
	case *ast.SwitchStmt:
		if s.Init != nil {
			c.stmt(s.Init, w, enc)
		}
		c.calls(s.Tag, w, enc)
		for _, cc := range s.Body.List {
			c.block(cc.(*ast.CaseClause).Body, w, enc)
		}
	case *ast.TypeSwitchStmt:
		if s.Init != nil {
			c.stmt(s.Init, w, enc)
		}
		for _, cc := range s.Body.List {
			c.block(cc.(*ast.CaseClause).Body, w, enc)
		}
	case *ast.SelectStmt:
		for _, cc := range s.Body.List {
			c.block(cc.(*ast.CommClause).Body, w, enc)
		}
	case *ast.LabeledStmt:
		c.stmt(s.Stmt, w, enc)
	default:
		c.calls(s, w, enc)
	}
}

// calls handles the calls within a simple statement or expression, in
// source order; closures are checked as functions of their own.
func (c *checker) calls(n ast.Node, w written, enc func(*types.Var) (ast.Expr, bool)) {
	if n == nil {
		return
	}
	ast.Inspect(n, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.CallExpr:
			c.call(n, w, enc)
		}
		return true
	})
}

func (c *checker) call(call *ast.CallExpr, w written, enc func(*types.Var) (ast.Expr, bool)) {
	info := c.pass.TypesInfo
	eff := c.classify.Of(call, enc)
	switch {
	case eff.Status != nil:
		sw := eff.Status
		if sw.Writer == nil {
			return // a status returned as an error carries no code
		}
		key, ok := nethttp.WriterKey(info, sw.Writer)
		if !ok {
			return
		}
		var status statusUse
		switch {
		case sw.Status == nil:
			status = statusUse{value: int64(sw.Fixed), via: "http.NotFound"}
		default:
			v := c.eval.Eval(sw.Status)
			if !errorStatus(v) {
				delete(w, key) // a status we cannot know, or no error
				return
			}
			status = statusUse{expr: sw.Status, value: v.Int}
		}
		w[key] = status
		if sw.Value != nil {
			c.body(sw.Value, &status)
		}
	case eff.Body != nil && eff.Body.Value != nil:
		bw := eff.Body
		var status *statusUse
		for _, x := range []ast.Expr{bw.Request, bw.Writer} {
			if x == nil {
				continue
			}
			if key, ok := nethttp.WriterKey(info, x); ok {
				if s, ok := w[key]; ok {
					status = &s
					break
				}
			}
		}
		c.body(bw.Value, status)
	case eff.Emitter != nil:
		c.emitterCall(call, eff.Emitter)
	}
}

// body checks the code fields of an encoded body, and its status field
// against the status written before it.
func (c *checker) body(v ast.Expr, status *statusUse) {
	leaves := c.walker.Leaves(v)
	codes := 0
	for _, leaf := range leaves {
		if c.model.LeafMatch(leaf, c.cat.Wire.Code) {
			codes++
		}
	}
	if codes > 1 && status != nil && status.expr != nil {
		// Several codes share the status: a wrong one is reported at its
		// code, and changing the status is no fix.
		status = &statusUse{value: status.value, via: "WriteHeader at line " + strconv.Itoa(c.pass.Fset.Position(status.expr.Pos()).Line)}
	}
	for _, leaf := range leaves {
		switch {
		case c.model.LeafMatch(leaf, c.cat.Wire.Code):
			c.checkCode(codeUse{expr: leaf.Expr, value: c.eval.Eval(leaf.Expr), wire: true}, status)
		case c.cat.Wire.Status != "" && c.model.LeafMatch(leaf, c.cat.Wire.Status) && status != nil:
			c.bodyStatus(leaf.Expr, *status)
		}
	}
}

// emitterCall checks a call of a function that emits: the codes passed to
// it, with the status passed or fixed inside.
func (c *checker) emitterCall(call *ast.CallExpr, e *response.Emitter) {
	if e.Status.Table != nil {
		c.renderCall(call, e.Status)
		return
	}
	var status *statusUse
	switch {
	case e.Status.Param == response.Const:
		status = &statusUse{value: e.Status.Const, via: astx.CalleeName(call)}
	case e.Status.IsParam():
		if v, expr := c.argValue(call, e.Status); errorStatus(v) {
			status = &statusUse{expr: expr, value: v.Int}
		}
	}
	for _, code := range e.Codes {
		if !c.model.LeafMatch(envelope.Leaf{JSON: code.JSON, XML: code.XML}, c.cat.Wire.Code) {
			continue
		}
		v, expr := c.argValue(call, code.From)
		if expr == nil {
			continue
		}
		c.checkCode(codeUse{expr: expr, value: v, wire: true}, status)
	}
}

// renderCall checks a call of a renderer that looks the status up in a
// table by the code of an error it is given (SendError(w, err)), where the
// error's code is known here. A code the table has is checked at the
// table's row; one it lacks is sent with the table's default status.
func (c *checker) renderCall(call *ast.CallExpr, s response.Source) {
	t := s.Table
	v, expr := c.argValue(call, s.Key())
	if expr == nil || !v.Known() {
		return
	}
	status, _, inTable, ok := t.StatusOf(v.Text())
	if inTable {
		return
	}
	u := codeUse{expr: expr, value: v, wire: c.model.IsCodeType(c.pass.TypesInfo.TypeOf(expr))}
	var su *statusUse
	if ok {
		su = &statusUse{value: status, via: fmt.Sprintf("%s: not in %s, %s", astx.CalleeName(call), t.Name, t.File)}
	}
	c.checkCode(u, su)
}

// argValue evaluates what a call passes at a source: an argument, or a
// field of one (a struct literal, a local holding one, a constructor's or
// a builder's result). expr is where the value stands, nil when it is not
// in sight.
func (c *checker) argValue(call *ast.CallExpr, s response.Source) (values.Value, ast.Expr) {
	return c.carriers.Arg(call, s)
}

// bodyStatus reports a body status field (RFC 7807 "status") that
// disagrees with the HTTP status written.
func (c *checker) bodyStatus(x ast.Expr, s statusUse) {
	v := c.eval.Eval(x)
	if v.Kind != values.Int || v.Int == s.value {
		return
	}
	c.reportf(x, "body status %d disagrees with the HTTP status %d written before it", v.Int, s.value)
}
