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
func BadNonce(detail string) *Problem { // want BadNonce:`^result0=r\.Problem\{Type:"urn:ietf:params:acme:error:badNonce" Detail:param0 HTTPStatus:400\}$`
	return &Problem{Type: prefix + "badNonce", Detail: detail, HTTPStatus: http.StatusBadRequest}
}

// Kind is an enum whose String is a switch: a table keyed by the receiver.
type Kind int

const (
	Malformed Kind = iota
	Unauthorized
)

func (k Kind) String() string { // want String:`^result0=table\[param0\]\(3 rows\)$`
	switch k {
	case Malformed:
		return "malformed"
	case Unauthorized:
		return "unauthorized"
	}
	return "unknown"
}

// Unauth builds its type from an enum's String.
func Unauth(detail string) Problem { // want Unauth:`^result0=r\.Problem\{Type:"urn:ietf:params:acme:error:unauthorized" Detail:param0 HTTPStatus:401\}$`
	return Problem{Type: prefix + Unauthorized.String(), Detail: detail, HTTPStatus: http.StatusUnauthorized}
}

// Either returns two shapes: its result may be either.
func Either(b bool) *Problem { // want Either:`^result0=\{r\.Problem\{Type:"urn:ietf:params:acme:error:malformed" HTTPStatus:400\}, r\.Problem\{Type:"urn:ietf:params:acme:error:badCSR" HTTPStatus:400\}\}$`
	if b {
		return &Problem{Type: prefix + "malformed", HTTPStatus: 400}
	}
	return &Problem{Type: prefix + "badCSR", HTTPStatus: 400}
}

// Empty returns a bare literal: no field known.
func Empty() Problem { // want Empty:`^result0=r\.Problem\{\}$`
	return Problem{}
}

// AppError carries a status chosen by its caller.
type AppError struct {
	Where      string
	ID         string
	StatusCode int
	Message    string
}

func (e *AppError) Error() string { return e.Message } // want Error:`^result0=param0\.Message$`

// NewAppError keeps its result in a local first: still a constructor.
func NewAppError(where, id string, status int) *AppError { // want NewAppError:`^result0=r\.AppError\{Where:param0 ID:param1 StatusCode:param2\}$`
	ap := &AppError{Where: where, ID: id, StatusCode: status}
	return ap
}

// Patched sets a field after building: the result has it.
func Patched(id string) *AppError { // want Patched:`^result0=r\.AppError\{ID:param0 Message:"patched"\}$`
	ap := &AppError{ID: id}
	ap.Message = "patched"
	return ap
}

// WithStatus is a builder: the receiver, with a field set.
func (e *AppError) WithStatus(status int) *AppError { // want WithStatus:`^result0=param0\+\{StatusCode:param1\}$`
	e.StatusCode = status
	return e
}

// Conflict sets a field on one path only: the caller's value may stay.
func (e *AppError) Conflict(b bool) *AppError { // want Conflict:`^result0=param0\+\{ID:"conflict" StatusCode:\{409, param0\.StatusCode\}\}$`
	e.ID = "conflict"
	if b {
		e.StatusCode = http.StatusConflict
	}
	return e
}

// Elsewhere returns another error: not its receiver.
func (e *AppError) Elsewhere() *AppError { // want Elsewhere:`^result0=r\.AppError\{\}$`
	e.ID = "x"
	return &AppError{}
}
