// Package server sends malformed with each of its statuses.
package server

import (
	"encoding/json"
	"net/http"
)

const ns = "urn:ietf:params:acme:error:"

type problem struct {
	Type   string `json:"type"`
	Detail string `json:"detail"`
	Status int    `json:"status"`
}

func send(w http.ResponseWriter, status int, typ, detail string) {
	w.Header().Set("Content-Type", "application/problem+json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(problem{Type: typ, Detail: detail, Status: status})
}

func handle(w http.ResponseWriter, r *http.Request) {
	switch r.Method {
	case http.MethodGet:
		send(w, http.StatusNotFound, ns+"malformed", "no such resource")
	case http.MethodDelete:
		send(w, http.StatusMethodNotAllowed, ns+"malformed", "method not allowed")
	case http.MethodPut:
		send(w, http.StatusConflict, ns+"malformed", "conflict") // want `^code "malformed" is sent with status 409; the catalog says 400, 404, 405 or 415 \(errcodes.yaml:\d+\)$`
	}
}
