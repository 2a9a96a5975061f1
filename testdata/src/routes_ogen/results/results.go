// Package results implements an ogen Handler whose methods return their
// responses in the ways a handler does; each is listed where it is
// returned.
package results

import (
	"context"
	"errors"

	"routes_ogen/api"
)

type service struct{}

func (service) GetSecret(ctx context.Context, params api.GetSecretParams) (api.GetSecretRes, error) {
	var res api.GetSecretRes
	switch params.ID {
	case "":
		res = &api.GetSecretNotFound{}
	case "sealed":
		res = &api.GetSecretForbidden{}
	default:
		return lookup(params.ID), nil
	}
	return res, nil // want `^GetSecret returns 404 GetSecretNotFound$` `^GetSecret returns 403 GetSecretForbidden$`
}

func (service) DeleteSecret(ctx context.Context, params api.DeleteSecretParams) (api.DeleteSecretRes, error) {
	if params.ID == "" {
		return nil, errors.New("no id")
	}
	return &api.DeleteSecretNotFound{}, nil // want `^DeleteSecret returns 404 DeleteSecretNotFound$`
}

func (service) NewError(ctx context.Context, err error) *api.ErrorStatusCode {
	return &api.ErrorStatusCode{StatusCode: 500}
}

func lookup(id string) api.GetSecretRes { return &api.Secret{ID: id} }

func Wire() (*api.Server, error) { return api.NewServer(service{}) }
