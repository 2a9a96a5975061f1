// Package echo is a stub of github.com/labstack/echo/v4 for analysistest.
package echo

import "net/http"

// Context is the request context.
type Context interface {
	Request() *http.Request
	Response() *Response
	JSON(code int, i any) error
	XML(code int, i any) error
	String(code int, s string) error
	NoContent(code int) error
	Param(name string) string
}

// Response wraps the http.ResponseWriter.
type Response struct {
	Writer http.ResponseWriter
	Status int
}

func (r *Response) Header() http.Header        { return nil }
func (r *Response) WriteHeader(code int)       {}
func (r *Response) Write(b []byte) (int, error) { return 0, nil }

// HTTPError is an error with a status.
type HTTPError struct {
	Code    int
	Message any
}

func (he *HTTPError) Error() string { return "" }

// NewHTTPError makes an HTTPError.
func NewHTTPError(code int, message ...any) *HTTPError { return &HTTPError{Code: code} }

// HandlerFunc serves a request.
type HandlerFunc func(c Context) error
