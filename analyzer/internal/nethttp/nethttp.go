// Package nethttp recognizes the net/http calls the passes care about: where
// a status is written, where a header is set, where a body is written. Every
// pass asks here, so "is this ResponseWriter.WriteHeader" has one answer.
package nethttp

import (
	"go/ast"
	"go/constant"
	"go/types"
	"net/textproto"

	"github.com/errcodelint/errcodelint/analyzer/internal/astx"
	"golang.org/x/tools/go/types/typeutil"
)

// ImportsHTTP reports whether pkg imports net/http, directly or not.
// A package that does not cannot write an HTTP response.
func ImportsHTTP(pkg *types.Package) bool {
	seen := make(map[*types.Package]bool)
	var walk func(p *types.Package) bool
	walk = func(p *types.Package) bool {
		if p.Path() == "net/http" {
			return true
		}
		if seen[p] {
			return false
		}
		seen[p] = true
		for _, imp := range p.Imports() {
			if walk(imp) {
				return true
			}
		}
		return false
	}
	return walk(pkg)
}

// IsResponseWriter reports whether t is net/http.ResponseWriter or a type
// that implements it (a wrapper, a recorder).
func IsResponseWriter(t types.Type) bool {
	rw := responseWriter(t)
	return rw != nil && types.Implements(t, rw)
}

// responseWriter finds the net/http.ResponseWriter interface from t's
// package graph; nil when t's package cannot see net/http.
func responseWriter(t types.Type) *types.Interface {
	if astx.IsNamed(t, "net/http", "ResponseWriter") {
		return t.Underlying().(*types.Interface)
	}
	named, ok := types.Unalias(astx.Deref(t)).(*types.Named)
	if !ok || named.Obj().Pkg() == nil {
		return nil
	}
	if m, _, _ := types.LookupFieldOrMethod(t, true, nil, "WriteHeader"); m == nil {
		// No WriteHeader method: not a writer, whatever the imports say.
		// Most types are not; this spares walking their import graphs.
		return nil
	}
	for _, imp := range allImports(named.Obj().Pkg()) {
		if imp.Path() == "net/http" {
			if obj, ok := imp.Scope().Lookup("ResponseWriter").(*types.TypeName); ok {
				iface, _ := obj.Type().Underlying().(*types.Interface)
				return iface
			}
		}
	}
	return nil
}

func allImports(pkg *types.Package) []*types.Package {
	seen := map[*types.Package]bool{pkg: true}
	out := []*types.Package{pkg}
	for i := 0; i < len(out); i++ {
		for _, imp := range out[i].Imports() {
			if !seen[imp] {
				seen[imp] = true
				out = append(out, imp)
			}
		}
	}
	return out
}

// IsFunc reports whether fn is the package-level function pkg.name.
func IsFunc(fn *types.Func, pkg, name string) bool {
	return fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == pkg && fn.Name() == name &&
		fn.Type().(*types.Signature).Recv() == nil
}

// IsMethod reports whether fn is the method name of the named type
// pkg.typ (or a pointer to it).
func IsMethod(fn *types.Func, pkg, typ, name string) bool {
	if fn == nil || fn.Name() != name {
		return false
	}
	recv := fn.Type().(*types.Signature).Recv()
	return recv != nil && astx.IsNamed(astx.Deref(recv.Type()), pkg, typ)
}

// A StatusWrite is a call that writes an HTTP status to a response.
type StatusWrite struct {
	Call   *ast.CallExpr
	Writer ast.Expr // the http.ResponseWriter
	Status ast.Expr // the status argument; nil when the callee fixes it
	Fixed  int      // the status when Status is nil (http.NotFound: 404)
	Body   bool     // the call also writes a body (http.Error, http.NotFound, gin's c.JSON)
	Value  ast.Expr // the value the call encodes as the body (gin's c.JSON(s, v)); nil if none
	XML    bool     // Value is encoded as XML
	// Deferred: the status goes out later, when the body is written or the
	// handler returns (gin's c.Status, fiber, echo.NewHTTPError). Writer is
	// nil for a status returned as an error: the handler's context.
	Deferred bool
	// Pending: the status is stored on the request (Writer) for a later
	// render (chi's render.Status(r, s)).
	Pending bool
}

// AsStatusWrite recognizes w.WriteHeader(s), http.Error(w, msg, s) and
// http.NotFound(w, r), and the frameworks' status writes (gin, echo,
// fiber, chi/render).
func AsStatusWrite(info *types.Info, call *ast.CallExpr) (StatusWrite, bool) {
	if sw, ok := frameworkStatusWrite(info, call); ok {
		return sw, true
	}
	fn := typeutil.StaticCallee(info, call)
	if fn == nil {
		// An interface method call: w.WriteHeader on an http.ResponseWriter.
		fn, _ = typeutil.Callee(info, call).(*types.Func)
	}
	if fn == nil {
		return StatusWrite{}, false
	}
	switch {
	case IsFunc(fn, "net/http", "Error") && len(call.Args) == 3:
		return StatusWrite{Call: call, Writer: call.Args[0], Status: call.Args[2], Body: true}, true
	case IsFunc(fn, "net/http", "NotFound") && len(call.Args) == 2:
		return StatusWrite{Call: call, Writer: call.Args[0], Fixed: 404, Body: true}, true
	case fn.Name() == "WriteHeader" && len(call.Args) == 1:
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if ok && IsResponseWriter(info.TypeOf(sel.X)) {
			return StatusWrite{Call: call, Writer: sel.X, Status: call.Args[0]}, true
		}
	}
	return StatusWrite{}, false
}

// A HeaderWrite is w.Header().Set(k, v), .Add(k, v) or .Del(k), or an
// assignment w.Header()[k] = v.
type HeaderWrite struct {
	Node   ast.Node // the call or the assignment
	Writer ast.Expr
	Key    ast.Expr
	Value  ast.Expr // nil for Del
	Method string   // "Set", "Add", "Del" or "index"
}

// AsHeaderCall recognizes a call of a method of the header of a writer.
func AsHeaderCall(info *types.Info, call *ast.CallExpr) (HeaderWrite, bool) {
	if hw, ok := frameworkHeader(info, call); ok {
		return hw, true
	}
	fn := typeutil.StaticCallee(info, call)
	if fn == nil || !IsMethod(fn, "net/http", "Header", fn.Name()) {
		return HeaderWrite{}, false
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return HeaderWrite{}, false
	}
	w := headerOwner(info, sel.X)
	if w == nil {
		return HeaderWrite{}, false
	}
	switch fn.Name() {
	case "Set", "Add":
		if len(call.Args) == 2 {
			return HeaderWrite{Node: call, Writer: w, Key: call.Args[0], Value: call.Args[1], Method: fn.Name()}, true
		}
	case "Del":
		if len(call.Args) == 1 {
			return HeaderWrite{Node: call, Writer: w, Key: call.Args[0], Method: "Del"}, true
		}
	}
	return HeaderWrite{}, false
}

// AsHeaderIndex recognizes w.Header()[k] = v (lhs is the index expression).
func AsHeaderIndex(info *types.Info, lhs ast.Expr, rhs ast.Expr) (HeaderWrite, bool) {
	idx, ok := ast.Unparen(lhs).(*ast.IndexExpr)
	if !ok {
		return HeaderWrite{}, false
	}
	w := headerOwner(info, idx.X)
	if w == nil {
		return HeaderWrite{}, false
	}
	return HeaderWrite{Node: lhs, Writer: w, Key: idx.Index, Value: rhs, Method: "index"}, true
}

// headerOwner returns w when e is w.Header() on a response writer.
func headerOwner(info *types.Info, e ast.Expr) ast.Expr {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || len(call.Args) != 0 {
		return nil
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "Header" || !IsResponseWriter(info.TypeOf(sel.X)) {
		return nil
	}
	return sel.X
}

// A BodyWrite is a call that writes to a response body: w.Write(b),
// json.NewEncoder(w).Encode(v), xml.NewEncoder(w).Encode(v),
// fmt.Fprint*(w, ...), io.WriteString(w, s).
type BodyWrite struct {
	Call    *ast.CallExpr
	Writer  ast.Expr
	Request ast.Expr // chi's render: the request whose pending status goes out
	Value   ast.Expr // the encoded value, for the encoders; nil otherwise
	XML     bool     // the value is encoded as XML
}

// AsBodyWrite recognizes a body write: an encoder made for the writer in
// the same expression, fmt.Fprint*, io.WriteString, or Write.
func AsBodyWrite(info *types.Info, call *ast.CallExpr) (BodyWrite, bool) {
	if bw, ok := frameworkBodyWrite(info, call); ok {
		return bw, true
	}
	fn := typeutil.StaticCallee(info, call)
	if fn == nil {
		fn, _ = typeutil.Callee(info, call).(*types.Func)
	}
	if fn == nil {
		return BodyWrite{}, false
	}
	switch {
	case (IsMethod(fn, "encoding/json", "Encoder", "Encode") || IsMethod(fn, "encoding/xml", "Encoder", "Encode")) && len(call.Args) == 1:
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok {
			return BodyWrite{}, false
		}
		w, ok := NewEncoderWriter(info, sel.X)
		if !ok {
			return BodyWrite{}, false
		}
		return BodyWrite{Call: call, Writer: w, Value: call.Args[0], XML: fn.Pkg().Path() == "encoding/xml"}, true
	case (IsFunc(fn, "fmt", "Fprint") || IsFunc(fn, "fmt", "Fprintf") || IsFunc(fn, "fmt", "Fprintln") || IsFunc(fn, "io", "WriteString")) && len(call.Args) >= 1:
		if IsResponseWriter(info.TypeOf(call.Args[0])) {
			return BodyWrite{Call: call, Writer: call.Args[0]}, true
		}
	case fn.Name() == "Write" && len(call.Args) == 1:
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if ok && IsResponseWriter(info.TypeOf(sel.X)) {
			return BodyWrite{Call: call, Writer: sel.X}, true
		}
	}
	return BodyWrite{}, false
}

// NewEncoderWriter returns w when e is json.NewEncoder(w) or
// xml.NewEncoder(w) on a response writer.
func NewEncoderWriter(info *types.Info, e ast.Expr) (ast.Expr, bool) {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || len(call.Args) != 1 {
		return nil, false
	}
	fn := typeutil.StaticCallee(info, call)
	if !IsFunc(fn, "encoding/json", "NewEncoder") && !IsFunc(fn, "encoding/xml", "NewEncoder") {
		return nil, false
	}
	if !IsResponseWriter(info.TypeOf(call.Args[0])) {
		return nil, false
	}
	return call.Args[0], true
}

// HeaderKey returns the canonical form of a constant header key, as
// Header.Set and Header.Get use it.
func HeaderKey(info *types.Info, key ast.Expr) (string, bool) {
	tv := info.Types[key]
	if tv.Value == nil || tv.Value.Kind() != constant.String {
		return "", false
	}
	return textproto.CanonicalMIMEHeaderKey(constant.StringVal(tv.Value)), true
}

// IsPlainResponseWriter reports whether t is the net/http.ResponseWriter
// interface itself, as servers hand it to handlers; a concrete writer type
// may buffer, and write its headers later than WriteHeader.
func IsPlainResponseWriter(t types.Type) bool {
	return t != nil && astx.IsNamed(t, "net/http", "ResponseWriter")
}
