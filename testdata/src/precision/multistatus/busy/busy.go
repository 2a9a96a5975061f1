// Package busy sends rateLimited, whose statuses are 429 and 503, with a
// status it does not know: the code may be sent with 429, so the response
// needs Retry-After. A known status decides by itself.
package busy

import (
	"encoding/json"
	"net/http"
)

type problem struct {
	Type   string `json:"type"`
	Detail string `json:"detail"`
}

func send(w http.ResponseWriter, status int, typ, detail string) {
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(problem{Type: typ, Detail: detail})
}

func busy(w http.ResponseWriter, status int) {
	send(w, status, "urn:ietf:params:acme:error:rateLimited", "busy") // want `^code "rateLimited" \(status 429, errcodes.yaml:\d+\) is written without a Retry-After header$`
}

func busyWithRetry(w http.ResponseWriter, status int) {
	w.Header().Set("Retry-After", "30")
	send(w, status, "urn:ietf:params:acme:error:rateLimited", "busy")
}

// 503 is written: not a status of rules.retry_after.
func unavailable(w http.ResponseWriter) {
	send(w, http.StatusServiceUnavailable, "urn:ietf:params:acme:error:rateLimited", "busy")
}
