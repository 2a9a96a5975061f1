// Package internal is a client of the API that also has errors of its own
// with fields named like the wire's code: only the API's body is the API's.
package internal

import (
	"encoding/json"
	"net/http"
)

// apiError is the API's error body, decoded below.
type apiError struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

func decode(resp *http.Response) (*apiError, error) {
	var e apiError
	err := json.NewDecoder(resp.Body).Decode(&e)
	return &e, err
}

func handle(e *apiError) bool {
	switch e.Code {
	case "secret_not_found":
		return true
	case "secret_notfound": // want `^code "secret_notfound" is not in the catalog: this branch never matches; did you mean "secret_not_found"\?$`
		return true
	}
	return false
}

// Kind is an internal enum; problem has a Code field of that kind. It is
// even encoded (a debug endpoint), but an integer is never one of this
// catalog's string codes.
type Kind int

const (
	KindTransient Kind = iota
	KindFatal
)

type problem struct {
	Code   Kind   `json:"code"`
	Detail string `json:"detail"`
}

func debug(w http.ResponseWriter, p problem) { json.NewEncoder(w).Encode(p) }

func retry(p problem) bool {
	switch p.Code {
	case KindTransient, 2:
		return true
	}
	return p.Code == 1
}

// cacheError is never encoded nor decoded: its Code is not a wire field.
type cacheError struct {
	Code    string
	Message string
}

func evicted(e cacheError) bool { return e.Code == "EVICTED" || e.Code == "expired" }
