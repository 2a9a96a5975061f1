package certcentral

import (
	"encoding/json"
	"net/http"
)

type apiError struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

type response struct {
	Errors []apiError `json:"errors"`
}

func fail(w http.ResponseWriter, code string) {
	w.WriteHeader(lookup(code))
	json.NewEncoder(w).Encode(response{Errors: []apiError{{Code: code}}})
}

func lookup(code string) int { return 400 }

func orders(w http.ResponseWriter, r *http.Request) {
	fail(w, "request_limit_exceeded") // want `code "request_limit_exceeded" \(status 429, errcodes.yaml:\d+\) is written without a Retry-After header`
	fail(w, "not_found|order")
}

func ordersOK(w http.ResponseWriter, r *http.Request) {
	w.Header().Add("Retry-After", "60")
	fail(w, "request_limit_exceeded")
}
