// Package pgconn stands for a database driver of another module: its
// errors carry SQLSTATE codes in a field named Code.
package pgconn

import (
	"encoding/json"
	"net/http"
)

// PgError is the driver's error.
type PgError struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

func (e *PgError) Error() string { return e.Message }

// Describe answers a diagnostics endpoint with an error: the type travels
// in an HTTP body, but of another module.
func Describe(w http.ResponseWriter, e *PgError) { json.NewEncoder(w).Encode(e) }
