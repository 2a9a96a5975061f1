// Package recursion has emitters that call each other: the fact fixpoint
// must end.
package recursion

import (
	"net/http"

	"hostile/httpx"
)

// ping and pong write through each other, forever if called.
func ping(w http.ResponseWriter, status int, code string, n int) {
	if n == 0 {
		httpx.WriteError(w, status, code, "ping")
		return
	}
	pong(w, code, status, n-1)
}

func pong(w http.ResponseWriter, code string, status int, n int) {
	ping(w, status, code, n-1)
}

// self calls itself with its parameters swapped around.
func self(w http.ResponseWriter, a, b int, code string) {
	if a > b {
		self(w, b, a, code)
		return
	}
	httpx.WriteError(w, a, code, "self")
}

// Three in a ring, each moving the parameters one place.
func r1(w http.ResponseWriter, a, b, c string, s int) { r2(w, b, c, a, s) }
func r2(w http.ResponseWriter, a, b, c string, s int) { r3(w, b, c, a, s) }
func r3(w http.ResponseWriter, a, b, c string, s int) {
	httpx.WriteError(w, s, a, b)
	r1(w, b, c, a, s)
}

// kind's String calls itself for unknown values.
type kind int

func (k kind) String() string {
	switch k {
	case 0:
		return "secret_not_found"
	}
	return (k - 1).String()
}

func handle(w http.ResponseWriter, r *http.Request) {
	ping(w, http.StatusNotFound, "secret_not_found", 3)
	self(w, 404, 409, "secret_exists")
	r1(w, "x", "y", "secret_not_found", 404)
	httpx.WriteError(w, 404, kind(0).String(), "enum")
}
