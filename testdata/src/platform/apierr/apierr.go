// Package apierr holds the platform's codes and envelope.
package apierr

import "net/http"

// Code is the catalog's code type: every constant must be cataloged.
type Code string

const (
	InvalidRequest        Code = "invalid_request"
	SecretNotFound        Code = "secret_not_found"
	PolicyNotFound        Code = "policy_not_found"
	SecretExists          Code = "secret_exists"
	VersionConflict       Code = "version_conflict"
	RateLimited           Code = "rate_limited"
	InternalError         Code = "internal_error"
	WebhookDeliveryFailed Code = "webhook_delivery_failed"
	SecretLocked          Code = "secret_locked"  // want `code "secret_locked" is not in the catalog`
	SecretNotFuond        Code = "secret_notfuond" // want `code "secret_notfuond" is not in the catalog; did you mean "secret_not_found"\?`
)

// Not of the code type: never reported.
const greeting = "hello"

// Body is the error envelope: {"error": {"code": ..., "message": ...}}.
type Body struct {
	Error Detail `json:"error"`
}

// Detail is the inner object.
type Detail struct {
	Code    Code   `json:"code"`
	Message string `json:"message"`
}

var statusOf = map[Code]int{
	InvalidRequest:  http.StatusBadRequest,
	SecretNotFound:  http.StatusNotFound,
	VersionConflict: http.StatusBadRequest, // want `code "version_conflict" is mapped to status 400; the catalog says 409 \(errcodes.yaml:\d+\)`
	"secret_gone":   http.StatusGone,       // want `code "secret_gone" is not in the catalog`
	// Reported codes are not sent with their status.
	WebhookDeliveryFailed: http.StatusOK,
}

// Status is the status a code is sent with.
func (c Code) Status() int {
	if s, ok := statusOf[c]; ok {
		return s
	}
	return http.StatusInternalServerError
}

// Describe is a switch from codes to statuses.
func (c Code) Describe() int {
	switch c {
	case SecretExists:
		return http.StatusConflict
	case RateLimited:
		return http.StatusServiceUnavailable // want `code "rate_limited" is mapped to status 503; the catalog says 429 \(errcodes.yaml:\d+\)`
	}
	return 0
}

// The zero value says "no code": never reported.
const NoCode Code = ""

// Parse returns "" when s is not a code.
func Parse(s string) (Code, bool) {
	if s == "" {
		return "", false
	}
	return Code(s), true
}
