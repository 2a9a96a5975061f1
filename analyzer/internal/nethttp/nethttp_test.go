package nethttp_test

import (
	"go/ast"
	"go/types"
	"testing"

	"github.com/errcodelint/errcodelint/analyzer/internal/nethttp"
	"github.com/errcodelint/errcodelint/analyzer/internal/testdir"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// check type-checks a handler body and returns the calls that stand as
// statements in it, in order.
func check(t *testing.T, body string) (*types.Info, *ast.BlockStmt, []*ast.CallExpr) {
	t.Helper()
	src := `package p

import (
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"net/http"
)

var _, _, _, _ = json.Marshal, xml.Marshal, fmt.Sprint, io.EOF

func h(w http.ResponseWriter, r *http.Request, s int, v any) {
` + body + `
}
`
	f, info, _ := testdir.Check(t, src)
	var calls []*ast.CallExpr
	fd := f.Decls[len(f.Decls)-1].(*ast.FuncDecl)
	for _, st := range fd.Body.List {
		if es, ok := st.(*ast.ExprStmt); ok {
			calls = append(calls, es.X.(*ast.CallExpr))
		}
	}
	return info, fd.Body, calls
}

func str(x ast.Expr) string {
	if x == nil {
		return ""
	}
	return types.ExprString(x)
}

func TestAsStatusWrite(t *testing.T) {
	tests := []struct {
		body       string
		ok         bool
		writer     string
		status     string
		fixed      int
		writesBody bool
	}{
		{"w.WriteHeader(s)", true, "w", "s", 0, false},
		{"w.WriteHeader(http.StatusTeapot)", true, "w", "http.StatusTeapot", 0, false},
		{`http.Error(w, "no", 400)`, true, "w", "400", 0, true},
		{"http.NotFound(w, r)", true, "w", "", 404, true},
		{`w.Write(nil)`, false, "", "", 0, false},
		{`w.Header().Set("A", "b")`, false, "", "", 0, false},
		{`fmt.Sprint(s)`, false, "", "", 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.body, func(t *testing.T) {
			info, _, calls := check(t, tt.body)
			sw, ok := nethttp.AsStatusWrite(info, calls[0])
			require.Equal(t, tt.ok, ok)
			if !ok {
				return
			}
			assert.Equal(t, tt.writer, str(sw.Writer))
			assert.Equal(t, tt.status, str(sw.Status))
			assert.Equal(t, tt.fixed, sw.Fixed)
			assert.Equal(t, tt.writesBody, sw.Body)
		})
	}
}

func TestAsBodyWrite(t *testing.T) {
	tests := []struct {
		body   string
		ok     bool
		writer string
		value  string
		xml    bool
	}{
		{"json.NewEncoder(w).Encode(v)", true, "w", "v", false},
		{"xml.NewEncoder(w).Encode(v)", true, "w", "v", true},
		{"enc := json.NewEncoder(w); enc.Encode(v)", false, "", "", false}, // the engine follows enc
		{"w.Write(nil)", true, "w", "", false},
		{`fmt.Fprintf(w, "%v", v)`, true, "w", "", false},
		{`io.WriteString(w, "x")`, true, "w", "", false},
		{"w.WriteHeader(s)", false, "", "", false},
		{"json.Marshal(v)", false, "", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.body, func(t *testing.T) {
			info, _, calls := check(t, tt.body)
			call := calls[len(calls)-1]
			bw, ok := nethttp.AsBodyWrite(info, call)
			require.Equal(t, tt.ok, ok)
			if !ok {
				return
			}
			assert.Equal(t, tt.writer, str(bw.Writer))
			assert.Equal(t, tt.value, str(bw.Value))
			assert.Equal(t, tt.xml, bw.XML)
		})
	}
}

func TestAsHeaderCall(t *testing.T) {
	tests := []struct {
		body   string
		ok     bool
		method string
		key    string
		value  string
	}{
		{`w.Header().Set("Retry-After", "1")`, true, "Set", `"Retry-After"`, `"1"`},
		{`w.Header().Add("Vary", "Accept")`, true, "Add", `"Vary"`, `"Accept"`},
		{`w.Header().Del("Retry-After")`, true, "Del", `"Retry-After"`, ""},
		{`r.Header.Set("A", "b")`, false, "", "", ""},
		{`w.WriteHeader(s)`, false, "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.body, func(t *testing.T) {
			info, _, calls := check(t, tt.body)
			hw, ok := nethttp.AsHeaderCall(info, calls[0])
			require.Equal(t, tt.ok, ok)
			if !ok {
				return
			}
			assert.Equal(t, "w", str(hw.Writer))
			assert.Equal(t, tt.method, hw.Method)
			assert.Equal(t, tt.key, str(hw.Key))
			assert.Equal(t, tt.value, str(hw.Value))
		})
	}
}

func TestHeaderKey(t *testing.T) {
	tests := []struct {
		body string
		want string
		ok   bool
	}{
		{`w.Header().Set("retry-after", "1")`, "Retry-After", true},
		{`w.Header().Set("Retry-After", "1")`, "Retry-After", true},
		{`k := "x"; w.Header().Set(k, "1")`, "", false},
	}
	for _, tt := range tests {
		t.Run(tt.body, func(t *testing.T) {
			info, _, calls := check(t, tt.body)
			hw, ok := nethttp.AsHeaderCall(info, calls[0])
			require.True(t, ok)
			k, ok := nethttp.HeaderKey(info, hw.Key)
			assert.Equal(t, tt.ok, ok)
			assert.Equal(t, tt.want, k)
		})
	}
}
