package flow

import (
	"go/ast"
	"go/token"
)

// Whole is the Arg that names the construct at At itself (a call), not
// one of its operands.
const Whole = -11

// Positions finds the expression a constant stands at, from the At and
// Arg the engine gave it: an argument of a call (by its Lparen), the value
// or key of a key-value pair (by its colon), a map index (by its bracket),
// a result of a return, an operand of a comparison or a concatenation.
type Positions struct {
	nodes map[token.Pos]ast.Node
}

// NewPositions indexes the files' calls, key-value pairs, returns and
// binary expressions by the positions the engine records.
func NewPositions(files []*ast.File) *Positions {
	p := &Positions{nodes: make(map[token.Pos]ast.Node)}
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CallExpr:
				p.nodes[n.Lparen] = n
			case *ast.KeyValueExpr:
				p.nodes[n.Colon] = n
			case *ast.ReturnStmt:
				p.nodes[n.Return] = n
			case *ast.BinaryExpr:
				p.nodes[n.OpPos] = n
			case *ast.IndexExpr:
				p.nodes[n.Lbrack] = n
			}
			return true
		})
	}
	return p
}

// Expr returns the expression at (at, arg), or nil.
func (p *Positions) Expr(at token.Pos, arg int) ast.Expr {
	switch n := p.nodes[at].(type) {
	case *ast.CallExpr:
		switch {
		case arg == Whole:
			return n
		case arg == Receiver:
			if sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr); ok {
				return sel.X
			}
		case arg >= 0 && arg < len(n.Args):
			return n.Args[arg]
		}
	case *ast.KeyValueExpr:
		if arg == -2 {
			return n.Key
		}
		return n.Value
	case *ast.IndexExpr:
		if arg == -2 {
			return n.Index
		}
		return n
	case *ast.ReturnStmt:
		if arg >= 0 && arg < len(n.Results) {
			return n.Results[arg]
		}
	case *ast.BinaryExpr:
		if arg == Whole {
			return n
		}
		if _, ok := ast.Unparen(n.X).(*ast.BasicLit); ok && n.Op != token.ADD {
			return n.X
		}
		return n.Y
	}
	return nil
}
