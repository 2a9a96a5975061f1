package server

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"

	"valueflow/apierr"
	"valueflow/httpx"
)

// 1. Marshal first, write later.
func marshalFirst(w http.ResponseWriter) {
	b, _ := json.Marshal(apierr.APIError{Code: "secret_notfound"}) // want `code "secret_notfound" is not in the catalog; did you mean "secret_not_found"\?`
	w.WriteHeader(http.StatusNotFound)
	w.Write(b)
}

func marshalFirstRight(w http.ResponseWriter) {
	b, _ := json.Marshal(apierr.APIError{Code: "secret_not_found"})
	w.WriteHeader(http.StatusNotFound)
	io.WriteString(w, string(b))
}

// An Error method that marshals the body.
type jsonError struct{ code string }

func (e *jsonError) Error() string {
	b, _ := json.Marshal(struct {
		Code string `json:"code"`
	}{e.code})
	return string(b)
}

func printed(w http.ResponseWriter) {
	payload := (&jsonError{code: "conflict"}).Error()
	w.WriteHeader(http.StatusBadRequest) // want `code "conflict" is sent with status 400; the catalog says 409 \(errcodes.yaml:\d+\)`
	fmt.Fprintln(w, payload)
}

// A MarshalJSON that puts an untagged field at the wire path.
type kindError struct{ kind string }

func (e kindError) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		Code string `json:"code"`
	}{e.kind})
}

func marshaler(w http.ResponseWriter) {
	w.WriteHeader(http.StatusForbidden)
	json.NewEncoder(w).Encode(kindError{kind: "permision_denied"}) // want `code "permision_denied" is not in the catalog; did you mean "permission_denied"\?`
	w.WriteHeader(http.StatusForbidden)
	json.NewEncoder(w).Encode(kindError{kind: "permission_denied"})
}

// An encodeBody(any) helper whose bytes a sendBody helper writes.
func encoded(w http.ResponseWriter) {
	httpx.SendBody(w, http.StatusUnauthorized, httpx.EncodeBody(&apierr.APIError{Code: "bad_credentials"}))
	httpx.SendBody(w, http.StatusNotFound, httpx.EncodeBody(&apierr.APIError{Code: "bad_credentials"})) // want `code "bad_credentials" is sent with status 404; the catalog says 401 \(errcodes.yaml:\d+\)`
}

// 2. Exported sentinels of another package.
func sentinel(w http.ResponseWriter) {
	e := apierr.ErrPermissionDenied
	w.WriteHeader(e.Status)
	json.NewEncoder(w).Encode(e)
	w.WriteHeader(http.StatusBadRequest) // want `code "permission_denied" is sent with status 400; the catalog says 403 \(errcodes.yaml:\d+\)`
	json.NewEncoder(w).Encode(apierr.ErrPermissionDenied)
}

// 3. A wrapper error that carries the status, unwrapped with errors.As; the
// error from a function-typed package variable.
type statusError struct {
	err    error
	status int
}

func (e *statusError) Error() string { return e.err.Error() }

func NewStatusError(err error, status int) error { return &statusError{err: err, status: status} }

var newDenied = apierr.NewDenied

func renderAs(w http.ResponseWriter, err error) {
	var se *statusError
	var ae *apierr.APIError
	if errors.As(err, &se) && errors.As(err, &ae) {
		w.WriteHeader(se.status)
		json.NewEncoder(w).Encode(ae)
	}
}

func wrapped(w http.ResponseWriter) {
	renderAs(w, NewStatusError(apierr.ErrPermissionDenied, http.StatusForbidden))
	renderAs(w, NewStatusError(newDenied(), http.StatusUnauthorized)) // want `code "permission_denied" is sent with status 401; the catalog says 403 \(errcodes.yaml:\d+\)`
	renderAs(w, NewStatusError(apierr.ErrSecretMissing(), http.StatusNotFound))
	renderAs(w, NewStatusError(apierr.ErrSecretMissing(), http.StatusBadRequest)) // want `code "secret_not_found" is sent with status 400; the catalog says 404 \(errcodes.yaml:\d+\)`
}

// 4. Sentinel error text as the code, statuses in a map[error]int.
var statusOf = map[error]int{
	apierr.ErrBadCredentials: http.StatusForbidden, // want `code "bad_credentials" is mapped to status 403; the catalog says 401 \(errcodes.yaml:\d+\)`
}

func render(w http.ResponseWriter, err error) {
	w.WriteHeader(statusOf[err])
	json.NewEncoder(w).Encode(map[string]string{"code": err.Error()})
}

func login(w http.ResponseWriter) {
	render(w, apierr.ErrBadCredentials)
}

// 7. A constant code and status passed to an unexported wrapper of an
// exported marshal-then-write helper.
func fail(w http.ResponseWriter, status int, code string) { httpx.Send(w, status, code) }

func wrapper(w http.ResponseWriter) {
	fail(w, http.StatusNotFound, "secret_not_found")
	fail(w, http.StatusBadRequest, "secret_not_found") // want `code "secret_not_found" is sent with status 400; the catalog says 404 \(errcodes.yaml:\d+\)`
	fail(w, http.StatusNotFound, "secret_missing")     // want `code "secret_missing" is not in the catalog`
}

// 8. A cataloged code missing from the renderer's table goes out as 500.
var statusByCode = map[string]int{
	"bad_credentials":  http.StatusUnauthorized,
	"secret_not_found": http.StatusNotFound,
}

func statusFor(code string) int {
	if s, ok := statusByCode[code]; ok {
		return s
	}
	return http.StatusInternalServerError
}

// renderLookup: a pure lookup.
func renderLookup(w http.ResponseWriter, e *apierr.APIError) {
	w.WriteHeader(statusFor(e.Code))
	json.NewEncoder(w).Encode(e)
}

// renderInline: the lookup with the write inline.
func renderInline(w http.ResponseWriter, e *apierr.APIError) {
	status, ok := statusByCode[e.Code]
	if !ok {
		status = http.StatusInternalServerError
	}
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(e)
}

// renderOwn: the error's own status when set, else the lookup.
func renderOwn(w http.ResponseWriter, e *apierr.APIError) {
	status := e.Status
	if status == 0 {
		status = statusFor(e.Code)
	}
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(e)
}

func missingRow(w http.ResponseWriter) {
	renderLookup(w, &apierr.APIError{Code: "secret_not_found"})
	renderLookup(w, &apierr.APIError{Code: "permission_denied"}) // want `code "permission_denied" is sent with status 500 \(by renderLookup[^)]*\); the catalog says 403 \(errcodes.yaml:\d+\)`
	renderInline(w, &apierr.APIError{Code: "permission_denied"}) // want `code "permission_denied" is sent with status 500 \(by renderInline[^)]*\); the catalog says 403 \(errcodes.yaml:\d+\)`
	renderOwn(w, &apierr.APIError{Code: "permission_denied"})    // want `code "permission_denied" is sent with status 500 \(by renderOwn\); the catalog says 403 \(errcodes.yaml:\d+\)`
	renderOwn(w, &apierr.APIError{Code: "permission_denied", Status: http.StatusForbidden})
}

// 9. Uncataloged codes in a server's error table, sent by the renderer.
type APIErrorCode int

const (
	ErrAborted APIErrorCode = iota
	ErrDenied
)

var errorTable = map[APIErrorCode]apierr.APIError{
	ErrAborted: {Code: "RequestAborted", Status: 499}, // want `code "RequestAborted" is not in the catalog`
	ErrDenied:  {Code: "permission_denied", Status: http.StatusForbidden},
}

func writeErrorCode(w http.ResponseWriter, code APIErrorCode) {
	e := errorTable[code]
	w.WriteHeader(e.Status)
	json.NewEncoder(w).Encode(e)
}

// 3b. The wrapper as a struct value, as errors.As finds it by value.
type valueStatusError struct {
	err    error
	status int
}

func (e valueStatusError) Error() string { return e.err.Error() }

func withValueStatus(err error, status int) valueStatusError {
	return valueStatusError{err: err, status: status}
}

func renderValue(w http.ResponseWriter, err error) {
	var se valueStatusError
	if errors.As(err, &se) {
		var ae *apierr.APIError
		errors.As(se.err, &ae)
		w.WriteHeader(se.status)
		json.NewEncoder(w).Encode(ae)
	}
}

func byValue(w http.ResponseWriter) {
	renderValue(w, withValueStatus(apierr.ErrSecretMissing(), http.StatusNotFound))
	renderValue(w, withValueStatus(apierr.ErrSecretMissing(), http.StatusConflict)) // want `code "secret_not_found" is sent with status 409; the catalog says 404 \(errcodes.yaml:\d+\)`
}

// 3d. The wrapper returned through an interface method: the router that
// calls it and renders the error is out of sight, so the wrapper is
// checked where it is made; one the package sends was checked with its
// response (byValue), and is not reported twice.
type userInfoServer interface {
	UserInfo() error
}

type legacyServer struct{}

func (legacyServer) UserInfo() error {
	if denied := false; denied {
		return withValueStatus(apierr.ErrSecretMissing(), http.StatusNotFound)
	}
	return withValueStatus(apierr.ErrSecretMissing(), http.StatusUnauthorized) // want `^code "secret_not_found" is sent with status 401; the catalog says 404 \(errcodes.yaml:\d+\)$`
}

var _ userInfoServer = legacyServer{}

// A wrapper of a plain error carries no code: nothing to pair.
func (legacyServer) plain() error {
	return withValueStatus(errors.New("no session"), http.StatusUnauthorized)
}

// 3c. A renderer with a default for errors that carry no status: a caller
// that passes a wrapper takes only the wrapper's branch.
func renderOr(w http.ResponseWriter, err error) {
	var se *statusError
	if errors.As(err, &se) {
		writeAPI(w, se.err, se.status)
		return
	}
	writeAPI(w, err, http.StatusInternalServerError)
}

func writeAPI(w http.ResponseWriter, err error, status int) {
	var ae *apierr.APIError
	if errors.As(err, &ae) {
		w.WriteHeader(status)
		json.NewEncoder(w).Encode(ae)
	}
}

func orDefault(w http.ResponseWriter) {
	renderOr(w, NewStatusError(apierr.ErrSecretMissing(), http.StatusNotFound))
	renderOr(w, NewStatusError(apierr.ErrSecretMissing(), http.StatusGone)) // want `code "secret_not_found" is sent with status 410; the catalog says 404 \(errcodes.yaml:\d+\)`
	renderOr(w, apierr.ErrSecretMissing())                                  // want `code "secret_not_found" is sent with status 500 \(by renderOr\); the catalog says 404 \(errcodes.yaml:\d+\)`
}

// A table changed in place by a function: its rows are not known, so a
// code it seems to lack is not reported.
var statusExtra = map[string]int{"secret_not_found": http.StatusNotFound}

func init() { statusExtra["permission_denied"] = http.StatusForbidden }

func renderExtra(w http.ResponseWriter, e *apierr.APIError) {
	status, ok := statusExtra[e.Code]
	if !ok {
		status = http.StatusInternalServerError
	}
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(e)
}

func changedTable(w http.ResponseWriter) {
	renderExtra(w, &apierr.APIError{Code: "permission_denied"})
}

// A code made from a constant status's reason phrase: the catalog does not
// declare APIError, so its code field is found by the wire path alone, and
// text with a space, which no code has, reads as a message there (the same
// phrase in a declared error type is reported: testdata/src/errortypes).
func reasonPhrase(w http.ResponseWriter) {
	w.WriteHeader(http.StatusNotFound)
	json.NewEncoder(w).Encode(apierr.APIError{Code: http.StatusText(http.StatusNotFound)})
}

// A reason phrase written as the codes are (one word) is a code.
func reasonNearMiss(w http.ResponseWriter) {
	w.WriteHeader(http.StatusConflict)
	json.NewEncoder(w).Encode(apierr.APIError{Code: http.StatusText(http.StatusConflict)}) // want `code "Conflict" is not in the catalog; did you mean "conflict"\?`
}
