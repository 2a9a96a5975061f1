// Package valueflow holds the rate-limit shapes only the value-flow engine
// follows.
package valueflow

import (
	"encoding/json"
	"errors"
	"net/http"
	"strconv"
)

type Error struct {
	Code   string `json:"code"`
	Status int    `json:"-"`
}

func (e *Error) Error() string { return e.Code }

type limitError struct{ retry int }

func (e limitError) Error() string { return "rate_limited" }

var codeMap = map[string]int{
	"not_found":    http.StatusNotFound,
	"rate_limited": http.StatusTooManyRequests,
}

// ErrCode is the code of an API error, or "".
func ErrCode(err error) string {
	if e, ok := err.(*Error); ok {
		return e.Code
	}
	return ""
}

// 5. A status helper with several branches, one of which may give 429.
func statusOf(err error) int {
	var e *Error
	if errors.As(err, &e) && e.Status != 0 {
		return e.Status
	}
	if _, ok := err.(limitError); ok {
		return http.StatusServiceUnavailable
	}
	if s, ok := codeMap[ErrCode(err)]; ok {
		return s
	}
	return http.StatusInternalServerError
}

func render(w http.ResponseWriter, err error) {
	status := statusOf(err)
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status) // want `status 429 \(rate_limited in codeMap, shapes.go:25; one of 404, 429, 500, 503\) is written without a Retry-After header`
	json.NewEncoder(w).Encode(map[string]string{"code": ErrCode(err)})
}

// The same renderer, with Retry-After set for every error: silent.
func renderWithRetry(w http.ResponseWriter, err error) {
	status := statusOf(err)
	w.Header().Set("Retry-After", strconv.Itoa(30))
	w.WriteHeader(status)
}

// A helper that sets the header, called first: silent.
func setRetry(w http.ResponseWriter) { w.Header().Set("Retry-After", "30") }

func renderWithHelper(w http.ResponseWriter, err error) {
	setRetry(w)
	w.WriteHeader(statusOf(err))
}
