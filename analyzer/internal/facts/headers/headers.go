// Package headers defines a fact-only Analyzer that finds the functions
// that set headers on a response writer they are given (setRetryAfter(w,
// d)), directly or through other such functions, across packages, so that
// a pass sees a header set inside a helper.
package headers

import (
	"go/ast"
	"go/constant"
	"go/types"
	"reflect"
	"slices"

	"github.com/errcodelint/errcodelint/analyzer/internal/facts/funcs"
	"github.com/errcodelint/errcodelint/analyzer/internal/nethttp"
	"github.com/errcodelint/errcodelint/analyzer/internal/response"
	"golang.org/x/tools/go/analysis"
)

// Headers is the fact on a header setter: the writer parameter and the
// canonical keys it sets, on at least one path.
type Headers response.HeaderSetter

func (*Headers) AFact() {}

func (h *Headers) String() string { return (*response.HeaderSetter)(h).String() }

// Analyzer computes the facts. Its result is a *Result.
var Analyzer = &analysis.Analyzer{
	Name:       "errcodeheaders",
	Doc:        "find functions that set response headers (facts for errcodelint)",
	URL:        "https://pkg.go.dev/github.com/errcodelint/errcodelint/analyzer/internal/facts/headers",
	Run:        run,
	Requires:   []*analysis.Analyzer{funcs.Analyzer},
	FactTypes:  []analysis.Fact{new(Headers)},
	ResultType: reflect.TypeFor[*Result](),
}

// Result gives the Headers facts of every function the package calls.
type Result struct {
	facts *funcs.Map[*Headers]
}

// Headers returns fn's fact, or nil.
func (r *Result) Headers(fn *types.Func) *Headers {
	h, _ := r.facts.Get(fn)
	return h
}

// Setter returns fn's fact as response.Classifier wants it, or nil.
func (r *Result) Setter(fn *types.Func) *response.HeaderSetter {
	return (*response.HeaderSetter)(r.Headers(fn))
}

func run(pass *analysis.Pass) (any, error) {
	res := &Result{facts: funcs.Import(pass, func() *Headers { return new(Headers) })}
	if !nethttp.ImportsHTTP(pass.Pkg) {
		// No net/http anywhere below: no function here sets a header.
		return res, nil
	}
	classify := response.Classifier{Info: pass.TypesInfo, Headers: res.Setter}
	for _, c := range pass.ResultOf[funcs.Analyzer].(*funcs.Result).Order() {
		// Callees outside the component are final. Within a recursive one,
		// compute again until nothing changes: a fact only grows (the
		// writer, once found, stays; keys are only added, and there are
		// finitely many constant keys), so this ends.
		for changed := true; changed; {
			changed = false
			for _, fn := range c.Funcs {
				old := res.Headers(fn.Obj)
				h := compute(pass.TypesInfo, &classify, fn.Decl, old)
				if h == nil {
					continue // nothing set, and nothing was before
				}
				if old == nil || !reflect.DeepEqual(*old, *h) {
					changed = c.Recursive
				}
				res.facts.Set(fn.Obj, h)
			}
		}
	}
	res.facts.Export(pass)
	return res, nil
}

// compute returns fd's fact: the constant keys it sets on a writer
// parameter, directly or through a callee, added to prev (nil outside a
// recursive component). nil when it sets none.
func compute(info *types.Info, classify *response.Classifier, fd *ast.FuncDecl, prev *Headers) *Headers {
	params := response.Params(info, fd)
	h := &Headers{Writer: -1}
	if prev != nil {
		h = &Headers{Writer: prev.Writer, Keys: slices.Clone(prev.Keys)}
	}
	add := func(w ast.Expr, key string) {
		s := response.SourceOf(info, params, w)
		if !s.IsParam() || len(s.Fields) != 0 || (h.Writer >= 0 && h.Writer != s.Param) {
			return
		}
		h.Writer = s.Param
		if !slices.Contains(h.Keys, key) {
			h.Keys = append(h.Keys, key)
		}
	}
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.CallExpr:
			eff := classify.Of(n, nil)
			if hw := eff.Header; hw != nil && hw.Method != "Del" {
				if k, ok := nethttp.HeaderKey(info, hw.Key); ok {
					add(hw.Writer, k)
				}
				return true
			}
			if callee := eff.Setter; callee != nil && callee.Writer < len(n.Args) {
				for _, k := range callee.Keys {
					add(n.Args[callee.Writer], k)
				}
			}
		case *ast.AssignStmt:
			for i, lhs := range n.Lhs {
				if i < len(n.Rhs) {
					if hw, ok := nethttp.AsHeaderIndex(info, lhs, n.Rhs[i]); ok {
						if k, ok := constString(info, hw.Key); ok {
							add(hw.Writer, k) // the key as written: index keys are not canonicalized
						}
					}
				}
			}
		}
		return true
	})
	if h.Writer < 0 {
		return nil
	}
	slices.Sort(h.Keys)
	return h
}

func constString(info *types.Info, x ast.Expr) (string, bool) {
	tv := info.Types[x]
	if tv.Value == nil || tv.Value.Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(tv.Value), true
}
