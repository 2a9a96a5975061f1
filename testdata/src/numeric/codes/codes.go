// Package codes holds numeric codes.
package codes

import "net/http"

// Code is the catalog's code type.
type Code int

const (
	InvalidCsrSignature Code = 51010
	UnsupportedKeyType  Code = 51011
	NotYetSigned        Code = 51020
	SignerNotFound      Code = 5104041
	ServiceUnavailable  Code = 510503
	BadPadding          Code = 51019 // want `^code 51019 is not in the catalog$`
)

// Status maps codes to statuses with a switch.
func (c Code) Status() int {
	switch c {
	case InvalidCsrSignature:
		return http.StatusForbidden
	case UnsupportedKeyType:
		return http.StatusBadRequest
	case NotYetSigned:
		return http.StatusConflict
	case SignerNotFound:
		return http.StatusGone // want `code 5104041 is mapped to status 410; the catalog says 404 \(errcodes.yaml:\d+\)`
	}
	return http.StatusInternalServerError
}

// Error is the JSON body {"code": 51010, "name": "...", "message": "..."}.
type Error struct {
	Code    Code   `json:"code"`
	Name    string `json:"name"`
	Message string `json:"message"`
}
