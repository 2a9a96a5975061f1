// Package closures builds handlers from closures over the code and status.
package closures

import (
	"net/http"

	"hostile/httpx"
)

// errHandler returns a handler that always fails the same way.
func errHandler(status int, code string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		httpx.WriteError(w, status, code, "closure")
	}
}

// nested closures, each capturing the last.
func nested(w http.ResponseWriter) func() func() {
	code := "secret_not_found"
	return func() func() {
		status := http.StatusNotFound
		return func() {
			httpx.WriteError(w, status, code, "nested")
			func() { httpx.WriteError(w, 409, "secret_not_found", "immediately called") }()
		}
	}
}

var Routes = map[string]http.HandlerFunc{
	"/gone":   errHandler(http.StatusNotFound, "secret_not_found"),
	"/exists": errHandler(http.StatusConflict, "secret_exists"),
}
