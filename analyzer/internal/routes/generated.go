package routes

import (
	"go/token"
	"go/types"
	"net/http"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/errcodelint/errcodelint/analyzer/internal/astx"
	"golang.org/x/tools/go/ssa"
)

// generated returns the operations of servers generated from OpenAPI
// documents, where the package wires its implementation in:
//
//   - oapi-codegen: a call (Handler, HandlerFromMux, HandlerWithOptions,
//     RegisterHandlers, whatever the generator's version and router call
//     it) with a parameter of an interface type named ServerInterface,
//     passed a value of a concrete type. Each of the interface's methods
//     is an operation, handled by the concrete type's method, whose writer
//     is the http.ResponseWriter or the framework's context it takes.
//   - oapi-codegen's strict servers: the same, for a parameter of an
//     interface type named StrictServerInterface (NewStrictHandler,
//     NewStrictHandlerWithOptions). The method writes no response
//     (Writer -1): it returns typed responses, which Results lists (see
//     strictResults).
//   - ogen: a call of a function NewServer whose first parameter is an
//     interface named Handler of NewServer's package, a package that
//     declares a struct type Server. Each method of Handler is an
//     operation, but NewError, which makes the default error response
//     and stands for no operation. Writer is -1, and Results lists the
//     concrete types the method returns (see ogenResults).
//
// At is the wiring call. A value whose concrete type the call does not
// show (an interface value: a parameter, a field, what a call returns) is
// skipped: the strict handler NewStrictHandler returns, passed on to
// HandlerFromMux, is one, and its routes are NewStrictHandler's.
func (f *finder) generated() []Route {
	var out []Route
	f.calls(func(fn *ssa.Function, call ssa.CallInstruction, callee *types.Func) {
		c := call.Common()
		if c.IsInvoke() {
			return // an interface's method: no generated wiring function
		}
		sig := callee.Type().(*types.Signature)
		_, args := recvArgs(c)
		if isOgenNewServer(callee) {
			if len(args) > 0 {
				out = append(out, f.implementation("ogen", sig.Params().At(0).Type(), args[0], call.Pos())...)
			}
			return
		}
		for i := range min(sig.Params().Len(), len(args)) {
			t := sig.Params().At(i).Type()
			if interfaceNamed(t, "ServerInterface") || interfaceNamed(t, "StrictServerInterface") {
				out = append(out, f.implementation("oapi-codegen", t, args[i], call.Pos())...)
			}
		}
	})
	return out
}

// implementation returns the operations of interface iface that the
// concrete type of arg implements: one route per method of iface, in the
// order of their names.
func (f *finder) implementation(router string, iface types.Type, arg ssa.Value, at token.Pos) []Route {
	mi, ok := arg.(*ssa.MakeInterface)
	if !ok {
		return nil // an interface value: its concrete type is not known here
	}
	concrete := mi.X.Type()
	it := iface.Underlying().(*types.Interface)
	strict := interfaceNamed(iface, "StrictServerInterface")
	var out []Route
	for m := range it.Methods() {
		if router == "ogen" && isOgenNewError(m) {
			continue // the default error response's constructor: no operation
		}
		obj, _, _ := types.LookupFieldOrMethod(concrete, false, m.Pkg(), m.Name())
		impl, ok := obj.(*types.Func)
		if !ok {
			continue // not implemented: the call does not type-check
		}
		fn := f.res.Pkg.Prog.FuncValue(impl)
		if fn == nil {
			continue
		}
		r := Route{Router: router, Operation: m.Name(), Handler: fn, Writer: writerParam(fn), At: at}
		switch {
		case router == "ogen":
			r.Writer, r.Results = -1, ogenResults(fn)
		case strict:
			r.Writer, r.Results = -1, strictResults(fn, m.Name())
		}
		out = append(out, r)
	}
	return out
}

// interfaceNamed reports whether t is an interface type named name, of
// any package.
func interfaceNamed(t types.Type, name string) bool {
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Name() != name {
		return false
	}
	_, ok = n.Underlying().(*types.Interface)
	return ok
}

// isOgenNewServer reports whether fn is the NewServer of a package ogen
// generated: a function NewServer whose first parameter is the package's
// interface Handler, in a package that declares a struct type Server.
func isOgenNewServer(fn *types.Func) bool {
	sig := fn.Type().(*types.Signature)
	if fn.Name() != "NewServer" || sig.Recv() != nil || fn.Pkg() == nil || sig.Params().Len() == 0 {
		return false
	}
	h, ok := types.Unalias(sig.Params().At(0).Type()).(*types.Named)
	if !ok || h.Obj().Pkg() != fn.Pkg() || !interfaceNamed(h, "Handler") {
		return false
	}
	server, ok := fn.Pkg().Scope().Lookup("Server").(*types.TypeName)
	if !ok {
		return false
	}
	_, ok = server.Type().Underlying().(*types.Struct)
	return ok
}

// isOgenNewError reports whether m is the NewError method ogen adds to a
// Handler whose operations share a default error response:
// NewError(ctx, err error) *ErrorStatusCode.
func isOgenNewError(m *types.Func) bool {
	sig := m.Type().(*types.Signature)
	if m.Name() != "NewError" || sig.Params().Len() == 0 {
		return false
	}
	last := sig.Params().At(sig.Params().Len() - 1).Type()
	return types.Identical(last, types.Universe.Lookup("error").Type())
}

// strictName matches the name of a typed response of a strict server's
// operation, after the operation's name: the status or "default", the
// kind of body (JSON, Text, ApplicationProblemPlusJSON, none), and
// "Response".
var strictName = regexp.MustCompile(`^([1-5][0-9][0-9]|default)[A-Za-z0-9]*Response$`)

// strictResults returns the typed responses fn, a strict server's method
// for operation op, returns: those named <op><status><kind>Response
// (GetSecret404JSONResponse) or <op>default<kind>Response, whose status
// is set by its StatusCode field (Status 0). A response the method gets
// from a call (a helper that builds it) is not listed.
func strictResults(fn *ssa.Function, op string) []Result {
	return returned(fn, func(name string) (int, bool) {
		rest, ok := strings.CutPrefix(name, op)
		if !ok {
			return 0, false
		}
		m := strictName.FindStringSubmatch(rest)
		if m == nil {
			return 0, false
		}
		if m[1] == "default" {
			return 0, true
		}
		status, _ := strconv.Atoi(m[1])
		return status, true
	})
}

// ogenResults returns the concrete types fn, the method of an ogen
// Handler, returns, with the status their names end with: the text of
// the status, as ogen names a response (GetSecretNotFound is 404,
// GetSecretOK 200); Status is 0 for a type whose name says no status (a
// schema's type, the ErrorStatusCode whose field holds the status).
func ogenResults(fn *ssa.Function) []Result {
	return returned(fn, func(name string) (int, bool) {
		return statusSuffix(name), true
	})
}

// returned returns the results fn returns as its first result whose
// concrete type's name status accepts, in source order: the values of its
// return statements, through interface conversions and φ-nodes. A value
// of an interface type from anything else (a call, a parameter) is not
// listed, nor a nil.
func returned(fn *ssa.Function, status func(name string) (int, bool)) []Result {
	var out []Result
	for _, b := range fn.Blocks {
		ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
		if !ok || len(ret.Results) == 0 {
			continue
		}
		for _, t := range concreteTypes(ret.Results[0], map[ssa.Value]bool{}) {
			n, ok := types.Unalias(astx.Deref(t)).(*types.Named)
			if !ok {
				continue
			}
			name := n.Obj().Name()
			if s, ok := status(name); ok {
				out = append(out, Result{Status: s, Type: name, At: ret.Pos()})
			}
		}
	}
	slices.SortStableFunc(out, func(a, b Result) int { return int(a.At) - int(b.At) })
	return out
}

// concreteTypes returns the concrete types v may have, when they are
// known: the type of a value made into an interface, or of a value of a
// concrete type that is not a nil constant.
func concreteTypes(v ssa.Value, seen map[ssa.Value]bool) []types.Type {
	if seen[v] {
		return nil
	}
	seen[v] = true
	switch x := v.(type) {
	case *ssa.MakeInterface:
		return concreteTypes(x.X, seen)
	case *ssa.Phi:
		var out []types.Type
		for _, e := range x.Edges {
			for _, t := range concreteTypes(e, seen) {
				if !slices.ContainsFunc(out, func(u types.Type) bool { return types.Identical(t, u) }) {
					out = append(out, t)
				}
			}
		}
		return out
	case *ssa.Const:
		if x.IsNil() {
			return nil
		}
	}
	if types.IsInterface(v.Type()) {
		return nil
	}
	return []types.Type{v.Type()}
}

// statusTexts are the HTTP statuses by their text as a Go name, as ogen
// writes them in a response type's name: "NotFound" for 404.
var statusTexts = func() map[string]int {
	m := make(map[string]int)
	for code := 100; code < 600; code++ {
		if text := http.StatusText(code); text != "" {
			m[goName(text)] = code
		}
	}
	return m
}()

// goName writes a status text as a Go name: "Not Found" as "NotFound",
// "Non-Authoritative Information" as "NonAuthoritativeInformation".
func goName(text string) string {
	var b strings.Builder
	for _, w := range strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		r, size := utf8.DecodeRuneInString(w)
		b.WriteRune(unicode.ToUpper(r))
		b.WriteString(w[size:])
	}
	return b.String()
}

// statusSuffix returns the status whose text ends name, the longest
// ("GetSecretNotFound" is 404, not 302 Found), or 0.
func statusSuffix(name string) int {
	best, status := 0, 0
	for text, code := range statusTexts {
		if len(text) > best && strings.HasSuffix(name, text) {
			best, status = len(text), code
		}
	}
	return status
}
