// Package model declares the app error that handlers leave in the request
// context.
package model

// AppError is the API's error; its code travels at the wire path.
type AppError struct {
	Where      string `json:"-"`
	ID         string `json:"code"`
	Message    string `json:"message"`
	StatusCode int    `json:"-"`
}

func (e *AppError) Error() string { return e.Where + ": " + e.Message }

// NewAppError pairs a code with its status.
func NewAppError(where, id, message string, status int) *AppError {
	return &AppError{Where: where, ID: id, Message: message, StatusCode: status}
}
