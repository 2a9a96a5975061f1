// Package codes has helpers whose first result is a parameter's field or a
// table's status, and others that are not.
package codes

import (
	"errors"
	"net/http"
)

type Error struct {
	Code   string
	Status int
}

func (e *Error) Error() string { return e.Code } // want Error:`^result0=param0\.Code$`

// ErrCode reads the code through errors.As; "" is "no code".
func ErrCode(err error) string { // want ErrCode:`^result0=\{if then as\(codes\.Error, param0\): as\(codes\.Error, param0\)\.Code, if else as\(codes\.Error, param0\): ""\}$`
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return ""
}

// CodeOf reads it through a type assertion.
func CodeOf(err error) string { // want CodeOf:`^result0=\{param0\.Code, ""\}$`
	if e, ok := err.(*Error); ok {
		return e.Code
	}
	return ""
}

// Code is an accessor of the receiver.
func (e *Error) CodeField() string { // want CodeField:`^result0=param0\.Code$`
	return e.Code
}

var statuses = map[string]int{
	"not_found":    http.StatusNotFound,
	"rate_limited": http.StatusTooManyRequests,
}

// StatusOf looks the status up, with a default.
func StatusOf(err error) (status int, ok bool) { // want StatusOf:`^result0=\{table\[\{if then as\(codes\.Error, param0\): as\(codes\.Error, param0\)\.Code, if else as\(codes\.Error, param0\): ""\}\]\(2 rows\), 500\} result1=\?$`
	status, ok = statuses[ErrCode(err)]
	if !ok {
		status = http.StatusInternalServerError
	}
	return
}

// Direct looks up without a default: a missing code gives 0.
func Direct(err error) int { // want Direct:`^result0=table\[\{param0\.Code, ""\}\]\(2 rows\)$`
	return statuses[CodeOf(err)]
}

var mutable = map[string]int{"a": 400}

func init() { mutable["b"] = 404 }

// Mutable's table changes at run time: not a table.
func Mutable(err error) int {
	return mutable[ErrCode(err)]
}

// Two defaults: not known.
func Two(err error, b bool) int { // want Two:`^result0=\{500, table\[\{if then as\(codes\.Error, param0\): as\(codes\.Error, param0\)\.Code, if else as\(codes\.Error, param0\): ""\}\]\(2 rows\), 503\}$`
	s, ok := statuses[ErrCode(err)]
	if !ok && b {
		s = 500
	} else if !ok {
		s = 503
	}
	return s
}

// Rebound changes the local in a closure: not known.
func Rebound(err error) string { // want Rebound:`^result0=\{if then as\(codes\.Error, param0\): as\(codes\.Error, param0\)\.Code, if else as\(codes\.Error, param0\): ""\}$`
	c := ErrCode(err)
	func() { c = "x" }()
	return c
}

// Code is an API code whose Status method is a switch: a table.
type Code string

func (c Code) Status() int { // want Status:`^result0=table\[param0\]\(4 rows\)$`
	switch c {
	case "not_found", "gone":
		return http.StatusNotFound
	case "rate_limited":
		return http.StatusTooManyRequests
	case "ok":
		return http.StatusOK
	}
	return http.StatusInternalServerError
}

// StatusFromCode is the same as a function, with a default case.
func StatusFromCode(c Code) int { // want StatusFromCode:`^result0=table\[param0\]\(2 rows\)$`
	switch c {
	case "rate_limited":
		return 429
	default:
		return 0
	}
}

// Describe returns text: not a status table.
func Describe(c Code) int { // want Describe:`^result0=table\[param0\]\(2 rows\)$`
	switch c {
	case "a":
		return 1
	}
	return 2
}

// Unkeyed looks a status up by a key it computes: the table is known,
// the key is not.
func Unkeyed(f func() string) int { // want Unkeyed:`^result0=table\[\?\]\(2 rows\)$`
	return statuses[f()]
}
