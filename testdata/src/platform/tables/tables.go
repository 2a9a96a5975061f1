// Package tables holds code tables of other shapes.
package tables

import (
	"errors"
	"net/http"
)

// A plain map from code strings to statuses.
var plain = map[string]int{
	"secret_not_found": http.StatusNotFound,
	"policy_not_found": http.StatusBadRequest, // want `code "policy_not_found" is mapped to status 400; the catalog says 404 \(errcodes.yaml:\d+\)`
	// Keys that are not codes: a string map of something else.
	"retries": 3,
	"unknown_key": http.StatusNotFound,
}

type meta struct {
	Code   string
	Status int
}

// Rows of a slice of structs.
var rows = []meta{
	{Code: "rate_limited", Status: http.StatusTooManyRequests},
	{Code: "quota_exceeded", Status: http.StatusForbidden}, // want `code "quota_exceeded" is mapped to status 403; the catalog says 429 \(errcodes.yaml:\d+\)`
}

// A map from codes to metadata without a code field: the key is the code.
var byCode = map[string]struct{ Status int }{
	"internal_error": {Status: http.StatusInternalServerError},
	"secret_exists":  {Status: http.StatusOK}, // a success status is no pairing
	"access_denied":  {Status: 401},           // want `code "access_denied" is mapped to status 401; the catalog says 403 \(errcodes.yaml:\d+\)`
}

// Two tables keyed by sentinel errors, joined on the key.
var (
	ErrNoSecret = errors.New("no secret")
	ErrExists   = errors.New("exists")
)

var codeOf = map[error]string{
	ErrNoSecret: "secret_not_found",
	ErrExists:   "secret_exists",
}

var statusOf = map[error]int{
	ErrNoSecret: http.StatusNotFound,
	ErrExists:   http.StatusBadRequest, // want `code "secret_exists" is mapped to status 400; the catalog says 409 \(errcodes.yaml:\d+\)`
}
