// Package httpx holds the response helper the cases call.
package httpx

import (
	"encoding/json"
	"net/http"
)

type Body struct {
	Error Detail `json:"error"`
}

type Detail struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

// WriteError is an emitter: status 1, code 2.
func WriteError(w http.ResponseWriter, status int, code, msg string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(Body{Error: Detail{Code: code, Message: msg}})
}
