// Package formats reads an XML API's errors and another service's JSON
// answer whose untagged Code field has the same name: a field of a JSON
// body is not read at an XML wire path.
package formats

import (
	"encoding/json"
	"encoding/xml"
	"io"
	"net/http"
)

type errorResponse struct {
	Code    string
	Message string
}

func apiError(resp *http.Response) (errorResponse, error) {
	var e errorResponse
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return e, err
	}
	err = xml.Unmarshal(b, &e)
	return e, err
}

func missing(e errorResponse) bool {
	return e.Code == "NoSuchKy" // want `^code "NoSuchKy" is not in the catalog: this branch never matches; did you mean "NoSuchKey"\?$`
}

// metadataAnswer is the JSON answer of an instance metadata service.
type metadataAnswer struct {
	Code    string
	Message string
}

func credentials(resp *http.Response) (bool, error) {
	var a metadataAnswer
	if err := json.NewDecoder(resp.Body).Decode(&a); err != nil {
		return false, err
	}
	return a.Code == "Success", nil
}

// fallback makes up an error from the status when the response had no
// error document: a table from statuses to codes, whether or not each
// made-up code is cataloged, not a branch.
func fallback(resp *http.Response) errorResponse {
	var e errorResponse
	switch resp.StatusCode {
	case http.StatusNotFound:
		e = errorResponse{Code: "NoSuchKey", Message: "not found"}
	case http.StatusForbidden:
		e = errorResponse{Code: "AccessDenied"}
	case http.StatusConflict:
		e = errorResponse{Code: "Conflict"}
	default:
		e = errorResponse{Code: resp.Status}
	}
	return e
}
