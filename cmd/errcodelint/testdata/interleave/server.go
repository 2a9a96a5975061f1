// Package server has findings of two passes whose lines interleave:
// errcode, then retryafter, then errcode again.
package server

import (
	"encoding/json"
	"net/http"
)

type body struct {
	Error detail `json:"error"`
}

type detail struct {
	Code string `json:"code"`
}

// Missing sends a cataloged code with the wrong status.
func Missing(w http.ResponseWriter) {
	w.WriteHeader(http.StatusBadRequest)
	json.NewEncoder(w).Encode(body{Error: detail{Code: "secret_not_found"}})
}

// Slow is rate-limited without saying when to retry.
func Slow(w http.ResponseWriter) {
	http.Error(w, "slow down", http.StatusTooManyRequests)
}

// Unknown sends a code the catalog does not list.
func Unknown(w http.ResponseWriter) {
	w.WriteHeader(http.StatusNotFound)
	json.NewEncoder(w).Encode(body{Error: detail{Code: "secret_notfound"}})
}
