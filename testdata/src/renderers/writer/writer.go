// Package writer declares the writer the handlers send errors through; the
// implementation is chosen at run time, so the engine cannot see which
// code an error gets: the catalog's go.emitters says.
package writer

import "net/http"

// OAuthError is the API's error type.
type OAuthError struct {
	Name   string `json:"error"`
	Status int    `json:"-"`
}

func (e *OAuthError) Error() string { return e.Name }

// A Writer renders err with status: an OAuthError by its name, any other
// error as code "error".
type Writer interface {
	WriteErrorCode(w http.ResponseWriter, r *http.Request, code int, err error)
}

// Fail is a helper of another shape: it sends err through the renderer set
// at start-up, which gives a plain error the code server_error.
func Fail(w http.ResponseWriter, status int, err error) { current.Fail(w, status, err) }

var current interface {
	Fail(w http.ResponseWriter, status int, err error)
}
