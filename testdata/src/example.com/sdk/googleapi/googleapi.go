// Package googleapi stands for a cloud SDK of another module: its error's
// Code is the HTTP status of another service.
package googleapi

import (
	"encoding/json"
	"net/http"
)

// Error is the SDK's error body.
type Error struct {
	Code    int    `json:"code"`
	Message string `json:"message"`
}

func (e *Error) Error() string { return e.Message }

// Check decodes a failed response of the other service.
func Check(resp *http.Response) error {
	var e Error
	if err := json.NewDecoder(resp.Body).Decode(&e); err != nil {
		return err
	}
	return &e
}
