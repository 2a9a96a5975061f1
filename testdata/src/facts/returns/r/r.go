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
func BadNonce(detail string) *Problem { // want BadNonce:"returns Type=\"urn:ietf:params:acme:error:badNonce\" HTTPStatus=400"
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
func Unauth(detail string) Problem { // want Unauth:"returns Type=\"urn:ietf:params:acme:error:unauthorized\" HTTPStatus=401"
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
