// Package httpx is the central renderer: the status comes from a table
// keyed by the code the error carries.
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
	errors.ExistsCode:    http.StatusConflict,
	errors.RateLimitCode: http.StatusTooManyRequests,
}

// apiError gives the status and the body of err.
func apiError(err error) (statusCode int, payload string) {
	statusCode, ok := codeMap[errors.ErrCode(err)]
	if !ok {
		statusCode = http.StatusInternalServerError
	}
	body, _ := json.Marshal(map[string]any{"errors": []map[string]string{{"code": errors.ErrCode(err), "message": err.Error()}}})
	return statusCode, string(body)
}

// SendError writes err: a table's status, and no Retry-After for its 429.
func SendError(w http.ResponseWriter, err error) {
	statusCode, payload := apiError(err)
	w.WriteHeader(statusCode) // want `status 429 \(rate_limited in codeMap, httpx.go:17; one of 400, 404, 409, 429, 500\) is written without a Retry-After header`
	fmt.Fprintln(w, payload)
}
