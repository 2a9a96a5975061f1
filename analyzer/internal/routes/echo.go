package routes

import (
	"go/types"

	"github.com/errcodelint/errcodelint/analyzer/internal/flow"
	"golang.org/x/tools/go/ssa"
)

const echoPath = "github.com/labstack/echo/v4"

// echoMethods are the methods of echo's Echo and Group that register a
// route of one method, by name.
var echoMethods = map[string]string{
	"CONNECT": "CONNECT", "DELETE": "DELETE", "GET": "GET", "HEAD": "HEAD",
	"OPTIONS": "OPTIONS", "PATCH": "PATCH", "POST": "POST", "PUT": "PUT",
	"TRACE": "TRACE",
}

// echo returns the routes registered with echo (v4): calls of Echo's and
// Group's GET, POST, ... (one per method), Add and Any (Method ""). The
// handler is the argument after the path (the middleware follow it); the
// path is the group's prefix and the call's path, concatenated as echo
// does. Skipped: Match (a list of methods), RouteNotFound (no operation),
// a method not in upper case (echo would register a route no request
// matches), a handler that is no known function, a method or path that
// is not a constant, and a group whose prefix is not known (see
// echoPrefix).
func (f *finder) echo() []Route {
	var out []Route
	f.calls(func(fn *ssa.Function, call ssa.CallInstruction, callee *types.Func) {
		onEcho := isMethodOf(callee, echoPath, "Echo")
		if !onEcho && !isMethodOf(callee, echoPath, "Group") {
			return
		}
		if call.Common().IsInvoke() {
			return // no method of an interface registers a route
		}
		recv, args := recvArgs(call.Common())
		var method, path string
		var ok bool
		hi := 1 // the handler's index in args
		switch name := callee.Name(); {
		case echoMethods[name] != "" && len(args) == 3:
			method = echoMethods[name]
			path, ok = constString(args[0])
		case name == "Any" && len(args) == 3:
			path, ok = constString(args[0])
		case name == "Add" && len(args) == 4:
			hi = 2
			method, ok = constString(args[0])
			ok = ok && isUpperMethod(method)
			if ok {
				path, ok = constString(args[1])
			}
		}
		if !ok {
			return // not a registration, or a method or path computed at run time
		}
		prefix := ""
		if !onEcho {
			if prefix, ok = f.echoPrefix(recv); !ok {
				return // a group of unknown origin
			}
		}
		h, writer, ok := f.handlerOf(args[hi])
		if !ok {
			return // a handler held in a variable or made by a call
		}
		out = append(out, Route{
			Router:  "echo",
			Method:  method,
			Path:    templatePath(prefix + path),
			Handler: h,
			Writer:  writer,
			At:      argPos(fn, call, hi),
		})
	})
	return out
}

// echoPrefix returns the path prefix of the group v, an *echo.Group made
// by Echo's Group (the prefix given) or a Group's (the parent's prefix
// and the one given), with constant prefixes, followed through variables,
// closures and single-call functions as the tracer does. An Echo's own
// routes have no prefix, whatever made the Echo. ok is false for a group
// of another origin: a parameter of an exported function, a field, a
// prefix computed at run time.
func (f *finder) echoPrefix(v ssa.Value) (string, bool) {
	t := &tracer{f: f, call: echoCall}
	return t.prefix(v)
}

// echoCall returns the prefix of the group c returns.
func echoCall(t *tracer, c *ssa.Call) (string, bool) {
	callee := flow.Callee(c.Common())
	if callee == nil || c.Common().IsInvoke() || callee.Name() != "Group" {
		return "", false
	}
	recv, args := recvArgs(c.Common())
	prefix, ok := constString(args[0])
	if !ok {
		return "", false
	}
	switch {
	case isMethodOf(callee, echoPath, "Echo"):
		return prefix, true
	case isMethodOf(callee, echoPath, "Group"):
		parent, ok := t.prefix(recv)
		if !ok {
			return "", false
		}
		return parent + prefix, true
	}
	return "", false
}
