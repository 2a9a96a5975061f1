// Package foreign handles errors of other modules' types: a database
// driver's SQLSTATE codes and a cloud SDK's HTTP statuses. None is the
// API's, whatever its fields are named.
package foreign

import (
	"encoding/json"
	"errors"
	"net/http"

	"example.com/sdk/googleapi"
	"example.com/sdk/pgconn"
)

// body is the API's own error body, encoded by the server below.
type body struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

func fail(w http.ResponseWriter, status int, code string) {
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(body{Code: code, Message: "failed"})
}

func duplicate(err error) bool {
	var pgErr *pgconn.PgError
	return errors.As(err, &pgErr) && pgErr.Code == "23505"
}

func classify(err error) string {
	var gerr *googleapi.Error
	if !errors.As(err, &gerr) {
		return ""
	}
	switch gerr.Code {
	case 404:
		return "missing"
	case 429:
		return "slow"
	}
	if gerr.Code == http.StatusForbidden {
		return "denied"
	}
	return ""
}

// sdkRow builds another module's error with a status-like code: not a row
// of this API's table.
func sdkRow() *googleapi.Error {
	return &googleapi.Error{Code: 404, Message: "missing"}
}
