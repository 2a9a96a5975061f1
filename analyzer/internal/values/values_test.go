package values_test

import (
	"go/ast"
	"go/token"
	"strings"
	"testing"
	"time"

	"github.com/errcodelint/errcodelint/analyzer/internal/values"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// withDeadline fails the test when fn does not return in time.
func withDeadline(t *testing.T, d time.Duration, fn func()) {
	t.Helper()
	done := make(chan struct{})
	go func() {
		defer close(done)
		fn()
	}()
	select {
	case <-done:
	case <-time.After(d):
		t.Fatalf("did not finish in %s", d)
	}
}

// A local assigned from itself again and again made the chase branch at
// every step: 8 assignments took seconds, 16 never ended.
func TestEvalSelfAssignedManyTimes(t *testing.T) {
	src := "func f() string {\n\ts := \"a\"\n" + strings.Repeat("\ts = s + s\n", 64) + "\treturn s\n}"
	fset := token.NewFileSet()
	f := parse(fset, src)
	require.NotNil(t, f)
	withDeadline(t, 20*time.Second, func() { evalAll(fset, f, newImporter(t)) })
}

// Code that does not type-check has expressions without types: Unknown,
// never a panic (the fuzzer's first find).
func TestEvalIllTyped(t *testing.T) {
	fset := token.NewFileSet()
	f := parse(fset, `type Code string; const X Code = "x"; var _ = string(X) + Code("y")`)
	require.NotNil(t, f)
	withDeadline(t, 20*time.Second, func() { evalAll(fset, f, newImporter(t)) })
}

// The bound on work leaves ordinary chases alone.
func TestEvalKnownLocals(t *testing.T) {
	fset := token.NewFileSet()
	f := parse(fset, "func f(n int) string {\n\tp := \"not_found|\"\n\ts := p + \"order\"\n\treturn fmt.Sprintf(\"%s-%d\", s, 404)\n}")
	require.NotNil(t, f)
	_, e := check(t, fset, f)
	var ret ast.Expr
	ast.Inspect(f, func(n ast.Node) bool {
		if r, ok := n.(*ast.ReturnStmt); ok {
			ret = r.Results[0]
		}
		return true
	})
	v := e.Eval(ret)
	assert.Equal(t, values.String, v.Kind)
	assert.Equal(t, "not_found|order-404", v.Text())
}
