// Package strictnethttp is a stub of
// github.com/oapi-codegen/runtime/strictmiddleware/nethttp for
// analysistest.
package strictnethttp

import (
	"context"
	"net/http"
)

// StrictHTTPHandlerFunc handles a request decoded into request.
type StrictHTTPHandlerFunc func(ctx context.Context, w http.ResponseWriter, r *http.Request, request interface{}) (response interface{}, err error)

// StrictHTTPMiddlewareFunc wraps a StrictHTTPHandlerFunc.
type StrictHTTPMiddlewareFunc func(f StrictHTTPHandlerFunc, operationID string) StrictHTTPHandlerFunc
