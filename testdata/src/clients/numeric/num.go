// Package numeric is a client of an API with numeric codes.
package numeric

import "net/http"

type Code int

type apiError struct {
	Code    Code   `json:"code"`
	Name    string `json:"name"`
	Message string `json:"message"`
}

func handle(resp *http.Response, e apiError) bool {
	if resp.StatusCode == http.StatusForbidden { // want `branching on status 403 cannot tell 51010 from 51014`
		return false
	}
	switch e.Code {
	case 51010, 51011:
		return true
	case 51019: // want `^code 51019 is not in the catalog: this branch never matches$`
		return true
	}
	return resp.StatusCode == http.StatusBadRequest
}
