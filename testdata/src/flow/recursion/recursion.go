// Package recursion has emitters that call each other: the fact fixpoint
// must end.
package recursion

import (
	"net/http"

	"flow/apierr"
)

// ping and pong write through each other, forever if called.
func ping(w http.ResponseWriter, status int, code string, n int) {
	if n == 0 {
		apierr.Write(w, status, code) // want `sink\(param0\ status=param1\ body=text\(param2\)\)`
		return
	}
	pong(w, code, status, n-1) // want `sink\(param0\ status=param1\ body=text\(param2\)\)`
}

func pong(w http.ResponseWriter, code string, status int, n int) {
	ping(w, status, code, n-1) // want `sink\(param0\ status=param2\ body=text\(param1\)\)`
}

// self calls itself with its parameters swapped around.
func self(w http.ResponseWriter, a, b int, code string) {
	if a > b {
		self(w, b, a, code) // want `sink\(param0\ status=param1\ body=text\(param3\)\)` `sink\(param0\ status=param2\ body=text\(param3\)\)`
		return
	}
	apierr.Write(w, a, code) // want `sink\(param0\ status=param1\ body=text\(param3\)\)`
}

// Three in a ring, each moving the parameters one place.
func r1(w http.ResponseWriter, a, b, c string, s int) { r2(w, b, c, a, s) } // want `sink\(param0\ status=param4\ body=text\(param3\)\)`
func r2(w http.ResponseWriter, a, b, c string, s int) { r3(w, b, c, a, s) } // want `sink\(param0\ status=param4\ body=text\(param2\)\)`
func r3(w http.ResponseWriter, a, b, c string, s int) {
	apierr.Write(w, s, a) // want `sink\(param0\ status=param4\ body=text\(param1\)\)`
	r1(w, b, c, a, s)     // want `sink\(param0\ status=param4\ body=text\(param1\)\)`
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
	ping(w, http.StatusNotFound, "secret_not_found", 3) // want `sink\(param0\ status=404\ body=text\("secret_not_found"\)\)`
	self(w, 404, 409, "secret_exists")                  // want `sink\(param0\ status=404\ body=text\("secret_exists"\)\)` `sink\(param0\ status=409\ body=text\("secret_exists"\)\)`
	r1(w, "x", "y", "secret_not_found", 404)            // want `sink\(param0\ status=404\ body=text\("secret_not_found"\)\)`
	apierr.Write(w, 404, kind(0).String())              // want `sink\(param0\ status=404\ body=text\(\?\)\)`
}
