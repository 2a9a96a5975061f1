// Package results implements a strict server whose methods return their
// typed responses in the ways a handler does: directly, through a
// variable set on several paths, by pointer, and from a helper (not
// listed).
package results

import (
	"context"
	"net/http"

	"routes_strict/api"
)

type handlers struct{ cache map[string]api.Secret }

func (h handlers) GetSecret(ctx context.Context, req api.GetSecretRequestObject) (api.GetSecretResponseObject, error) {
	if req.Id == "" {
		return &api.GetSecretdefaultJSONResponse{StatusCode: http.StatusBadRequest}, nil // want `^GetSecret returns 0 GetSecretdefaultJSONResponse$`
	}
	if sec, ok := h.cache[req.Id]; ok {
		return cached(sec), nil
	}
	var resp api.GetSecretResponseObject
	switch req.Id {
	case "gone":
		resp = api.GetSecret404JSONResponse{}
	default:
		resp = api.GetSecret200JSONResponse{Id: req.Id}
	}
	return resp, nil // want `^GetSecret returns 404 GetSecret404JSONResponse$` `^GetSecret returns 200 GetSecret200JSONResponse$`
}

func (h handlers) DeleteSecret(ctx context.Context, req api.DeleteSecretRequestObject) (api.DeleteSecretResponseObject, error) {
	return api.DeleteSecret404JSONResponse{}, nil // want `^DeleteSecret returns 404 DeleteSecret404JSONResponse$`
}

func cached(sec api.Secret) api.GetSecretResponseObject { return api.GetSecret200JSONResponse(sec) }

func Wire() http.Handler {
	return api.HandlerFromMux(api.NewStrictHandler(handlers{}, nil), http.NewServeMux())
}
