// Package resp has helpers inference cannot see through: an interface, and
// a function whose body hides the write behind a func value.
package resp

import "net/http"

// Responder is implemented elsewhere.
type Responder interface {
	Fail(w http.ResponseWriter, status int, code string)
}

var write func(w http.ResponseWriter, status int, code string)

// Opaque writes through a function value.
func Opaque(w http.ResponseWriter, status int, code string) {
	write(w, status, code)
}
