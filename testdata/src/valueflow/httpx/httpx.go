// Package httpx holds exported helpers that marshal first and write later.
package httpx

import (
	"encoding/json"
	"net/http"
)

type body struct {
	Code string `json:"code"`
}

// Send marshals the body, then writes the status and the bytes.
func Send(w http.ResponseWriter, status int, code string) {
	b, _ := json.Marshal(body{Code: code})
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	w.Write(b)
}

// EncodeBody encodes any value; SendBody writes bytes made elsewhere.
func EncodeBody(v any) []byte {
	b, _ := json.Marshal(v)
	return b
}

func SendBody(w http.ResponseWriter, status int, b []byte) {
	w.WriteHeader(status)
	w.Write(b)
}
