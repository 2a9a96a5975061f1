// Package errcode_status_rows pins what a table of codes and statuses is:
// its rows, each judged alone (codeRow). A row with an error status is
// checked; a row with another status pairs nothing and is skipped, and
// the table's other rows are still checked.
package errcode_status_rows

import (
	"encoding/json"
	"log"
	"net/http"
)

type entry struct {
	Code   string
	Status int
}

// A success row does not make the rest of the table something else: the
// rows sent with error statuses are still checked where they go out, and
// the success row's code is no code of the API.
var outcomes = map[string]entry{
	"ok":      {Code: "all_good", Status: http.StatusOK},
	"missing": {Code: "secret_not_found", Status: http.StatusNotFound},
	"typo":    {Code: "secret_not_fund", Status: http.StatusNotFound}, // want `code "secret_not_fund" is not in the catalog; did you mean "secret_not_found"\?`
}

type inner struct {
	Code string `json:"code"`
}

type body struct {
	Error inner `json:"error"`
}

func respond(w http.ResponseWriter, key string) {
	e := outcomes[key]
	w.WriteHeader(e.Status)
	_ = json.NewEncoder(w).Encode(body{Error: inner{Code: e.Code}})
}

type Code string

const (
	SecretExists Code = "secret_exists"
	RateLimited  Code = "rate_limited"
)

// A case that logs before it returns its status is a row all the same;
// one that may return two statuses is none.
func (c Code) Status() int {
	switch c {
	case SecretExists:
		log.Print("conflict")
		return http.StatusBadRequest // want `code "secret_exists" is mapped to status 400; the catalog says 409 \(errcodes.yaml:\d+\)`
	case RateLimited:
		if len(c) > 100 {
			return http.StatusBadRequest
		}
		return http.StatusTooManyRequests
	}
	return http.StatusOK
}
