// Package api writes {"errors": [{"code", "message"}]} bodies.
package api

import (
	"encoding/json"
	"net/http"
)

// Error is one entry of the errors array.
type Error struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

// Response is the envelope.
type Response struct {
	Errors []Error `json:"errors"`
}

// Fail writes one error.
func Fail(w http.ResponseWriter, status int, code, msg string) {
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(Response{Errors: []Error{{Code: code, Message: msg}}})
}
