// Package typeerror does not type-check.
package typeerror

import (
	"net/http"

	"hostile/httpx"
)

func handle(w http.ResponseWriter, r *http.Request) {
	httpx.WriteError(w, undefinedStatus, "secret_not_found", "x")
	var n int = "not a number"
	w.WriteHeader(n)
}
