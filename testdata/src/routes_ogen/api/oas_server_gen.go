// Package api is a sample in the shape of what ogen generates, written
// for the routes tests.
package api

import (
	"context"
)

// Handler handles operations described by OpenAPI v3 specification.
type Handler interface {
	// DeleteSecret implements deleteSecret operation.
	//
	// Delete a secret.
	//
	// DELETE /v1/secrets/{id}
	DeleteSecret(ctx context.Context, params DeleteSecretParams) (DeleteSecretRes, error)
	// GetSecret implements getSecret operation.
	//
	// Get a secret.
	//
	// GET /v1/secrets/{id}
	GetSecret(ctx context.Context, params GetSecretParams) (GetSecretRes, error)
	// NewError creates *ErrorStatusCode from error returned by handler.
	//
	// Used for common default response.
	NewError(ctx context.Context, err error) *ErrorStatusCode
}

// Server implements http server based on OpenAPI v3 specification and
// calls Handler to handle requests.
type Server struct {
	h Handler
	baseServer
}

// NewServer creates new Server.
func NewServer(h Handler, opts ...ServerOption) (*Server, error) {
	s, err := newServerConfig(opts...).baseServer()
	if err != nil {
		return nil, err
	}
	return &Server{
		h:          h,
		baseServer: s,
	}, nil
}
