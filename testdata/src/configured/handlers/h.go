package handlers

import (
	"net/http"

	"configured/resp"
)

func get(w http.ResponseWriter, r *http.Request, rs resp.Responder) {
	rs.Fail(w, http.StatusBadRequest, "secret_not_found") // want `code "secret_not_found" is sent with status 400; the catalog says 404`
	rs.Fail(w, http.StatusNotFound, "secret_notfound")    // want `code "secret_notfound" is not in the catalog; did you mean "secret_not_found"\?`
	resp.Opaque(w, http.StatusNotFound, "secret_not_found")
	resp.Opaque(w, http.StatusTeapot, "rate_limited") // want `code "rate_limited" is sent with status 418; the catalog says 429`
}
