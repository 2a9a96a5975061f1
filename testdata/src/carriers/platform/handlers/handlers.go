// Package handlers renders errors made by the builder: where the code is
// known, so is the status the renderer's table gives it.
package handlers

import (
	"fmt"
	"net/http"

	"carriers/platform/errors"
	"carriers/platform/httpx"
)

// Get renders errors whose codes are known where they are built.
func Get(w http.ResponseWriter, r *http.Request, err error) {
	switch {
	case err == nil:
		fmt.Fprintln(w, "ok")
	case r.URL.Path == "/gone":
		// Not in the renderer's table: sent with its default, 500.
		httpx.SendError(w, errors.New("destroyed").WithCode(errors.DestroyedCode).WithCause(err)) // want `code "secret_destroyed" is sent with status 500 \(by SendError\); the catalog says 410`
	case r.URL.Path == "/missing":
		httpx.SendError(w, errors.New("no such secret").WithCode(errors.NotFoundCode))
	default:
		// The code is not known here: nothing to say.
		httpx.SendError(w, err)
	}
}
