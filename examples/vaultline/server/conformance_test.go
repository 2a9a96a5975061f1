package server_test

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/errcodelint/errcodelint/catalog"
	"github.com/errcodelint/errcodelint/conformance"
	"github.com/errcodelint/errcodelint/examples/vaultline/server"
)

// api is one Vaultline server under the Checker, and a caller of it.
type api struct {
	t     *testing.T
	srv   *httptest.Server
	token string
}

func newAPI(t *testing.T, chk *conformance.Checker, cfg server.Config) (*server.Server, *api) {
	s := server.New(cfg)
	a := &api{t: t, srv: httptest.NewServer(chk.Handler(t, s.Handler()))}
	t.Cleanup(a.srv.Close)
	return s, a
}

// login asks for a token and keeps it.
func (a *api) login() {
	resp := a.call("POST", "/v1/auth/token", "")
	defer resp.Body.Close()
	require.Equal(a.t, http.StatusOK, resp.StatusCode)
	var out struct{ Token string }
	require.NoError(a.t, json.NewDecoder(resp.Body).Decode(&out))
	a.token = out.Token
}

// call sends a request with the token and returns the response.
func (a *api) call(method, path, body string) *http.Response {
	req, err := http.NewRequest(method, a.srv.URL+path, strings.NewReader(body))
	require.NoError(a.t, err)
	if a.token != "" {
		req.Header.Set("Authorization", "Bearer "+a.token)
	}
	resp, err := a.srv.Client().Do(req)
	require.NoError(a.t, err)
	return resp
}

// do sends a request and checks the status the client received.
func (a *api) do(method, path, body string, status int) {
	a.t.Helper()
	resp := a.call(method, path, body)
	_, _ = io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	assert.Equal(a.t, status, resp.StatusCode, "%s %s", method, path)
}

// TestConformance runs the server under the conformance Checker and drives
// every error path it can reach from outside. The server's deliberate
// mistakes that show at run time must be reported, exactly those; the ones
// only static analysis sees (a header set after WriteHeader on a success,
// an uncataloged constant that is never sent, a table row that is never
// used) must not be.
func TestConformance(t *testing.T) {
	chk, err := conformance.Load("../errcodes.yaml", conformance.Collect())
	require.NoError(t, err)
	cat := chk.Catalog()
	ref := func(code string) string {
		c, ok := cat.Lookup(code)
		require.True(t, ok, code)
		return c.Ref()
	}

	// Writes are throttled: one per hour per token.
	_, a := newAPI(t, chk, server.Config{MaxInflight: 100, DailyWrites: 100, MinWriteGap: time.Hour, MaxSecretBytes: 64})
	a.do("GET", "/v1/secrets/db", "", 403) // access_denied: no token yet
	a.login()
	a.do("POST", "/v1/auth/token", "", 429) // mistake: no Retry-After
	a.do("PUT", "/v1/secrets/db", `{"value":"s3cret"}`, 201)
	a.do("PUT", "/v1/secrets/db", `{"value":"again"}`, 429) // mistake: rate_limited without Retry-After
	a.do("GET", "/v1/secrets/db", "", 200)
	a.do("GET", "/v1/secrets/db?version=x", "", 400) // invalid_request
	a.do("GET", "/v1/secrets/db?version=7", "", 404) // version_not_found
	a.do("GET", "/v1/secrets/nope", "", 404)         // secret_not_found
	a.do("GET", "/v1/secrets/db/", "", 400)          // invalid_path
	a.do("GET", "/v1/metadata/nope", "", 404)        // mistake: secret_notfound
	a.do("GET", "/v1/policies/root", "", 404)        // policy_not_found
	a.do("POST", "/v1/rotate/nope", "", 404)         // secret_not_found
	a.do("POST", "/v1/rotate/db", "", 200)
	a.do("POST", "/v1/rotate/db", "", 429)      // mistake: Retry-After "45s"
	a.do("DELETE", "/v1/secrets/nope", "", 400) // mistake: secret_not_found with 400
	a.do("DELETE", "/v1/secrets/db", "", 204)
	a.do("GET", "/v1/secrets", "", 200) // X-Request-ID set too late, but not an error response

	// Writes are not throttled, but six a day: every write counts, the
	// refused ones too.
	s, b := newAPI(t, chk, server.Config{MaxInflight: 100, DailyWrites: 6, MaxSecretBytes: 64})
	b.login()
	b.do("PUT", "/v1/secrets/db", `{"value":"one"}`, 201)
	b.do("PUT", "/v1/secrets/db?create=true", `{"value":"two"}`, 409)              // secret_exists
	b.do("PUT", "/v1/secrets/db?cas=7", `{"value":"two"}`, 409)                    // version_conflict
	b.do("PUT", "/v1/secrets/db", `{"value":"`+strings.Repeat("x", 100)+`"}`, 413) // payload_too_large
	b.do("PUT", "/v1/secrets/db", `not json`, 400)                                 // invalid_request
	b.do("PUT", "/v1/secrets/x", `{"value":"two"}`, 201)                           // the sixth write
	b.do("PUT", "/v1/secrets/y", `{"value":"three"}`, 429)                         // quota_exceeded, with Retry-After
	s.Seal()
	b.do("GET", "/v1/secrets/db", "", 503) // service_unavailable
	b.do("GET", "/healthz", "", 503)       // a bare status: not a code emission
	s.Unseal()

	// Every request is over the load limit.
	_, c := newAPI(t, chk, server.Config{MaxInflight: 0})
	c.do("GET", "/healthz", "", 429) // rate_limited, with Retry-After

	assert.Equal(t, []string{
		`POST /v1/auth/token: 429: status 429 is sent without Retry-After; rules.retry_after lists it`,
		`PUT /v1/secrets/db: 429: status 429 is sent without Retry-After (code "rate_limited", ` + ref("rate_limited") + `); rules.retry_after lists it`,
		`GET /v1/metadata/nope: 404: code "secret_notfound" is not in the catalog; did you mean "secret_not_found"?`,
		`POST /v1/rotate/db: 429: Retry-After "45s" is neither delay-seconds nor an HTTP-date (code "rate_limited", ` + ref("rate_limited") + `)`,
		`DELETE /v1/secrets/nope: 400: code "secret_not_found" is sent with status 400; the catalog says 404 (` + ref("secret_not_found") + `)`,
	}, violations(chk))

	cov := chk.Coverage()
	t.Log(cov)
	assert.Equal(t, []string{"token_expired", "internal_error"}, values(cov.Unseen))
	assert.Empty(t, cov.Unchecked)
}

func violations(chk *conformance.Checker) []string {
	var out []string
	for _, v := range chk.Violations() {
		out = append(out, v.String())
	}
	return out
}

func values(codes []*catalog.Code) []string {
	var out []string
	for _, c := range codes {
		out = append(out, c.Value)
	}
	return out
}
