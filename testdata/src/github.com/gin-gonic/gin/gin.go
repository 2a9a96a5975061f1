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
