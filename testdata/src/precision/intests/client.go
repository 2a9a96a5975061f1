// Package intests is a client of the API with tests that assert statuses:
// test files are not reported unless -tests says so.
package intests

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
