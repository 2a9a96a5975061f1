// Package errcode defines an Analyzer that reports error codes a server
// sends but its catalog does not list, and codes sent with a status other
// than the catalog's.
//
// # Analyzer errcode
//
// errcode: check error codes and statuses against the catalog
//
// The catalog (errcodes.yaml) lists each code with its HTTP status. The
// pass finds where code and status meet: a body written after WriteHeader
// on the same writer, a call of a helper that writes both (found through
// facts, across packages), a struct pairing a code field with a status
// field, a map from codes to statuses, a switch in a Status method, two
// maps joined on the same keys; and every constant of go.code_type.
//
//	w.WriteHeader(http.StatusBadRequest)
//	json.NewEncoder(w).Encode(Body{Error: Detail{Code: "secret_not_found"}})
//	// code "secret_not_found" is sent with status 400; the catalog says 404 (errcodes.yaml:31)
//
//	writeError(w, http.StatusNotFound, "secret_notfound", "no such secret")
//	// code "secret_notfound" is not in the catalog; did you mean "secret_not_found"?
//
// Errors that carry a code are paired where they are made and where they
// are sent: a constructor given a code and a status by its caller
// (NewAppError(where, "AccountNotFound", msg, http.StatusForbidden)) is
// checked as the literal it returns, a status error made with another
// error (NewStatusError(ErrAccessDenied(), http.StatusUnauthorized)) pairs
// its status with the wrapped error's code where it is made, unless a
// response of the package sends it, and a code that a central renderer's
// status table lacks is reported as sent with the renderer's default
// status.
//
// Its checks, each with the ID that -errcode.checks, //lint:ignore and
// //nolint take:
//
//	errcode/unknown-code  a code the catalog does not list, where codes go
//	errcode/status        a code sent with, or mapped to, a status the
//	                      catalog does not give it
//	errcode/body-status   an error body's status field (RFC 9457's
//	                      "status") that disagrees with the HTTP status
//	errcode/operation     a handler that can send a status or code its
//	                      operation does not document
//
// When the catalog lists the API's operations (imported from its OpenAPI
// document, or read from it: openapi: api.yaml), each handler the package registers (net/http's ServeMux,
// chi, gin, echo, gorilla/mux, and the servers oapi-codegen and ogen
// generate) is held to its operation's error responses:
//
//	mux.HandleFunc("GET /v1/secrets/{id}", getSecret)
//	...
//	w.WriteHeader(http.StatusTooManyRequests)
//	// handler getSecret can send status 429, which operation getSecret
//	// (GET /v1/secrets/{id}) does not document; it documents 404 or 400 (api.yaml:40)
//
// The finding stands where the handler writes the status, or at the
// registration when the handler is another package's. A route the
// catalog does not describe, and a status the engine cannot know (one
// read from input, or looked up by a key not known), are not reported.
// When the catalog points at its document and the handler serves one
// operation, a status no response covers comes with a fix that adds the
// response to the document (in a YAML block mapping only).
//
// A wrong status comes with a fix to the catalog's (http.StatusNotFound).
// Values that cannot be known are not reported; an unknown code is reported
// only where it provably reaches the wire (a body's code field, a helper's
// code parameter) or is of the catalog's code type. Struct rows of types
// from other modules (an SDK's error) are not the API's, nor integers when
// the catalog's codes are strings, nor text built around a code constant
// (a fallback body typed as the code type by the code it embeds). Where a
// body's code is found by the wire path alone (a map, a struct the catalog
// does not name), text written outside the catalog's lexicon (characters
// none of its codes use, or far longer than its codes) is a message of
// another body ({"error": "Internal server error."}), not a wrong code,
// unless it is a near miss of one; in a go.error_types code field every
// value is a code. A code may have several statuses in the catalog: any of them is right, and each
// is offered as a fix. Codes marked reported travel in payloads and are not
// checked against the status. Test files are not reported unless -tests is
// set. -notices is for errcodelint's own driver: it adds a notice per
// package with HTTP code, saying whether a catalog governs it and whether
// the catalog's wire.code matched its bodies, and one when it decodes
// responses into its own types with nothing at wire.code while the catalog
// names no go.error_types (see notices.go).
package errcode
