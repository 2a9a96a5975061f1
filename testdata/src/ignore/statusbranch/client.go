// Package statusbranch silences statusbranch's findings with directives.
package statusbranch

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

func reported(resp *http.Response) bool {
	return resp.StatusCode == http.StatusNotFound // want `^branching on status 404 cannot tell secret_not_found from policy_not_found; branch on the error code$`
}

func lineAbove(resp *http.Response) bool {
	//lint:ignore statusbranch both codes mean the same to this client
	return resp.StatusCode == http.StatusNotFound
}

func switchCase(resp *http.Response) string {
	switch resp.StatusCode {
	//lint:ignore statusbranch,errcode both codes mean the same to this client
	case http.StatusNotFound:
		return "gone"
	case http.StatusTooManyRequests: //nolint:statusbranch // both mean later
		return "later"
	}
	return ""
}

//nolint:errcodelint // a retry policy shared with other services
func retriable(status int) bool {
	return status == http.StatusTooManyRequests || status >= 500
}

func unused(e apiError) bool {
	//lint:ignore statusbranch the code is branched on // want `^this lint:ignore directive matched nothing$`
	return e.Code == "secret_not_found"
}

func noReason(resp *http.Response) bool {
	// want +1 `^malformed lint:ignore directive: a reason is required$`
	//lint:ignore statusbranch,errcode
	return resp.StatusCode == http.StatusTooManyRequests // want `cannot tell rate_limited from quota_exceeded`
}
