package numeric

import (
	"encoding/json"
	"net/http"
)

type apiError struct {
	Code int    `json:"code"`
	Name string `json:"name"`
}

func writeError(w http.ResponseWriter, status, code int) {
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(apiError{Code: code})
}

// 503 is configured through rules.retry_after.
func idp(w http.ResponseWriter, r *http.Request) {
	writeError(w, http.StatusServiceUnavailable, 5101003) // want `status 503 is written without a Retry-After header`
	writeError(w, http.StatusForbidden, 51010)
	w.WriteHeader(http.StatusTooManyRequests) // want `status 429 is written without a Retry-After header`
}

func idpOK(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Retry-After", "10")
	writeError(w, http.StatusServiceUnavailable, 510503)
}
