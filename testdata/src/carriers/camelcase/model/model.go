// Package model has the app error a handler keeps in its context, and the
// status error a store returns: both carry a code and a status chosen by
// whoever builds them.
package model

import (
	"encoding/xml"
	"net/http"
)

// AppError is kept in the request context and written by the router.
type AppError struct {
	XMLName    xml.Name `xml:"Error"`
	Code       string   `xml:"Code"`
	Message    string   `xml:"Message"`
	Where      string   `xml:"-"`
	StatusCode int      `xml:"-"`
}

func (e *AppError) Error() string { return e.Where + ": " + e.Message }

// NewAppError builds an app error with the caller's code and status.
func NewAppError(where, code, message string, status int) *AppError {
	ap := &AppError{Code: code, Message: message, Where: where, StatusCode: status}
	return ap
}

// StatusError is what the store returns: a status, a reason and a code.
type StatusError struct {
	Status int
	Reason string
	Code   string
}

func (e *StatusError) Error() string { return e.Reason }

func newStatusError(status int, reason, code string) *StatusError {
	return &StatusError{Status: status, Reason: reason, Code: code}
}

// NewNotFound is right: AccountNotFound is sent with 404.
func NewNotFound() *StatusError {
	return newStatusError(http.StatusNotFound, "NotFound", "AccountNotFound")
}

// NewThrottled pairs the rate-limit code with the wrong status.
func NewThrottled() *StatusError {
	return newStatusError(http.StatusServiceUnavailable, "Throttled", "RateLimitExceeded") // want `code "RateLimitExceeded" is sent with status 503; the catalog says 429`
}

// NewInvalid passes its caller's code: not known here.
func NewInvalid(code string) *StatusError {
	return newStatusError(http.StatusBadRequest, "Invalid", code)
}
