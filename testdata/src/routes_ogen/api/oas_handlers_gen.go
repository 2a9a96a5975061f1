package api

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
)

// ServerOption is server config option.
type ServerOption interface {
	applyServer(*serverConfig)
}

type optionFunc func(*serverConfig)

func (o optionFunc) applyServer(c *serverConfig) { o(c) }

// WithPathPrefix specifies server path prefix.
func WithPathPrefix(prefix string) ServerOption {
	return optionFunc(func(cfg *serverConfig) { cfg.Prefix = prefix })
}

type serverConfig struct {
	Prefix string
}

func newServerConfig(opts ...ServerOption) serverConfig {
	var cfg serverConfig
	for _, opt := range opts {
		opt.applyServer(&cfg)
	}
	return cfg
}

type baseServer struct {
	cfg serverConfig
}

func (cfg serverConfig) baseServer() (baseServer, error) {
	return baseServer{cfg: cfg}, nil
}

// ServeHTTP serves http request as defined by OpenAPI v3 specification,
// calling handler that matches the path or returning not found error.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	elem, ok := strings.CutPrefix(r.URL.Path, s.cfg.Prefix+"/v1/secrets/")
	if !ok || elem == "" {
		http.NotFound(w, r)
		return
	}
	switch r.Method {
	case "DELETE":
		s.handleDeleteSecretRequest([1]string{elem}, w, r)
	case "GET":
		s.handleGetSecretRequest([1]string{elem}, w, r)
	default:
		w.Header().Set("Allow", "DELETE,GET")
		w.WriteHeader(http.StatusMethodNotAllowed)
	}
}

// handleDeleteSecretRequest handles deleteSecret operation.
//
// DELETE /v1/secrets/{id}
func (s *Server) handleDeleteSecretRequest(args [1]string, w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	response, err := s.h.DeleteSecret(ctx, DeleteSecretParams{ID: args[0]})
	if err != nil {
		var errRes *ErrorStatusCode
		if !errors.As(err, &errRes) {
			errRes = s.h.NewError(ctx, err)
		}
		encodeErrorResponse(errRes, w)
		return
	}
	if err := encodeDeleteSecretResponse(response, w); err != nil {
		encodeErrorResponse(s.h.NewError(ctx, err), w)
	}
}

// handleGetSecretRequest handles getSecret operation.
//
// GET /v1/secrets/{id}
func (s *Server) handleGetSecretRequest(args [1]string, w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	response, err := s.h.GetSecret(ctx, GetSecretParams{ID: args[0]})
	if err != nil {
		var errRes *ErrorStatusCode
		if !errors.As(err, &errRes) {
			errRes = s.h.NewError(ctx, err)
		}
		encodeErrorResponse(errRes, w)
		return
	}
	if err := encodeGetSecretResponse(response, w); err != nil {
		encodeErrorResponse(s.h.NewError(ctx, err), w)
	}
}

func encodeDeleteSecretResponse(response DeleteSecretRes, w http.ResponseWriter) error {
	switch response := response.(type) {
	case *DeleteSecretNoContent:
		w.WriteHeader(204)
		return nil
	case *DeleteSecretNotFound:
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		w.WriteHeader(404)
		return json.NewEncoder(w).Encode(response)
	default:
		return fmt.Errorf("unexpected response type: %T", response)
	}
}

func encodeGetSecretResponse(response GetSecretRes, w http.ResponseWriter) error {
	switch response := response.(type) {
	case *Secret:
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		w.WriteHeader(200)
		return json.NewEncoder(w).Encode(response)
	case *GetSecretForbidden:
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		w.WriteHeader(403)
		return json.NewEncoder(w).Encode(response)
	case *GetSecretNotFound:
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		w.WriteHeader(404)
		return json.NewEncoder(w).Encode(response)
	default:
		return fmt.Errorf("unexpected response type: %T", response)
	}
}

func encodeErrorResponse(response *ErrorStatusCode, w http.ResponseWriter) error {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	code := response.StatusCode
	if code == 0 {
		code = http.StatusInternalServerError
	}
	w.WriteHeader(code)
	return json.NewEncoder(w).Encode(response.Response)
}
