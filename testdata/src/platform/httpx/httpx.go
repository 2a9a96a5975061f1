// Package httpx holds response helpers: emitters found through facts.
package httpx

import (
	"encoding/json"
	"net/http"

	"platform/apierr"
)

// WriteError writes status and an envelope with code.
func WriteError(w http.ResponseWriter, status int, code apierr.Code, msg string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(apierr.Body{Error: apierr.Detail{Code: code, Message: msg}})
}

// Fail wraps WriteError: a wrapper of an emitter is an emitter.
func Fail(w http.ResponseWriter, code apierr.Code, status int) {
	WriteError(w, status, code, "failed")
}

// NotFound fixes the status inside.
func NotFound(w http.ResponseWriter, code apierr.Code) {
	Fail(w, code, http.StatusNotFound)
}

// WriteRaw takes the code as a plain string, in a map body.
func WriteRaw(w http.ResponseWriter, status int, code string) {
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.Encode(map[string]any{"error": map[string]any{"code": code}})
}

// WriteCode derives the status from the code: only the code is checked at
// its callers.
func WriteCode(w http.ResponseWriter, code apierr.Code) {
	WriteError(w, code.Status(), code, "")
}
