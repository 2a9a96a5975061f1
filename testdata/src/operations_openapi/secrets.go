// Package operations_openapi serves an API whose catalog is its OpenAPI
// document: codes, statuses and operations cite the document's lines.
package operations_openapi

import (
	"encoding/json"
	"net/http"
)

type body struct {
	Error detail `json:"error"`
}

type detail struct {
	Code string `json:"code"`
}

func send(w http.ResponseWriter, status int, code string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(body{Error: detail{Code: code}})
}

func Routes(mux *http.ServeMux) {
	mux.HandleFunc("GET /v1/secrets/{path}", readSecret)
}

func readSecret(w http.ResponseWriter, r *http.Request) {
	switch r.PathValue("path") {
	case "":
		// One report at a place: the code's status, whose fix (404)
		// is the operation's too.
		send(w, http.StatusBadRequest, "secret_not_found") // want `code "secret_not_found" is sent with status 400; the catalog says 404 \(api.yaml:29\)`
	case "locked":
		w.WriteHeader(http.StatusConflict) // want `handler readSecret can send status 409, which operation readSecret \(GET /secrets/\{path\}\) does not document; it documents 404 or 429 \(api.yaml:7\)`
	case "busy":
		w.Header().Set("Retry-After", "1")
		send(w, http.StatusTooManyRequests, "rate_limited")
	default:
		send(w, http.StatusNotFound, "secret_not_found")
	}
}
