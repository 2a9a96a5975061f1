package api // want package:`bodies facts/bodies/api.Body@json: facts/bodies/api.Detail@json:errors\[\]`

// Package api encodes its error body; the fact names the body's types and
// where each sits.

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
