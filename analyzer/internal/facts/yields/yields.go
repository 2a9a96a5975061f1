// Package yields defines a fact-only Analyzer that finds helpers whose
// first result comes from a parameter or a status table: accessors of the
// code an error carries (ErrCode(err) returns err's Code, through
// errors.As; (*Error).Code returns the receiver's), and helpers that look
// a status up (apiError(err) returns codeMap[ErrCode(err)], or 500). A
// central renderer writes such a status, and its Emits fact says so; the
// passes then evaluate the table at the renderer's calls.
package yields

import (
	"go/ast"
	"go/constant"
	"go/types"
	"reflect"

	"github.com/errcodelint/errcodelint/analyzer/internal/facts/funcs"
	"github.com/errcodelint/errcodelint/analyzer/internal/locals"
	"github.com/errcodelint/errcodelint/analyzer/internal/response"
	"github.com/errcodelint/errcodelint/analyzer/internal/values"
	"golang.org/x/tools/go/analysis"
)

// Yields is the fact on a helper: where its first result comes from.
type Yields response.Source

func (*Yields) AFact() {}

func (y *Yields) String() string { return "yields " + (*response.Source)(y).String() }

// Analyzer computes the facts. Its result is a *Result.
var Analyzer = &analysis.Analyzer{
	Name:       "errcodeyields",
	Doc:        "find helpers whose result is a parameter's field or a table's status (facts for errcodelint)",
	URL:        "https://pkg.go.dev/github.com/errcodelint/errcodelint/analyzer/internal/facts/yields",
	Run:        run,
	Requires:   []*analysis.Analyzer{funcs.Analyzer},
	FactTypes:  []analysis.Fact{new(Yields)},
	ResultType: reflect.TypeFor[*Result](),
}

// Result gives the Yields facts of every function the package calls.
type Result struct {
	facts *funcs.Map[*Yields]
}

// Source returns fn's fact as a Tracer wants it, or nil.
func (r *Result) Source(fn *types.Func) *response.Source {
	y, _ := r.facts.Get(fn)
	return (*response.Source)(y)
}

func run(pass *analysis.Pass) (any, error) {
	res := &Result{facts: funcs.Import(pass, func() *Yields { return new(Yields) })}
	idx := locals.New(pass.TypesInfo, pass.Files)
	eval := values.New(idx, nil)
	// Callees come first. A recursive helper sees its peers' facts as far
	// as they are computed: a missing fact only makes a source unknown.
	for _, c := range pass.ResultOf[funcs.Analyzer].(*funcs.Result).Order() {
		for _, fn := range c.Funcs {
			sig := fn.Obj.Type().(*types.Signature)
			if sig.Results().Len() == 0 {
				continue
			}
			t := response.NewTracer(pass.Fset, pass.TypesInfo, fn.Decl, idx, eval, res.Source)
			s, ok := t.SwitchTable(fn.Decl)
			if !ok {
				s, ok = compute(pass.TypesInfo, t, fn.Decl)
			}
			if ok {
				y := Yields(s)
				res.facts.Set(fn.Obj, &y)
			}
		}
	}
	res.facts.Export(pass)
	return res, nil
}

// compute traces the first result of every return of fd. The returns
// that give no value ("", nil: no code, no error) are left out.
func compute(info *types.Info, t *response.Tracer, fd *ast.FuncDecl) (response.Source, bool) {
	var named *types.Var
	if rs := fd.Type.Results; rs != nil && len(rs.List) > 0 && len(rs.List[0].Names) > 0 {
		named, _ = info.Defs[rs.List[0].Names[0]].(*types.Var)
	}
	var sources []response.Source
	ok := true
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		if _, isLit := n.(*ast.FuncLit); isLit || !ok {
			return false
		}
		ret, isRet := n.(*ast.ReturnStmt)
		if !isRet {
			return true
		}
		switch {
		case len(ret.Results) == 0 && named != nil:
			sources = append(sources, t.Var(named))
		case len(ret.Results) == 0:
			ok = false
		case noValue(info, ret.Results[0]):
		default:
			sources = append(sources, t.Trace(ret.Results[0]))
		}
		return false
	})
	if !ok || len(sources) == 0 {
		return response.Source{}, false
	}
	s := response.Merge(sources)
	useful := s.Table != nil || s.IsParam() && len(s.Fields) > 0 || s.Param == response.Receiver && len(s.Fields) > 0
	return s, useful
}

// noValue reports whether x is "" or nil: a helper's "no code" or "no
// error".
func noValue(info *types.Info, x ast.Expr) bool {
	tv, ok := info.Types[x]
	switch {
	case !ok:
		return false
	case tv.IsNil():
		return true
	case tv.Value != nil && tv.Value.Kind() == constant.String:
		return constant.StringVal(tv.Value) == ""
	}
	return false
}
