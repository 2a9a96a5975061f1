// Package r has constructors whose results' constant fields are facts.
package r

import "net/http"

type Problem struct {
	Type       string `json:"type"`
	Detail     string `json:"detail"`
	HTTPStatus int    `json:"status"`
}

const prefix = "urn:ietf:params:acme:error:"

// BadNonce is a constructor: its result's constant fields are a fact.
func BadNonce(detail string) *Problem { // want BadNonce:"returns Type=\"urn:ietf:params:acme:error:badNonce\" Detail=param0 HTTPStatus=400"
	return &Problem{Type: prefix + "badNonce", Detail: detail, HTTPStatus: http.StatusBadRequest}
}

// Kind is an enum whose String is a switch (its own fact, in enumstr).
type Kind int

const (
	Malformed Kind = iota
	Unauthorized
)

func (k Kind) String() string {
	switch k {
	case Malformed:
		return "malformed"
	case Unauthorized:
		return "unauthorized"
	}
	return "unknown"
}

// Unauth builds its type from an enum's String.
func Unauth(detail string) Problem { // want Unauth:"returns Type=\"urn:ietf:params:acme:error:unauthorized\" Detail=param0 HTTPStatus=401"
	return Problem{Type: prefix + Unauthorized.String(), Detail: detail, HTTPStatus: http.StatusUnauthorized}
}

// Either returns two shapes: only the fields they share are a fact.
func Either(b bool) *Problem { // want Either:"returns HTTPStatus=400"
	if b {
		return &Problem{Type: prefix + "malformed", HTTPStatus: 400}
	}
	return &Problem{Type: prefix + "badCSR", HTTPStatus: 400}
}

// Empty returns a bare literal: nothing in common.
func Empty() Problem {
	return Problem{}
}

// AppError carries a status chosen by its caller.
type AppError struct {
	Where      string
	ID         string
	StatusCode int
	Message    string
}

func (e *AppError) Error() string { return e.Message }

// NewAppError keeps its result in a local first: still a constructor.
func NewAppError(where, id string, status int) *AppError { // want NewAppError:"returns Where=param0 ID=param1 StatusCode=param2"
	ap := &AppError{Where: where, ID: id, StatusCode: status}
	return ap
}

// Patched sets a field after building: not a constructor.
func Patched(id string) *AppError {
	ap := &AppError{ID: id}
	ap.Message = "patched"
	return ap
}

// WithStatus is a builder: the receiver, with a field set.
func (e *AppError) WithStatus(status int) *AppError { // want WithStatus:"returns receiver StatusCode=param0"
	e.StatusCode = status
	return e
}

// Conflict sets a field on one path only: its value is not known.
func (e *AppError) Conflict(b bool) *AppError { // want Conflict:"returns receiver ID=\"conflict\" StatusCode=\\?"
	e.ID = "conflict"
	if b {
		e.StatusCode = http.StatusConflict
	}
	return e
}

// Elsewhere returns another error: not a builder.
func (e *AppError) Elsewhere() *AppError {
	e.ID = "x"
	return &AppError{}
}
