// Package enumstr defines a fact-only Analyzer that records the String
// methods of enums: a method without arguments whose body is a switch on
// the receiver, each case returning a constant string. The evaluator calls
// them on known receivers, so that Kind.String() is a known code.
package enumstr

import (
	"go/ast"
	"go/constant"
	"go/types"
	"reflect"
	"strconv"
	"strings"

	"github.com/errcodelint/errcodelint/analyzer/internal/astx"
	"github.com/errcodelint/errcodelint/analyzer/internal/facts/funcs"
	"github.com/errcodelint/errcodelint/analyzer/internal/locals"
	"github.com/errcodelint/errcodelint/analyzer/internal/values"
	"golang.org/x/tools/go/analysis"
)

// Strings is a fact on a method with no arguments that maps constant
// receivers to constant strings (an enum's String): the table.
type Strings struct {
	Cases []Case
}

// A Case maps one receiver value to a result.
type Case struct {
	In  string // the receiver's constant, as constant.Value.ExactString
	Out string
}

func (*Strings) AFact() {}

func (s *Strings) String() string {
	var parts []string
	for _, c := range s.Cases {
		parts = append(parts, c.In+"→"+strconv.Quote(c.Out))
	}
	return "strings " + strings.Join(parts, " ")
}

// Analyzer computes the facts. Its result is a *Result.
var Analyzer = &analysis.Analyzer{
	Name:       "errcodeenumstr",
	Doc:        "find the String methods of enums (facts for errcodelint)",
	URL:        "https://pkg.go.dev/github.com/errcodelint/errcodelint/analyzer/internal/facts/enumstr",
	Run:        run,
	FactTypes:  []analysis.Fact{new(Strings)},
	ResultType: reflect.TypeFor[*Result](),
}

// Result gives the Strings facts of every function the package calls.
type Result struct {
	facts *funcs.Map[*Strings]
}

// Strings returns fn's fact, or nil.
func (r *Result) Strings(fn *types.Func) *Strings {
	s, _ := r.facts.Get(fn)
	return s
}

// Method evaluates a call of a Strings method on a known receiver; it is a
// values.MethodFunc.
func (r *Result) Method(fn *types.Func, recv values.Value) (values.Value, bool) {
	s := r.Strings(fn)
	if s == nil {
		return values.Value{}, false
	}
	in := recv.Text()
	if recv.Kind == values.String {
		in = constant.MakeString(in).ExactString()
	}
	for _, c := range s.Cases {
		if c.In == in {
			return values.StringValue(c.Out), true
		}
	}
	return values.Value{}, false
}

func run(pass *analysis.Pass) (any, error) {
	res := &Result{facts: funcs.Import(pass, func() *Strings { return new(Strings) })}
	eval := values.New(locals.New(pass.TypesInfo, pass.Files), res.Method)
	// In source order: a String that calls another String sees it when it
	// comes earlier, as before the facts were split.
	for _, f := range pass.Files {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			fn, _ := pass.TypesInfo.Defs[fd.Name].(*types.Func)
			if fn == nil {
				continue
			}
			if s := compute(pass.TypesInfo, eval, fd); s != nil {
				res.facts.Set(fn, s)
			}
		}
	}
	res.facts.Export(pass)
	return res, nil
}

// compute returns fd's fact, or nil.
func compute(info *types.Info, eval *values.Evaluator, fd *ast.FuncDecl) *Strings {
	if fd.Recv == nil || len(fd.Recv.List) != 1 || len(fd.Recv.List[0].Names) != 1 || len(fd.Type.Params.List) != 0 {
		return nil
	}
	recv, _ := info.Defs[fd.Recv.List[0].Names[0]].(*types.Var)
	sig := info.Defs[fd.Name].(*types.Func).Type().(*types.Signature)
	if recv == nil || sig.Results().Len() != 1 || !astx.IsString(sig.Results().At(0).Type()) {
		return nil
	}
	if len(fd.Body.List) == 0 {
		return nil
	}
	sw, ok := fd.Body.List[0].(*ast.SwitchStmt)
	if !ok || sw.Init != nil || sw.Tag == nil {
		return nil
	}
	if id, ok := ast.Unparen(sw.Tag).(*ast.Ident); !ok || info.Uses[id] != recv {
		return nil
	}
	s := &Strings{}
	for _, stmt := range sw.Body.List {
		cc := stmt.(*ast.CaseClause)
		if len(cc.Body) != 1 {
			continue
		}
		ret, ok := cc.Body[0].(*ast.ReturnStmt)
		if !ok || len(ret.Results) != 1 {
			continue
		}
		out := eval.Eval(ret.Results[0])
		if out.Kind != values.String || !out.Known() {
			continue
		}
		for _, e := range cc.List {
			if tv := info.Types[e]; tv.Value != nil {
				s.Cases = append(s.Cases, Case{In: tv.Value.ExactString(), Out: out.Text()})
			}
		}
	}
	if len(s.Cases) == 0 {
		return nil
	}
	return s
}
