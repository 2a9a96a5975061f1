// Package gin is a stub of github.com/gin-gonic/gin for analysistest: only
// the signatures errcodelint reads.
package gin

import "net/http"

// H is a shortcut for map[string]any.
type H map[string]any

// ResponseWriter is gin's writer.
type ResponseWriter interface {
	http.ResponseWriter
	Status() int
	Written() bool
}

// Context is the request context.
type Context struct {
	Request *http.Request
	Writer  ResponseWriter
}

func (c *Context) JSON(code int, obj any)                  {}
func (c *Context) IndentedJSON(code int, obj any)          {}
func (c *Context) PureJSON(code int, obj any)              {}
func (c *Context) XML(code int, obj any)                   {}
func (c *Context) String(code int, format string, v ...any) {}
func (c *Context) AbortWithStatusJSON(code int, jsonObj any) {}
func (c *Context) AbortWithStatus(code int)                {}
func (c *Context) Status(code int)                         {}
func (c *Context) Header(key, value string)                {}
func (c *Context) Param(key string) string                 { return "" }

// HandlerFunc serves a request.
type HandlerFunc func(*Context)

// HandlersChain is a handler with its middleware, the handler last.
type HandlersChain []HandlerFunc

// OptionFunc configures an Engine.
type OptionFunc func(*Engine)

// IRoutes registers routes.
type IRoutes interface {
	Handle(string, string, ...HandlerFunc) IRoutes
	Any(string, ...HandlerFunc) IRoutes
	GET(string, ...HandlerFunc) IRoutes
	POST(string, ...HandlerFunc) IRoutes
	DELETE(string, ...HandlerFunc) IRoutes
	PATCH(string, ...HandlerFunc) IRoutes
	PUT(string, ...HandlerFunc) IRoutes
	OPTIONS(string, ...HandlerFunc) IRoutes
	HEAD(string, ...HandlerFunc) IRoutes
	Match([]string, string, ...HandlerFunc) IRoutes
	Use(...HandlerFunc) IRoutes
}

// IRouter registers routes and makes groups.
type IRouter interface {
	IRoutes
	Group(string, ...HandlerFunc) *RouterGroup
}

// RouterGroup registers routes under a path prefix.
type RouterGroup struct {
	Handlers HandlersChain
	basePath string
	engine   *Engine
}

// Engine is the router; its RouterGroup has the prefix "/".
type Engine struct {
	RouterGroup
}

// New returns an Engine with no middleware.
func New(opts ...OptionFunc) *Engine { return &Engine{} }

// Default returns an Engine with the logger and recovery middleware.
func Default(opts ...OptionFunc) *Engine { return &Engine{} }

func (engine *Engine) ServeHTTP(w http.ResponseWriter, req *http.Request) {}
func (engine *Engine) Run(addr ...string) error                           { return nil }

func (group *RouterGroup) Group(relativePath string, handlers ...HandlerFunc) *RouterGroup {
	return &RouterGroup{basePath: group.basePath + relativePath, engine: group.engine}
}
func (group *RouterGroup) Use(middleware ...HandlerFunc) IRoutes { return group }
func (group *RouterGroup) Handle(httpMethod, relativePath string, handlers ...HandlerFunc) IRoutes {
	return group
}
func (group *RouterGroup) GET(relativePath string, handlers ...HandlerFunc) IRoutes    { return group }
func (group *RouterGroup) POST(relativePath string, handlers ...HandlerFunc) IRoutes   { return group }
func (group *RouterGroup) PUT(relativePath string, handlers ...HandlerFunc) IRoutes    { return group }
func (group *RouterGroup) PATCH(relativePath string, handlers ...HandlerFunc) IRoutes  { return group }
func (group *RouterGroup) DELETE(relativePath string, handlers ...HandlerFunc) IRoutes { return group }
func (group *RouterGroup) HEAD(relativePath string, handlers ...HandlerFunc) IRoutes   { return group }
func (group *RouterGroup) OPTIONS(relativePath string, handlers ...HandlerFunc) IRoutes {
	return group
}
func (group *RouterGroup) Any(relativePath string, handlers ...HandlerFunc) IRoutes { return group }
func (group *RouterGroup) Match(methods []string, relativePath string, handlers ...HandlerFunc) IRoutes {
	return group
}
