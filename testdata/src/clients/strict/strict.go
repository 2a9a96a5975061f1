// Package strict is checked with -strict: one-code statuses are reported.
package strict

import (
	"encoding/json"
	"net/http"
)

// apiError is the API's error body, decoded below: the responses are the
// API's.
type apiError struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

func decode(resp *http.Response) (apiError, error) {
	var e apiError
	err := json.NewDecoder(resp.Body).Decode(&e)
	return e, err
}

func f(resp *http.Response) string {
	switch resp.StatusCode {
	case http.StatusUnauthorized: // want `branching on status 401: only the error code tells token_expired from codes added later; branch on the error code`
		return "login"
	case http.StatusTooManyRequests: // want `branching on status 429 cannot tell rate_limited from quota_exceeded`
		return "wait"
	case http.StatusNotFound: // not in the catalog
		return "gone"
	}
	return ""
}
