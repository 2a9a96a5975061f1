// Package switchtable writes errors with the status a switch gives their
// code, as RPC frameworks do; no catalog governs it.
package switchtable

import (
	"net/http"
)

type ErrorCode string

const (
	NotFound          ErrorCode = "not_found"
	ResourceExhausted ErrorCode = "resource_exhausted"
	Internal          ErrorCode = "internal"
)

// Error is an interface: which code an error has is not known here.
type Error interface {
	error
	Code() ErrorCode
}

// StatusFromErrorCode is the status table, as a switch.
func StatusFromErrorCode(code ErrorCode) int {
	switch code {
	case NotFound:
		return http.StatusNotFound
	case ResourceExhausted:
		return http.StatusTooManyRequests
	case Internal:
		return http.StatusInternalServerError
	}
	return 0
}

// WriteError writes any error: the table may give 429, and nothing here
// sets Retry-After.
func WriteError(w http.ResponseWriter, err Error) {
	status := StatusFromErrorCode(err.Code())
	w.WriteHeader(status) // want `status 429 \(resource_exhausted in StatusFromErrorCode, switchtable.go:28; one of 404, 429, 500\) is written without a Retry-After header`
	w.Write([]byte(err.Error()))
}

// WriteErrorWithDelay sets the header for the table's 429.
func WriteErrorWithDelay(w http.ResponseWriter, err Error) {
	status := StatusFromErrorCode(err.Code())
	if status == http.StatusTooManyRequests {
		w.Header().Set("Retry-After", "1")
	}
	w.WriteHeader(status)
}

// WriteNotFound's status is a constant: the table is not involved.
func WriteNotFound(w http.ResponseWriter) {
	w.WriteHeader(StatusFromErrorCode(NotFound))
}

// WriteExhausted's status is the table's row for a constant code: 429.
func WriteExhausted(w http.ResponseWriter) {
	w.WriteHeader(StatusFromErrorCode(ResourceExhausted)) // want `status 429 is written without a Retry-After header`
}
