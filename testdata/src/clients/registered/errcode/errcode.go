// Package errcode keeps the API's codes as values of its own type, each
// registered with a descriptor pairing its text with its status; errors
// decode through a custom UnmarshalJSON.
package errcode

import (
	"encoding/json"
	"net/http"
)

type ErrorCode int

type ErrorDescriptor struct {
	Value          string
	Message        string
	HTTPStatusCode int
}

var next ErrorCode

func Register(group string, d ErrorDescriptor) ErrorCode {
	next++
	return next
}

var (
	ErrorCodeBlobUnknown       = Register("v2", ErrorDescriptor{Value: "BLOB_UNKNOWN", Message: "blob unknown to registry", HTTPStatusCode: http.StatusNotFound})
	ErrorCodeBlobUploadUnknown = Register("v2", ErrorDescriptor{Value: "BLOB_UPLOAD_UNKNOWN", Message: "blob upload unknown to registry", HTTPStatusCode: http.StatusNotFound})
	ErrorCodeDenied            = Register("v2", ErrorDescriptor{Value: "DENIED", Message: "requested access to the resource is denied", HTTPStatusCode: http.StatusForbidden})
)

func (c ErrorCode) Error() string { return "registry error" }

// Errors is a list of errors, decoded by hand.
type Errors []error

func (errs *Errors) UnmarshalJSON(data []byte) error {
	var raw struct {
		Errors []json.RawMessage `json:"errors"`
	}
	return json.Unmarshal(data, &raw)
}
