package errcode_fix

import (
	"encoding/json"
	nethttp "net/http"
)

type body struct {
	Error struct {
		Code string `json:"code"`
	} `json:"error"`
}

func writeError(w nethttp.ResponseWriter, status int, code string) {
	var b body
	b.Error.Code = code
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(b)
}

func handler(w nethttp.ResponseWriter, r *nethttp.Request) {
	writeError(w, nethttp.StatusBadRequest, "secret_not_found") // want `code "secret_not_found" is sent with status 400; the catalog says 404`
	writeError(w, 503, "rate_limited")                          // want `code "rate_limited" is sent with status 503; the catalog says 429`
}
