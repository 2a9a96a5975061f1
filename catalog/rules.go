package catalog

import (
	"net/http"
	"net/textproto"
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

// SameHeader reports whether key, a header key as a handler set it in
// the header map, names the header name as a client reads it: the server
// sends the key as it is, and a client's parser canonicalizes every field
// name it reads (textproto.CanonicalMIMEHeaderKey), so "retry-after" and
// "RETRY-AFTER" are Retry-After. The passes (the keys a handler sets) and
// conformance (the keys a response has) ask here. Whether a
// non-canonical key is a mistake is another question: Header.Get, on the
// server's own map, finds only the canonical key.
func SameHeader(key, name string) bool {
	return textproto.CanonicalMIMEHeaderKey(key) == textproto.CanonicalMIMEHeaderKey(name)
}

// KeyMatches reports whether key, an object key of a JSON body or an
// element name of an XML one (format "json" or "xml"), is name, a step of
// a wire path, as a client decoding the body matches it: encoding/json
// matches an object key to a field without regard to case (its fold is
// strings.EqualFold's, Unicode included), encoding/xml matches an element
// to a field by its exact name. Both the passes (the keys a handler's
// bodies have) and conformance (the keys a response has) ask here.
func KeyMatches(format, key, name string) bool {
	if format == "xml" {
		return key == name
	}
	return strings.EqualFold(key, name)
}

// JoinPath joins two body paths, either of which may be empty: "error" and
// "code" are "error.code"; a path that starts with "[]", the elements of
// the array a ends at, follows a directly ("errors" and "[]" are
// "errors[]", "errors" and "[].code" are "errors[].code"). Every body path
// the passes and the catalog tools build is joined here, in the form
// ParsePath and Wire.At read.
func JoinPath(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "" || strings.HasPrefix(b, "[]"):
		return a + b
	}
	return a + "." + b
}

// StepMatches reports whether a key of a body, holding a list when array,
// is step of a wire path: the key by KeyMatches, and under JSON a list
// where the step has "[]" and nowhere else; under XML, where a list is
// repeated sibling elements, with or without "[]". conformance follows the
// same rule as it walks a response (a JSON value that is not where the
// path wants it is not at the path).
func StepMatches(format, key string, array bool, step Segment) bool {
	return KeyMatches(format, key, step.Name) && (format == "xml" || array == step.Array)
}

// At reports whether path, a body path from the encoded value down (as
// JoinPath builds it), is at wire, one of w's parsed paths
// (CodePath, StatusPath): as many steps, each matching by StepMatches.
// Under XML the path may start at the root element (wire's first step) or
// below it, as conformance reads a response.
func (w *Wire) At(path string, wire []Segment) bool {
	if path == "" || len(wire) == 0 {
		return false
	}
	steps := splitPath(path)
	if w.Format == "xml" {
		return w.stepsAt(steps, wire) || w.stepsAt(steps, wire[1:])
	}
	return w.stepsAt(steps, wire)
}

func (w *Wire) stepsAt(steps, wire []Segment) bool {
	if len(steps) != len(wire) {
		return false
	}
	for i, s := range steps {
		if !StepMatches(w.Format, s.Name, s.Array, wire[i]) {
			return false
		}
	}
	return true
}

// splitPath is a body path's steps; unlike ParsePath it takes any path,
// one that starts with "[]" (a body that is an array) included.
func splitPath(path string) []Segment {
	var out []Segment
	for name := range strings.SplitSeq(path, ".") {
		seg := Segment{Name: name}
		if n, ok := strings.CutSuffix(name, "[]"); ok {
			seg = Segment{Name: n, Array: true}
		}
		out = append(out, seg)
	}
	return out
}
