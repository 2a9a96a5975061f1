package conformance

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/errcodelint/errcodelint/catalog"
)

// load loads one of the shared catalogs of testdata/catalogs.
func load(t testing.TB, name string) *catalog.Catalog {
	t.Helper()
	cat, err := catalog.Load("../testdata/catalogs/" + name + ".yaml")
	require.NoError(t, err)
	return cat
}

// ref is the catalog line of a code, as messages cite it.
func ref(t testing.TB, cat *catalog.Catalog, code string) string {
	t.Helper()
	c, ok := cat.Lookup(code)
	require.True(t, ok, "code %q not in %s", code, cat.Path)
	return c.Ref()
}

// respond returns a handler that sends status with the content type, the
// body and the header pairs.
func respond(status int, contentType, body string, header ...string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if contentType != "" {
			w.Header().Set("Content-Type", contentType)
		}
		for i := 0; i+1 < len(header); i += 2 {
			w.Header().Add(header[i], header[i+1])
		}
		w.WriteHeader(status)
		_, _ = w.Write([]byte(body))
	})
}

// serve sends one request through the checked handler and returns what the
// client received.
func serve(chk *Checker, h http.Handler, method, path string) *httptest.ResponseRecorder {
	rec := httptest.NewRecorder()
	chk.Handler(nil, h).ServeHTTP(rec, httptest.NewRequest(method, path, nil))
	return rec
}

// messages renders violations as they are reported.
func messages(vs []Violation) []string {
	var out []string
	for _, v := range vs {
		out = append(out, v.String())
	}
	return out
}

const jsonCT = "application/json"

func TestRules(t *testing.T) {
	cat := load(t, "platform")
	notFound := ref(t, cat, "secret_not_found")
	rateLimited := ref(t, cat, "rate_limited")
	date := time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC).Format(http.TimeFormat)
	tests := []struct {
		name string
		h    http.Handler
		want []string
	}{
		{"cataloged code with its status", respond(404, jsonCT, `{"error":{"code":"secret_not_found","message":"no"}}`), nil},
		{"status", respond(400, jsonCT, `{"error":{"code":"secret_not_found"}}`),
			[]string{`GET /x: 400: code "secret_not_found" is sent with status 400; the catalog says 404 (` + notFound + `)`}},
		{"uncataloged", respond(404, jsonCT, `{"error":{"code":"secret_notfound"}}`),
			[]string{`GET /x: 404: code "secret_notfound" is not in the catalog; did you mean "secret_not_found"?`}},
		{"uncataloged without a suggestion", respond(404, jsonCT, `{"error":{"code":"zzzzzzzzzzzzzzzz"}}`),
			[]string{`GET /x: 404: code "zzzzzzzzzzzzzzzz" is not in the catalog`}},
		{"no code at the wire path", respond(400, jsonCT, `{"error":{"message":"bad"}}`),
			[]string{`GET /x: 400: error body has no code at error.code`}},
		{"code at the wrong level", respond(400, jsonCT, `{"code":"invalid_request"}`),
			[]string{`GET /x: 400: error body has no code at error.code`}},
		{"null code", respond(400, jsonCT, `{"error":{"code":null}}`),
			[]string{`GET /x: 400: error body has null at error.code, not a code`}},
		{"empty code", respond(400, jsonCT, `{"error":{"code":""}}`),
			[]string{`GET /x: 400: error body has an empty code at error.code`}},
		{"not JSON", respond(400, jsonCT, `bad request`),
			[]string{`GET /x: 400: error body is not valid JSON: invalid character 'b' looking for beginning of value`}},
		{"truncated JSON", respond(400, jsonCT, `{"error":{"code":"invalid_req`),
			[]string{`GET /x: 400: error body is not valid JSON: unexpected end of JSON input`}},
		{"problem+json", respond(400, "application/problem+json; charset=utf-8", `{"error":{"code":"invalid_request"}}`), nil},
		{"undeclared JSON is checked", respond(400, "", `{"error":{"code":"secret_not_found"}}`),
			[]string{`GET /x: 400: code "secret_not_found" is sent with status 400; the catalog says 404 (` + notFound + `)`}},
		{"text/plain JSON is checked", respond(404, "text/plain; charset=utf-8", `{"error":{"code":"nope_nope_nope"}}`),
			[]string{`GET /x: 404: code "nope_nope_nope" is not in the catalog`}},
		{"undeclared broken JSON is not a code emission", respond(400, "", `{"error":`), nil},
		{"bare status", respond(404, "", ``), nil},
		{"bare status with blank body", respond(500, jsonCT, "\n"), nil},
		{"text/plain from http.Error", respond(404, "text/plain; charset=utf-8", "404 page not found\n"), nil},
		{"HTML error page", respond(502, "text/html", "<html><body>bad gateway</body></html>"), nil},
		{"success is not checked", respond(200, jsonCT, `{"error":{"code":"nope"}}`), nil},
		{"Retry-After missing", respond(429, jsonCT, `{"error":{"code":"rate_limited"}}`),
			[]string{`GET /x: 429: status 429 is sent without Retry-After (code "rate_limited", ` + rateLimited + `); rules.retry_after lists it`}},
		{"Retry-After missing on a bare status", respond(429, "", ``),
			[]string{`GET /x: 429: status 429 is sent without Retry-After; rules.retry_after lists it`}},
		{"Retry-After missing, text body", respond(429, "text/plain", "slow down"),
			[]string{`GET /x: 429: status 429 is sent without Retry-After; rules.retry_after lists it`}},
		{"Retry-After not delay-seconds", respond(429, jsonCT, `{"error":{"code":"rate_limited"}}`, "Retry-After", "45s"),
			[]string{`GET /x: 429: Retry-After "45s" is neither delay-seconds nor an HTTP-date (code "rate_limited", ` + rateLimited + `)`}},
		{"Retry-After fraction", respond(503, jsonCT, `{"error":{"code":"service_unavailable"}}`, "Retry-After", "1.5"),
			[]string{`GET /x: 503: Retry-After "1.5" is neither delay-seconds nor an HTTP-date (code "service_unavailable", ` + ref(t, cat, "service_unavailable") + `)`}},
		{"Retry-After delay-seconds", respond(429, jsonCT, `{"error":{"code":"rate_limited"}}`, "Retry-After", "45"), nil},
		{"Retry-After with whitespace around it", respond(429, jsonCT, `{"error":{"code":"rate_limited"}}`, "Retry-After", " 120"),
			[]string{`GET /x: 429: Retry-After " 120" is neither delay-seconds nor an HTTP-date (code "rate_limited", ` + rateLimited + `)`}},
		{"599 is an error status", respond(599, jsonCT, `{"error":{"code":"secret_not_found"}}`),
			[]string{`GET /x: 599: code "secret_not_found" is sent with status 599; the catalog says 404 (` + notFound + `)`}},
		{"600 is no error status", respond(600, jsonCT, `{"error":{"code":"secret_not_found"}}`, "Retry-After", "45s"), nil},
		{"Retry-After HTTP-date", respond(429, jsonCT, `{"error":{"code":"quota_exceeded"}}`, "Retry-After", date), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			chk := New(cat, Collect())
			serve(chk, tt.h, "GET", "/x")
			assert.Equal(t, tt.want, messages(chk.Violations()))
		})
	}
}

func TestViolationFields(t *testing.T) {
	cat := load(t, "platform")
	chk := New(cat, Collect())
	serve(chk, respond(400, jsonCT, `{"error":{"code":"secret_not_found"}}`), "DELETE", "/v1/secrets/a")
	vs := chk.Violations()
	require.Len(t, vs, 1)
	assert.Equal(t, Violation{
		Rule:   RuleStatus,
		Method: "DELETE",
		Path:   "/v1/secrets/a",
		Status: 400,
		Code:   "secret_not_found",
		Ref:    ref(t, cat, "secret_not_found"),
		Msg:    `code "secret_not_found" is sent with status 400; the catalog says 404 (` + ref(t, cat, "secret_not_found") + `)`,
	}, vs[0])
}

// A catalog of its own, for what the shared ones do not have: reported
// codes and several statuses.
const smallCatalog = `version: 1
api: Small
wire:
  code: error.code
  status: error.status
codes:
  - code: not_found
    status: 404
  - code: delivery_failed
    status: 502
    reported: true
`

func TestReportedAndBodyStatus(t *testing.T) {
	cat, err := catalog.Parse("errcodes.yaml", []byte(smallCatalog))
	require.NoError(t, err)
	chk := New(cat, Collect())
	serve(chk, respond(502, jsonCT, `{"error":{"code":"delivery_failed","status":502}}`), "POST", "/hooks")
	serve(chk, respond(404, jsonCT, `{"error":{"code":"not_found","status":400}}`), "GET", "/a")
	serve(chk, respond(404, jsonCT, `{"error":{"code":"not_found","status":"404"}}`), "GET", "/b")
	serve(chk, respond(404, jsonCT, `{"error":{"code":"not_found","status":404}}`), "GET", "/c")
	serve(chk, respond(404, jsonCT, `{"error":{"code":"not_found"}}`), "GET", "/d")
	assert.Equal(t, []string{
		`POST /hooks: 502: code "delivery_failed" is only reported in payloads, never sent as a response, but is sent with status 502 (errcodes.yaml:9)`,
		`GET /a: 404: body field error.status is 400; the HTTP status is 404`,
		`GET /b: 404: body field error.status is "404"; the HTTP status is 404`,
	}, messages(chk.Violations()))
	assert.Equal(t, RuleReported, chk.Violations()[0].Rule)
	assert.Equal(t, RuleBodyStatus, chk.Violations()[1].Rule)
	// Reported codes are left out of the coverage.
	assert.Equal(t, "conformance: 1 of 1 code seen in 5 error responses", chk.Coverage().String())
}

func TestStatuses(t *testing.T) {
	cat := load(t, "platform")
	code, ok := cat.Lookup("secret_not_found")
	require.True(t, ok)
	assert.Equal(t, []int{404}, code.AllStatuses())
}

func TestStyles(t *testing.T) {
	type exchange struct {
		status int
		ct     string
		body   string
		header []string
		want   []string // violation messages, without the request part
	}
	tests := []struct {
		catalog   string
		exchanges []exchange
		seen      []string
		wrong     []string // sent, but never with a status the catalog gives
	}{
		{"acme", []exchange{
			{400, "application/problem+json", `{"type":"urn:ietf:params:acme:error:badNonce","detail":"stale","status":400}`, nil, nil},
			{403, "application/problem+json", `{"type":"urn:ietf:params:acme:error:badNonce","status":403}`, nil,
				[]string{`code "badNonce" is sent with status 403; the catalog says 400 (acme.yaml:@badNonce)`}},
			{400, "application/problem+json", `{"type":"urn:ietf:params:acme:error:malformed","status":404}`, nil,
				[]string{`body field status is 404; the HTTP status is 400`}},
			{400, "application/problem+json", `{"type":"malformed","status":400}`, nil,
				[]string{`code "malformed" is sent without the wire prefix "urn:ietf:params:acme:error:" (acme.yaml:@malformed)`}},
			{400, "application/problem+json", `{"type":"urn:ietf:params:acme:error:badNonse","status":400}`, nil,
				[]string{`code "urn:ietf:params:acme:error:badNonse" is not in the catalog; did you mean "urn:ietf:params:acme:error:badNonce"?`}},
			{429, "application/problem+json", `{"type":"urn:ietf:params:acme:error:rateLimited","status":429}`, []string{"Retry-After", "3600"}, nil},
		}, []string{"malformed", "rateLimited", "badNonce"}, nil},
		{"platform", []exchange{
			{401, jsonCT, `{"error":{"code":"token_expired","message":"expired"}}`, nil, nil},
			{403, jsonCT, `{"error":{"code":"token_expired"}}`, nil,
				[]string{`code "token_expired" is sent with status 403; the catalog says 401 (platform.yaml:@token_expired)`}},
		}, []string{"token_expired"}, nil},
		{"certcentral", []exchange{
			{404, jsonCT, `{"errors":[{"code":"not_found|order","message":"no order"},{"code":"not_found"}]}`, nil, nil},
			{404, jsonCT, `{"errors":[{"code":"not_found"},{"code":"not_fuond"},{"code":"access_denied|missing_permission"}]}`, nil,
				[]string{
					`code "not_fuond" is not in the catalog; did you mean "not_found"?`,
					`code "access_denied|missing_permission" is sent with status 404; the catalog says 403 (certcentral.yaml:@access_denied|missing_permission)`,
				}},
			{400, jsonCT, `{"errors":[]}`, nil, []string{`error body has no code at errors[].code`}},
			{400, jsonCT, `{"errors":{"code":"not_found"}}`, nil, []string{`error body has no code at errors[].code`}},
		}, []string{"not_found", "not_found|{resource}"}, []string{"access_denied|missing_permission"}},
		{"camelcase", []exchange{
			{403, "application/xml", `<?xml version="1.0"?><Error><Code>AccessDenied</Code><Message>no</Message></Error>`, nil, nil},
			{404, "text/xml; charset=utf-8", `<Error><Code>AccessDenied</Code></Error>`, nil,
				[]string{`code "AccessDenied" is sent with status 404; the catalog says 403 (camelcase.yaml:@AccessDenied)`}},
			{400, "application/xml", `<Error><Message>no code</Message></Error>`, nil, []string{`error body has no code at Error.Code`}},
			{400, "application/xml", `<Error><Code>InputFailure</Code>`, nil, []string{`error body is not valid XML: XML syntax error on line 1: unexpected EOF`}},
			{400, "application/json", `{"Error":{"Code":"InputFailure"}}`, nil, nil}, // JSON on an XML wire: not a code emission
			{400, "", `<Error><Code>Inputfailure</Code></Error>`, nil,
				[]string{`code "Inputfailure" is not in the catalog; did you mean "InputFailure"?`}},
		}, []string{"AccessDenied"}, nil},
		{"numeric", []exchange{
			{403, jsonCT, `{"code":51010,"message":"bad signature"}`, nil, nil},
			{400, jsonCT, `{"code":51010}`, nil,
				[]string{`code 51010 is sent with status 400; the catalog says 403 (numeric.yaml:@51010)`}},
			{400, jsonCT, `{"code":99999999}`, nil, []string{`code 99999999 is not in the catalog`}},
			{503, jsonCT, `{"code":510503}`, nil,
				[]string{`status 503 is sent without Retry-After (code 510503, numeric.yaml:@510503); rules.retry_after lists it`}},
			{503, jsonCT, `{"code":510503}`, []string{"Retry-After", "10"}, nil},
		}, []string{"51010", "510503"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.catalog, func(t *testing.T) {
			cat := load(t, tt.catalog)
			// "(name.yaml:@code)" stands for the catalog line of code: the
			// catalogs may grow.
			expand := func(s string) string {
				for i := strings.Index(s, ".yaml:@"); i >= 0; i = strings.Index(s, ".yaml:@") {
					end := strings.IndexByte(s[i:], ')') + i
					c, ok := cat.Lookup(s[i+len(".yaml:@") : end])
					require.True(t, ok, s)
					start := strings.LastIndexAny(s[:i], "( ") + 1
					s = s[:start] + c.Ref() + s[end:]
				}
				return s
			}
			chk := New(cat, Collect())
			var want []string
			for i, ex := range tt.exchanges {
				path := fmt.Sprintf("/%d", i)
				serve(chk, respond(ex.status, ex.ct, ex.body, ex.header...), "POST", path)
				for _, w := range ex.want {
					want = append(want, fmt.Sprintf("POST %s: %d: %s", path, ex.status, expand(w)))
				}
			}
			assert.Equal(t, want, messages(chk.Violations()))
			values := func(codes []*catalog.Code) []string {
				var out []string
				for _, c := range codes {
					out = append(out, c.Value)
				}
				return out
			}
			lookup := func(names []string) []string {
				var out []string
				for _, s := range names {
					c, ok := cat.Lookup(s)
					require.True(t, ok, s)
					out = append(out, c.Value)
				}
				return out
			}
			cov := chk.Coverage()
			assert.ElementsMatch(t, lookup(tt.seen), values(cov.Seen))
			assert.ElementsMatch(t, lookup(tt.wrong), values(cov.Wrong))
		})
	}
}

func TestCoverage(t *testing.T) {
	cat, err := catalog.Parse("errcodes.yaml", []byte(`version: 1
api: Tiny
wire:
  code: error.code
codes:
  - code: a_missing
    status: 404
  - code: b_conflict
    status: 409
  - code: "c_bad|{field}"
    status: 400
  - code: d_down
    status: 503
`))
	require.NoError(t, err)
	chk := New(cat, Collect(), BodyLimit(64))
	assert.Equal(t, "conformance: 0 of 4 codes seen in 0 error responses; never seen: a_missing, b_conflict, c_bad|{field}, d_down",
		chk.Coverage().String())
	serve(chk, respond(404, jsonCT, `{"error":{"code":"a_missing"}}`), "GET", "/a")
	serve(chk, respond(400, jsonCT, `{"error":{"code":"c_bad|name"}}`), "GET", "/c")
	serve(chk, respond(409, jsonCT, `{"error":{"code":"b_conflict","pad":"`+strings.Repeat("x", 64)+`"}}`), "GET", "/b")
	cov := chk.Coverage()
	assert.Equal(t, "conformance: 2 of 4 codes seen in 3 error responses; never seen: b_conflict, d_down; 1 unchecked", cov.String())
	assert.Equal(t, []string{"GET /b: 409: body longer than 64 bytes"}, cov.Unchecked)
	assert.Equal(t, 3, cov.Responses)
	assert.Empty(t, chk.Violations())
}

// recordingTB is a testing.TB that records what is reported.
type recordingTB struct {
	testing.TB
	errors []string
}

func (r *recordingTB) Errorf(format string, args ...any) {
	r.errors = append(r.errors, fmt.Sprintf(format, args...))
}

func TestReportsThroughTB(t *testing.T) {
	cat := load(t, "platform")
	chk := New(cat)
	tb := &recordingTB{TB: t}
	rec := httptest.NewRecorder()
	chk.Handler(tb, respond(400, jsonCT, `{"error":{"code":"secret_not_found"}}`)).
		ServeHTTP(rec, httptest.NewRequest("GET", "/v1/secrets/a", nil))
	assert.Equal(t, []string{
		`conformance: GET /v1/secrets/a: 400: code "secret_not_found" is sent with status 400; the catalog says 404 (` + ref(t, cat, "secret_not_found") + `)`,
	}, tb.errors)
	// Violations are kept in both modes.
	assert.Len(t, chk.Violations(), 1)
}

func TestLoad(t *testing.T) {
	chk, err := Load("../testdata/catalogs/numeric.yaml")
	require.NoError(t, err)
	assert.Equal(t, "Example Signing Service", chk.Catalog().API)
	_, err = Load("testdata/no-such-catalog.yaml")
	require.Error(t, err)
}

func TestCoverageCountsOnlyRightSends(t *testing.T) {
	cat, err := catalog.Parse("errcodes.yaml", []byte(`version: 1
api: Tiny
wire:
  code: error.code
  prefix: "tiny:"
codes:
  - code: a_missing
    status: 404
  - code: b_conflict
    status: 409
  - code: c_gone
    status: 410
  - code: d_down
    status: 503
`))
	require.NoError(t, err)
	chk := New(cat, Collect())
	// a_missing only ever with a wrong status; b_conflict wrongly, then
	// rightly; c_gone only without the prefix.
	serve(chk, respond(400, jsonCT, `{"error":{"code":"tiny:a_missing"}}`), "GET", "/a")
	serve(chk, respond(400, jsonCT, `{"error":{"code":"tiny:b_conflict"}}`), "GET", "/b")
	serve(chk, respond(409, jsonCT, `{"error":{"code":"tiny:b_conflict"}}`), "GET", "/b")
	serve(chk, respond(410, jsonCT, `{"error":{"code":"c_gone"}}`), "GET", "/c")
	cov := chk.Coverage()
	assert.Equal(t, "conformance: 1 of 4 codes seen in 4 error responses; never seen: d_down; only sent wrongly: a_missing, c_gone",
		cov.String())
	require.Len(t, cov.Seen, 1)
	assert.Equal(t, "b_conflict", cov.Seen[0].Value)
	var wrong []string
	for _, c := range cov.Wrong {
		wrong = append(wrong, c.Value)
	}
	assert.Equal(t, []string{"a_missing", "c_gone"}, wrong)
	require.Len(t, cov.Unseen, 1)
	assert.Equal(t, "d_down", cov.Unseen[0].Value)
}

// TestStatusPastErrorRange: a status of 600 or more is no HTTP status, and
// no error status of the catalog (catalog.IsErrorStatus). Go's server sends
// it; both wrappers pass the response through whole, and neither checks it
// nor counts it.
func TestStatusPastErrorRange(t *testing.T) {
	cat := load(t, "platform")
	const body = `{"error":{"code":"secret_not_found"}}`
	for _, status := range []int{600, 999} {
		server, client := New(cat, Collect()), New(cat, Collect())
		srv := httptest.NewServer(server.Handler(nil, respond(status, jsonCT, body, "Retry-After", "45s")))
		c := &http.Client{Transport: client.Transport(nil, nil)}
		resp, err := c.Get(srv.URL + "/x")
		require.NoError(t, err)
		got, err := io.ReadAll(resp.Body)
		require.NoError(t, err)
		require.NoError(t, resp.Body.Close())
		srv.Close()

		assert.Equal(t, status, resp.StatusCode)
		assert.Equal(t, body, string(got))
		for side, chk := range map[string]*Checker{"handler": server, "transport": client} {
			assert.Empty(t, chk.Violations(), "%d, %s", status, side)
			cov := chk.Coverage()
			assert.Zero(t, cov.Responses, "%d, %s: error responses", status, side)
			assert.Zero(t, cov.UncheckedCount, "%d, %s: unchecked", status, side)
		}
	}
}

// TestRetryAfterWhitespaceOnTheWire pins why catalog.ValidRetryAfter trims
// nothing. A handler that sets " 120" is reported by the handler wrapper,
// as by the retryafter pass. What the client gets depends on the protocol:
// Go's HTTP/1 server trims the value as it writes it, and the client reads
// "120", valid; its HTTP/2 server sends " 120" as set (a malformed field
// value, RFC 9113 §8.2.1), the client reads " 120", and the transport
// wrapper reports it too.
func TestRetryAfterWhitespaceOnTheWire(t *testing.T) {
	cat := load(t, "platform")
	h := respond(429, jsonCT, `{"error":{"code":"rate_limited"}}`, "Retry-After", " 120")
	for _, tt := range []struct {
		proto      int
		received   string
		clientSide bool // the transport wrapper reports it
	}{
		{1, "120", false},
		{2, " 120", true},
	} {
		t.Run(fmt.Sprintf("HTTP/%d", tt.proto), func(t *testing.T) {
			server, client := New(cat, Collect()), New(cat, Collect())
			srv := httptest.NewUnstartedServer(server.Handler(nil, h))
			srv.EnableHTTP2 = tt.proto == 2
			srv.StartTLS()
			defer srv.Close()
			c := srv.Client()
			c.Transport = client.Transport(nil, c.Transport)
			resp, err := c.Get(srv.URL + "/x")
			require.NoError(t, err)
			_, _ = io.Copy(io.Discard, resp.Body)
			require.NoError(t, resp.Body.Close())
			require.Equal(t, tt.proto, resp.ProtoMajor)

			assert.Equal(t, []string{"GET /x: 429: Retry-After \" 120\" is neither delay-seconds nor an HTTP-date (code \"rate_limited\", " +
				ref(t, cat, "rate_limited") + ")"}, messages(server.Violations()), "handler")
			assert.Equal(t, tt.received, resp.Header.Get("Retry-After"), "as the client reads it")
			assert.Equal(t, tt.clientSide, len(client.Violations()) > 0, "transport: %q", messages(client.Violations()))
		})
	}
}
