package funcs_test

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"testing"

	"github.com/errcodelint/errcodelint/analyzer/internal/facts/funcs"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSCCs(t *testing.T) {
	tests := []struct {
		name  string
		edges [][]int
		want  [][]int
	}{
		{"empty", nil, nil},
		{"chain: callees first", [][]int{{1}, {2}, {}}, [][]int{{2}, {1}, {0}}},
		{"self loop", [][]int{{0}}, [][]int{{0}}},
		{"cycle", [][]int{{1}, {0}}, [][]int{{0, 1}}},
		{"cycle below a caller", [][]int{{1}, {2}, {1, 3}, {}}, [][]int{{3}, {1, 2}, {0}}},
		{"two cycles joined", [][]int{{1}, {0, 2}, {3}, {2}}, [][]int{{2, 3}, {0, 1}}},
		{"diamond", [][]int{{1, 2}, {3}, {3}, {}}, [][]int{{3}, {1}, {2}, {0}}},
		{"disconnected", [][]int{{}, {}}, [][]int{{0}, {1}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := funcs.SCCs(len(tt.edges), func(i int) []int { return tt.edges[i] })
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestOrder(t *testing.T) {
	const src = `package p

func top()   { mid(); func() { leaf() }() }
func mid()   { ping() }
func ping()  { pong() }
func pong()  { ping(); leaf() }
func self()  { self() }
func leaf()  {}
func (T) m() { top() }

type T struct{}

func decl()
`
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, 0)
	require.NoError(t, err)
	info := &types.Info{Defs: map[*ast.Ident]types.Object{}, Uses: map[*ast.Ident]types.Object{}, Types: map[ast.Expr]types.TypeAndValue{}, Selections: map[*ast.SelectorExpr]*types.Selection{}}
	_, err = (&types.Config{Importer: importer.Default()}).Check("p", fset, []*ast.File{f}, info)
	require.NoError(t, err)

	var got []string
	for _, c := range funcs.Order(info, []*ast.File{f}) {
		s := ""
		for _, fn := range c.Funcs {
			s += fn.Obj.Name() + " "
		}
		if c.Recursive {
			s += "(recursive)"
		}
		got = append(got, s)
	}
	assert.Equal(t, []string{"leaf ", "ping pong (recursive)", "mid ", "top ", "self (recursive)", "m "}, got)
}
