// Package messages serves the token API, whose bodies carry a code at
// "error", and beside it a small admin API of its own whose helper writes
// {"error": message}: a sentence there is a message, not a wrong code.
package messages

import (
	"encoding/json"
	"net/http"
)

// adminError writes the admin API's error body: the message at "error".
func adminError(w http.ResponseWriter, status int, message string) {
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(map[string]string{"error": message})
}

func admin(w http.ResponseWriter, r *http.Request) {
	switch r.Method {
	case http.MethodGet:
		adminError(w, http.StatusInternalServerError, "Internal server error.")
	case http.MethodPost:
		adminError(w, http.StatusBadRequest, "Invalid JSON: expected an object")
	case http.MethodDelete:
		adminError(w, http.StatusForbidden, "You may not delete this client.")
	}
}

// A token error written the same way: a code, right or wrong, is checked.
func token(w http.ResponseWriter, r *http.Request) {
	if r.FormValue("grant_type") == "" {
		adminError(w, http.StatusBadRequest, "invalid_grant") // want `^code "invalid_grant" is not in the catalog; did you mean "invalid_client"\?$`
		return
	}
	if r.FormValue("client_id") == "" {
		adminError(w, http.StatusBadRequest, "invalid request") // want `^code "invalid request" is not in the catalog; did you mean "invalid_request"\?$`
		return
	}
	adminError(w, http.StatusUnauthorized, "invalid_client")
}

// OAuthError is the API's declared error type: whatever its code field
// holds is sent as the code, a sentence included.
type OAuthError struct {
	Name   string `json:"error"`
	Status int    `json:"-"`
}

func writeOAuth(w http.ResponseWriter, e *OAuthError) {
	w.WriteHeader(e.Status)
	json.NewEncoder(w).Encode(e)
}

func declared(w http.ResponseWriter) {
	writeOAuth(w, &OAuthError{Name: "Not Found", Status: http.StatusNotFound}) // want `^code "Not Found" is not in the catalog$`
}
