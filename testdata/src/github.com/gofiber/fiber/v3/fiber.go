// Package fiber is a stub of github.com/gofiber/fiber/v3 for analysistest:
// in v3 the context is an interface.
package fiber

// Ctx is the request context.
type Ctx interface {
	Status(status int) Ctx
	JSON(data any, ctype ...string) error
	SendString(body string) error
	SendStatus(status int) error
	Set(key, val string)
}

// Error is an error with a status.
type Error struct {
	Code    int
	Message string
}

func (e *Error) Error() string { return e.Message }

// NewError makes an Error.
func NewError(code int, message ...string) *Error { return &Error{Code: code} }
