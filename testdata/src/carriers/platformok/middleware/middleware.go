// Package middleware sends its 429s through a renderer that sets
// Retry-After, or sets it first.
package middleware

import (
	"net/http"

	"carriers/platform/errors"
	"carriers/platformok/httpx"
)

var tooManyRequests = errors.New("upstream busy").WithCode(errors.RateLimitCode)

// Limit relies on the renderer's Retry-After.
func Limit(next http.Handler, busy func() bool) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if busy() {
			httpx.SendError(w, tooManyRequests)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// Lookup's renderer table has no 429: the rate-limit code is sent as 404.
func Lookup(w http.ResponseWriter, r *http.Request) {
	httpx.SendLookupError(w, tooManyRequests)
}

// Unknown sends an error whose code is a parameter: not known here.
func Unknown(w http.ResponseWriter, code string) {
	httpx.SendError(w, errors.New("x").WithCode(code))
}
