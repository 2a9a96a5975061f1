package server

import (
	"encoding/json"
	"errors"
	"net/http"
	"strconv"

	"github.com/errcodelint/errcodelint/examples/vaultline/apierr"
	"github.com/errcodelint/errcodelint/examples/vaultline/httpx"
)

// getSecret returns the latest version of a secret, or the one named by
// ?version=N. Every error here is sent with its catalog status.
func (s *Server) getSecret(w http.ResponseWriter, r *http.Request) {
	path := r.PathValue("path")
	if !validPath(path) {
		httpx.WriteError(w, http.StatusBadRequest, apierr.InvalidPath, "invalid secret path")
		return
	}
	s.mu.Lock()
	versions, ok := s.secrets[path]
	s.mu.Unlock()
	if !ok {
		httpx.WriteError(w, http.StatusNotFound, apierr.SecretNotFound, "no secret at "+path)
		return
	}
	v := len(versions)
	if q := r.URL.Query().Get("version"); q != "" {
		n, err := strconv.Atoi(q)
		if err != nil {
			httpx.WriteError(w, http.StatusBadRequest, apierr.InvalidRequest, "version must be an integer")
			return
		}
		if n < 1 || n > len(versions) {
			httpx.WriteError(w, http.StatusNotFound, apierr.VersionNotFound, "no version "+q+" of "+path)
			return
		}
		v = n
	}
	writeJSON(w, http.StatusOK, map[string]any{"path": path, "version": v, "value": versions[v-1]})
}

// putSecret stores a new version of a secret. ?create=true refuses to
// overwrite an existing secret; ?cas=N writes only if N is the current version.
func (s *Server) putSecret(w http.ResponseWriter, r *http.Request) {
	path := r.PathValue("path")
	if !validPath(path) {
		httpx.WriteCode(w, apierr.InvalidPath, "invalid secret path")
		return
	}
	if !s.chargeWrite(w, r) {
		return
	}
	var in struct {
		Value string `json:"value"`
	}
	if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, s.cfg.MaxSecretBytes)).Decode(&in); err != nil {
		if _, ok := errors.AsType[*http.MaxBytesError](err); ok {
			httpx.WriteCode(w, apierr.PayloadTooLarge, "secret value too large")
			return
		}
		httpx.WriteError(w, http.StatusBadRequest, apierr.InvalidRequest, `body must be {"value": "..."}`)
		return
	}
	q := r.URL.Query()
	s.mu.Lock()
	versions, exists := s.secrets[path]
	if exists && q.Get("create") == "true" {
		s.mu.Unlock()
		httpx.WriteCode(w, apierr.SecretExists, "a secret already exists at "+path)
		return
	}
	if cas := q.Get("cas"); cas != "" && cas != strconv.Itoa(len(versions)) {
		s.mu.Unlock()
		httpx.WriteError(w, http.StatusConflict, apierr.VersionConflict, "current version is "+strconv.Itoa(len(versions)))
		return
	}
	s.secrets[path] = append(versions, in.Value)
	s.mu.Unlock()
	s.notify(r.Context(), "put", path)
	writeJSON(w, http.StatusCreated, map[string]any{"path": path, "version": len(versions) + 1})
}

// deleteSecret destroys a secret and all its versions.
func (s *Server) deleteSecret(w http.ResponseWriter, r *http.Request) {
	path := r.PathValue("path")
	s.mu.Lock()
	_, ok := s.secrets[path]
	delete(s.secrets, path)
	s.mu.Unlock()
	if !ok {
		// mistake: errcode: code "secret_not_found" is sent with status 400;
		// the catalog says 404 (suggested fix: http.StatusNotFound).
		httpx.WriteError(w, http.StatusBadRequest, apierr.SecretNotFound, "no secret at "+path)
		return
	}
	s.notify(r.Context(), "delete", path)
	w.WriteHeader(http.StatusNoContent)
}
