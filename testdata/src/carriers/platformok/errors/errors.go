// Package errors builds errors that carry an API code: a builder chain,
// errors.New(msg).WithCode(errors.RateLimitCode), returned as error and
// rendered by httpx.SendError.
package errors

import "errors"

const (
	InvalidCode   = "invalid_request"
	NotFoundCode  = "secret_not_found"
	ExistsCode    = "secret_exists"
	DestroyedCode = "secret_destroyed"
	RateLimitCode = "rate_limited"
)

// Error is an error with a code.
type Error struct {
	Cause   error  `json:"-"`
	Code    string `json:"code"`
	Message string `json:"message"`
}

func (e *Error) Error() string { return e.Code + ": " + e.Message }

// New starts an error.
func New(msg string) *Error { return &Error{Message: msg} }

// WithCode sets the code.
func (e *Error) WithCode(code string) *Error {
	e.Code = code
	return e
}

// WithCause sets the cause and keeps the code.
func (e *Error) WithCause(err error) *Error {
	e.Cause = err
	return e
}

// ErrCode returns the code err carries, or "".
func ErrCode(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return ""
}

// IsRateLimitError reports whether err carries the rate-limit code.
func IsRateLimitError(err error) bool { return ErrCode(err) == RateLimitCode }
