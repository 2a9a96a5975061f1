// Package httpx holds the Vaultline server's response helpers.
package httpx

import (
	"encoding/json"
	"net/http"

	"github.com/errcodelint/errcodelint/examples/vaultline/apierr"
)

// WriteError sends an error response: status, then the JSON envelope
// carrying code and msg. A request ID already set on w is echoed in the body.
func WriteError(w http.ResponseWriter, status int, code apierr.Code, msg string) {
	body := apierr.Body{Error: apierr.Detail{
		Code:      code,
		Message:   msg,
		RequestID: w.Header().Get("X-Request-ID"),
	}}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(body)
}

// WriteCode is WriteError with the status the code is always sent with.
func WriteCode(w http.ResponseWriter, code apierr.Code, msg string) {
	WriteError(w, code.Status(), code, msg)
}
