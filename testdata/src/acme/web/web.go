// Package web writes problems: the status is a field of a parameter
// (idiom 7, field-sensitive facts).
package web

import (
	"encoding/json"
	"net/http"

	"acme/probs"
)

// SendError writes a problem with its own status.
func SendError(w http.ResponseWriter, prob *probs.ProblemDetails, err error) {
	w.Header().Set("Content-Type", "application/problem+json")
	w.WriteHeader(prob.HTTPStatus)
	json.NewEncoder(w).Encode(prob)
}
