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
func SendError(w http.ResponseWriter, prob *Problem) { // want SendError:"emits status=1.HTTPStatus code=1.Type@type code=1.Detail@detail code=1.HTTPStatus@status writer=0"
	w.WriteHeader(prob.HTTPStatus)
	json.NewEncoder(w).Encode(prob)
}

// Status writes only a status: still an emitter (retryafter follows it).
func Status(w http.ResponseWriter, code int) { // want Status:"emits status=1 writer=0"
	w.WriteHeader(code)
}

// Constant fixes everything inside: callers have nothing to check.
func Constant(w http.ResponseWriter) {
	w.WriteHeader(http.StatusTeapot)
}

// Recursive emitters terminate.
func ping(w http.ResponseWriter, s int, n int) { // want ping:"emits status=1 writer=0"
	if n > 0 {
		pong(w, s, n-1)
		return
	}
	w.WriteHeader(s)
}

func pong(w http.ResponseWriter, s int, n int) { // want pong:"emits status=1 writer=0"
	ping(w, s, n)
}
