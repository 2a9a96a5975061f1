package flow

import (
	"go/constant"
	"go/token"
	"go/types"
	"net/http"
	"strings"

	"golang.org/x/tools/go/ssa"
)

// Receiver is the Arg of a constant that is a method call's receiver.
const Receiver = -10

// args are the values of a call's arguments, the receiver first for a
// method (as the callee's parameters are), each constant placed at its
// argument of the call.
func (ev *evaluator) args(c *ssa.CallCommon, at token.Pos) []Value {
	var out []Value
	if c.IsInvoke() {
		out = append(out, ev.operand(c.Value, at, Receiver))
	}
	method := !c.IsInvoke() && c.Signature().Recv() != nil
	for i, a := range c.Args {
		arg := i
		if method {
			arg = i - 1
			if i == 0 {
				arg = Receiver
			}
		}
		out = append(out, ev.operand(a, at, arg))
	}
	return out
}

// call is what a call returns, one Value per result.
func (ev *evaluator) call(c *ssa.CallCommon, at token.Pos) []Value {
	return ev.results(c, ev.args(c, at))
}

// results is what a call with these arguments returns.
func (ev *evaluator) results(c *ssa.CallCommon, args []Value) []Value {
	n := c.Signature().Results().Len()
	if res, ok := ev.builtin(c, args); ok {
		return res
	}
	if fw, ok := framework(c); ok && fw.Self && n == 1 && len(args) > 0 {
		return []Value{args[0]} // c.Status(s) returns c
	}
	var out []Value
	for _, sum := range ev.callees(c, args) {
		res := make([]Value, n)
		for i := range n {
			if i < len(sum.Results) {
				res[i] = sum.Results[i].Subst(args)
			} else {
				res[i] = unknown
			}
		}
		out = unionResults(out, res)
	}
	if out == nil {
		return unknowns(n)
	}
	return out
}

func unknowns(n int) []Value {
	out := make([]Value, n)
	for i := range out {
		out[i] = unknown
	}
	return out
}

func unionResults(a, b []Value) []Value {
	if a == nil {
		return b
	}
	for i := range a {
		a[i] = Union(a[i], b[i])
	}
	return a
}

// callees are the summaries of what a call may run: its static callee, the
// method of each struct type its receiver may be, the function a
// function-typed variable holds. A callee without a summary makes the
// result unknown: nil is returned then.
func (ev *evaluator) callees(c *ssa.CallCommon, args []Value) []*Summary {
	if fn := c.StaticCallee(); fn != nil {
		if s := ev.e.summaryOf(fn); s != nil {
			return []*Summary{s}
		}
		return nil
	}
	if c.IsInvoke() {
		var out []*Summary
		for _, a := range args[0] {
			s := ev.e.method(a, c.Method.Name())
			if s == nil {
				return nil
			}
			out = append(out, s)
		}
		return out
	}
	var out []*Summary
	for _, a := range ev.value(c.Value) {
		if a.Kind == Global {
			if s := ev.e.imported[a.Type]; s != nil {
				out = append(out, s) // another package's variable holding a literal
				continue
			}
			a = singleFunc(a.Of)
		}
		if a.Kind != Func {
			return nil
		}
		s := ev.e.funcNamed(a.Type)
		if s == nil {
			return nil
		}
		out = append(out, s)
	}
	return out
}

func singleFunc(v Value) Atom {
	if len(v) == 1 && v[0].Kind == Func {
		return v[0]
	}
	return Atom{Kind: Unknown}
}

// summaryOf is fn's summary: computed here for the package's own
// functions (nil while its component is not yet solved), by fact for
// another package's.
func (e *engine) summaryOf(fn *ssa.Function) *Summary {
	if o := fn.Origin(); o != nil {
		fn = o // an instance of a generic function: the generic's summary
	}
	if fn.Pkg == e.pkg {
		return e.sums[fn]
	}
	obj, ok := fn.Object().(*types.Func)
	if !ok {
		return nil
	}
	return e.factOf(obj.Origin())
}

func (e *engine) factOf(obj *types.Func) *Summary {
	var s Summary
	if !e.pass.ImportObjectFact(obj, &s) {
		return nil
	}
	return &s
}

// method is the summary of method name of the type an atom is.
func (e *engine) method(a Atom, name string) *Summary {
	switch a.Kind {
	case Global:
		if len(a.Of) != 1 {
			return nil
		}
		return e.method(a.Of[0], name)
	case Obj:
	default:
		return nil
	}
	t := e.lookupType(a.Type)
	if t == nil {
		return nil
	}
	obj, _, _ := types.LookupFieldOrMethod(types.NewPointer(t), true, t.Obj().Pkg(), name)
	fn, ok := obj.(*types.Func)
	if !ok {
		return nil
	}
	if fn.Pkg() == e.pass.Pkg {
		if f := e.pkg.Prog.FuncValue(fn); f != nil {
			return e.sums[f]
		}
		return nil
	}
	return e.factOf(fn)
}

// anonSummary is the summary of this package's function literal named so.
func (e *engine) anonSummary(name string) *Summary {
	for _, f := range e.funcs {
		if f.Parent() != nil && f.String() == name {
			return e.sums[f]
		}
	}
	return nil
}

// funcNamed is the summary of the function with this full name: a
// package-level function, or a function literal held by a variable.
func (e *engine) funcNamed(full string) *Summary {
	if s := e.anonSummary(full); s != nil {
		return s
	}
	for _, m := range e.pkg.Members {
		if f, ok := m.(*ssa.Function); ok {
			if obj, ok := f.Object().(*types.Func); ok && obj.FullName() == full {
				return e.sums[f]
			}
		}
	}
	for _, p := range allImports(e.pass.Pkg) {
		for _, name := range p.Scope().Names() {
			if fn, ok := p.Scope().Lookup(name).(*types.Func); ok && fn.FullName() == full {
				return e.factOf(fn)
			}
		}
	}
	return nil
}

// lookupType finds the named type with this qualified name in the package
// or its imports.
func (e *engine) lookupType(qualified string) *types.Named {
	for _, p := range append([]*types.Package{e.pass.Pkg}, allImports(e.pass.Pkg)...) {
		path := p.Path()
		if len(qualified) > len(path)+1 && qualified[:len(path)] == path && qualified[len(path)] == '.' {
			if tn, ok := p.Scope().Lookup(qualified[len(path)+1:]).(*types.TypeName); ok {
				if n, ok := types.Unalias(tn.Type()).(*types.Named); ok {
					return n
				}
			}
		}
	}
	return nil
}

func allImports(pkg *types.Package) []*types.Package {
	seen := map[*types.Package]bool{pkg: true}
	var out []*types.Package
	queue := []*types.Package{pkg}
	for len(queue) > 0 {
		p := queue[0]
		queue = queue[1:]
		for _, imp := range p.Imports() {
			if !seen[imp] {
				seen[imp] = true
				out = append(out, imp)
				queue = append(queue, imp)
			}
		}
	}
	return out
}

// builtin models the standard library's calls that carry values: errors
// made from text or wrapping others, encoders, formatting of constants.
func (ev *evaluator) builtin(c *ssa.CallCommon, args []Value) ([]Value, bool) {
	if c.Method != nil && c.Method.Name() == "Header" && len(args) == 1 && isWriter(c.Value) ||
		!c.IsInvoke() && c.Signature().Recv() != nil && len(c.Args) == 1 && staticName(c) == "Header" && isWriter(c.Args[0]) {
		return []Value{{{Kind: Obj, Type: headerType, Fields: []FieldValue{{Name: "w", Val: args[0]}}}}}, true
	}
	if c.IsInvoke() {
		if c.Method.Name() == "Error" && len(args) == 1 {
			if v, ok := errorText(args[0]); ok {
				return []Value{v}, true
			}
			if len(args[0]) == 1 && args[0][0].Kind == Param {
				// The caller's error: its text once the caller says
				// which error it is.
				return []Value{{{Kind: Invoke, Type: "Error", Of: args[0]}}}, true
			}
		}
		return nil, false
	}
	fn, _ := c.Value.(*ssa.Function)
	if fn == nil {
		return nil, false
	}
	obj, _ := fn.Object().(*types.Func)
	if obj == nil || obj.Pkg() == nil {
		return nil, false
	}
	switch path, name := obj.Pkg().Path(), obj.Name(); {
	case (path == "errors" || path == "github.com/pkg/errors") && name == "New":
		return []Value{textError(args[0])}, true
	case path == "github.com/pkg/errors" && name == "Errorf":
		return []Value{textError(unknown)}, true // no %w: it wraps nothing
	case path == "fmt" && name == "Errorf":
		if f := constString(args[0]); f != nil && !strings.Contains(*f, "%w") {
			return []Value{textError(unknown)}, true
		}
		return []Value{wrapError(args[1])}, true
	case path == "github.com/pkg/errors" && (name == "Wrap" || name == "Wrapf" || name == "WithStack" || name == "WithMessage" || name == "WithMessagef"):
		return []Value{wrapError(args[0])}, true
	case path == "net/http" && name == "StatusText":
		// The reason phrase of a constant status, as net/http has it.
		if len(args[0]) == 1 && args[0][0].Kind == Const {
			if n, ok := constant.Int64Val(args[0][0].Constant()); ok {
				if text := http.StatusText(int(n)); text != "" {
					out := ConstValue(constant.MakeString(text))
					out[0].At, out[0].Arg = args[0][0].At, args[0][0].Arg
					return []Value{out}, true
				}
			}
		}
		return []Value{unknown}, true
	case path == "strconv" && name == "Itoa":
		if len(args[0]) == 1 && args[0][0].Kind == Const {
			out := ConstValue(constant.MakeString(args[0][0].Constant().ExactString()))
			out[0].At, out[0].Arg = args[0][0].At, args[0][0].Arg
			return []Value{out}, true
		}
		return []Value{textValue([]string{"", ""}, c.Pos())}, true
	case path == "fmt" && name == "Sprintf":
		return []Value{ev.sprintf(args[0], c.Args[1], c.Pos())}, true
	case (path == "encoding/json" || path == "encoding/xml") && (name == "Marshal" || name == "MarshalIndent"):
		return []Value{ev.encoded(path, args[0]), nil}, true
	case (path == "encoding/json" || path == "encoding/xml") && name == "NewEncoder":
		if !isWriter(c.Args[0]) {
			return nil, false
		}
		return []Value{{{Kind: Obj, Type: encoderType, Fields: []FieldValue{{Name: "w", Val: args[0]}, {Name: "enc", Val: ConstValue(constant.MakeString(path))}}}}}, true
	case path == "bytes" && (name == "Bytes" || name == "String") && obj.Type().(*types.Signature).Recv() != nil:
		return []Value{args[0]}, true
	case path == "strings" && name == "String" && obj.Type().(*types.Signature).Recv() != nil:
		return []Value{args[0]}, true
	case (path == "errors" || path == "github.com/pkg/errors") && (name == "Unwrap" || name == "Cause"):
		return []Value{unwrap(args[0])}, true
	}
	if obj.Name() == "Error" && obj.Type().(*types.Signature).Recv() != nil && len(args) == 1 {
		if v, ok := errorText(args[0]); ok {
			return []Value{v}, true
		}
	}
	return nil, false
}

// The errors the engine makes for errors.New and fmt.Errorf (and
// github.com/pkg/errors' New, Errorf, Wrap and WithStack): text, or text
// around the error they wrap. They carry nothing of an API.
const (
	textErrorType = "errors.errorString"
	wrapErrorType = "fmt.wrapError"
)

func textError(text Value) Value {
	return Value{{Kind: Obj, Type: textErrorType, Fields: []FieldValue{{Name: "s", Val: text}}}}
}

func wrapError(err Value) Value {
	return Value{{Kind: Obj, Type: wrapErrorType, Fields: []FieldValue{{Name: "err", Val: err}}}}
}

// PlainError reports whether a is an error the engine made for
// errors.New or fmt.Errorf: text, or text around an error it wraps, when
// every error it may wrap is one the engine sees into (Value.Unwrap
// follows them). A wrapped error that is not known (a parameter, a call's
// result) may be anything, the API's own errors included.
func (a Atom) PlainError() bool {
	switch {
	case a.Kind != Obj:
		return false
	case a.Type == textErrorType:
		return true
	case a.Type == wrapErrorType:
		for _, w := range a.Fields[0].Val {
			if w.Kind != Obj && w.Kind != Global {
				return false
			}
		}
		return true
	}
	return false
}

// headerType names the header map w.Header() returns for a response
// writer w.
const headerType = "flow.responseHeader"

// staticName is the name of a call's static callee, or "".
func staticName(c *ssa.CallCommon) string {
	if fn := c.StaticCallee(); fn != nil {
		return fn.Name()
	}
	return ""
}

// encoderType names the encoder json.NewEncoder(w) makes for a response
// writer w.
const encoderType = "flow.responseEncoder"

// encoded is the body pkg's Marshal makes of v: for a type with its own
// MarshalJSON (or MarshalXML), what that method encodes.
func (ev *evaluator) encoded(pkg string, v Value) Value {
	enc := "json"
	method := "MarshalJSON"
	if pkg == "encoding/xml" {
		enc, method = "xml", "MarshalXML"
	}
	var of Value
	for _, a := range v {
		if s := ev.e.method(a, method); s != nil && len(s.Results) > 0 {
			for _, r := range s.Results[0].Subst([]Value{{a}}) {
				if r.Kind == Encoded {
					of = Union(of, r.Of)
				} else {
					of = Union(of, unknown)
				}
			}
			continue
		}
		of = Union(of, Value{a})
	}
	return Value{{Kind: Encoded, Enc: enc, Of: of}}
}

// errorText is the text of an error made by errors.New: the string it was
// made from.
func errorText(v Value) (Value, bool) {
	var out Value
	for _, a := range v {
		if a.Kind == Global {
			t, ok := errorText(a.Of)
			if !ok {
				return nil, false
			}
			out = Union(out, t)
			continue
		}
		if a.Kind != Obj || a.Type != textErrorType {
			return nil, false
		}
		out = Union(out, a.Fields[0].Val)
	}
	return out, true
}

// sprintf folds fmt.Sprintf of a constant format: %s and %v of a known
// string and %d and %v of a known integer are formatted in; any other verb
// is text the engine cannot know.
func (ev *evaluator) sprintf(format Value, rest ssa.Value, at token.Pos) Value {
	f := constString(format)
	args, ok := ev.varargs(rest)
	if f == nil || !ok {
		return unknown
	}
	s := *f
	parts := []string{""}
	for i := 0; ; i++ {
		j := strings.IndexByte(s, '%')
		if j < 0 || j == len(s)-1 {
			parts[len(parts)-1] += s
			break
		}
		parts[len(parts)-1] += s[:j]
		verb := s[j+1]
		s = s[j+2:]
		if verb == '%' {
			parts[len(parts)-1] += "%"
			i--
			continue
		}
		arg := []string{"", ""}
		if i < len(args) {
			arg = verbParts(verb, args[i])
		}
		parts = concatParts(parts, arg)
	}
	return textValue(parts, at)
}

// verbParts is an argument formatted by one verb, as Text's parts: a hole
// unless the verb prints a known constant as it is.
func verbParts(verb byte, v Value) []string {
	if len(v) == 1 && v[0].Kind == Const {
		switch c := v[0].Constant(); {
		case (verb == 's' || verb == 'v') && c.Kind() == constant.String:
			return []string{constant.StringVal(c)}
		case (verb == 'd' || verb == 'v') && c.Kind() == constant.Int:
			return []string{c.ExactString()}
		}
	}
	if p, ok := textParts(v); ok && (verb == 's' || verb == 'v') {
		return p
	}
	return []string{"", ""}
}

// varargs are the arguments a variadic call packs into its last
// parameter, in order: the elements stored to the array its slice is
// made from. ok is false when the slice is not made at the call.
func (ev *evaluator) varargs(v ssa.Value) (out []Value, ok bool) {
	if c, isConst := v.(*ssa.Const); isConst && c.IsNil() {
		return nil, true
	}
	s, isSlice := v.(*ssa.Slice)
	if !isSlice {
		return nil, false
	}
	a, isAlloc := s.X.(*ssa.Alloc)
	if !isAlloc || a.Referrers() == nil {
		return nil, false
	}
	arr, isArray := deref(a.Type()).Underlying().(*types.Array)
	if !isArray {
		return nil, false
	}
	out = make([]Value, arr.Len())
	for _, r := range *a.Referrers() {
		ia, isIndex := r.(*ssa.IndexAddr)
		if !isIndex || ia.Referrers() == nil {
			continue
		}
		i, isConst := ia.Index.(*ssa.Const)
		if !isConst {
			return nil, false
		}
		n := i.Int64()
		for _, rr := range *ia.Referrers() {
			if st, isStore := rr.(*ssa.Store); isStore && st.Addr == ia && n < int64(len(out)) {
				out[n] = Union(out[n], ev.value(st.Val))
			}
		}
	}
	return out, true
}

// constString is the string v is, when it is one constant string.
func constString(v Value) *string {
	if len(v) != 1 || v[0].Kind != Const || v[0].CK != constant.String {
		return nil
	}
	s := constant.StringVal(v[0].Constant())
	return &s
}

// isFunc reports whether a call is of the package-level function pkg.name.
func isFunc(c *ssa.CallCommon, pkg, name string) bool {
	fn, ok := c.Value.(*ssa.Function)
	if !ok {
		return false
	}
	obj, ok := fn.Object().(*types.Func)
	return ok && obj.Pkg() != nil && obj.Pkg().Path() == pkg && obj.Name() == name
}
