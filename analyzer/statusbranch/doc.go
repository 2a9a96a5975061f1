// Package statusbranch defines an Analyzer that reports clients that
// branch on an HTTP status their API's catalog gives to several error
// codes, where only the code tells them apart.
//
// # Analyzer statusbranch
//
// statusbranch: report branches on a status several codes share
//
// A status is read from *http.Response.StatusCode (directly, through a
// local, or through a parameter of a helper fed from it), from the status
// field of a client error type named in the catalog's go.error_types, or
// from the body field at wire.status. A comparison (== or !=) or a switch
// case with an error status that the catalog gives to two or more codes is
// reported with the codes:
//
//	if resp.StatusCode == http.StatusTooManyRequests { // retry
//	// branching on status 429 cannot tell rate_limited from quota_exceeded; branch on the error code
//
// Not reported: ranges (>= 400, /100 == 5), success and redirect statuses,
// statuses with one code (unless -strict), statuses the catalog does not
// list, a branch that also tests the code (p.Status == 400 && p.Type ==
// badNonce, or an if whose body switches on the code), responses to HEAD
// requests, which have no body to read a code from, responses whose body
// the function threw away unread before the branch (io.Copy to io.Discard,
// a Close that is not deferred), a switch whose every
// status case yields a code (a table from statuses to codes), and the
// responses of other services: a response status is the API's only where
// the function or its package decodes one of the API's bodies, compares one
// of its codes, or uses its code type or error types, or a type whose
// values are registered with its codes (var ErrDenied =
// Register(Descriptor{Value: "DENIED", HTTPStatusCode: 403})).
//
// On the code side, a comparison or case with a code the catalog does not
// list is reported: it never matches. A sentence compared with a value the
// catalog does not declare a code (neither go.code_type nor a
// go.error_types code field) is a message of some other body, written
// outside the catalog's lexicon, and not reported unless it is a near miss
// of a code. A value is a code of the API only
// when it is of go.code_type, a go.error_types code field, or read at the
// catalog's whole wire path from a body type the module decodes from
// responses (a type it only encodes, or decodes from requests, is a
// server's resource: a switch on a Task's "type" is not a branch on a
// code), in the catalog's wire format, of a kind the catalog's codes can be, and
// of a type of the analyzed module or named by the catalog: an internal
// enum, a database error's SQLSTATE or another service's SDK error is not.
//
// Its checks, each with the ID that -statusbranch.checks, //lint:ignore
// and //nolint take:
//
//	statusbranch/shared-status  a branch on a status several codes share
//	statusbranch/unknown-code   a branch on a code the catalog does not list
//
// Test files are not reported unless -tests is set. Without a catalog the
// pass is silent.
package statusbranch
