package server

import (
	"encoding/json"
	"net/http"
	"slices"
	"strings"

	"github.com/errcodelint/errcodelint/examples/vaultline/apierr"
	"github.com/errcodelint/errcodelint/examples/vaultline/httpx"
)

// list returns the paths of the secrets under ?prefix=, sorted.
func (s *Server) list(w http.ResponseWriter, r *http.Request) {
	prefix := r.URL.Query().Get("prefix")
	s.mu.Lock()
	var paths []string
	for p := range s.secrets {
		if strings.HasPrefix(p, prefix) {
			paths = append(paths, p)
		}
	}
	s.mu.Unlock()
	slices.Sort(paths)

	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusOK)
	// mistake: retryafter: header "X-Request-ID" is set after WriteHeader;
	// it is never sent.
	w.Header().Set("X-Request-ID", r.Header.Get("X-Request-ID"))
	_ = json.NewEncoder(w).Encode(map[string]any{"paths": paths})
}

// metadata describes a secret without revealing its value. It builds its
// error body by hand instead of using httpx.
func (s *Server) metadata(w http.ResponseWriter, r *http.Request) {
	path := r.PathValue("path")
	s.mu.Lock()
	versions, ok := s.secrets[path]
	s.mu.Unlock()
	if !ok {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusNotFound)
		_ = json.NewEncoder(w).Encode(map[string]any{
			"error": map[string]any{
				// mistake: errcode: code "secret_notfound" is not in the
				// catalog; did you mean "secret_not_found"?
				"code":    "secret_notfound",
				"message": "no secret at " + path,
			},
		})
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"path": path, "versions": len(versions)})
}

// getPolicy returns a policy document.
func (s *Server) getPolicy(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("name")
	s.mu.Lock()
	doc, ok := s.policies[name]
	s.mu.Unlock()
	if !ok {
		httpx.WriteError(w, http.StatusNotFound, apierr.PolicyNotFound, "no policy named "+name)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"name": name, "policy": doc})
}
