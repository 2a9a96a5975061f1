// Package testsflag holds directives in a test file, read with -tests.
package testsflag

import (
	"encoding/json"
	"net/http"
)

type apiError struct {
	Code string `json:"code"`
}

func decode(resp *http.Response) (apiError, error) {
	var e apiError
	err := json.NewDecoder(resp.Body).Decode(&e)
	return e, err
}
