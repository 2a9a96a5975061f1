package routes

import (
	"go/types"
	"strings"

	"github.com/errcodelint/errcodelint/analyzer/internal/astx"
	"github.com/errcodelint/errcodelint/analyzer/internal/flow"
	"github.com/errcodelint/errcodelint/analyzer/internal/nethttp"
	"golang.org/x/tools/go/ssa"
)

// netHTTP returns the routes registered with net/http's ServeMux:
// (*http.ServeMux).Handle and HandleFunc, and http.Handle and HandleFunc
// (the default mux). A pattern is Go 1.22's "[METHOD ][HOST]/PATH": the
// host is dropped and the path written as a template (see pathTemplate).
// A mux's patterns are whole paths, whatever the mux's origin, so every
// mux is read, but for a mux of the package served behind
// http.StripPrefix, whose routes have the prefix stripped; a pattern that
// is not a constant, or a mux behind a prefix not known, is skipped.
//
// At is the handler argument, as for every router of this package.
func (f *finder) netHTTP() []Route {
	var out []Route
	f.calls(func(fn *ssa.Function, call ssa.CallInstruction, callee *types.Func) {
		if callee.Name() != "Handle" && callee.Name() != "HandleFunc" {
			return
		}
		if !nethttp.IsFunc(callee, "net/http", callee.Name()) &&
			!nethttp.IsMethod(callee, "net/http", "ServeMux", callee.Name()) {
			return
		}
		recv, args := recvArgs(call.Common())
		if len(args) != 2 {
			return
		}
		prefix, ok := f.serveMuxPrefix(recv)
		if !ok {
			return // a mux behind a prefix not known
		}
		pattern, isConst := constString(args[0])
		if !isConst {
			return // a pattern built at run time
		}
		method, path, ok := serveMuxPattern(pattern)
		if !ok {
			return // a pattern ServeMux rejects
		}
		h, w, ok := f.httpHandler(args[1])
		if !ok {
			return // a handler in a variable, or built by a call
		}
		out = append(out, Route{
			Router:  "net/http",
			Method:  method,
			Path:    joinPath(prefix, path),
			Handler: h,
			Writer:  w,
			At:      argPos(fn, call, 1),
		})
	})
	return out
}

// serveMuxPrefix returns the prefix of the paths of mux (nil for the
// default mux): "" but for a mux made in the package and served behind
// http.StripPrefix(prefix, mux). ok is false when the prefix stripped is
// not a constant, or differs where the mux is served twice.
func (f *finder) serveMuxPrefix(mux ssa.Value) (prefix string, ok bool) {
	if mux == nil {
		return "", true
	}
	src := f.source(mux)
	switch x := src.(type) {
	case *ssa.Call:
		callee := flow.Callee(x.Common())
		if !nethttp.IsFunc(callee, "net/http", "NewServeMux") {
			return "", true // a mux from elsewhere: its patterns are whole paths
		}
	case *ssa.Alloc:
		// &http.ServeMux{}
	default:
		return "", true
	}
	return f.stripped(src)
}

// stripped returns the prefix http.StripPrefix strips before router r
// serves (http.StripPrefix("/v1", r)): "" when r is given to no
// StripPrefix; ok is false when the prefix is not a constant, or differs
// where r is served twice.
func (f *finder) stripped(r ssa.Value) (prefix string, ok bool) {
	var prefixes []string
	for _, h := range f.handoffs(r) {
		if p, isStrip, ok := stripPrefixOf(h); isStrip {
			if !ok {
				return "", false // a prefix built at run time
			}
			prefixes = append(prefixes, p)
		}
	}
	return onePrefix(prefixes)
}

// stripPrefixOf returns the prefix of h when it hands a router to
// http.StripPrefix as its handler (isStrip); ok is false when the prefix
// is not a constant.
func stripPrefixOf(h handoff) (prefix string, isStrip, ok bool) {
	callee := flow.Callee(h.call.Common())
	if !nethttp.IsFunc(callee, "net/http", "StripPrefix") || h.arg != 1 {
		return "", false, false
	}
	_, args := recvArgs(h.call.Common())
	prefix, ok = constString(args[0])
	return prefix, true, ok
}

// serveMuxPattern splits a ServeMux pattern "[METHOD ][HOST]/PATH" into its
// method ("" for any) and its path template; ok is false when the pattern
// has no path or an unclosed wildcard.
func serveMuxPattern(pattern string) (method, path string, ok bool) {
	rest := strings.TrimLeft(pattern, " \t")
	if i := strings.IndexAny(rest, " \t"); i >= 0 {
		method, rest = rest[:i], strings.TrimLeft(rest[i:], " \t")
	}
	i := strings.IndexByte(rest, '/')
	if i < 0 {
		return "", "", false
	}
	path, ok = pathTemplate(rest[i:]) // rest[:i] is the host
	return method, path, ok
}

// httpHandler is handlerOf for an http.Handler argument, which also
// resolves a value of a type of the program with a ServeHTTP method to
// that method (the handler of s in mux.Handle("/x", s)). The routers'
// own types (a chi or gorilla router mounted as a handler) and net/http's
// are not handlers of the program: they are skipped.
func (f *finder) httpHandler(v ssa.Value) (*ssa.Function, int, bool) {
	if fn, w, ok := f.handlerOf(v); ok {
		return fn, w, true
	}
	if call, ok := flow.Unconverted(v).(*ssa.Call); ok {
		if fn, w, ok := f.wrapped(call); ok {
			return fn, w, true
		}
	}
	for {
		switch x := v.(type) {
		case *ssa.ChangeType:
			v = x.X
			continue
		case *ssa.ChangeInterface:
			v = x.X
			continue
		}
		break
	}
	mi, ok := v.(*ssa.MakeInterface)
	if !ok {
		return nil, -1, false
	}
	t := mi.X.Type()
	named, ok := astx.Deref(t).(*types.Named)
	if !ok || named.Obj().Pkg() == nil || isLibrary(named.Obj().Pkg().Path()) {
		return nil, -1, false
	}
	sel := f.res.Pkg.Prog.MethodSets.MethodSet(t).Lookup(nil, "ServeHTTP")
	if sel == nil {
		return nil, -1, false
	}
	obj, isFunc := sel.Obj().(*types.Func)
	if !isFunc {
		return nil, -1, false
	}
	m := f.res.Pkg.Prog.FuncValue(obj) // nil for an interface's method
	if m == nil {
		return nil, -1, false
	}
	w := writerParam(m)
	if w < 0 {
		return nil, -1, false // not an http.Handler's ServeHTTP
	}
	return m, w, true
}

// isLibrary reports whether path is net/http's, or a router's this package
// reads, whose types are no handlers of the program.
func isLibrary(path string) bool {
	switch path {
	case "net/http", chiV5, chiV1, gorillaMux:
		return true
	}
	return strings.HasPrefix(path, "net/http/") // httputil's ReverseProxy
}

// wrapped returns the handler a middleware call wraps, auth(h): a call of
// a function of this package that calls the handler it is given (directly,
// as h.ServeHTTP, or from the handler it returns), or of net/http's
// TimeoutHandler, MaxBytesHandler and StripPrefix. h's responses are the
// route's (what the middleware writes itself is not counted: a route may
// send more than is seen, never less). A call of any other function
// gives no handler.
func (f *finder) wrapped(call *ssa.Call) (*ssa.Function, int, bool) {
	c := call.Common()
	callee := c.StaticCallee()
	if callee == nil {
		return nil, -1, false
	}
	if obj := flow.Callee(c); obj != nil && obj.Pkg() != nil && obj.Pkg().Path() == "net/http" {
		switch obj.Name() {
		case "TimeoutHandler", "MaxBytesHandler":
			return f.httpHandler(c.Args[0])
		case "StripPrefix":
			return f.httpHandler(c.Args[1])
		}
		return nil, -1, false
	}
	if callee.Pkg != f.res.Pkg || len(callee.Blocks) == 0 {
		return nil, -1, false // another package's function: its body is not here
	}
	for i, arg := range c.Args {
		if i >= len(callee.Params) {
			break
		}
		if h, w, ok := f.httpHandler(arg); ok && f.invokes(callee, callee.Params[i]) {
			return h, w, true
		}
	}
	return nil, -1, false
}

// invokes reports whether fn, or a function literal it makes, calls v: as
// a function, or its ServeHTTP method, through the variables SSA keeps v
// in when a literal captures it (source).
func (f *finder) invokes(fn *ssa.Function, v ssa.Value) bool {
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			if call, ok := instr.(ssa.CallInstruction); ok && flow.Unconverted(f.source(call.Common().Value)) == v {
				return true
			}
		}
	}
	for _, lit := range fn.AnonFuncs {
		if f.invokes(lit, v) {
			return true
		}
	}
	return false
}
