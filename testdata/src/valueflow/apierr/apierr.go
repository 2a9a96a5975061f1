// Package apierr declares the API's errors for handlers of other packages.
package apierr

import "errors"

// APIError is the API's error body; its status is not sent in the body.
type APIError struct {
	Code   string `json:"code"`
	Status int    `json:"-"`
}

func (e *APIError) Error() string { return e.Code }

// Exported sentinels, used by handlers in other packages.
var (
	ErrPermissionDenied = &APIError{Code: "permission_denied", Status: 403}
	ErrBadCredentials   = errors.New("bad_credentials")
)

// NewDenied is a constructor that other packages reach through a
// function-typed variable.
func NewDenied() error { return ErrPermissionDenied }

// ErrSecretMissing is a constructor held by a variable, as a function
// literal.
var ErrSecretMissing = func() *APIError { return &APIError{Code: "secret_not_found", Status: 404} }
