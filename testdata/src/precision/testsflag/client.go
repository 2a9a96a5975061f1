// Package testsflag is intests checked with -tests: the test file is
// reported.
package testsflag

import (
	"encoding/json"
	"net/http"
)

type apiError struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

func decode(resp *http.Response) (apiError, error) {
	var e apiError
	err := json.NewDecoder(resp.Body).Decode(&e)
	return e, err
}
