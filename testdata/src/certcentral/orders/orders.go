// Package orders sends templated codes.
package orders

import (
	"encoding/json"
	"fmt"
	"net/http"

	"certcentral/api"
)
// get cites an exact catalog line on purpose: the line is what the message must name.
func get(w http.ResponseWriter, r *http.Request, kind, param, domain string) {
	api.Fail(w, http.StatusNotFound, "not_found|order", "no such order")
	api.Fail(w, http.StatusBadRequest, "not_found|product", "no such product") // want `code "not_found\|product" is sent with status 400; the catalog says 404 \(errcodes.yaml:12\)`
	api.Fail(w, http.StatusNotFound, fmt.Sprintf("not_found|%s", kind), "")
	api.Fail(w, http.StatusBadRequest, fmt.Sprintf("not_found|%s", kind), "") // want `code "not_found\|{resource}" is sent with status 400; the catalog says 404 \(errcodes.yaml:\d+\)`
	api.Fail(w, http.StatusBadRequest, "invalid_chars:"+param, "")
	api.Fail(w, http.StatusBadRequest, "invalid_charz:"+param, "") // want `code "invalid_charz:…" matches no code in the catalog`
	api.Fail(w, http.StatusBadRequest, "dns_entry_missing|"+domain, "")
	api.Fail(w, http.StatusBadRequest, fmt.Sprintf("required_param:%s", param), "")
	api.Fail(w, http.StatusTooManyRequests, "request_limit_exceeded", "")
	api.Fail(w, http.StatusTooManyRequests, "request_limit_exceded", "") // want `code "request_limit_exceded" is not in the catalog; did you mean "request_limit_exceeded"\?`
	api.Fail(w, http.StatusForbidden, "access_denied|missing_permission", "")
	// A code built from an unknown prefix may be anything: silent.
	api.Fail(w, http.StatusBadRequest, param+"|x", "")
}

// Several errors in one response, each checked against the status.
func validate(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusBadRequest)
	json.NewEncoder(w).Encode(api.Response{Errors: []api.Error{
		{Code: "bad_request_format", Message: "body"},
		{Code: "order_not_pending", Message: "state"},
		{Code: "not_found", Message: "gone"}, // want `code "not_found" is sent with status 400 \(by WriteHeader at line 30\); the catalog says 404 \(errcodes.yaml:\d+\)`
	}})
}
