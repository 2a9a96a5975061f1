// Package probs holds problem documents and their constructors (idiom 1).
package probs

import "net/http"

// ErrorNS prefixes problem types on the wire.
const ErrorNS = "urn:ietf:params:acme:error:"

// ProblemType is the catalog's code type.
type ProblemType string

const (
	MalformedProblem     = ProblemType("malformed")
	UnauthorizedProblem  = ProblemType("unauthorized")
	BadNonceProblem      = ProblemType("badNonce")
	OrderNotReadyProblem = ProblemType("orderNotReady")
	BadCSRProblem        = ProblemType("badCSR")
	RateLimitedProblem   = ProblemType("rateLimited")
	BadSignatureProblem  = ProblemType("badSignatureAlgorithm") // want `code "badSignatureAlgorithm" is not in the catalog`
	PrefixedProblem      = ProblemType(ErrorNS + "badNonce")
	TypoProblem          = ProblemType(ErrorNS + "badNonse") // want `code "badNonse" is not in the catalog; did you mean "badNonce"\?`
)

// ProblemDetails is the RFC 7807 body.
type ProblemDetails struct {
	Type       ProblemType `json:"type"`
	Detail     string      `json:"detail,omitempty"`
	HTTPStatus int         `json:"status,omitempty"`
}

// BadNonce is a constructor pairing code and status.
func BadNonce(detail string) *ProblemDetails {
	return &ProblemDetails{Type: BadNonceProblem, Detail: detail, HTTPStatus: http.StatusBadRequest}
}

// Unauthorized pairs the code with the wrong status; the message must
// cite the exact catalog line, so the want below names it.
func Unauthorized(detail string) *ProblemDetails {
	return &ProblemDetails{
		Type:       UnauthorizedProblem,
		Detail:     detail,
		HTTPStatus: http.StatusUnauthorized, // want `code "unauthorized" is mapped to status 401; the catalog says 403 \(errcodes.yaml:13\)`
	}
}

// RateLimited is right.
func RateLimited(detail string) *ProblemDetails {
	return &ProblemDetails{Type: RateLimitedProblem, Detail: detail, HTTPStatus: http.StatusTooManyRequests}
}
