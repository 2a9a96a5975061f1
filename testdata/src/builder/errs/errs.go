// Package errs builds errors with codes (idiom 8): the code travels in the
// error and a table gives the status when it is rendered.
package errs

import "net/http"

type Code string

const (
	NotFoundCode Code = "NOT_FOUND"
	InvalidCode  Code = "INVALID"
	GoneCode     Code = "GONE" // want `code "GONE" is not in the catalog`
)

type Error struct {
	msg  string
	code Code
}

func New(msg string) *Error                 { return &Error{msg: msg} }
func (e *Error) WithCode(c Code) *Error     { e.code = c; return e }
func (e *Error) Error() string              { return e.msg }
func (e *Error) Code() Code                 { return e.code }

var statusOf = map[Code]int{
	NotFoundCode: http.StatusNotFound,
	InvalidCode:  http.StatusUnprocessableEntity, // want `code "INVALID" is mapped to status 422; the catalog says 400`
}

// Status looks the code's status up.
func Status(c Code) int { return statusOf[c] }
