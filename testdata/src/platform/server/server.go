// Package server has handlers that send codes directly and through helpers.
package server

import (
	"encoding/json"
	"net/http"

	"platform/apierr"
	"platform/httpx"
)

type config struct{ verbose bool }
// direct cites an exact catalog line on purpose: the line is what the message must name.
func direct(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusBadRequest) // want `code "secret_not_found" is sent with status 400; the catalog says 404 \(errcodes.yaml:13\)`
	json.NewEncoder(w).Encode(apierr.Body{Error: apierr.Detail{Code: apierr.SecretNotFound}})
}

func directOK(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusNotFound)
	json.NewEncoder(w).Encode(apierr.Body{Error: apierr.Detail{Code: apierr.SecretNotFound}})
}

func mapBody(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(404)
	_ = json.NewEncoder(w).Encode(map[string]any{
		"error": map[string]any{"code": "secret_notfound", "message": "x"}, // want `code "secret_notfound" is not in the catalog; did you mean "secret_not_found"\?`
	})
}

func fieldAssign(w http.ResponseWriter, r *http.Request) {
	var body apierr.Body
	body.Error.Code = "access_denied"
	body.Error.Message = "no"
	w.WriteHeader(http.StatusUnauthorized) // want `code "access_denied" is sent with status 401; the catalog says 403 \(errcodes.yaml:\d+\)`
	json.NewEncoder(w).Encode(body)
}

func local(w http.ResponseWriter, r *http.Request) {
	status := http.StatusConflict
	code := apierr.SecretExists
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(apierr.Body{Error: apierr.Detail{Code: code}})
}

// A status written only on one branch does not pair with a later body.
func branch(w http.ResponseWriter, r *http.Request, cfg config) {
	if cfg.verbose {
		w.WriteHeader(http.StatusTeapot)
	}
	json.NewEncoder(w).Encode(apierr.Body{Error: apierr.Detail{Code: apierr.SecretNotFound}})
}

// Another writer's status does not pair.
func twoWriters(w, other http.ResponseWriter) {
	other.WriteHeader(http.StatusTeapot)
	w.WriteHeader(http.StatusNotFound)
	json.NewEncoder(w).Encode(apierr.Body{Error: apierr.Detail{Code: apierr.PolicyNotFound}})
}

func helpers(w http.ResponseWriter, r *http.Request) {
	httpx.WriteError(w, http.StatusBadRequest, apierr.SecretNotFound, "no such secret") // want `code "secret_not_found" is sent with status 400; the catalog says 404 \(errcodes.yaml:\d+\)`
	httpx.WriteError(w, http.StatusNotFound, apierr.SecretNotFound, "no such secret")
	httpx.WriteError(w, http.StatusNotFound, "secret_notfound", "no such secret") // want `code "secret_notfound" is not in the catalog; did you mean "secret_not_found"\?`
	httpx.Fail(w, apierr.VersionConflict, 400)                                     // want `code "version_conflict" is sent with status 400; the catalog says 409 \(errcodes.yaml:\d+\)`
	httpx.NotFound(w, apierr.SecretExists)                                         // want `code "secret_exists" is sent with status 404 \(by NotFound\); the catalog says 409 \(errcodes.yaml:\d+\)`
	httpx.NotFound(w, apierr.PolicyNotFound)
	httpx.WriteRaw(w, http.StatusForbidden, "access_denied")
	httpx.WriteRaw(w, http.StatusForbidden, "acess_denied") // want `code "acess_denied" is not in the catalog; did you mean "access_denied"\?`
	httpx.WriteCode(w, apierr.SecretExists) // want `code "secret_exists" is sent with status 500 \(by WriteCode\); the catalog says 409 \(errcodes.yaml:\d+\)`
	httpx.WriteCode(w, "secret_lost") // want `code "secret_lost" is not in the catalog`
}

// Unknown values are never reported.
func unknowable(w http.ResponseWriter, r *http.Request, code apierr.Code, status int) {
	httpx.WriteError(w, status, code, "")
	httpx.WriteError(w, http.StatusNotFound, apierr.Code(r.URL.Query().Get("c")), "")
}

// Bare statuses with no error body (health, management) are not code
// emissions.
func health(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusServiceUnavailable)
	http.Error(w, "draining", http.StatusServiceUnavailable)
	http.NotFound(w, r)
}

// A reported code travels in a payload with any HTTP status.
func delivery(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusOK)
	json.NewEncoder(w).Encode(apierr.Body{Error: apierr.Detail{Code: apierr.WebhookDeliveryFailed}})
}

// A struct with a Code field that does not reach the wire is not a code.
type auditEntry struct {
	Code   string
	Status int
}

func audit() []auditEntry {
	return []auditEntry{{Code: "login", Status: 200}, {Code: "not_a_code", Status: 404}}
}
