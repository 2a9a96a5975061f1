// Package client reads the API's errors into errcode.Errors and uses its
// registered codes: the responses it branches on are the API's.
package client

import (
	"encoding/json"
	"io"
	"net/http"

	"clients/registered/errcode"
)

func handleErrorResponse(resp *http.Response) error {
	if resp.StatusCode == http.StatusNotFound { // want `^branching on status 404 cannot tell BLOB_UNKNOWN, NAME_UNKNOWN and BLOB_UPLOAD_UNKNOWN apart; branch on the error code$`
		return errcode.ErrorCodeBlobUploadUnknown
	}
	return parse(resp)
}

func parse(resp *http.Response) error {
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return err
	}
	var errs errcode.Errors
	if err := json.Unmarshal(body, &errs); err != nil {
		return err
	}
	return nil
}
