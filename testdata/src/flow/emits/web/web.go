// Package web has the shapes of emitter the facts record.
package web

import (
	"encoding/json"
	"net/http"
)

type Problem struct {
	Type       string `json:"type"`
	Detail     string `json:"detail"`
	HTTPStatus int    `json:"status"`
}

// SendError writes a problem's status field: field-sensitive.
func SendError(w http.ResponseWriter, prob *Problem) { // want SendError:`^sink\(param0 status=param1\.HTTPStatus body=json\(param1\)\)$`
	w.WriteHeader(prob.HTTPStatus)
	json.NewEncoder(w).Encode(prob)
}

// Status writes only a status: still an emitter (retryafter follows it).
func Status(w http.ResponseWriter, code int) { // want Status:`^sink\(param0 status=param1\)$`
	w.WriteHeader(code)
}

// Constant fixes everything inside: callers have nothing to check.
func Constant(w http.ResponseWriter) { // want Constant:`^sink\(param0 status=418\)$`
	w.WriteHeader(http.StatusTeapot)
}

// Recursive emitters terminate.
func ping(w http.ResponseWriter, s int, n int) { // want ping:`^sink\(param0 status=param1\) sink\(param0 status=param1\)$`
	if n > 0 {
		pong(w, s, n-1)
		return
	}
	w.WriteHeader(s)
}

func pong(w http.ResponseWriter, s int, n int) { // want pong:`^sink\(param0 status=param1\)$`
	ping(w, s, n)
}
