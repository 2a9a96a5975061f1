// Package handlers holds handlers that another package registers: the
// check is made there, where the route is known.
package handlers

import "net/http"

// GetSecret sends a 409 and a 423 that its operation does not document.
func GetSecret(w http.ResponseWriter, r *http.Request) {
	if r.URL.Query().Has("locked") {
		w.WriteHeader(http.StatusLocked)
		return
	}
	if r.URL.Query().Has("lock") {
		http.Error(w, "locked", http.StatusConflict)
		return
	}
	http.Error(w, "no such secret", http.StatusNotFound)
}

// Secrets is a server whose methods are handlers.
type Secrets struct{}

// Delete sends only what deleteSecret documents.
func (s *Secrets) Delete(w http.ResponseWriter, r *http.Request) {
	http.Error(w, "forbidden", http.StatusForbidden)
}

// List sends a 429; listSecrets documents a default response.
func (s *Secrets) List(w http.ResponseWriter, r *http.Request) {
	http.Error(w, "slow down", http.StatusTooManyRequests)
}

// Put sends a 413 that putSecret does not document.
func (s Secrets) Put(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusRequestEntityTooLarge)
}
