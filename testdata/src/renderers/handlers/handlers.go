// Package handlers sends errors through the writer.
package handlers

import (
	stderrors "errors"
	"fmt"
	"net/http"

	"github.com/pkg/errors"

	"renderers/writer"
)

type handler struct{ w writer.Writer }

// Plain errors go out with the writer's catch-all code, which the catalog
// does not list.
func (h *handler) tls(w http.ResponseWriter, r *http.Request) {
	if r.TLS == nil {
		h.w.WriteErrorCode(w, r, http.StatusBadGateway, errors.New("can not serve request over insecure http")) // want `^code "error" is not in the catalog: WriteErrorCode sends it for an error of no declared type$`
		return
	}
	if r.Header.Get("X-Forwarded-Proto") != "https" {
		h.w.WriteErrorCode(w, r, http.StatusBadGateway, errors.Errorf("expected https, got %q", r.Header.Get("X-Forwarded-Proto"))) // want `^code "error" is not in the catalog: WriteErrorCode sends it for an error of no declared type$`
		return
	}
	h.w.WriteErrorCode(w, r, http.StatusUnauthorized, stderrors.New("only access tokens are allowed")) // want `^code "error" is not in the catalog: WriteErrorCode sends it for an error of no declared type$`
}

// Errors of the declared type go out with their own code: checked against
// the status they are sent with, through wrappers too.
func (h *handler) denied(w http.ResponseWriter, r *http.Request) {
	if r.URL.Query().Has("scope") {
		h.w.WriteErrorCode(w, r, http.StatusBadRequest, &writer.OAuthError{Name: "access_denied"}) // want `^code "access_denied" is sent with status 400; the catalog says 403 \(errcodes.yaml:\d+\)$`
		return
	}
	err := fmt.Errorf("checking scope: %w", &writer.OAuthError{Name: "invalid_request"})
	h.w.WriteErrorCode(w, r, http.StatusBadRequest, errors.WithStack(err))
}

// An error the engine cannot follow says nothing, wrapped or not: it may
// be the API's own.
func (h *handler) unknown(w http.ResponseWriter, r *http.Request, err error) {
	h.w.WriteErrorCode(w, r, http.StatusBadGateway, err)
	h.w.WriteErrorCode(w, r, http.StatusBadGateway, fmt.Errorf("upstream: %w", err))
	h.w.WriteErrorCode(w, r, http.StatusBadGateway, errors.WithStack(err))
}

// A cataloged catch-all is checked against the status.
func fail(w http.ResponseWriter) {
	writer.Fail(w, http.StatusBadGateway, stderrors.New("upstream down")) // want `^code "server_error" is sent with status 502; the catalog says 500 \(errcodes.yaml:\d+\)$`
	writer.Fail(w, http.StatusInternalServerError, stderrors.New("no database"))
}
