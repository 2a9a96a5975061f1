// Package fiber is a stub of github.com/gofiber/fiber/v2 for analysistest.
package fiber

// Ctx is the request context.
type Ctx struct{}

func (c *Ctx) Status(status int) *Ctx       { return c }
func (c *Ctx) JSON(data any) error          { return nil }
func (c *Ctx) XML(data any) error           { return nil }
func (c *Ctx) SendString(body string) error { return nil }
func (c *Ctx) SendStatus(status int) error  { return nil }
func (c *Ctx) Set(key, val string)          {}
func (c *Ctx) Params(key string) string     { return "" }

// Error is an error with a status.
type Error struct {
	Code    int
	Message string
}

func (e *Error) Error() string { return e.Message }

// NewError makes an Error.
func NewError(code int, message ...string) *Error { return &Error{Code: code} }

// Status codes fiber re-exports.
const (
	StatusNotFound        = 404
	StatusTooManyRequests = 429
)
