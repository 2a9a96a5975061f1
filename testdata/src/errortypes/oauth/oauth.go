// Package oauth builds its errors as values of the catalog's error type.
package oauth

import "net/http"

// Error is the error type the catalog names: its fields hold the code and
// the status.
type Error struct {
	NameField        string `json:"error"`
	DescriptionField string `json:"error_description"`
	StatusField      int    `json:"-"`
}

func (e *Error) Error() string { return e.NameField }

var (
	// The reason phrase of a status is not a code of the API.
	ErrNotFound = &Error{StatusField: http.StatusNotFound, NameField: http.StatusText(http.StatusNotFound)} // want `code "Not Found" is not in the catalog`
	ErrConflict = &Error{StatusField: http.StatusConflict, NameField: http.StatusText(409)}                 // want `code "Conflict" is not in the catalog`

	ErrInvalidRequest = &Error{StatusField: http.StatusBadRequest, NameField: "invalid_request"}
	ErrDenied         = &Error{StatusField: http.StatusForbidden, NameField: "access_denied"}
)

// Reason's text is not known: nothing to say.
func Reason(status int) *Error {
	return &Error{StatusField: status, NameField: http.StatusText(status)}
}
