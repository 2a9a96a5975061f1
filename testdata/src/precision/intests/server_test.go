package intests

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

// A test server that answers 429 without Retry-After on purpose, and sets
// a header late on a recorder: not reported in a test file.
func TestServer(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "slow down", http.StatusTooManyRequests)
		w.Header().Set("X-Late", "1")
	}))
	defer srv.Close()
}
