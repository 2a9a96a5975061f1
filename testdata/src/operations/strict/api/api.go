// Package api is in the shape of what oapi-codegen generates for a strict
// server: each operation's typed responses carry their status in their
// names.
package api

import (
	"context"
	"encoding/json"
	"net/http"
)

type Error struct {
	Error struct {
		Code string `json:"code"`
	} `json:"error"`
}

type GetSecretRequestObject struct{ Id string }

type GetSecretResponseObject interface {
	VisitGetSecretResponse(w http.ResponseWriter) error
}

type GetSecret404JSONResponse Error

func (r GetSecret404JSONResponse) VisitGetSecretResponse(w http.ResponseWriter) error {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(404)
	return json.NewEncoder(w).Encode(r)
}

type GetSecret429JSONResponse Error

func (r GetSecret429JSONResponse) VisitGetSecretResponse(w http.ResponseWriter) error {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(429)
	return json.NewEncoder(w).Encode(r)
}

type GetSecretdefaultJSONResponse struct {
	Body       Error
	StatusCode int
}

func (r GetSecretdefaultJSONResponse) VisitGetSecretResponse(w http.ResponseWriter) error {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(r.StatusCode)
	return json.NewEncoder(w).Encode(r.Body)
}

// StrictServerInterface represents all server handlers.
type StrictServerInterface interface {
	// (GET /v1/secrets/{id})
	GetSecret(ctx context.Context, request GetSecretRequestObject) (GetSecretResponseObject, error)
}

type strictHandler struct{ ssi StrictServerInterface }

func (h strictHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {}

func NewStrictHandler(ssi StrictServerInterface) http.Handler {
	return strictHandler{ssi: ssi}
}
