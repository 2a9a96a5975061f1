package retryafter

import (
	"go/ast"
	"net/textproto"

	"github.com/errcodelint/errcodelint/analyzer/internal/nethttp"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"
)

// readsBack reports whether the package reads the header canon with
// http.Header's Get or Values, which look the key up canonically.
func (c *checker) readsBack(canon string) bool {
	if c.readKeys == nil {
		c.readKeys = make(map[string]bool)
		info := c.pass.TypesInfo
		insp := c.pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
		for n := range insp.PreorderSeq((*ast.CallExpr)(nil)) {
			call := n.(*ast.CallExpr)
			fn := typeutil.StaticCallee(info, call)
			if fn == nil || len(call.Args) != 1 ||
				!nethttp.IsMethod(fn, "net/http", "Header", "Get") && !nethttp.IsMethod(fn, "net/http", "Header", "Values") {
				continue
			}
			if k, ok := constKey(info, call.Args[0]); ok {
				c.readKeys[textproto.CanonicalMIMEHeaderKey(k)] = true
			}
		}
	}
	return c.readKeys[canon]
}
