// Package httpx has helpers in another package: facts carry what they do.
package httpx

import (
	"encoding/json"
	"net/http"
	"strconv"
	"time"
)

type detail struct {
	Code string `json:"code"`
}

type body struct {
	Error detail `json:"error"`
}

// WriteError writes a status and a code it is given.
func WriteError(w http.ResponseWriter, status int, code string) {
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(body{Error: detail{Code: code}})
}

// WriteCode writes a code with a status it looks up: only the code is known
// at its callers.
func WriteCode(w http.ResponseWriter, code string) {
	WriteError(w, statusOf(code), code)
}

func statusOf(code string) int { return 500 }

// SetRetry sets the header on the writer it is given.
func SetRetry(w http.ResponseWriter, d time.Duration) {
	w.Header().Set("Retry-After", strconv.Itoa(int(d.Seconds())))
}

// TooMany sets the header itself before writing: callers are covered.
func TooMany(w http.ResponseWriter, status int, code string) {
	if status == http.StatusTooManyRequests {
		w.Header().Set("Retry-After", "30")
	}
	WriteError(w, status, code)
}

// Limited fixes 429 inside without the header: reported here, once.
func Limited(w http.ResponseWriter) {
	w.WriteHeader(http.StatusTooManyRequests) // want `status 429 is written without a Retry-After header`
}
