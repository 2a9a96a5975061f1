// Package handler serves secrets. good.go has no findings; handler.go has
// one finding per function, and the integration tests assert each of them.
package handler

import (
	"net/http"
	"time"

	"example.com/vaultfix/httpx"
)

// Found sends a cataloged code with its status.
func Found(w http.ResponseWriter, r *http.Request) {
	httpx.WriteError(w, http.StatusNotFound, "secret_not_found", "no such secret")
}

// Throttled says when to come back.
func Throttled(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Retry-After", "30")
	httpx.WriteError(w, http.StatusTooManyRequests, "rate_limited", "slow down")
}

// Health writes a bare status with no error body: not a code emission.
func Health(w http.ResponseWriter, r *http.Request) {
	if time.Now().IsZero() {
		w.WriteHeader(http.StatusServiceUnavailable)
		return
	}
	w.WriteHeader(http.StatusOK)
}
