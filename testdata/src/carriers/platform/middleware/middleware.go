// Package middleware sends errors made by the builder through the central
// renderer.
package middleware

import (
	"fmt"
	"net/http"

	"carriers/platform/errors"
	"carriers/platform/httpx"
)

var tooManyRequests = errors.New("upstream busy").WithCode(errors.RateLimitCode)

// Limit answers 429 when the upstream is busy, without saying when to
// come back.
func Limit(next http.Handler, busy func() bool) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if busy() {
			httpx.SendError(w, tooManyRequests) // want `status 429 \(rate_limited in codeMap, httpx.go:17\) sent by SendError is written without a Retry-After header`
			return
		}
		next.ServeHTTP(w, r)
	})
}

// Quota wraps the rate-limit error: the renderer's errors.As finds it.
func Quota(w http.ResponseWriter, tenant string) {
	err := fmt.Errorf("tenant %s: %w", tenant, tooManyRequests)
	httpx.SendError(w, err) // want `status 429 \(rate_limited in codeMap, httpx.go:17\) sent by SendError is written without a Retry-After header`
}
