// Package server registers handlers of another package: a finding stands
// at the registration, naming the handler.
package server

import (
	"net/http"

	"operations/handlers"
)

func New() http.Handler {
	mux := http.NewServeMux()
	s := &handlers.Secrets{}
	mux.HandleFunc("GET /v1/secrets/{id}", handlers.GetSecret) // want `handler GetSecret can send status 409 or 423, which operation getSecret \(GET /v1/secrets/\{id\}\) does not document; it documents 404 or 400 \(api.yaml:40\)`
	mux.HandleFunc("DELETE /v1/secrets/{id}", s.Delete)
	mux.Handle("GET /v1/secrets", http.HandlerFunc(s.List))
	mux.HandleFunc("PUT /v1/secrets/{id}", handlers.Secrets{}.Put) // want `handler \(Secrets\).Put can send status 413, which operation putSecret \(PUT /v1/secrets/\{id\}\) does not document; it documents 400 \(api.yaml:90\)`
	return mux
}
