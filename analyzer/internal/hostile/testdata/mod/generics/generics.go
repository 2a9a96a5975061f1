// Package generics has generic handlers and emitters.
package generics

import (
	"encoding/json"
	"net/http"

	"hostile/httpx"
)

type Code interface{ ~string }

// Send is a generic emitter.
func Send[C Code](w http.ResponseWriter, status int, code C) {
	httpx.WriteError(w, status, string(code), "generic")
}

type Problem[T any] struct {
	Status int    `json:"-"`
	Code   string `json:"code"`
	Extra  T      `json:"extra"`
}

// Reply writes any problem: the type parameter reaches the body.
func Reply[T any](w http.ResponseWriter, p Problem[T]) {
	w.WriteHeader(p.Status)
	json.NewEncoder(w).Encode(map[string]any{"error": p})
}

type Handler[T any] struct{ value T }

func (h Handler[T]) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	Send(w, http.StatusNotFound, "secret_not_found")
}

type myCode string

func handle(w http.ResponseWriter, r *http.Request) {
	Send(w, http.StatusBadRequest, myCode("secret_not_found"))
	Send[string](w, http.StatusConflict, "secret_exists")
	Reply(w, Problem[int]{Status: 404, Code: "secret_not_found", Extra: 1})
	var h http.Handler = Handler[string]{}
	h.ServeHTTP(w, r)
}
