package nethttp

import (
	"go/ast"
	"go/types"
	"slices"
	"strings"

	"github.com/errcodelint/errcodelint/analyzer/internal/astx"
)

// The web frameworks whose response calls are understood, by import path.
const (
	ginPath    = "github.com/gin-gonic/gin"
	echoPath   = "github.com/labstack/echo/v4"
	fiber2Path = "github.com/gofiber/fiber/v2"
	fiber3Path = "github.com/gofiber/fiber/v3"
	renderPath = "github.com/go-chi/render"
)

// IsHTTPImport reports whether an import path is net/http or a web
// framework the passes understand: a package importing one has HTTP code
// (a server or a client) for the passes to check.
func IsHTTPImport(path string) bool {
	switch path {
	case "net/http", ginPath, echoPath, fiber2Path, fiber3Path, renderPath:
		return true
	}
	return false
}

// IsContext reports whether t is a framework's request context: gin's
// *Context, echo's Context, fiber's *Ctx (v2) or Ctx (v3). A context
// stands for the response writer of its request.
func IsContext(t types.Type) bool {
	if t == nil {
		return false
	}
	t = astx.Deref(t)
	return astx.IsNamed(t, ginPath, "Context") || astx.IsNamed(t, echoPath, "Context") ||
		astx.IsNamed(t, fiber2Path, "Ctx") || astx.IsNamed(t, fiber3Path, "Ctx")
}

// isFiber reports whether t is fiber's context: fiber buffers the whole
// response and sends it when the handler returns.
func isFiber(t types.Type) bool {
	t = astx.Deref(t)
	return astx.IsNamed(t, fiber2Path, "Ctx") || astx.IsNamed(t, fiber3Path, "Ctx")
}

// contextMethod returns the receiver of a call of a framework context's
// method and the method's name.
func contextMethod(info *types.Info, call *ast.CallExpr) (recv ast.Expr, name string, ok bool) {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || !IsContext(info.TypeOf(sel.X)) {
		return nil, "", false
	}
	if s := info.Selections[sel]; s == nil || s.Kind() != types.MethodVal {
		return nil, "", false
	}
	return sel.X, sel.Sel.Name, true
}

var (
	// Methods that write a status and encode a value: (status, value).
	statusValueMethods = []string{"JSON", "IndentedJSON", "PureJSON", "SecureJSON", "AsciiJSON", "JSONP", "JSONPretty", "XML", "XMLPretty", "YAML", "TOML", "AbortWithStatusJSON"}
	// Methods that write a status and a body that holds no code: (status, ...).
	statusBodyMethods = []string{"String", "HTML", "Blob", "Data", "Stream", "Redirect"}
	// Methods that write a status alone: (status).
	statusMethods = []string{"Status", "AbortWithStatus", "NoContent", "SendStatus"}
	// Fiber's body methods, whose status is the one set by Status.
	fiberBodyMethods = []string{"JSON", "XML", "SendString", "Send"}
)

// frameworkStatusWrite recognizes a framework's status writes.
func frameworkStatusWrite(info *types.Info, call *ast.CallExpr) (StatusWrite, bool) {
	if fn := calleeFunc(info, call); fn != nil && len(call.Args) >= 1 {
		// echo.NewHTTPError(status, msg) and fiber.NewError(status, msg),
		// returned from a handler: the framework writes the status when
		// the handler returns.
		if IsFunc(fn, echoPath, "NewHTTPError") || IsFunc(fn, fiber2Path, "NewError") || IsFunc(fn, fiber3Path, "NewError") {
			return StatusWrite{Call: call, Status: call.Args[0], Deferred: true}, true
		}
		if IsFunc(fn, renderPath, "Status") && len(call.Args) == 2 {
			return StatusWrite{Call: call, Writer: call.Args[0], Status: call.Args[1], Pending: true}, true
		}
	}
	recv, name, ok := contextMethod(info, call)
	if !ok {
		return StatusWrite{}, false
	}
	fiber := isFiber(info.TypeOf(recv))
	if fiber {
		// c.Status(s).JSON(v): the outer call writes both.
		if inner, ok := ast.Unparen(recv).(*ast.CallExpr); ok && slices.Contains(fiberBodyMethods, name) && len(call.Args) >= 1 {
			if r, n, ok := contextMethod(info, inner); ok && n == "Status" && len(inner.Args) == 1 {
				sw := StatusWrite{Call: call, Writer: r, Status: inner.Args[0], Body: true, Deferred: true}
				if name == "JSON" || name == "XML" {
					sw.Value, sw.XML = call.Args[0], name == "XML"
				}
				return sw, true
			}
		}
		switch name {
		case "Status":
			if len(call.Args) == 1 {
				return StatusWrite{Call: call, Writer: recv, Status: call.Args[0], Deferred: true}, true
			}
		case "SendStatus":
			if len(call.Args) == 1 {
				return StatusWrite{Call: call, Writer: recv, Status: call.Args[0], Body: true, Deferred: true}, true
			}
		}
		return StatusWrite{}, false
	}
	switch {
	case slices.Contains(statusValueMethods, name) && len(call.Args) >= 2:
		return StatusWrite{Call: call, Writer: recv, Status: call.Args[0], Body: true, Value: call.Args[1], XML: name == "XML" || name == "XMLPretty"}, true
	case slices.Contains(statusBodyMethods, name) && len(call.Args) >= 2:
		return StatusWrite{Call: call, Writer: recv, Status: call.Args[0], Body: true}, true
	case slices.Contains(statusMethods, name) && len(call.Args) == 1:
		// gin's Status only records the status: the header goes out
		// with the body.
		return StatusWrite{Call: call, Writer: recv, Status: call.Args[0], Deferred: name == "Status"}, true
	}
	return StatusWrite{}, false
}

// frameworkBodyWrite recognizes body writes that carry no status of their
// own: fiber's c.JSON(v) after c.Status(s), and chi's render.JSON(w, r, v)
// after render.Status(r, s).
func frameworkBodyWrite(info *types.Info, call *ast.CallExpr) (BodyWrite, bool) {
	if fn := calleeFunc(info, call); fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == renderPath && len(call.Args) == 3 {
		switch fn.Name() {
		case "JSON", "XML", "Respond", "DefaultResponder":
			return BodyWrite{Call: call, Writer: call.Args[0], Request: call.Args[1], Value: call.Args[2], XML: fn.Name() == "XML"}, true
		case "PlainText", "HTML", "Data":
			return BodyWrite{Call: call, Writer: call.Args[0], Request: call.Args[1]}, true
		}
	}
	recv, name, ok := contextMethod(info, call)
	if !ok || !isFiber(info.TypeOf(recv)) || !slices.Contains(fiberBodyMethods, name) || len(call.Args) < 1 {
		return BodyWrite{}, false
	}
	if inner, ok := ast.Unparen(recv).(*ast.CallExpr); ok {
		if _, n, ok := contextMethod(info, inner); ok && n == "Status" {
			return BodyWrite{}, false // c.Status(s).JSON(v) is a status write
		}
	}
	bw := BodyWrite{Call: call, Writer: recv}
	if name == "JSON" || name == "XML" {
		bw.Value, bw.XML = call.Args[0], name == "XML"
	}
	return bw, true
}

// frameworkHeader recognizes gin's c.Header(k, v) and fiber's c.Set(k, v).
func frameworkHeader(info *types.Info, call *ast.CallExpr) (HeaderWrite, bool) {
	recv, name, ok := contextMethod(info, call)
	if !ok || len(call.Args) != 2 {
		return HeaderWrite{}, false
	}
	t := astx.Deref(info.TypeOf(recv))
	if (name == "Header" && astx.IsNamed(t, ginPath, "Context")) || (name == "Set" && isFiber(t)) {
		return HeaderWrite{Node: call, Writer: recv, Key: call.Args[0], Value: call.Args[1], Method: "Set"}, true
	}
	return HeaderWrite{}, false
}

func calleeFunc(info *types.Info, call *ast.CallExpr) *types.Func {
	switch f := ast.Unparen(call.Fun).(type) {
	case *ast.Ident:
		fn, _ := info.Uses[f].(*types.Func)
		return fn
	case *ast.SelectorExpr:
		fn, _ := info.Uses[f.Sel].(*types.Func)
		return fn
	}
	return nil
}

// IsBuffered reports whether t is a context whose framework buffers the
// whole response until the handler returns (fiber): headers set after a
// status or body there are still sent.
func IsBuffered(t types.Type) bool { return t != nil && isFiber(t) }

// SetHeaderCall returns a format, with %q for the key and the value, of
// the statement that sets a header on the writer w (written as src): a
// net/http writer's w.Header().Set, gin's c.Header, echo's
// c.Response().Header().Set, fiber's c.Set. "" when w is none of them.
func SetHeaderCall(info *types.Info, w ast.Expr, src string) string {
	t := info.TypeOf(w)
	switch {
	case astx.IsNamed(astx.Deref(t), ginPath, "Context"):
		return src + ".Header(%q, %q)"
	case astx.IsNamed(astx.Deref(t), echoPath, "Context"):
		return src + ".Response().Header().Set(%q, %q)"
	case isFiber(t):
		return src + ".Set(%q, %q)"
	case IsResponseWriter(t):
		return src + ".Header().Set(%q, %q)"
	}
	return ""
}

// A FrameworkWrite says what a call of a framework's response function or
// context method writes, by argument position (a method's receiver is
// argument 0): -1 where it writes no such thing.
type FrameworkWrite struct {
	Writer int    // the writer: the context, or chi's request; -1: the handler's context
	Status int    // the status written
	Value  int    // the value encoded as the body
	Enc    string // "json" or "xml" for Value; "text" for a body with no code
	Header int    // the key of a header set (gin's c.Header, fiber's c.Set)
	// Self says the call returns its receiver (fiber's c.Status(s), so
	// that c.Status(s).JSON(v) writes both to c).
	Self bool
	// Deferred says the status goes out later, with the body or when the
	// handler returns: gin's c.Status, and every fiber write (fiber
	// buffers the whole response).
	Deferred bool
}

// FrameworkCall describes a call of fn, a framework's function or a
// method of its context, that writes to a response.
func FrameworkCall(fn *types.Func) (FrameworkWrite, bool) {
	w := FrameworkWrite{Writer: 0, Status: -1, Value: -1, Header: -1}
	sig := fn.Signature()
	if IsFunc(fn, echoPath, "NewHTTPError") || IsFunc(fn, fiber2Path, "NewError") || IsFunc(fn, fiber3Path, "NewError") {
		// An error a handler returns: the framework writes its status
		// to the handler's context when the handler returns.
		w.Writer, w.Status, w.Deferred = -1, 0, true
		return w, sig.Params().Len() >= 1
	}
	if sig.Recv() == nil {
		if fn.Pkg() == nil || fn.Pkg().Path() != renderPath {
			return w, false
		}
		// chi's render keeps the status on the request: the request is
		// the writer both calls name.
		switch name := fn.Name(); {
		case name == "Status" && sig.Params().Len() == 2:
			w.Status, w.Deferred = 1, true // written with the body
		case (name == "JSON" || name == "XML" || name == "Respond" || name == "DefaultResponder") && sig.Params().Len() == 3:
			w.Writer, w.Value, w.Enc = 1, 2, "json"
			if name == "XML" {
				w.Enc = "xml"
			}
		case (name == "PlainText" || name == "HTML" || name == "Data") && sig.Params().Len() == 3:
			w.Writer, w.Value, w.Enc = 1, 2, "text"
		default:
			return w, false
		}
		return w, true
	}
	recv := sig.Recv().Type()
	name := fn.Name()
	switch {
	case isFiber(recv):
		w.Deferred = true
		switch {
		case name == "Status":
			w.Status, w.Self = 1, true
		case name == "SendStatus":
			w.Status = 1
		case name == "JSON" || name == "XML":
			w.Value, w.Enc = 1, strings.ToLower(name)
		case name == "SendString" || name == "Send":
			w.Value, w.Enc = 1, "text"
		case name == "Set":
			w.Header = 1
		default:
			return w, false
		}
	case IsContext(recv):
		switch {
		case slices.Contains(statusValueMethods, name):
			w.Status, w.Value, w.Enc = 1, 2, "json"
			if name == "XML" || name == "XMLPretty" {
				w.Enc = "xml"
			}
		case slices.Contains(statusBodyMethods, name):
			w.Status, w.Value, w.Enc = 1, 2, "text"
		case slices.Contains(statusMethods, name):
			w.Status, w.Deferred = 1, name == "Status" // gin's Status only records the status
		case name == "Header" && astx.IsNamed(astx.Deref(recv), ginPath, "Context"):
			w.Header = 1
		case name == "Response" && astx.IsNamed(astx.Deref(recv), echoPath, "Context"):
			w.Self = true // echo's c.Response() writes c's response
		default:
			return w, false
		}
	default:
		return w, false
	}
	return w, true
}

// LosesLateHeaders reports whether headers set on a writer of type t after
// its response is written are lost: net/http's own writer, and the
// frameworks' contexts that do not buffer the response (fiber does). A
// writer of a concrete type may buffer.
func LosesLateHeaders(t types.Type) bool {
	return IsPlainResponseWriter(t) || IsContext(t) && !IsBuffered(t)
}
