// Package api is in the shape of what ogen generates: the Handler's
// methods are operations, and their response types name their statuses.
package api

import "context"

type GetSecretParams struct{ ID string }

// GetSecretRes is a response of getSecret.
type GetSecretRes interface{ getSecretRes() }

type Secret struct{ Value string }

func (*Secret) getSecretRes() {}

type GetSecretNotFound struct{}

func (*GetSecretNotFound) getSecretRes() {}

type GetSecretTooManyRequests struct{}

func (*GetSecretTooManyRequests) getSecretRes() {}

// ErrorStatusCode is the default error response, with its status.
type ErrorStatusCode struct {
	StatusCode int
	Response   struct{ Message string }
}

func (*ErrorStatusCode) getSecretRes() {}

// Handler handles operations described by OpenAPI v3 specification.
type Handler interface {
	// GetSecret implements getSecret operation.
	//
	// GET /v1/secrets/{id}
	GetSecret(ctx context.Context, params GetSecretParams) (GetSecretRes, error)
}

type Server struct{ h Handler }

type ServerOption interface{}

func NewServer(h Handler, opts ...ServerOption) (*Server, error) { return &Server{h: h}, nil }
