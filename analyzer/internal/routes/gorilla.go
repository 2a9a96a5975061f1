package routes

import (
	"go/constant"
	"go/types"
	"strings"

	"github.com/errcodelint/errcodelint/analyzer/internal/flow"
	"golang.org/x/tools/go/ssa"
)

// gorillaMux is gorilla/mux's import path.
const gorillaMux = "github.com/gorilla/mux"

// A gorillaSpec is what the matchers of a gorilla/mux route say of it.
type gorillaSpec struct {
	path    string   // the path template, its router's prefix included
	hasPath bool     // Path or PathPrefix (or Handle, HandleFunc) set it
	methods []string // the methods, upper case; nil for any
}

// gorilla returns the routes registered with gorilla/mux: a router's
// Handle(path, h) and HandleFunc(path, fn), and a route's Handler(h) and
// HandlerFunc(fn) (r.Methods("GET").Path("/x").HandlerFunc(fn)), with the
// methods that route's Methods give, before or after the handler
// (r.HandleFunc("/x", fn).Methods("GET", "HEAD")): one Route per method,
// Method "" when there is no Methods.
//
// A router made by mux.NewRouter has prefix "" (a router given as a
// handler to another still matches whole paths), or the prefix
// http.StripPrefix strips before it; one made by Subrouter has its
// route's path (that of r.PathPrefix("/v1").Subrouter()), as gorilla
// joins them. A route whose path, methods or router's prefix is not known
// (not a constant, a router of unknown origin, a sub-router of a route
// with Methods) is skipped, and so is a route with no path. A PathPrefix
// route's path is its prefix.
func (f *finder) gorilla() []Route {
	var out []Route
	f.calls(func(fn *ssa.Function, call ssa.CallInstruction, callee *types.Func) {
		name := callee.Name()
		if name != "Handle" && name != "HandleFunc" && name != "Handler" && name != "HandlerFunc" {
			return
		}
		onRouter := isMethodOf(callee, gorillaMux, "Router")
		if !onRouter && !isMethodOf(callee, gorillaMux, "Route") {
			return
		}
		recv, args := recvArgs(call.Common())
		var spec gorillaSpec
		var ok bool
		handler := 0
		if onRouter {
			if name != "Handle" && name != "HandleFunc" || len(args) != 2 {
				return
			}
			handler = 1
			spec, ok = f.gorillaRoute(recv, "Path", args[:1])
		} else {
			if name != "Handler" && name != "HandlerFunc" || len(args) != 1 {
				return
			}
			spec, ok = f.gorillaSpecOf(recv, 0)
		}
		if !ok {
			return // a path, methods or prefix not known
		}
		if v, isValue := call.(*ssa.Call); isValue {
			if spec, ok = f.gorillaAfter(spec, v, 0); !ok {
				return // methods or a path not known, set after the handler
			}
		}
		if !spec.hasPath {
			return // a route of any path
		}
		h, w, ok := f.httpHandler(args[handler])
		if !ok {
			return // a handler in a variable, or built by a call
		}
		methods := spec.methods
		if methods == nil {
			methods = []string{""}
		}
		for _, m := range methods {
			out = append(out, Route{
				Router:  "gorilla/mux",
				Method:  m,
				Path:    spec.path,
				Handler: h,
				Writer:  w,
				At:      argPos(fn, call, handler),
			})
		}
	})
	return out
}

// gorillaRoute returns the spec of the route router r makes by calling
// method name (NewRoute, Path, PathPrefix, Methods, Handle, ...) with args.
func (f *finder) gorillaRoute(r ssa.Value, name string, args []ssa.Value) (gorillaSpec, bool) {
	prefix, ok := f.gorillaTracer().prefix(r)
	if !ok {
		return gorillaSpec{}, false
	}
	return gorillaApply(gorillaSpec{path: prefix}, name, args)
}

// gorillaSpecOf returns the spec of route value v, made by a chain of
// calls from a router (r.Methods("GET").Path("/x")).
func (f *finder) gorillaSpecOf(v ssa.Value, depth int) (gorillaSpec, bool) {
	v = f.source(v)
	c, ok := v.(*ssa.Call)
	if !ok || depth > 16 {
		return gorillaSpec{}, false // a route of unknown origin
	}
	callee := flow.Callee(c.Common())
	if callee == nil {
		return gorillaSpec{}, false
	}
	recv, args := recvArgs(c.Common())
	switch {
	case isMethodOf(callee, gorillaMux, "Router"):
		return f.gorillaRoute(recv, callee.Name(), args)
	case isMethodOf(callee, gorillaMux, "Route"):
		spec, ok := f.gorillaSpecOf(recv, depth+1)
		if !ok {
			return gorillaSpec{}, false
		}
		return gorillaApply(spec, callee.Name(), args)
	}
	return gorillaSpec{}, false
}

// gorillaAfter adds to spec the matchers that the calls chained on route
// value v set (v.Methods("GET").Name("x")).
func (f *finder) gorillaAfter(spec gorillaSpec, v ssa.Value, depth int) (gorillaSpec, bool) {
	if depth > 16 || v.Referrers() == nil {
		return spec, true
	}
	for _, use := range *v.Referrers() {
		var next ssa.Value
		switch u := use.(type) {
		case *ssa.Call:
			callee := flow.Callee(u.Common())
			if callee == nil || !isMethodOf(callee, gorillaMux, "Route") {
				continue
			}
			recv, args := recvArgs(u.Common())
			if recv != v {
				continue
			}
			var ok bool
			if spec, ok = gorillaApply(spec, callee.Name(), args); !ok {
				return spec, false
			}
			next = u
		case *ssa.Store:
			// rt := r.HandleFunc(...); rt.Methods("GET"): the loads of rt.
			if u.Val != v {
				continue
			}
			if _, ok := f.stored(u.Addr); !ok {
				continue // a variable assigned elsewhere too
			}
			for _, l := range f.loads(u.Addr) {
				var ok bool
				if spec, ok = f.gorillaAfter(spec, l, depth+1); !ok {
					return spec, false
				}
			}
			continue
		default:
			continue
		}
		var ok bool
		if spec, ok = f.gorillaAfter(spec, next, depth+1); !ok {
			return spec, false
		}
	}
	return spec, true
}

// gorillaApply returns spec with the matcher that method name of a route
// or a router sets with args: Path, PathPrefix, Handle, HandleFunc (the
// path) and Methods; the other matchers (Host, Headers, Queries, ...) say
// nothing of the path or the methods.
func gorillaApply(spec gorillaSpec, name string, args []ssa.Value) (gorillaSpec, bool) {
	switch name {
	case "Path", "PathPrefix", "Handle", "HandleFunc":
		if len(args) == 0 || spec.hasPath {
			return spec, false // no path, or two
		}
		tpl, ok := constString(args[0])
		if !ok {
			return spec, false // a path built at run time
		}
		if tpl, ok = pathTemplate(tpl); !ok {
			return spec, false
		}
		spec.path, spec.hasPath = joinPath(spec.path, tpl), true
	case "Methods":
		if len(args) != 1 {
			return spec, false
		}
		ms, ok := constStrings(args[0])
		if !ok || len(ms) == 0 {
			return spec, false // methods chosen at run time
		}
		for i := range ms {
			ms[i] = strings.ToUpper(ms[i])
		}
		if spec.methods != nil {
			return spec, false // two method matchers: rare, not read
		}
		spec.methods = ms
	}
	return spec, true
}

// gorillaTracer returns a tracer of gorilla/mux routers' prefixes.
func (f *finder) gorillaTracer() *tracer {
	return &tracer{f: f, call: gorillaCall}
}

// gorillaCall returns the prefix of the router call c returns: "" for
// mux.NewRouter() (the prefix stripped when it serves behind
// http.StripPrefix), the route's path for route.Subrouter(), the router's
// own for r.StrictSlash(b) and the like; a sub-router
// of a route with Methods gives its methods to its routes: not read.
func gorillaCall(t *tracer, c *ssa.Call) (string, bool) {
	callee := flow.Callee(c.Common())
	if callee == nil || callee.Pkg() == nil || callee.Pkg().Path() != gorillaMux {
		return "", false
	}
	if callee.Name() == "NewRouter" && callee.Signature().Recv() == nil {
		return t.f.stripped(c) // a router matches whole paths, but behind http.StripPrefix
	}
	recv, _ := recvArgs(c.Common())
	if isMethodOf(callee, gorillaMux, "Router") {
		switch callee.Name() {
		case "StrictSlash", "SkipClean", "UseEncodedPath":
			return t.prefix(recv) // the router itself
		}
		return "", false
	}
	if callee.Name() != "Subrouter" || !isMethodOf(callee, gorillaMux, "Route") {
		return "", false
	}
	spec, ok := t.f.gorillaSpecOf(recv, 0)
	if !ok || spec.methods != nil {
		return "", false
	}
	return spec.path, true
}

// constStrings returns the constant strings of a call's variadic
// arguments: SSA allocates an array, stores each argument in its element
// and slices it.
func constStrings(v ssa.Value) ([]string, bool) {
	sl, ok := v.(*ssa.Slice)
	if !ok || sl.Low != nil || sl.High != nil || sl.Max != nil {
		return nil, false
	}
	alloc, ok := sl.X.(*ssa.Alloc)
	if !ok {
		return nil, false
	}
	ptr, ok := alloc.Type().Underlying().(*types.Pointer)
	if !ok {
		return nil, false
	}
	arr, ok := ptr.Elem().Underlying().(*types.Array)
	if !ok {
		return nil, false
	}
	out := make([]string, arr.Len())
	set := make([]bool, arr.Len())
	for _, r := range *alloc.Referrers() {
		ia, ok := r.(*ssa.IndexAddr)
		if !ok {
			continue
		}
		idx, ok := ia.Index.(*ssa.Const)
		if !ok || idx.Value == nil || idx.Value.Kind() != constant.Int {
			return nil, false
		}
		i, exact := constant.Int64Val(idx.Value)
		if !exact || i < 0 || i >= int64(len(out)) {
			return nil, false
		}
		for _, w := range *ia.Referrers() {
			st, ok := w.(*ssa.Store)
			if !ok || st.Addr != ia {
				continue
			}
			s, ok := constString(st.Val)
			if !ok || set[i] {
				return nil, false
			}
			out[i], set[i] = s, true
		}
	}
	for _, s := range set {
		if !s {
			return nil, false
		}
	}
	return out, true
}
