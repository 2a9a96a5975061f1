package retryafter_fix

import (
	"net/http"
	"strconv"
	"time"
)

var _ = strconv.Itoa

func handler(w http.ResponseWriter, r *http.Request, wait time.Duration) {
	w.Header().Set("Retry-After", wait.String()) // want `Retry-After is set from a time.Duration's text`
	w.Header()["retry-after"] = []string{"5"}   // want `header key "retry-after" is not canonical`
	w.WriteHeader(http.StatusTooManyRequests)
}
