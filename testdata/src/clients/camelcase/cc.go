// Package camelcase is a client of an XML API.
package camelcase

import (
	"encoding/xml"
	"io"
	"net/http"
)

type errorResponse struct {
	Code    string
	Message string
}

func decode(resp *http.Response) (errorResponse, error) {
	var e errorResponse
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return e, err
	}
	err = xml.Unmarshal(b, &e)
	return e, err
}

func check(resp *http.Response, e errorResponse) string {
	switch resp.StatusCode {
	case http.StatusForbidden: // want `branching on status 403 cannot tell AccessDenied, ApiKeyMismatch and InvalidToken apart`
		return "reconnect"
	case http.StatusNotFound:
		return "missing"
	}
	switch e.Code {
	case "InvalidToken":
		return "reconnect"
	case "ApiKeyMissmatch": // want `code "ApiKeyMissmatch" is not in the catalog: this branch never matches; did you mean "ApiKeyMismatch"\?`
		return "rekey"
	}
	return ""
}
