// Package svc sends numeric codes.
package svc

import (
	"encoding/json"
	"net/http"

	"numeric/codes"
)

func writeError(w http.ResponseWriter, status int, code codes.Code, msg string) {
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(codes.Error{Code: code, Message: msg})
}
// handle cites an exact catalog line on purpose: the line is what the message must name.
func handle(w http.ResponseWriter, r *http.Request) {
	writeError(w, http.StatusForbidden, codes.InvalidCsrSignature, "bad signature")
	writeError(w, http.StatusBadRequest, codes.NotYetSigned, "wait") // want `code 51020 is sent with status 400; the catalog says 409 \(errcodes.yaml:17\)`
	writeError(w, http.StatusNotFound, 5104042, "no certificate")    // want `^code 5104042 is not in the catalog$`
	writeError(w, 404, codes.SignerNotFound, "no signer")
	writeError(w, 500, codes.ServiceUnavailable, "down") // want `code 510503 is sent with status 500; the catalog says 503 \(errcodes.yaml:\d+\)`
}
