package shapes

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"

	"flow/apierr"
)

type problem struct {
	Code   string `json:"code"`
	Status int    `json:"status"`
}

// Marshal first, write later.
func marshalFirst(w http.ResponseWriter) {
	b, _ := json.Marshal(problem{Code: "secret_not_found"})
	w.WriteHeader(404)
	w.Write(b) // want `sink\(param0 status=404 body=json\(shapes.problem\{Code:"secret_not_found"\}\)\)`
}

func writeString(w http.ResponseWriter, code string) {
	b, _ := json.Marshal(&problem{Code: code})
	io.WriteString(w, string(b)) // want `sink\(param0 body=json\(shapes.problem\{Code:param1\}\)\)`
}

func callsWriteString(w http.ResponseWriter) {
	w.WriteHeader(409)
	writeString(w, "conflict") // want `sink\(param0 status=409 body=json\(shapes.problem\{Code:"conflict"\}\)\)`
}

// Exported sentinels of another package.
func sentinel(w http.ResponseWriter) {
	e := apierr.ErrPermissionDenied
	w.WriteHeader(e.Status)
	json.NewEncoder(w).Encode(e) // want `sink\(param0 status=403 body=json\(apierr.ErrPermissionDenied\)\)`
}

// Sentinel text as the code, statuses in a map[error]int.
var statusOf = map[error]int{
	apierr.ErrBadCredentials: http.StatusUnauthorized,
}

func render(w http.ResponseWriter, err error) {
	w.WriteHeader(statusOf[err])
	json.NewEncoder(w).Encode(map[string]string{"error": err.Error()}) // want `sink\(param0 status=table\[param1\]\(1 rows\) body=json\(table\(1 rows\)\)\)`
}

func login(w http.ResponseWriter) {
	render(w, apierr.ErrBadCredentials) // want `sink\(param0 status=401 body=json\(table\(1 rows\)\)\)`
}

// A status by cases.
type Code string

func (c Code) Status() int {
	switch c {
	case "not_found":
		return 404
	case "conflict", "exists":
		return 409
	}
	return 500
}

func byCases(w http.ResponseWriter) {
	w.WriteHeader(Code("exists").Status()) // want `sink\(param0 status=409\)`
}

// A wrapper error that carries the status, unwrapped with errors.As.
type statusError struct {
	err    error
	status int
}

func (e *statusError) Error() string { return e.err.Error() }

func withStatus(err error, status int) error { return &statusError{err: err, status: status} }

func renderAs(w http.ResponseWriter, err error) {
	var se *statusError
	if errors.As(err, &se) {
		w.WriteHeader(se.status)
		json.NewEncoder(w).Encode(err) // want `sink\(param0 status=if then as\(shapes.statusError, param1\): as\(shapes.statusError, param1\).status body=if then as\(shapes.statusError, param1\): json\(param1\)\)`
	}
}

func wrapped(w http.ResponseWriter) {
	renderAs(w, withStatus(apierr.ErrPermissionDenied, http.StatusUnauthorized)) // want `sink\(param0 status=401 body=json\(shapes.statusError\{err:apierr.ErrPermissionDenied status:401\}\)\)`
}

var _ = fmt.Sprint
