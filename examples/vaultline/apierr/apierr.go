// Package apierr defines the error codes of the Vaultline API and the JSON
// envelope that carries them. The catalog in ../errcodes.yaml is the
// reference: clients branch on the code, not on the HTTP status.
package apierr

import "net/http"

// Code is a stable, machine-readable error code, sent as error.code.
type Code string

// The error codes of the Vaultline API, in catalog order.
const (
	InvalidRequest        Code = "invalid_request"
	InvalidPath           Code = "invalid_path"
	PayloadTooLarge       Code = "payload_too_large"
	TokenExpired          Code = "token_expired"
	AccessDenied          Code = "access_denied"
	SecretNotFound        Code = "secret_not_found"
	PolicyNotFound        Code = "policy_not_found"
	VersionNotFound       Code = "version_not_found"
	SecretExists          Code = "secret_exists"
	VersionConflict       Code = "version_conflict"
	RateLimited           Code = "rate_limited"
	QuotaExceeded         Code = "quota_exceeded"
	InternalError         Code = "internal_error"
	WebhookDeliveryFailed Code = "webhook_delivery_failed"
	ServiceUnavailable    Code = "service_unavailable"

	// SecretLocked is sent while a secret is being rotated.
	//
	// mistake: errcode: "secret_locked" is a constant of type Code that is
	// not in the catalog (added here, never added to errcodes.yaml).
	SecretLocked Code = "secret_locked"
)

// Body is the JSON body of every error response:
//
//	{"error": {"code": "secret_not_found", "message": "..."}}
type Body struct {
	Error Detail `json:"error"`
}

// Detail describes one error.
type Detail struct {
	Code      Code   `json:"code"`
	Message   string `json:"message"`
	RequestID string `json:"request_id,omitempty"`
}

// statusOf is the HTTP status each code is sent with.
var statusOf = map[Code]int{
	InvalidRequest:  http.StatusBadRequest,
	InvalidPath:     http.StatusBadRequest,
	PayloadTooLarge: http.StatusRequestEntityTooLarge,
	TokenExpired:    http.StatusUnauthorized,
	AccessDenied:    http.StatusForbidden,
	SecretNotFound:  http.StatusNotFound,
	PolicyNotFound:  http.StatusNotFound,
	VersionNotFound: http.StatusNotFound,
	SecretExists:    http.StatusConflict,
	// mistake: errcode: version_conflict is mapped to 400; the catalog says 409.
	VersionConflict:       http.StatusBadRequest,
	RateLimited:           http.StatusTooManyRequests,
	QuotaExceeded:         http.StatusTooManyRequests,
	InternalError:         http.StatusInternalServerError,
	WebhookDeliveryFailed: http.StatusBadGateway,
	ServiceUnavailable:    http.StatusServiceUnavailable,
}

// Status returns the HTTP status c is sent with. Codes missing from the
// table are sent as internal errors.
func (c Code) Status() int {
	if s, ok := statusOf[c]; ok {
		return s
	}
	return http.StatusInternalServerError
}
