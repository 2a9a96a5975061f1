// Package httpx renders errors as platform/httpx does, but says when to
// come back on its 429 path; its second renderer's table has no 429.
package httpx

import (
	"encoding/json"
	"fmt"
	"net/http"

	"carriers/platform/errors"
)

var codeMap = map[string]int{
	errors.InvalidCode:   http.StatusBadRequest,
	errors.NotFoundCode:  http.StatusNotFound,
	errors.RateLimitCode: http.StatusTooManyRequests,
}

func apiError(err error) (int, string) {
	statusCode, ok := codeMap[errors.ErrCode(err)]
	if !ok {
		statusCode = http.StatusInternalServerError
	}
	body, _ := json.Marshal(map[string]any{"errors": []map[string]string{{"code": errors.ErrCode(err)}}})
	return statusCode, string(body)
}

// SendError sets Retry-After on the path of its 429.
func SendError(w http.ResponseWriter, err error) {
	statusCode, payload := apiError(err)
	if statusCode == http.StatusTooManyRequests {
		w.Header().Set("Retry-After", "30")
	}
	w.WriteHeader(statusCode)
	fmt.Fprintln(w, payload)
}

var lookupMap = map[string]int{
	errors.NotFoundCode: http.StatusNotFound,
	errors.ExistsCode:   http.StatusConflict,
}

// SendLookupError's table has no status that needs Retry-After.
func SendLookupError(w http.ResponseWriter, err error) {
	status, ok := lookupMap[errors.ErrCode(err)]
	if !ok {
		status = http.StatusNotFound
	}
	w.WriteHeader(status)
}
