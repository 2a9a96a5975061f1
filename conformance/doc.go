// Package conformance checks live HTTP error responses against an API's
// error-code catalog (errcodes.yaml), in tests.
//
// errcodelint's analyzers check the code they can see; this package checks
// what only shows at run time: codes looked up from tables, statuses chosen
// by configuration, and APIs whose source the test does not have. A Checker
// wraps a server's http.Handler or a client's http.RoundTripper and checks
// every error response (status 400 to 599, catalog.IsErrorStatus, as the
// passes have it; a status of 600 or more is no HTTP status and passes
// unchecked):
//
//   - a body in the catalog's wire format carries a code at the wire path
//     (every element of an errors[] array), with the wire prefix;
//   - the code is in the catalog (templates match);
//   - the status is one the catalog gives the code, and the code is not one
//     the catalog marks reported (sent in payloads only);
//   - the body's status field (wire.status), when present, repeats the
//     HTTP status;
//   - a status listed in rules.retry_after carries a Retry-After header,
//     and any Retry-After, as the handler set it or the client parsed it,
//     is delay-seconds or an HTTP-date with no whitespace around it
//     (catalog.ValidRetryAfter, the retryafter pass's rule too);
//   - when the catalog lists operations and the request (its method and
//     URL.Path, as catalog.Catalog.OperationFor matches them) is for one,
//     the operation documents a response for the status (its own, its
//     class's, or the default), and that response carries each of the
//     body's cataloged codes (one that names no codes carries any). A
//     request for no operation is checked by the other rules only.
//
// An error response with no body, or with a body that is not in the wire
// format (text/plain from http.Error, an HTML error page), is a bare status,
// not a code emission: only its Retry-After is checked. A body declared in
// the wire format that does not decode, or that has no code at the wire
// path, is reported.
//
// The wrappers leave the wire as it is: status, headers, body and whether
// the connection stays open are what they would be without them, over
// HTTP/1.1 and HTTP/2 (Handler says which use of http.MaxBytesReader it
// cannot see). The handler wrapper copies what the handler writes as it
// passes through. Of http.Flusher, http.Hijacker, http.Pusher and
// io.ReaderFrom, the writer it gives the handler has those of the writer
// under it, so streaming, Hijack and http.ResponseController keep
// working; a header set under a key that is not canonical
// (h["retry-after"]) is read as the client reads it; the body of a
// response to HEAD, which the client never gets, is not checked. The
// transport wrapper reads an error body before returning the response,
// waiting at most BodyTimeout for it to end, and replays it. A body longer
// than the limit (BodyLimit, 1 MiB by default) passes through unchecked
// and is counted as such in the Coverage, never reported.
//
// Violations fail the test given to Handler or Transport, or, with the
// Collect option, are only kept for Violations. Each is reported at the
// test's line that sent the request when the stack shows it (a handler
// called with ServeHTTP, a client's request through Transport), else at
// the line that wrapped the handler (one run by a server). A Checker keeps
// and reports the first MaxViolationsPerRule violations of each rule and
// only counts the rest (Dropped), and quotes codes longer than
// catalog.MaxQuoted bytes cut short, as the analyzers do: memory stays
// bounded however many responses break a rule. Coverage tells which
// cataloged codes the tests produced rightly (with a status the catalog
// gives them, and the wire prefix), which they only sent wrongly, and
// which never, and, when the catalog lists operations, which of their
// documented error responses the tests never produced:
//
//	func TestAPI(t *testing.T) {
//		chk, err := conformance.Load("../errcodes.yaml")
//		require.NoError(t, err)
//		srv := httptest.NewServer(chk.Handler(t, api.New().Handler()))
//		defer srv.Close()
//		// ... exercise the API through srv.Client() ...
//		t.Log(chk.Coverage()) // conformance: 9 of 14 codes seen in 23 error responses; never seen: ...
//	}
package conformance
