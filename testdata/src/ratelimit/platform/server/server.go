package server

import (
	"net/http"
	"time"

	"ratelimit/platform/httpx"
)
// helpers cites an exact catalog line on purpose: the line is what the message must name.
func helpers(w http.ResponseWriter, r *http.Request) {
	httpx.WriteError(w, http.StatusTooManyRequests, "rate_limited") // want `status 429 is written without a Retry-After header`
	httpx.WriteCode(w, "quota_exceeded")                             // want `code "quota_exceeded" \(status 429, errcodes.yaml:7\) is written without a Retry-After header`
	httpx.WriteCode(w, "secret_not_found")
	httpx.TooMany(w, http.StatusTooManyRequests, "rate_limited")
	httpx.Limited(w)
}

func helperSets(w http.ResponseWriter, r *http.Request) {
	httpx.SetRetry(w, 30*time.Second)
	httpx.WriteError(w, http.StatusTooManyRequests, "rate_limited")
	httpx.WriteCode(w, "rate_limited")
}
