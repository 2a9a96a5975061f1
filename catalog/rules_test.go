package catalog

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestValidRetryAfter pins the Retry-After rule: delay-seconds or one of
// the three HTTP-date forms, taken exactly as given.
func TestValidRetryAfter(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want bool
	}{
		{"0", true},
		{"120", true},
		{"007", true},
		{"99999999999999999999", true},              // 1*DIGIT has no bound
		{"Wed, 21 Oct 2015 07:28:00 GMT", true},     // IMF-fixdate
		{"Wednesday, 21-Oct-15 07:28:00 GMT", true}, // rfc850-date
		{"Wed Oct 21 07:28:00 2015", true},          // asctime-date
		{"Wed Oct  1 07:28:00 2015", true},          // asctime pads the day with a space

		// Whitespace around a field value is not part of it (RFC 9110 §5.5).
		{" 120", false},
		{"120 ", false},
		{" 30 ", false},
		{"\t120", false},
		{"120\r\n", false},
		{"\u00a0120", false},
		{" Wed, 21 Oct 2015 07:28:00 GMT", false},
		{"Wed, 21 Oct 2015 07:28:00 GMT ", false},
		{"1 20", false},

		{"", false},
		{"-1", false},
		{"+1", false},
		{"1.5", false},
		{"45s", false},
		{"1m0s", false},
		{"0x10", false},
		{"١٢٠", false}, // Arabic-Indic digits: not DIGIT
		{"2015-10-21T07:28:00Z", false},
		{"Wed, 21 Oct 2015 07:28:00", false},
	} {
		assert.Equal(t, tt.want, ValidRetryAfter(tt.in), "%q", tt.in)
	}
}

// TestIsErrorStatus pins the bounds: 4xx and 5xx, nothing past 599.
func TestIsErrorStatus(t *testing.T) {
	for status, want := range map[int64]bool{
		0: false, 200: false, 399: false,
		400: true, 404: true, 429: true, 599: true,
		600: false, 999: false, -400: false,
	} {
		assert.Equal(t, want, IsErrorStatus(status), "%d", status)
	}
}

// TestSameHeader pins which header keys, as a handler sets them in the
// header map, a client reads as Retry-After, and proves each against
// net/http: a server sends the key and Go's client looks the name up.
func TestSameHeader(t *testing.T) {
	for _, tt := range []struct {
		key  string
		want bool
	}{
		{"Retry-After", true},
		{"retry-after", true},
		{"RETRY-AFTER", true},
		{"rEtRy-AfTeR", true},
		{"retry_after", false},
		{"Retry-After-Ms", false},
		{"RetryAfter", false},
	} {
		assert.Equal(t, tt.want, SameHeader(tt.key, "Retry-After"), "%q", tt.key)
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header()[tt.key] = []string{"120"}
			w.WriteHeader(http.StatusTooManyRequests)
		}))
		resp, err := http.Get(srv.URL)
		require.NoError(t, err)
		resp.Body.Close()
		srv.Close()
		assert.Equal(t, tt.want, resp.Header.Get("Retry-After") == "120", "%q as a client reads it", tt.key)
	}
}

// TestKeyMatches pins how a client matches a body's keys to a wire path's
// steps: encoding/json folds case (Unicode too), encoding/xml does not.
func TestKeyMatches(t *testing.T) {
	for _, tt := range []struct {
		format, key, name string
		want              bool
	}{
		{"json", "code", "code", true},
		{"json", "Code", "code", true},
		{"json", "CODE", "code", true},
		{"json", "\u212aind", "kind", true}, // the Kelvin sign folds to k
		{"json", "ſtatus", "status", true},  // so does the long s to s
		{"json", "code_", "code", false},
		{"json", "", "code", false},
		{"", "Code", "code", true}, // a catalog built by hand is JSON
		{"xml", "Code", "Code", true},
		{"xml", "code", "Code", false},
		{"xml", "CODE", "code", false},
	} {
		assert.Equal(t, tt.want, KeyMatches(tt.format, tt.key, tt.name), "%s %q %q", tt.format, tt.key, tt.name)
	}
}

// TestWireAt pins how a body path the passes build is matched with a wire
// path: step by step by KeyMatches; under JSON "[]" in both or in
// neither, under XML not compared, and the root element optional.
func TestWireAt(t *testing.T) {
	for _, tt := range []struct {
		format, wire, path string
		want               bool
	}{
		{"json", "error.code", "error.code", true},
		{"json", "Error.Code", "error.code", true},
		{"json", "error.code", "ERROR.Code", true},
		{"json", "errors[].code", "errors[].code", true},
		{"json", "errors[].code", "Errors[].Code", true},
		{"json", "errors[].code", "errors.code", false},
		{"json", "errors.code", "errors[].code", false},
		{"json", "error.code", "code", false},
		{"json", "code", "error.code", false},
		{"json", "code", "[].code", false},
		{"json", "code", "", false},
		{"xml", "Error.Code", "Error.Code", true},
		{"xml", "Error.Code", "Code", true}, // the encoded value is the root element
		{"xml", "Error.Code", "code", false},
		{"xml", "error.code", "Code", false},
		{"xml", "Errors.Error[].Code", "Errors.Error.Code", true},
		{"xml", "Errors.Error.Code", "Error[].Code", true},
		{"xml", "Code", "Code", true},
		{"xml", "Code", "", false},
	} {
		p, err := ParsePath(tt.wire)
		require.NoError(t, err)
		w := &Wire{Format: tt.format}
		assert.Equal(t, tt.want, w.At(tt.path, p), "%s wire %q, path %q", tt.format, tt.wire, tt.path)
	}
}

// TestJoinPath pins how body paths are joined, "[]" included, and that a
// joined path reads back as the wire path it spells: the passes build
// paths with JoinPath and match them with Wire.At, the importer writes
// them into catalogs that ParsePath reads.
func TestJoinPath(t *testing.T) {
	for _, tt := range []struct{ a, b, want string }{
		{"", "", ""},
		{"", "code", "code"},
		{"code", "", "code"},
		{"error", "code", "error.code"},
		{"errors", "[]", "errors[]"},
		{"errors[]", "code", "errors[].code"},
		{"errors", "[].code", "errors[].code"},
		{"a", "[][].b", "a[][].b"},
		{"", "[]", "[]"},
		{"[]", "code", "[].code"},
		{"[]", "", "[]"},
		{"a.b", "c.d", "a.b.c.d"},
	} {
		got := JoinPath(tt.a, tt.b)
		assert.Equal(t, tt.want, got, "%q + %q", tt.a, tt.b)
		if wire, err := ParsePath(got); err == nil {
			assert.True(t, (&Wire{Format: "json"}).At(got, wire), "%q does not read back", got)
		}
	}
}
