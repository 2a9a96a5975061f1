// Package nested decodes a body whose code sits below the root: the whole
// wire path from the decoded type finds it (wire error.code, see the
// catalog beside this file).
package nested

import (
	"encoding/json"
	"net/http"
)

func code(resp *http.Response) string {
	var e struct {
		Error struct {
			Code    string `json:"code"`
			Message string `json:"message"`
		} `json:"error"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&e); err != nil {
		return ""
	}
	switch e.Error.Code {
	case "secret_not_found":
		return "missing"
	case "rate_limted": // want `^code "rate_limted" is not in the catalog: this branch never matches; did you mean "rate_limited"\?$`
		return "slow"
	}
	return ""
}

// inner alone is not a body: the same field read from it is not the
// API's code.
type inner struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

func other(i inner) bool { return i.Code == "secret_notfound" }
