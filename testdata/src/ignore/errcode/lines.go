// Package errcode silences errcode's findings with directives: the
// findings a directive covers are not reported, those it does not cover
// are, and a directive naming errcode that silenced nothing is.
package errcode

import (
	"encoding/json"
	"net/http"
)

type body struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

func send(w http.ResponseWriter, status int, code string) {
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(body{Code: code})
}

func reported(w http.ResponseWriter) {
	send(w, http.StatusBadRequest, "secret_not_found") // want `^code "secret_not_found" is sent with status 400; the catalog says 404 \(errcodes.yaml:\d+\)$`
}

func lineAbove(w http.ResponseWriter) {
	//lint:ignore errcode the legacy API answers 400
	send(w, http.StatusBadRequest, "secret_not_found")
}

func sameLine(w http.ResponseWriter) {
	send(w, http.StatusBadRequest, "secret_not_found") //lint:ignore errcode the legacy API answers 400
}

// Only the line where the next statement starts.
func nextStatementOnly(w http.ResponseWriter) {
	//lint:ignore errcode the legacy API answers 400
	send(w, http.StatusBadRequest, "secret_not_found")
	send(w, http.StatusBadRequest, "secret_not_found") // want `is sent with status 400`
}

func commaList(w http.ResponseWriter) {
	//lint:ignore SA1019,errcode,retryafter the legacy API answers 400
	send(w, http.StatusBadRequest, "secret_not_found")
}

func caseFolded(w http.ResponseWriter) {
	//lint:ignore ErrCode the legacy API answers 400
	send(w, http.StatusBadRequest, "secret_not_found")
}

func allPasses(w http.ResponseWriter) {
	//lint:ignore errcodelint the legacy API answers 400
	send(w, http.StatusBadRequest, "secret_not_found")
}

// A directive for another pass or another linter's check silences
// nothing here, and is not ours to report.
func otherChecks(w http.ResponseWriter) {
	//lint:ignore SA1019 another linter's check
	send(w, http.StatusBadRequest, "secret_not_found") // want `is sent with status 400`
	//lint:ignore statusbranch another pass
	send(w, http.StatusBadRequest, "secret_not_found") // want `is sent with status 400`
	//lint:ignore SA1019 nothing of ours here
	_ = 1
}

func unused(w http.ResponseWriter) {
	//lint:ignore errcode the status is right // want `^this lint:ignore directive matched nothing$`
	send(w, http.StatusNotFound, "secret_not_found")
	//lint:ignore errcode,SA1019 the status is right // want `^this lint:ignore directive matched no errcode finding$`
	send(w, http.StatusNotFound, "secret_not_found")
	//lint:ignore errcodelint the status is right (not reported: another pass may use it)
	send(w, http.StatusNotFound, "secret_not_found")
}

// A lint: directive without a reason is malformed and silences nothing.
func noReason(w http.ResponseWriter) {
	// want +1 `^malformed lint:ignore directive: a reason is required$`
	//lint:ignore errcode
	send(w, http.StatusBadRequest, "secret_not_found") // want `is sent with status 400`
	// want +1 `^malformed lint:ignore directive: a reason is required$`
	//lint:ignore errcodelint
	send(w, http.StatusBadRequest, "secret_not_found") // want `is sent with status 400`
	//lint:ignore SA1019
	_ = 2
}

func nolintSameLine(w http.ResponseWriter) {
	send(w, http.StatusBadRequest, "secret_not_found") //nolint:errcode // the legacy API answers 400
	send(w, http.StatusBadRequest, "secret_not_found") //nolint:errcodelint
	send(w, http.StatusBadRequest, "secret_not_found") //nolint:gosec,ErrCode
	send(w, http.StatusBadRequest, "secret_not_found") //nolint
	send(w, http.StatusBadRequest, "secret_not_found") //nolint:all
	send(w, http.StatusBadRequest, "secret_not_found") //nolint:gosec // want `is sent with status 400`
	send(w, http.StatusBadRequest, "secret_not_found") //nolint:retryafter // want `is sent with status 400`
}

func nolintLineAbove(w http.ResponseWriter) {
	//nolint:errcode // the legacy API answers 400
	send(w,
		http.StatusBadRequest, // the whole statement
		"secret_not_found")
	send(w, http.StatusBadRequest, "secret_not_found") // want `is sent with status 400`
}

// A nolint above a declaration covers all of it.
//
//nolint:errcode // the legacy API
func nolintDecl(w http.ResponseWriter) {
	send(w, http.StatusBadRequest, "secret_not_found")
	send(w, http.StatusConflict, "policy_not_found")
}

func nolintUnused(w http.ResponseWriter) {
	send(w, http.StatusNotFound, "secret_not_found") //nolint:errcode // want `^this nolint directive matched nothing$`
	send(w, http.StatusNotFound, "secret_not_found") //nolint:errcodelint
	send(w, http.StatusNotFound, "secret_not_found") //nolint
}
