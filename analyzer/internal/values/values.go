// Package values evaluates Go expressions to what is known of them at
// compile time: integer and string constants, constant-folded expressions,
// concatenations and fmt.Sprintf calls with unknown parts (as patterns), and
// local variables assigned only known values. What cannot be known is
// Unknown; the passes stay silent on it.
package values

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"net/http"
	"strconv"
	"strings"

	"github.com/errcodelint/errcodelint/analyzer/internal/astx"
	"github.com/errcodelint/errcodelint/analyzer/internal/locals"
	"github.com/errcodelint/errcodelint/catalog"
	"golang.org/x/tools/go/types/typeutil"
)

// Kind classifies a Value.
type Kind int

const (
	Unknown Kind = iota
	Int
	String
)

// A Value is what is known of an expression.
type Value struct {
	Kind Kind
	Int  int64           // when Kind == Int
	Str  catalog.Pattern // when Kind == String; may have holes
}

// IntValue and StringValue make known values.
func IntValue(n int64) Value     { return Value{Kind: Int, Int: n} }
func StringValue(s string) Value { return Value{Kind: String, Str: catalog.Literal(s)} }

// Known reports whether v is wholly known: an integer, or a string without
// holes.
func (v Value) Known() bool {
	return v.Kind == Int || v.Kind == String && !v.Str.HasHoles()
}

// Zero reports whether v is known to be its type's zero value: "" or 0.
func (v Value) Zero() bool {
	return v.Kind == Int && v.Int == 0 || v.Kind == String && v.Known() && v.Text() == ""
}

// Text is the value as text: the integer in decimal, the string as it
// reads (with … for holes).
func (v Value) Text() string {
	switch v.Kind {
	case Int:
		return strconv.FormatInt(v.Int, 10)
	case String:
		return v.Str.String()
	}
	return "?"
}

func (v Value) equal(w Value) bool {
	return v.Kind == w.Kind && v.Kind != Unknown && v.Known() && w.Known() && v.Text() == w.Text()
}

// A MethodFunc evaluates a call of a method with a known receiver, for
// methods whose results are facts (String() on an enum).
type MethodFunc func(fn *types.Func, recv Value) (Value, bool)

// An Evaluator evaluates expressions of one package.
type Evaluator struct {
	info   *types.Info
	locals *locals.Index // what each variable is given
	method MethodFunc
	steps  int // work done by the current Eval or EvalAll, against maxSteps
}

// New returns an evaluator over the package whose variables idx indexes,
// so that a variable given only known values evaluates to them. method may
// be nil.
func New(idx *locals.Index, method MethodFunc) *Evaluator {
	return &Evaluator{info: idx.Info(), locals: idx, method: method}
}

// maxDepth bounds the chase through locals and calls.
const maxDepth = 8

// maxSteps bounds the work of one evaluation. The chase branches at every
// local assigned several times (s = s + s, again and again), so depth alone
// would let it grow exponentially; past the bound the value is Unknown.
const maxSteps = 10000

// Eval returns what is known of x: one value, or Unknown.
func (e *Evaluator) Eval(x ast.Expr) Value {
	e.steps = 0
	return e.one(x, 0)
}

// one is Eval at a depth of the chase: every inner evaluation goes deeper,
// so that a local defined in terms of itself (s = s + "x") ends.
func (e *Evaluator) one(x ast.Expr, depth int) Value {
	vs := e.eval(x, depth)
	if len(vs) == 0 {
		return Value{}
	}
	for _, v := range vs[1:] {
		if !v.equal(vs[0]) {
			return Value{}
		}
	}
	return vs[0]
}

// EvalAll returns every value x may have when each is known (a local
// assigned different constants on different paths), or nil.
func (e *Evaluator) EvalAll(x ast.Expr) []Value {
	e.steps = 0
	vs := e.eval(x, 0)
	var out []Value
	for _, v := range vs {
		if !v.Known() {
			return nil
		}
		dup := false
		for _, w := range out {
			dup = dup || w.equal(v)
		}
		if !dup {
			out = append(out, v)
		}
	}
	return out
}

// eval returns the values x may have; one Unknown when it cannot tell.
func (e *Evaluator) eval(x ast.Expr, depth int) []Value {
	unknown := []Value{{}}
	e.steps++
	if x == nil || depth > maxDepth || e.steps > maxSteps {
		return unknown
	}
	x = ast.Unparen(x)
	if tv, ok := e.info.Types[x]; ok && tv.Value != nil {
		return []Value{fromConstant(tv.Value)}
	}
	switch x := x.(type) {
	case *ast.Ident:
		rhs, ok := e.locals.Values(e.locals.Var(x))
		if !ok {
			return unknown
		}
		var out []Value
		for _, r := range rhs {
			out = append(out, e.eval(r, depth+1)...)
		}
		return out
	case *ast.BinaryExpr:
		if x.Op != token.ADD || !astx.IsString(e.info.TypeOf(x)) {
			return unknown
		}
		l, r := e.one(x.X, depth+1), e.one(x.Y, depth+1)
		return []Value{{Kind: String, Str: asPattern(l).Concat(asPattern(r))}}
	case *ast.CallExpr:
		return e.call(x, depth)
	}
	return unknown
}

func (e *Evaluator) call(x *ast.CallExpr, depth int) []Value {
	unknown := []Value{{}}
	// A conversion: Code("x"), string(c), int(s).
	if tv, ok := e.info.Types[x.Fun]; ok && tv.IsType() && len(x.Args) == 1 {
		vs := e.eval(x.Args[0], depth+1)
		for i, v := range vs {
			if v.Kind == Int && astx.IsString(tv.Type) {
				vs[i] = Value{} // string(rune) is not a decimal code
			}
		}
		return vs
	}
	fn := typeutil.StaticCallee(e.info, x)
	if fn == nil {
		return unknown
	}
	if fn.Pkg() != nil && fn.Pkg().Path() == "fmt" && fn.Name() == "Sprintf" && len(x.Args) >= 1 {
		return []Value{e.sprintf(x.Args[0], x.Args[1:], depth+1)}
	}
	if fn.Pkg() != nil && fn.Pkg().Path() == "strconv" && fn.Name() == "Itoa" && len(x.Args) == 1 {
		if v := e.one(x.Args[0], depth+1); v.Kind == Int {
			return []Value{StringValue(strconv.FormatInt(v.Int, 10))}
		}
		return []Value{{Kind: String, Str: catalog.Hole()}}
	}
	if fn.Pkg() != nil && fn.Pkg().Path() == "net/http" && fn.Name() == "StatusText" && len(x.Args) == 1 {
		// The reason phrase of a known status, as net/http has it.
		if v := e.one(x.Args[0], depth+1); v.Kind == Int {
			if text := http.StatusText(int(v.Int)); text != "" {
				return []Value{StringValue(text)}
			}
		}
		return unknown
	}
	if e.method != nil && len(x.Args) == 0 {
		if sel, ok := ast.Unparen(x.Fun).(*ast.SelectorExpr); ok {
			if recv := e.one(sel.X, depth+1); recv.Known() {
				if v, ok := e.method(fn, recv); ok {
					return []Value{v}
				}
			}
		}
	}
	return unknown
}

// sprintf evaluates fmt.Sprintf with a constant format: known arguments are
// formatted in, unknown ones are holes.
func (e *Evaluator) sprintf(format ast.Expr, args []ast.Expr, depth int) Value {
	f := e.one(format, depth)
	if f.Kind != String || !f.Known() {
		return Value{Kind: String, Str: catalog.Hole()}
	}
	s := f.Str.String()
	var out catalog.Pattern
	argi := 0
	for {
		i := strings.IndexByte(s, '%')
		if i < 0 || i == len(s)-1 {
			out = out.Concat(catalog.Literal(s))
			break
		}
		out = out.Concat(catalog.Literal(s[:i]))
		s = s[i+1:]
		if s[0] == '%' {
			out = out.Concat(catalog.Literal("%"))
			s = s[1:]
			continue
		}
		// Skip flags, width and precision up to the verb.
		j := 0
		for j < len(s) && strings.IndexByte("+-# 0123456789.*[]", s[j]) >= 0 {
			j++
		}
		if j >= len(s) || j > 0 {
			// Widths and flags change the text: give up on this verb's text.
			out = out.Concat(catalog.Hole())
			if j < len(s) {
				s = s[j+1:]
			} else {
				s = ""
			}
			argi++
			continue
		}
		verb := s[0]
		s = s[1:]
		var arg Value
		if argi < len(args) {
			arg = e.one(args[argi], depth)
		}
		argi++
		switch {
		case (verb == 's' || verb == 'v') && arg.Kind == String:
			out = out.Concat(arg.Str)
		case (verb == 'd' || verb == 'v') && arg.Kind == Int:
			out = out.Concat(catalog.Literal(strconv.FormatInt(arg.Int, 10)))
		default:
			out = out.Concat(catalog.Hole())
		}
	}
	return Value{Kind: String, Str: out}
}

func asPattern(v Value) catalog.Pattern {
	if v.Kind == String {
		return v.Str
	}
	return catalog.Hole()
}

func fromConstant(c constant.Value) Value {
	switch c.Kind() {
	case constant.String:
		return StringValue(constant.StringVal(c))
	case constant.Int:
		if n, ok := constant.Int64Val(c); ok {
			return IntValue(n)
		}
	}
	return Value{}
}
