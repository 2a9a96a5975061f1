package retryafter

import (
	"fmt"
	"go/ast"
	"go/token"
	"strings"

	"github.com/errcodelint/errcodelint/analyzer/internal/astx"
	vflow "github.com/errcodelint/errcodelint/analyzer/internal/flow"
	"github.com/errcodelint/errcodelint/analyzer/internal/nethttp"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/astutil"
	"golang.org/x/tools/go/types/typeutil"
)

// The source around the engine's events: the names, conditions and
// statements that messages and fixes show.

// callName is the name of the function called at a call's Lparen.
func (c *checker) callName(at token.Pos) string {
	if call := c.callAt(at); call != nil {
		if fn := typeutil.Callee(c.pass.TypesInfo, call); fn != nil {
			return fn.Name()
		}
	}
	return "the call"
}

// callAt is the call whose Lparen is at, or nil.
func (c *checker) callAt(at token.Pos) *ast.CallExpr {
	call, _ := c.positions().Expr(at, vflow.Whole).(*ast.CallExpr)
	return call
}

// conditionalSet finds the if statement, last before pos in fn, whose body
// sets Retry-After on the writer and falls through: its condition, as
// source.
func (c *checker) conditionalSet(p *pathCheck, w vflow.Value, pos token.Pos) string {
	var found *ast.IfStmt
	for _, ks := range p.events {
		for _, k := range ks {
			if !setsRetryAfter(k.Headers) || !k.Writer.Equal(w) || !k.At.IsValid() || k.At >= pos {
				continue
			}
			ifs := c.enclosingIf(k.At)
			if ifs != nil && ifs.Else == nil && !leaves(ifs.Body) && (found == nil || ifs.Pos() > found.Pos()) {
				found = ifs
			}
		}
	}
	if found == nil {
		return ""
	}
	return c.source(found.Cond)
}

// enclosingIf is the innermost if statement whose body holds pos.
func (c *checker) enclosingIf(pos token.Pos) *ast.IfStmt {
	f := astx.FileOf(c.pass.Files, pos)
	if f == nil {
		return nil
	}
	path, _ := astutil.PathEnclosingInterval(f, pos, pos)
	for _, n := range path {
		if ifs, ok := n.(*ast.IfStmt); ok && ifs.Body.Pos() <= pos && pos < ifs.Body.End() {
			return ifs
		}
	}
	return nil
}

// leaves reports whether a block ends by leaving: return, panic, a branch.
func leaves(b *ast.BlockStmt) bool {
	if len(b.List) == 0 {
		return false
	}
	switch s := b.List[len(b.List)-1].(type) {
	case *ast.ReturnStmt, *ast.BranchStmt:
		return true
	case *ast.ExprStmt:
		if call, ok := s.X.(*ast.CallExpr); ok {
			if id, ok := call.Fun.(*ast.Ident); ok && id.Name == "panic" {
				return true
			}
		}
	}
	return false
}

// insertFix sets Retry-After on the writer just before the statement that
// writes the status, with a placeholder value the user must fill in (the
// pass reports "SECONDS" until then). There is no fix when the write is
// not a statement of its own or the writer is not a plain variable.
func (c *checker) insertFix(k vflow.Sink, at ast.Expr) []analysis.SuggestedFix {
	call := c.callAt(k.At)
	f := astx.FileOf(c.pass.Files, at.Pos())
	if call == nil || f == nil {
		return nil
	}
	writer := c.writerOf(call)
	if writer == nil {
		return nil
	}
	path, _ := astutil.PathEnclosingInterval(f, call.Pos(), call.End())
	var stmt ast.Stmt
	for _, n := range path {
		if s, ok := n.(ast.Stmt); ok {
			stmt = s
			break
		}
	}
	switch stmt.(type) {
	case *ast.ExprStmt, *ast.ReturnStmt, *ast.AssignStmt:
	default:
		return nil
	}
	set := nethttp.SetHeaderCall(c.pass.TypesInfo, writer, c.source(writer))
	if set == "" {
		return nil
	}
	col := c.pass.Fset.Position(stmt.Pos()).Column
	text := fmt.Sprintf(set, retryAfter, "SECONDS") + "\n" + strings.Repeat("\t", col-1)
	return []analysis.SuggestedFix{{
		Message:   "Set Retry-After before the status is written",
		TextEdits: []analysis.TextEdit{{Pos: stmt.Pos(), End: stmt.Pos(), NewText: []byte(text)}},
	}}
}

// writerOf is the plain variable a status write writes to: the receiver
// of w.WriteHeader or c.JSON, or the writer argument of http.Error.
func (c *checker) writerOf(call *ast.CallExpr) ast.Expr {
	info := c.pass.TypesInfo
	isWriter := func(x ast.Expr) bool {
		_, plain := ast.Unparen(x).(*ast.Ident)
		t := info.TypeOf(x)
		return plain && (nethttp.IsResponseWriter(t) || nethttp.IsContext(t))
	}
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && isWriter(sel.X) {
		return sel.X
	}
	for _, a := range call.Args {
		if isWriter(a) {
			return a
		}
	}
	return nil
}
