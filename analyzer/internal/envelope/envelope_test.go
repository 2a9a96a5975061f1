package envelope_test

import (
	"go/ast"
	"go/types"
	"testing"

	"github.com/errcodelint/errcodelint/analyzer/internal/envelope"
	"github.com/errcodelint/errcodelint/analyzer/internal/testdir"
	"github.com/stretchr/testify/assert"
)

const src = `package p

type Detail struct {
	Code    string ` + "`json:\"code\" xml:\"code,attr\"`" + `
	Message string ` + "`json:\"message,omitempty\"`" + `
}

type Body struct {
	Error Detail ` + "`json:\"error\"`" + `
}

type List struct {
	Errors []Detail ` + "`json:\"errors\"`" + `
}

type Embedded struct {
	Detail
	Status int ` + "`json:\"status\"`" + `
}

type Hidden struct {
	Code   string ` + "`json:\"-\"`" + `
	secret string
}

func f(c string) {
	_ = Body{Error: Detail{Code: "a", Message: "m"}}
	var b Body
	b.Error.Code = c
	_ = b
	_ = map[string]any{"error": map[string]any{"code": "x"}}
	_ = List{Errors: []Detail{{Code: "y"}}}
	_ = &Embedded{Detail: Detail{Code: "z"}, Status: 400}
	_ = Hidden{Code: "h", secret: "s"}
	_ = b.Error.Code
	_ = Embedded{}.Code
	_ = Hidden{}.Code
}
`

// load type-checks src and returns the values of its "_ = x" statements.
func load(t *testing.T) (*types.Info, *types.Package, []*ast.File, []ast.Expr) {
	t.Helper()
	f, info, pkg := testdir.Check(t, src)
	var xs []ast.Expr
	ast.Inspect(f, func(n ast.Node) bool {
		if as, ok := n.(*ast.AssignStmt); ok && len(as.Lhs) == 1 {
			if id, ok := as.Lhs[0].(*ast.Ident); ok && id.Name == "_" {
				xs = append(xs, as.Rhs[0])
			}
		}
		return true
	})
	return info, pkg, []*ast.File{f}, xs
}

func TestSelectionPath(t *testing.T) {
	info, _, _, xs := load(t)
	tests := []struct {
		name      string
		json, xml string
		ok        bool
	}{
		{"the last selection only: b.Error is its receiver", "code", "code", true},
		{"promoted from an embedded field", "code", "code", true},
		{"a field not encoded", "", "", false},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sel := xs[6+i].(*ast.SelectorExpr)
			j, x, ok := envelope.SelectionPath(info.Selections[sel])
			assert.Equal(t, tt.ok, ok)
			assert.Equal(t, tt.json, j)
			assert.Equal(t, tt.xml, x)
		})
	}
}

func TestStructs(t *testing.T) {
	_, pkg, _, _ := load(t)
	tests := []struct {
		typ  string
		want []string // type@json|xml
	}{
		{"Body", []string{"p.Body@|", "p.Detail@error|Error"}},
		{"List", []string{"p.List@|", "p.Detail@errors[]|Errors"}},
		{"Embedded", []string{"p.Embedded@|", "p.Detail@|"}},
	}
	for _, tt := range tests {
		t.Run(tt.typ, func(t *testing.T) {
			var got []string
			for _, n := range envelope.Structs(pkg.Scope().Lookup(tt.typ).Type()) {
				got = append(got, n.Type.String()+"@"+n.JSON+"|"+n.XML)
			}
			assert.Equal(t, tt.want, got)
		})
	}
}
