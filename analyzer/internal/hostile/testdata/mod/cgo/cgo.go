// Package cgo mixes C and a handler.
package cgo

/*
static int answer(void) { return 404; }
*/
import "C"

import (
	"net/http"

	"hostile/httpx"
)

func status() int { return int(C.answer()) }

func handle(w http.ResponseWriter, r *http.Request) {
	httpx.WriteError(w, http.StatusBadRequest, "secret_not_found", "no such secret")
	httpx.WriteError(w, status(), "secret_not_found", "unknown status: not reported")
}
