// Package wfe is the front end: it sends problems through a method
// wrapper of web.SendError.
package wfe

import (
	"encoding/json"
	"errors"
	"net/http"

	"acme/probs"
	"acme/web"
)

type WFE struct{}

func (wfe *WFE) sendError(w http.ResponseWriter, prob *probs.ProblemDetails, err error) {
	web.SendError(w, prob, err)
}

func (wfe *WFE) NewNonce(w http.ResponseWriter, r *http.Request) {
	wfe.sendError(w, probs.BadNonce("stale"), nil)
	wfe.sendError(w, &probs.ProblemDetails{Type: probs.MalformedProblem, HTTPStatus: http.StatusBadRequest}, nil)
	wfe.sendError(w, &probs.ProblemDetails{Type: probs.OrderNotReadyProblem, HTTPStatus: http.StatusConflict}, nil) // want `code "orderNotReady" is sent with status 409; the catalog says 403 \(errcodes.yaml:\d+\)`
	wfe.sendError(w, &probs.ProblemDetails{Type: "badNonse", HTTPStatus: http.StatusBadRequest}, nil)               // want `code "badNonse" is not in the catalog; did you mean "badNonce"\?`
	prob := &probs.ProblemDetails{Type: probs.BadCSRProblem, HTTPStatus: http.StatusBadRequest}
	wfe.sendError(w, prob, errors.New("csr"))
}

// Direct writes with the prefixed type and the RFC 7807 status field.
func (wfe *WFE) Finalize(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusForbidden)
	json.NewEncoder(w).Encode(map[string]any{
		"type":   probs.ErrorNS + "orderNotReady",
		"detail": "authorizations pending",
		"status": 400, // want `body status 400 disagrees with the HTTP status 403 written before it`
	})
}

func (wfe *WFE) Revoke(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusBadRequest)
	json.NewEncoder(w).Encode(map[string]any{
		"type":   probs.ErrorNS + "badCSr", // want `code "badCSr" is not in the catalog; did you mean "badCSR"\?`
		"status": http.StatusBadRequest,
	})
}

// Non-ACME endpoints use another envelope with no code: nothing to check.
func (wfe *WFE) Health(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusServiceUnavailable)
	json.NewEncoder(w).Encode(map[string]string{"status": "error", "message": "ca unreachable"})
}
