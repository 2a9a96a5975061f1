// Package errcode_row_roles pins how the fields of a code table's rows
// are told apart: by what they hold (apimodel.RowRoles), not by their
// names.
package errcode_row_roles

import "net/http"

// A field named like no code still holds one, and an integer named like
// no status still holds the row's error status.
type entry struct {
	Slug  string
	Reply int
}

var entries = []entry{
	{Slug: "secret_not_found", Reply: http.StatusNotFound},
	{Slug: "secret_exists", Reply: http.StatusBadRequest}, // want `code "secret_exists" is mapped to status 400; the catalog says 409 \(errcodes.yaml:\d+\)`
}

// Kind, Value and Type are not codes by their names: here they hold
// words no code of the catalog is.
type kind struct {
	Kind   string
	Value  string
	Type   string
	Status int
}

var kinds = []kind{
	{Kind: "widget", Value: "blue", Type: "round", Status: http.StatusBadRequest},
}

// Two integers hold error statuses: which one goes with the code is not
// known, whatever their names say.
type twoStatuses struct {
	Code         string
	HTTPStatus   int
	LegacyStatus int
}

var both = []twoStatuses{
	{Code: "secret_exists", HTTPStatus: http.StatusConflict, LegacyStatus: http.StatusBadRequest},
}

// A field named like a status that holds no error status is not one.
type limits struct {
	Code        string
	StatusLimit int
	Status      int
}

var limited = []limits{
	{Code: "rate_limited", StatusLimit: 100, Status: http.StatusServiceUnavailable}, // want `code "rate_limited" is mapped to status 503; the catalog says 429 \(errcodes.yaml:\d+\)`
}

// A map keyed by codes: the row's one error status goes with the key.
var byCode = map[string]struct {
	Retries int
	Reply   int
}{
	"rate_limited":     {Retries: 3, Reply: http.StatusTooManyRequests},
	"secret_not_found": {Retries: 0, Reply: http.StatusGone}, // want `code "secret_not_found" is mapped to status 410; the catalog says 404 \(errcodes.yaml:\d+\)`
}
