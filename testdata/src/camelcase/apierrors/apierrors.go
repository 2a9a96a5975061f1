// Package apierrors keeps a table of API errors (idiom 3) and registers
// descriptors (idiom 6).
package apierrors

import (
	"encoding/xml"
	"net/http"
)

// APIErrorCode names an error inside the server.
type APIErrorCode int

const (
	ErrAccessDenied APIErrorCode = iota
	ErrNoSuchAccount
	ErrInput
	ErrSlowDown
)

// APIError is a row: fields named like code and status, no tags. A row's
// code is known to be the API's because WriteErrorResponse sends it at the
// wire path, with the row's status.
type APIError struct {
	Code           string
	Description    string
	HTTPStatusCode int
}

var errorCodes = map[APIErrorCode]APIError{
	ErrAccessDenied:  {Code: "AccessDenied", Description: "Access Denied.", HTTPStatusCode: http.StatusForbidden},
	ErrNoSuchAccount: {Code: "AccountNotFound", Description: "No account.", HTTPStatusCode: http.StatusBadRequest}, // want `code "AccountNotFound" is mapped to status 400; the catalog says 404 \(errcodes.yaml:\d+\)`
	ErrInput:         {Code: "InputFailure", Description: "Bad input.", HTTPStatusCode: http.StatusBadRequest},
	ErrSlowDown:      {Code: "SlowDown", Description: "Slow down.", HTTPStatusCode: http.StatusServiceUnavailable}, // want `code "SlowDown" is not in the catalog`
}

// Descriptor is registered by calls (idiom 6).
type Descriptor struct {
	Value          string
	Message        string
	HTTPStatusCode int
}

func register(group string, d Descriptor) Descriptor { return d }

var (
	ErrNotFound = register("api", Descriptor{Value: "NotFound", Message: "not found", HTTPStatusCode: http.StatusNotFound})
	ErrLimit    = register("api", Descriptor{Value: "RateLimitExceeded", Message: "slow down", HTTPStatusCode: http.StatusServiceUnavailable}) // want `code "RateLimitExceeded" is mapped to status 503; the catalog says 429 \(errcodes.yaml:\d+\)`
)

// ErrorResponse is the XML body: <Error><Code>..</Code><Message>..</Message></Error>.
type ErrorResponse struct {
	XMLName xml.Name `xml:"Error"`
	Code    string
	Message string
}

// WriteErrorResponse writes an error as XML.
func WriteErrorResponse(w http.ResponseWriter, code APIErrorCode) {
	e := errorCodes[code]
	w.WriteHeader(e.HTTPStatusCode)
	xml.NewEncoder(w).Encode(ErrorResponse{Code: e.Code, Message: e.Description})
}
