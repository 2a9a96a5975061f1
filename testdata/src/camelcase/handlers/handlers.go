// Package handlers writes XML errors directly.
package handlers

import (
	"encoding/xml"
	"net/http"

	"camelcase/apierrors"
)
// deny cites an exact catalog line on purpose: the line is what the message must name.
func deny(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusUnauthorized) // want `code "AccessDenied" is sent with status 401; the catalog says 403 \(errcodes.yaml:8\)`
	xml.NewEncoder(w).Encode(apierrors.ErrorResponse{Code: "AccessDenied", Message: "no"})
}

func missing(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusNotFound)
	xml.NewEncoder(w).Encode(apierrors.ErrorResponse{Code: "NotFond", Message: "no"}) // want `code "NotFond" is not in the catalog; did you mean "NotFound"\?`
}

func ok(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusNotFound)
	xml.NewEncoder(w).Encode(apierrors.ErrorResponse{Code: "AccountNotFound"})
	apierrors.WriteErrorResponse(w, apierrors.ErrInput)
}
