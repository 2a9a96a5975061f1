// Package upstream is a server of the API that calls an upstream service
// and translates the upstream's statuses into its own codes: a mapping
// table, not a branch on the API's statuses.
package upstream

import (
	"encoding/json"
	"net/http"
)

type body struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

func fail(w http.ResponseWriter, status int, code string) {
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(body{Code: code, Message: "upstream failed"})
}

func translate(resp *http.Response) (int, string) {
	var code string
	switch resp.StatusCode {
	case http.StatusNotFound:
		code = "secret_not_found"
	case http.StatusForbidden, http.StatusUnauthorized:
		code = "access_denied"
	case http.StatusTooManyRequests:
		return http.StatusTooManyRequests, "rate_limited"
	default:
		code = resp.Status // the default case names no status
	}
	return http.StatusBadGateway, code
}

// A switch on the status that does something else is still a branch.
func retry(resp *http.Response) bool {
	switch resp.StatusCode {
	case http.StatusTooManyRequests: // want `^branching on status 429 cannot tell rate_limited from quota_exceeded; branch on the error code$`
		return true
	}
	return false
}
