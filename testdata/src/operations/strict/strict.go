// Package strict implements a strict server: its methods are operations,
// by operationId, and the typed responses they return say their statuses.
package strict

import (
	"context"
	"net/http"

	"operations/strict/api"
)

type Server struct{ limited, locked bool }

func (s *Server) GetSecret(ctx context.Context, req api.GetSecretRequestObject) (api.GetSecretResponseObject, error) {
	if s.limited {
		return api.GetSecret429JSONResponse{}, nil // want `handler \(\*Server\).GetSecret can send status 429, which operation getSecret \(GET /v1/secrets/\{id\}\) does not document; it documents 404 or 400 \(api.yaml:40\)`
	}
	if s.locked {
		return api.GetSecretdefaultJSONResponse{StatusCode: http.StatusConflict}, nil // want `handler \(\*Server\).GetSecret can send status 409, which operation getSecret \(GET /v1/secrets/\{id\}\) does not document; it documents 404 or 400 \(api.yaml:40\)`
	}
	if req.Id == "" {
		return api.GetSecretdefaultJSONResponse{StatusCode: http.StatusBadRequest}, nil
	}
	return api.GetSecret404JSONResponse{}, nil
}

func Handler() http.Handler {
	return api.NewStrictHandler(&Server{})
}
