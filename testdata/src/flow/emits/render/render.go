// Package render is a central renderer: the status it writes is looked up
// in a table by the code of the error it is given.
package render

import (
	"errors"
	"net/http"
)

type Error struct{ Code string }

func (e *Error) Error() string { return e.Code } // want Error:`^result0=param0\.Code$`

func errCode(err error) string { // want errCode:`^result0=\{if then as\(render\.Error, param0\): as\(render\.Error, param0\)\.Code, if else as\(render\.Error, param0\): ""\}$`
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

func apiError(err error) (int, string) { // want apiError:`^result0=\{table\[\{if then as\(render\.Error, param0\): as\(render\.Error, param0\)\.Code, if else as\(render\.Error, param0\): ""\}\]\(2 rows\), 500\} result1=param0\.Error\(\)$`
	status, ok := codeMap[errCode(err)]
	if !ok {
		status = http.StatusInternalServerError
	}
	return status, err.Error()
}

// SendError writes the table's status.
func SendError(w http.ResponseWriter, err error) { // want SendError:`^sink\(param0 status=\{table\[\{if then as\(render\.Error, param1\): as\(render\.Error, param1\)\.Code, if else as\(render\.Error, param1\): ""\}\]\(2 rows\), 500\} headers="Content-Type"\) sink\(param0 headers="Content-Type"\)$`
	status, msg := apiError(err)
	http.Error(w, msg, status)
}

// WrapSend passes its error on: a renderer too.
func WrapSend(err error, w http.ResponseWriter) { // want WrapSend:`^sink\(param1 status=\{table\[\{if then as\(render\.Error, param0\): as\(render\.Error, param0\)\.Code, if else as\(render\.Error, param0\): ""\}\]\(2 rows\), 500\} headers="Content-Type"\) sink\(param1 headers="Content-Type"\)$`
	SendError(w, err)
}

// Fixed writes one status whatever the error: nothing flows from callers.
func Fixed(w http.ResponseWriter, err error) { // want Fixed:`^sink\(param0 status=502 headers="Content-Type"\) sink\(param0 headers="Content-Type"\)$`
	status := http.StatusBadGateway
	http.Error(w, err.Error(), status)
}
