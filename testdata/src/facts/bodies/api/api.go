package api // want package:`bodies facts/bodies/api.Body@json: facts/bodies/api.Detail@json:errors\[\] facts/bodies/api.Task@json:\}`

// Package api encodes its error body; the fact names the body's types and
// where each sits. A request it decodes is not read from a response.

import (
	"encoding/json"
	"net/http"
)

type Body struct {
	Errors []Detail `json:"errors"`
}

type Detail struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

// internal is never encoded: not in the fact.
type internal struct {
	Code string
}

func Write(w http.ResponseWriter, status int, d Detail) {
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(Body{Errors: []Detail{d}})
}

// Task is a resource the server decodes from requests.
type Task struct {
	Type string `json:"type"`
}

func Create(w http.ResponseWriter, r *http.Request) {
	var t Task
	if err := json.NewDecoder(r.Body).Decode(&t); err != nil {
		Write(w, http.StatusBadRequest, Detail{Code: "BAD_REQUEST"})
	}
}
