package catalog

import (
	"net/http"
	"strings"
)

// The rules below are the questions both sides of errcodelint ask: the
// passes of the values they can see in Go code, package conformance of the
// responses a test produces. Each is answered here once, so that the two
// sides cannot disagree; IsErrorStatus (catalog.go) is one of them.

// ValidRetryAfter reports whether v, a Retry-After field value, is
// delay-seconds or an HTTP-date (RFC 9110 §10.2.3): one or more ASCII
// digits, or an HTTP-date in one of its three forms (§5.6.7) as
// http.ParseTime reads them. "45s", "1.5", "-1" and "" are not.
//
// v is taken exactly as it is, whitespace included: " 120" is not valid.
// RFC 9110 §5.5 defines a field value as having no leading or trailing
// whitespace; the optional whitespace around it on an HTTP/1.1 field line
// belongs to the line, and parsers drop it before they read the value
// (Go's client does). Both callers already hold a field value, not a line:
//
//   - the passes see the value a handler sets, w.Header().Set("Retry-After",
//     " 120"), and the server is asked to send exactly those bytes. Go's
//     HTTP/1 server happens to trim them as it writes; its HTTP/2 server
//     sends them as set, which RFC 9113 §8.2.1 makes a malformed response,
//     and Go's HTTP/2 client hands " 120" to the caller, where
//     strconv.Atoi fails. The value is wrong where it is written.
//   - conformance's handler wrapper reads the same header map the handler
//     set, so it sees what the passes see; its transport wrapper reads the
//     header as the client parsed it, where the whitespace HTTP/1.1 allows
//     around a value is already gone and the whitespace HTTP/2 forbids is
//     still there.
//
// Trimming here (strings.TrimSpace, as conformance once did) would pass a
// value at run time that the passes report, and would accept Unicode
// spaces no HTTP parser drops.
func ValidRetryAfter(v string) bool {
	if v != "" && strings.Trim(v, "0123456789") == "" {
		return true // delay-seconds = 1*DIGIT
	}
	_, err := http.ParseTime(v)
	return err == nil
}
