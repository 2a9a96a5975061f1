// Package apierr declares the API's errors, as a package of their own
// that handlers in other packages use.
package apierr

import (
	"errors"
	"net/http"
)

// APIError is the API's error body.
type APIError struct {
	Name   string `json:"name"`
	Status int    `json:"-"`
}

func (e *APIError) Error() string { return e.Name } // want Error:`result0=param0.Name`

// ErrPermissionDenied is an exported sentinel.
var ErrPermissionDenied = &APIError{Name: "permission_denied", Status: 403} // want ErrPermissionDenied:`var apierr.APIError\{Name:"permission_denied" Status:403\}`

// ErrBadCredentials is a sentinel whose text is the code.
var ErrBadCredentials = errors.New("bad_credentials") // want ErrBadCredentials:`var errors.errorString\{s:"bad_credentials"\}`

// Write sends a code with a status.
func Write(w http.ResponseWriter, status int, code string) { // want Write:`sink\(param0 status=param1 body=text\(param2\)\)`
	w.WriteHeader(status)
	w.Write([]byte(code))
}
