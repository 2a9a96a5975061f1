// Package ogen implements a server ogen generated: its methods are
// operations, by operationId.
package ogen

import (
	"context"
	"net/http"

	"operations/ogen/api"
)

type service struct{ busy, locked bool }

func (s *service) GetSecret(ctx context.Context, params api.GetSecretParams) (api.GetSecretRes, error) {
	if s.busy {
		return &api.GetSecretTooManyRequests{}, nil // want `handler \(\*service\).GetSecret can send status 429, which operation getSecret \(GET /v1/secrets/\{id\}\) does not document; it documents 404 or 400 \(api.yaml:40\)`
	}
	if s.locked {
		return &api.ErrorStatusCode{StatusCode: http.StatusConflict}, nil // want `handler \(\*service\).GetSecret can send status 409, which operation getSecret \(GET /v1/secrets/\{id\}\) does not document; it documents 404 or 400 \(api.yaml:40\)`
	}
	if params.ID == "" {
		return &api.GetSecretNotFound{}, nil
	}
	return &api.Secret{}, nil
}

func New() (*api.Server, error) {
	return api.NewServer(&service{})
}
