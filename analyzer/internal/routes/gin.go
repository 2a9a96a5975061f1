package routes

import (
	"go/types"
	"path"
	"strings"

	"github.com/errcodelint/errcodelint/analyzer/internal/astx"
	"github.com/errcodelint/errcodelint/analyzer/internal/flow"
	"golang.org/x/tools/go/ssa"
)

const ginPath = "github.com/gin-gonic/gin"

// ginMethods are the methods of gin's RouterGroup that register a route
// of one method, by name.
var ginMethods = map[string]string{
	"GET": "GET", "POST": "POST", "PUT": "PUT", "PATCH": "PATCH",
	"DELETE": "DELETE", "HEAD": "HEAD", "OPTIONS": "OPTIONS",
}

// gin returns the routes registered with gin: calls of RouterGroup's
// GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS, Handle and Any (Method
// ""), on an Engine (whose methods are RouterGroup's, promoted: SSA
// calls them on &engine.RouterGroup) or on a group, directly or through
// the interfaces gin.IRoutes and gin.IRouter.
//
// The handler is the last of the handlers the call passes (those before
// it are middleware), when the call lists them; the path is the group's
// prefix joined to the call's path as gin joins them. Skipped: Match
// (a list of methods), a call that passes its handlers as a slice
// (handlers...), a last handler that is no known function, a method or
// path that is not a constant, and a group whose prefix is not known
// (see ginPrefix).
func (f *finder) gin() []Route {
	var out []Route
	f.calls(func(fn *ssa.Function, call ssa.CallInstruction, callee *types.Func) {
		if !isGinRouter(callee) {
			return
		}
		recv, args := recvArgs(call.Common())
		var method, rel string
		var handlers ssa.Value
		var ok bool
		switch name := callee.Name(); {
		case ginMethods[name] != "" && len(args) == 2:
			method, handlers = ginMethods[name], args[1]
			rel, ok = constString(args[0])
		case name == "Any" && len(args) == 2:
			handlers = args[1]
			rel, ok = constString(args[0])
		case name == "Handle" && len(args) == 3:
			handlers = args[2]
			method, ok = constString(args[0])
			// gin panics on a method not in upper case.
			ok = ok && isUpperMethod(method)
			if ok {
				rel, ok = constString(args[1])
			}
		}
		if !ok {
			return // not a registration, or a method or path computed at run time
		}
		prefix, ok := f.ginPrefix(recv)
		if !ok {
			return // a group of unknown origin
		}
		last, n, ok := lastElem(handlers)
		if !ok {
			return // no handler, or handlers passed as a slice
		}
		h, writer, ok := f.handlerOf(last)
		if !ok {
			return // a handler held in a variable or made by a call
		}
		out = append(out, Route{
			Router:  "gin",
			Method:  method,
			Path:    templatePath(ginJoin(prefix, rel)),
			Handler: h,
			Writer:  writer,
			At:      argPos(fn, call, len(args)-1+n-1),
		})
	})
	return out
}

// ginPrefix returns the path prefix of the group v, a *gin.RouterGroup:
// "/" for an Engine's own group (whatever made the Engine: an Engine's
// group is the root), the parent's prefix joined with the path for a
// group made by Group with a constant path, followed through variables,
// closures and single-call functions as the tracer does. ok is false for
// a group of another origin: a parameter of an exported function, a
// field, a group made with a path computed at run time.
func (f *finder) ginPrefix(v ssa.Value) (string, bool) {
	t := &tracer{f: f, call: ginCall}
	return ginGroup(t, v)
}

// ginGroup is ginPrefix on the tracer t.
func ginGroup(t *tracer, v ssa.Value) (string, bool) {
	for {
		// A group or an Engine as a gin.IRoutes or gin.IRouter.
		if x, ok := v.(*ssa.MakeInterface); ok {
			v = x.X
			continue
		}
		break
	}
	if astx.IsNamed(astx.Deref(v.Type()), ginPath, "Engine") {
		return "/", true // an Engine, as the receiver of a call through an interface
	}
	if x, ok := v.(*ssa.FieldAddr); ok {
		// &engine.RouterGroup: the receiver of a promoted method.
		if astx.IsNamed(astx.Deref(x.X.Type()), ginPath, "Engine") && fieldName(x) == "RouterGroup" {
			return "/", true
		}
		return "", false
	}
	return t.prefix(v)
}

// ginCall returns the prefix of the group c returns: one made by Group.
func ginCall(t *tracer, c *ssa.Call) (string, bool) {
	callee := flow.Callee(c.Common())
	if callee == nil || !isGinRouter(callee) || callee.Name() != "Group" {
		return "", false
	}
	recv, args := recvArgs(c.Common())
	rel, ok := constString(args[0])
	if !ok {
		return "", false
	}
	parent, ok := ginGroup(t, recv)
	if !ok {
		return "", false
	}
	return ginJoin(parent, rel), true
}

// isGinRouter reports whether fn is a method of gin's RouterGroup (an
// Engine's, promoted), or of the interfaces IRoutes and IRouter that
// hold a group or an Engine.
func isGinRouter(fn *types.Func) bool {
	return isMethodOf(fn, ginPath, "RouterGroup") || isMethodOf(fn, ginPath, "IRoutes") || isMethodOf(fn, ginPath, "IRouter")
}

// ginJoin joins a group's prefix and a relative path as gin does: as
// path.Join, keeping the relative path's trailing slash.
func ginJoin(prefix, rel string) string {
	if rel == "" {
		return prefix
	}
	out := path.Join(prefix, rel)
	if strings.HasSuffix(rel, "/") && !strings.HasSuffix(out, "/") {
		out += "/"
	}
	return out
}

// templatePath writes gin's and echo's path parameters as an OpenAPI
// path template: ":id" and "*path" become "{id}" and "{path}"; echo's
// unnamed "*" (which c.Param("*") reads) becomes "{*}", a template no
// OpenAPI path has, so that the route matches no documented one.
func templatePath(p string) string {
	if !strings.ContainsAny(p, ":*") {
		return p
	}
	var b strings.Builder
	for i := 0; i < len(p); {
		ch := p[i]
		if ch != ':' && ch != '*' {
			b.WriteByte(ch)
			i++
			continue
		}
		j := i + 1
		for j < len(p) && p[j] != '/' {
			j++
		}
		name := p[i+1 : j]
		if name == "" {
			name = "*"
		}
		b.WriteString("{" + name + "}")
		i = j
	}
	return b.String()
}

// isUpperMethod reports whether m is a method name in upper case.
func isUpperMethod(m string) bool {
	if m == "" {
		return false
	}
	for _, r := range m {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	return true
}

// fieldName returns the name of the field x takes the address of.
func fieldName(x *ssa.FieldAddr) string {
	st, ok := astx.StructOf(x.X.Type())
	if !ok || x.Field >= st.NumFields() {
		return ""
	}
	return st.Field(x.Field).Name()
}
