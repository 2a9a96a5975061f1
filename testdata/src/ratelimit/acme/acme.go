package acme

import (
	"encoding/json"
	"net/http"
)

type problem struct {
	Type   string `json:"type"`
	Detail string `json:"detail"`
	Status int    `json:"status"`
}

func sendProblem(w http.ResponseWriter, typ string, status int) {
	w.Header().Set("Content-Type", "application/problem+json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(problem{Type: typ, Status: status})
}

func newOrder(w http.ResponseWriter, r *http.Request, limited bool) {
	if limited {
		sendProblem(w, "urn:ietf:params:acme:error:rateLimited", http.StatusTooManyRequests) // want `status 429 is written without a Retry-After header`
		return
	}
	sendProblem(w, "urn:ietf:params:acme:error:badNonce", http.StatusBadRequest)
}

func newOrderOK(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Retry-After", "3600")
	sendProblem(w, "urn:ietf:params:acme:error:rateLimited", http.StatusTooManyRequests)
}
