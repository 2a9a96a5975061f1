package routes

import (
	"go/types"
	"strings"

	"github.com/errcodelint/errcodelint/analyzer/internal/flow"
	"golang.org/x/tools/go/ssa"
)

// The import paths of chi.
const (
	chiV5 = "github.com/go-chi/chi/v5"
	chiV1 = "github.com/go-chi/chi"
)

// chiMethods are chi's methods that register a handler for one method:
// r.Get(pattern, fn) and the like.
var chiMethods = map[string]string{
	"Get": "GET", "Post": "POST", "Put": "PUT", "Patch": "PATCH",
	"Delete": "DELETE", "Head": "HEAD", "Options": "OPTIONS",
	"Connect": "CONNECT", "Trace": "TRACE",
}

// chi returns the routes registered with chi: a router's Get, Post and
// the other methods' own registrations, Method and MethodFunc, and Handle
// and HandleFunc (any method, or the one their pattern starts with:
// "GET /x"), on chi.Router or *chi.Mux.
//
// A route's path is its router's prefix and its pattern: a router made by
// chi.NewRouter or chi.NewMux has prefix "" unless it is mounted
// (r.Mount("/v1", sub), sub built in this package, directly or returned
// by a function of the package) or served behind http.StripPrefix;
// r.Route("/v1", fn) gives fn's router r's prefix and "/v1"; r.Group(fn)
// and r.With(mw...) keep r's prefix. A router whose prefix is not known
// (a parameter of an exported function, a router mounted with a pattern
// not constant) gives no routes. A pattern ending in "*" matches a
// subtree: the path keeps the "*" ("/static/*"), for matchers to take as
// a prefix.
func (f *finder) chi() []Route {
	var out []Route
	f.calls(func(fn *ssa.Function, call ssa.CallInstruction, callee *types.Func) {
		if !isChiMethod(callee) {
			return
		}
		recv, args := recvArgs(call.Common())
		if recv == nil {
			return
		}
		name := callee.Name()
		var method string
		var pattern, handler int // argument indices
		switch {
		case chiMethods[name] != "":
			method, pattern, handler = chiMethods[name], 0, 1
		case name == "Method" || name == "MethodFunc":
			if len(args) != 3 {
				return
			}
			m, ok := constString(args[0])
			if !ok {
				return // a method chosen at run time
			}
			method, pattern, handler = strings.ToUpper(m), 1, 2
		case name == "Handle" || name == "HandleFunc":
			pattern, handler = 0, 1
		default:
			return
		}
		if len(args) <= handler {
			return
		}
		p, ok := constString(args[pattern])
		if !ok {
			return // a pattern built at run time
		}
		if i := strings.IndexAny(p, " \t"); i >= 0 && method == "" {
			// Handle("GET /x", h): chi's Method("GET", "/x", h).
			method, p = strings.ToUpper(p[:i]), strings.TrimLeft(p[i+1:], " \t")
		}
		if p, ok = pathTemplate(p); !ok {
			return // an unclosed "{": chi panics
		}
		t := f.chiTracer()
		prefix, ok := t.prefix(recv)
		if !ok {
			return // a router whose prefix is not known
		}
		h, w, ok := f.httpHandler(args[handler])
		if !ok {
			return // a handler in a variable, or built by a call
		}
		out = append(out, Route{
			Router:  "chi",
			Method:  method,
			Path:    joinPath(prefix, p),
			Handler: h,
			Writer:  w,
			At:      argPos(fn, call, handler),
		})
	})
	return out
}

// isChiMethod reports whether fn is a method of chi's (of chi.Router,
// chi.Routes or *chi.Mux).
func isChiMethod(fn *types.Func) bool {
	if fn == nil || fn.Pkg() == nil || fn.Signature().Recv() == nil {
		return false
	}
	path := fn.Pkg().Path()
	return path == chiV5 || path == chiV1
}

// isChiFunc reports whether fn is chi's package-level function name.
func isChiFunc(fn *types.Func, name string) bool {
	if fn == nil || fn.Pkg() == nil || fn.Signature().Recv() != nil || fn.Name() != name {
		return false
	}
	path := fn.Pkg().Path()
	return path == chiV5 || path == chiV1
}

// chiTracer returns a tracer of chi routers' prefixes.
func (f *finder) chiTracer() *tracer {
	return &tracer{f: f, call: chiCall, param: chiParam}
}

// chiCall returns the prefix of the router call c returns: a new router's
// (where it is mounted), or one made from a router by With, Group or
// Route.
func chiCall(t *tracer, c *ssa.Call) (string, bool) {
	callee := flow.Callee(c.Common())
	if isChiFunc(callee, "NewRouter") || isChiFunc(callee, "NewMux") {
		return t.f.chiMount(t, c)
	}
	if !isChiMethod(callee) {
		return "", false // a router made elsewhere
	}
	recv, args := recvArgs(c.Common())
	switch callee.Name() {
	case "With", "Group":
		return t.prefix(recv)
	case "Route":
		prefix, ok := t.prefix(recv)
		if !ok || len(args) == 0 {
			return "", false
		}
		return chiJoin(prefix, args[0])
	}
	return "", false
}

// chiParam returns the prefix of the router parameter p of a closure (or a
// method value) passed to chi: r.Route(pattern, fn) gives fn r's prefix and pattern, r.Group(fn)
// r's prefix.
func chiParam(t *tracer, site ssa.CallInstruction, i int, p *ssa.Parameter) (string, bool) {
	callee := flow.Callee(site.Common())
	router := 0 // the closure's router parameter, after a method's receiver
	if p.Parent().Signature.Recv() != nil {
		router = 1
	}
	if !isChiMethod(callee) || router >= len(p.Parent().Params) || p != p.Parent().Params[router] {
		return "", false
	}
	recv, args := recvArgs(site.Common())
	switch {
	case callee.Name() == "Group" && i == 0:
		return t.prefix(recv)
	case callee.Name() == "Route" && i == 1:
		prefix, ok := t.prefix(recv)
		if !ok {
			return "", false
		}
		return chiJoin(prefix, args[0])
	}
	return "", false
}

// chiJoin appends the constant pattern v to prefix.
func chiJoin(prefix string, v ssa.Value) (string, bool) {
	p, ok := constString(v)
	if !ok {
		return "", false // a prefix built at run time
	}
	if p, ok = pathTemplate(p); !ok {
		return "", false
	}
	return joinPath(prefix, p), true
}

// chiMount returns the prefix of the new router r: that of the
// router it is mounted on (r.Mount(pattern, sub)) and the pattern, where
// sub is r or the result of the function of the package that returns r;
// "" when it is mounted nowhere in the package (it serves, or is given
// to a server). A router served behind http.StripPrefix(prefix, r) has
// that prefix. A router mounted with a pattern or on a router not known,
// or under two prefixes, has no prefix known.
func (f *finder) chiMount(t *tracer, r ssa.Value) (string, bool) {
	var mounts []string
	for _, h := range f.handoffs(r) {
		if p, isStrip, ok := stripPrefixOf(h); isStrip {
			if !ok {
				return "", false // served behind a prefix not known
			}
			mounts = append(mounts, p)
			continue
		}
		callee := flow.Callee(h.call.Common())
		recv, args := recvArgs(h.call.Common())
		if !isChiMethod(callee) || callee.Name() != "Mount" || h.arg != 1 || len(args) != 2 {
			continue
		}
		prefix, ok := t.prefix(recv)
		if ok {
			prefix, ok = chiJoin(prefix, args[0])
		}
		if !ok {
			return "", false // mounted under a prefix not known
		}
		mounts = append(mounts, prefix)
	}
	return onePrefix(mounts)
}
