package handler

import (
	"encoding/json"
	"net/http"

	"example.com/vaultfix/httpx"
)

type errorBody struct {
	Error errorDetail `json:"error"`
}

type errorDetail struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

// GetSecret sends a cataloged code with the wrong status through a helper
// of another package: only httpx.WriteError's emitter fact shows it.
func GetSecret(w http.ResponseWriter, r *http.Request) {
	httpx.WriteError(w, http.StatusBadRequest, "secret_not_found", "no such secret")
}

// DeleteSecret writes the envelope itself, after the wrong status.
func DeleteSecret(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusBadRequest)
	json.NewEncoder(w).Encode(errorBody{Error: errorDetail{Code: "secret_not_found", Message: "no such secret"}})
}

// ListSecrets sends a code the catalog does not list.
func ListSecrets(w http.ResponseWriter, r *http.Request) {
	httpx.WriteError(w, http.StatusNotFound, "secret_notfound", "no such secret")
}

// Limit is rate-limited without saying when to retry.
func Limit(w http.ResponseWriter, r *http.Request) {
	http.Error(w, "slow down", http.StatusTooManyRequests)
}

// Quiet is Limit with its finding silenced by //nolint:errcodelint: no
// driver reports it, since the passes read the directive themselves.
func Quiet(w http.ResponseWriter, r *http.Request) {
	http.Error(w, "too many requests", http.StatusTooManyRequests) //nolint:errcodelint // the proxy in front sets Retry-After
}
