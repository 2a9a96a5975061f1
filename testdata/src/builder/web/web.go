// Package web renders builder errors.
package web

import (
	"encoding/json"
	"net/http"

	"builder/errs"
)

// SendError renders an error: the status from the table, the code from
// the error. Neither is known here; the table and the constants are
// checked where they stand.
func SendError(w http.ResponseWriter, err *errs.Error) {
	w.WriteHeader(errs.Status(err.Code()))
	json.NewEncoder(w).Encode(map[string]any{"code": err.Code(), "message": err.Error()})
}

func handler(w http.ResponseWriter, r *http.Request) {
	SendError(w, errs.New("no such thing").WithCode(errs.NotFoundCode))
	SendError(w, errs.New("bad").WithCode("INVALD")) // want `code "INVALD" is not in the catalog; did you mean "INVALID"\?`
}
