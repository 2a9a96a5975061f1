// Package mux registers its handlers on a ServeMux in the same package:
// findings stand where the handler writes the status.
package mux

import (
	"encoding/json"
	"net/http"
	"strconv"
)

type apiError struct {
	Error errorBody `json:"error"`
}

type errorBody struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

// writeError is an emitter: its status and code are its caller's.
func writeError(w http.ResponseWriter, status int, code, msg string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(apiError{Error: errorBody{Code: code, Message: msg}})
}

// forbidden writes a whole response of its own.
func forbidden(w http.ResponseWriter) {
	writeError(w, http.StatusForbidden, "permission_denied", "not yours") // want `handler getSecret can send status 403, which operation getSecret \(GET /v1/secrets/\{id\}\) does not document; it documents 404 or 400 \(api.yaml:40\)`
}

func Routes(mux *http.ServeMux) {
	mux.HandleFunc("GET /v1/secrets/{id}", getSecret)
	mux.HandleFunc("DELETE /v1/secrets/{name}", deleteSecret)
	mux.HandleFunc("GET /v1/secrets", listSecrets)
	mux.HandleFunc("PUT /v1/secrets/{id}", putSecret)
	mux.HandleFunc("GET /healthz", health)
	mux.Handle("DELETE /api/v1/secrets/{id}", withAuth(http.HandlerFunc(deleteLocked))) // under a middleware of the package: still deleteLocked's route
	other := http.NewServeMux()
	other.HandleFunc("/v1/secrets/{id}", secretAnyMethod)
	mux.HandleFunc("PUT /api/v1/secrets/{id}", putSecretServed) // under the base path /api: putSecret
	mux.HandleFunc("POST /v1/secrets/{id}", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "no", http.StatusConflict) // not an operation of the document: not checked
	})
}

func getSecret(w http.ResponseWriter, r *http.Request) {
	switch r.PathValue("id") {
	case "":
		writeError(w, http.StatusBadRequest, "invalid_path", "no id") // documented: 400 names no codes
	case "mine":
		forbidden(w)
	case "busy":
		w.WriteHeader(http.StatusTooManyRequests) // want `handler getSecret can send status 429, which operation getSecret \(GET /v1/secrets/\{id\}\) does not document; it documents 404 or 400 \(api.yaml:40\)`
	case "gone":
		writeError(w, http.StatusNotFound, "invalid_path", "gone") // want `handler getSecret can send code "invalid_path" with status 404, which operation getSecret \(GET /v1/secrets/\{id\}\) does not document; its 404 response carries "secret_not_found" \(api.yaml:40\)`
	default:
		writeError(w, http.StatusNotFound, "secret_not_found", "no such secret")
	}
}

func deleteSecret(w http.ResponseWriter, r *http.Request) {
	if r.PathValue("name") == "" {
		writeError(w, http.StatusNotFound, "invalid_path", "no name")
		return
	}
	if r.Header.Get("X-Owner") == "" {
		writeError(w, http.StatusForbidden, "permission_denied", "not yours")
		return
	}
	http.Error(w, "internal", http.StatusInternalServerError) // 5XX is documented
}

func listSecrets(w http.ResponseWriter, r *http.Request) {
	writeError(w, http.StatusTooManyRequests, "rate_limited", "slow down") // default covers every status
}

// putSecret's status comes from the request: not known, not reported.
func putSecret(w http.ResponseWriter, r *http.Request) {
	status, _ := strconv.Atoi(r.Header.Get("X-Status"))
	writeError(w, status, "invalid_path", "bad body")
}

func health(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusServiceUnavailable) // not an operation of the document
}

func putSecretServed(w http.ResponseWriter, r *http.Request) {
	http.Error(w, "exists", http.StatusConflict) // want `handler putSecretServed can send status 409, which operation putSecret \(PUT /v1/secrets/\{id\}\) does not document; it documents 400 \(api.yaml:90\)`
}

// secretAnyMethod serves every method of /v1/secrets/{id}: the 405 it
// sends for the others answers no operation of the document; its 410 is
// documented by none of the path's operations.
func secretAnyMethod(w http.ResponseWriter, r *http.Request) {
	switch r.Method {
	case http.MethodGet, http.MethodDelete, http.MethodPut:
		http.Error(w, "no such secret", http.StatusNotFound)
	case http.MethodPatch:
		http.Error(w, "gone", http.StatusGone) // want `handler secretAnyMethod can send status 410, which none of operations getSecret \(GET /v1/secrets/\{id\}\), deleteSecret \(DELETE /v1/secrets/\{id\}\) or putSecret \(PUT /v1/secrets/\{id\}\) documents; they document 404, 400, 403 or 5XX \(api.yaml:40, api.yaml:60, api.yaml:90\)`
	default:
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
	}
}

// withAuth is a middleware: what it wraps answers the route.
func withAuth(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") == "" {
			http.Error(w, "forbidden", http.StatusForbidden)
			return
		}
		next.ServeHTTP(w, r)
	})
}

func deleteLocked(w http.ResponseWriter, r *http.Request) {
	http.Error(w, "locked", http.StatusLocked) // want `handler deleteLocked can send status 423, which operation deleteSecret \(DELETE /v1/secrets/\{id\}\) does not document; it documents 404, 403 or 5XX \(api.yaml:60\)`
}
