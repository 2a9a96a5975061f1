package response_test

import (
	"go/ast"
	"go/types"
	"testing"

	"github.com/errcodelint/errcodelint/analyzer/internal/response"
	"github.com/errcodelint/errcodelint/analyzer/internal/testdir"
	"github.com/errcodelint/errcodelint/catalog"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const src = `package p

import (
	"encoding/json"
	"net/http"
)

type Problem struct {
	Type   string
	Status int
}

func send(w http.ResponseWriter, status int, code string) {}
func named(w http.ResponseWriter, msg string, code string, status int) {}
func setter(w http.ResponseWriter) {}

type Sender interface{ Send(w http.ResponseWriter, status int, code string) }

func h(w http.ResponseWriter, r *http.Request, s Sender, p *Problem, n int) {
	w.Header().Set("Retry-After", "1")
	w.WriteHeader(429)
	json.NewEncoder(w).Encode(p)
	w.Write(nil)
	send(w, 400, "bad")
	s.Send(w, 404, "missing")
	setter(w)
	named(w, "", "c", 400)
	_ = int(n)
	_ = p.Status
	_ = (*p).Type
	_ = 7
	_ = "x"
}
`

// load type-checks src and returns h's statements' calls and values.
func load(t *testing.T) (*types.Info, *types.Package, *ast.FuncDecl, []*ast.CallExpr, []ast.Expr) {
	t.Helper()
	f, info, pkg := testdir.Check(t, src)
	fd := f.Decls[len(f.Decls)-1].(*ast.FuncDecl)
	var calls []*ast.CallExpr
	var vals []ast.Expr
	for _, st := range fd.Body.List {
		switch st := st.(type) {
		case *ast.ExprStmt:
			calls = append(calls, st.X.(*ast.CallExpr))
		case *ast.AssignStmt:
			vals = append(vals, st.Rhs[0])
		}
	}
	return info, pkg, fd, calls, vals
}

func TestOf(t *testing.T) {
	info, pkg, _, calls, _ := load(t)
	send := pkg.Scope().Lookup("send").(*types.Func)
	setter := pkg.Scope().Lookup("setter").(*types.Func)
	factEmitter := &response.Emitter{Writer: 0, Status: response.Source{Param: 1}, Codes: []response.Code{{From: response.Source{Param: 2}, JSON: "code"}}}
	factSetter := &response.HeaderSetter{Writer: 0, Keys: []string{"Retry-After"}}
	cat := &catalog.Catalog{
		Wire: catalog.Wire{Code: "error.code"},
		Go: catalog.GoHints{Emitters: []catalog.Emitter{
			{Func: "(p.Sender).Send", Status: catalog.Param{Index: 1}, Code: catalog.Param{Index: 2}},
			{Func: "p.named", Status: catalog.Param{Index: -1, Name: "status"}, Code: catalog.Param{Index: -1, Name: "code"}},
		}},
	}
	c := response.Classifier{
		Info:    info,
		Catalog: cat,
		Emits: func(fn *types.Func) *response.Emitter {
			if fn == send {
				return factEmitter
			}
			return nil
		},
		Headers: func(fn *types.Func) *response.HeaderSetter {
			if fn == setter {
				return factSetter
			}
			return nil
		},
	}
	tests := []struct {
		name string
		want string
	}{
		{"header set", "header"},
		{"status write", "status"},
		{"body write with its value in sight", "body"},
		{"plain body write", "body"},
		{"emitter by fact", "emitter emits status=1 code=2@code writer=0"},
		{"emitter by configuration, an interface method", "emitter emits status=1 code=2@error.code writer=0"},
		{"header setter by fact", "setter sets 0:Retry-After"},
		{"emitter by configuration, parameters by name", "emitter emits status=3 code=2@error.code writer=0"},
	}
	require.Len(t, calls, len(tests))
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := c.Of(calls[i], nil)
			var got string
			switch {
			case e.Header != nil:
				got = "header"
			case e.Status != nil:
				got = "status"
			case e.Body != nil:
				got = "body"
			case e.Emitter != nil:
				got = "emitter " + e.Emitter.String()
			case e.Setter != nil:
				got = "setter " + e.Setter.String()
			}
			assert.Equal(t, tt.want, got)
		})
	}
}

// Without a catalog, a configured emitter is not one; the facts still are.
func TestOfNoCatalog(t *testing.T) {
	info, _, _, calls, _ := load(t)
	c := response.Classifier{Info: info}
	assert.Nil(t, c.Of(calls[5], nil).Emitter)
	assert.Nil(t, c.Of(calls[4], nil).Emitter)
}

// A configured emitter whose parameters the function lacks is ignored.
func TestConfiguredBadParams(t *testing.T) {
	_, pkg, _, _, _ := load(t)
	send := pkg.Scope().Lookup("send").(*types.Func)
	cat := &catalog.Catalog{Go: catalog.GoHints{Emitters: []catalog.Emitter{
		{Func: "p.send", Status: catalog.Param{Index: 5}, Code: catalog.Param{Index: 2}},
	}}}
	assert.Nil(t, response.Configured(cat, send))
	assert.Nil(t, response.Configured(nil, send))
}

func TestSourceOf(t *testing.T) {
	info, _, fd, _, vals := load(t)
	params := response.Params(info, fd)
	tests := []struct {
		name string
		want string
	}{
		{"a conversion passes its operand", "4"},
		{"a field of a parameter", "3.Status"},
		{"through a dereference", "3.Type"},
		{"an integer constant", "7"},
		{"another constant", "?"},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, response.SourceOf(info, params, vals[i]).String())
		})
	}
}

func TestThrough(t *testing.T) {
	info, _, fd, calls, _ := load(t)
	params := response.Params(info, fd)
	call := calls[4] // send(w, 400, "bad")
	tests := []struct {
		name string
		in   response.Source
		want string
	}{
		{"a constant argument", response.Source{Param: 1}, "400"},
		{"the writer parameter", response.Source{Param: 0}, "0"},
		{"a field of a constant: unknown", response.Source{Param: 1, Fields: []string{"X"}}, "?"},
		{"no such argument", response.Source{Param: 9}, "?"},
		{"a constant stays", response.Source{Param: response.Const, Const: 404}, "404"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, response.Through(info, params, call, tt.in).String())
		})
	}
}

func TestHeaderSetterSets(t *testing.T) {
	h := &response.HeaderSetter{Writer: 0, Keys: []string{"Content-Type", "Retry-After"}}
	assert.True(t, h.Sets("Retry-After"))
	assert.False(t, h.Sets("retry-after"))
}
