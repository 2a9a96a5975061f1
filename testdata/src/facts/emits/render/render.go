// Package render is a central renderer: the status it writes is looked up
// in a table by the code of the error it is given.
package render

import (
	"errors"
	"net/http"
)

type Error struct{ Code string }

func (e *Error) Error() string { return e.Code }

func errCode(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return ""
}

var codeMap = map[string]int{
	"not_found":    http.StatusNotFound,
	"rate_limited": http.StatusTooManyRequests,
}

func apiError(err error) (int, string) {
	status, ok := codeMap[errCode(err)]
	if !ok {
		status = http.StatusInternalServerError
	}
	return status, err.Error()
}

// SendError writes the table's status.
func SendError(w http.ResponseWriter, err error) { // want SendError:"emits status=codeMap\\[as\\(1\\).Code\\]\\|500 writer=0"
	status, msg := apiError(err)
	http.Error(w, msg, status)
}

// WrapSend passes its error on: a renderer too.
func WrapSend(err error, w http.ResponseWriter) { // want WrapSend:"emits status=codeMap\\[as\\(0\\).Code\\]\\|500 writer=1"
	SendError(w, err)
}

// Fixed writes one status whatever the error: nothing flows from callers.
func Fixed(w http.ResponseWriter, err error) {
	status := http.StatusBadGateway
	http.Error(w, err.Error(), status)
}
