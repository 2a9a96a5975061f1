// Package exprs pins what the engine says of expressions the passes ask
// about: each return's value, and the expression it holds the value of.
package exprs

import (
	"fmt"
	"net/http"
	"strconv"
)

// Locals given known values fold: a prefix, a concatenation, a format.
func known() string {
	p := "not_found|"
	s := p + "order"
	return fmt.Sprintf("%s-%d", s, 404) // want `value "not_found\|order-404"`
}

// A local that doubles itself many times stays finite and fast: past the
// longest folded text it is a string known in part.
func doubled() string {
	s := "a"
	s = s + s
	s = s + s
	s = s + s
	s = s + s
	s = s + s
	s = s + s
	s = s + s
	s = s + s
	s = s + s
	s = s + s
	s = s + s
	s = s + s
	s = s + s
	s = s + s
	s = s + s
	s = s + s
	return s // want `value \?, def s \+ s`
}

func itoa() string {
	return strconv.Itoa(http.StatusTooManyRequests) // want `value "429"`
}

// A variable assigned on two paths has no one definition.
func twoPaths(ok bool) string {
	code := "bad_request"
	if !ok {
		code = "not_found"
	}
	return code // want `value \{"bad_request", "not_found"\}`
}

// A parameter has none either; a response has the call that got it.
func status(c *http.Client, req *http.Request) int {
	resp, err := c.Do(req)
	if err != nil {
		return 0 // want `value 0`
	}
	defer resp.Body.Close()
	r := resp
	return r.StatusCode // want `value \(http.Response\).StatusCode`
}

func response(c *http.Client, req *http.Request) *http.Response {
	resp, _ := c.Do(req)
	return resp // want `value \?, def c.Do\(req\)`
}

func param(code string) string {
	return code // want `value param0`
}

// A package variable whose only store is its initializer is its value.
var errNotFound = "not_found"

func global() string {
	return errNotFound // want `value exprs.errNotFound`
}
