package conformance

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/errcodelint/errcodelint/catalog"
)

// lockers loads testdata/lockers.yaml, a catalog that lists operations.
func lockers(t testing.TB) *catalog.Catalog {
	t.Helper()
	cat, err := catalog.Load("testdata/lockers.yaml")
	require.NoError(t, err)
	require.NotEmpty(t, cat.Operations)
	return cat
}

// opRef is where messages cite the operation with id.
func opRef(t testing.TB, cat *catalog.Catalog, id string) string {
	t.Helper()
	op := cat.OperationByID(id)
	require.NotNil(t, op, id)
	return op.Ref()
}

// sides send one request through a checked handler or a checked client
// transport: both must find the same.
var sides = map[string]func(t *testing.T, chk *Checker, h http.Handler, method, path string){
	"handler": func(_ *testing.T, chk *Checker, h http.Handler, method, path string) {
		serve(chk, h, method, path)
	},
	"transport": func(t *testing.T, chk *Checker, h http.Handler, method, path string) {
		srv := httptest.NewServer(h)
		defer srv.Close()
		c := &http.Client{Transport: chk.Transport(nil, srv.Client().Transport)}
		req, err := http.NewRequest(method, srv.URL+path, nil)
		require.NoError(t, err)
		resp, err := c.Do(req)
		require.NoError(t, err)
		_, _ = io.Copy(io.Discard, resp.Body)
		require.NoError(t, resp.Body.Close())
	},
}

func TestOperationRule(t *testing.T) {
	cat := lockers(t)
	getLocker := opRef(t, cat, "getLocker")
	deposit := opRef(t, cat, "depositParcel")
	stats := opRef(t, cat, "lockerStats")
	require.Equal(t, "lockers-api.yaml:40", getLocker, "the document's line, as the catalog gives it")
	body := func(code string) string { return `{"error":{"code":"` + code + `"}}` }
	tests := []struct {
		name         string
		method, path string
		h            http.Handler
		want         []string
	}{
		{"documented status and code", "GET", "/lockers/7", respond(404, jsonCT, body("locker_not_found")), nil},
		{"code the response does not carry", "GET", "/lockers/7", respond(404, jsonCT, body("parcel_not_found")),
			[]string{`GET /lockers/7: 404: code "parcel_not_found" is not documented for getLocker (GET /lockers/{id}) 404, which names "locker_not_found" (` + getLocker + `)`}},
		{"a response naming no codes carries any", "GET", "/lockers/7", respond(400, jsonCT, body("bad_size")), nil},
		{"undocumented status", "GET", "/lockers/7", respond(409, jsonCT, body("locker_full")),
			[]string{`GET /lockers/7: 409: status 409 is not documented for getLocker (GET /lockers/{id}), which documents 404 or 400 (` + getLocker + `)`}},
		{"undocumented bare status", "GET", "/lockers/7", respond(503, "", ""),
			[]string{`GET /lockers/7: 503: status 503 is not documented for getLocker (GET /lockers/{id}), which documents 404 or 400 (` + getLocker + `)`}},
		{"undocumented status, text body", "GET", "/lockers/7", respond(500, "text/plain", "oops\n"),
			[]string{`GET /lockers/7: 500: status 500 is not documented for getLocker (GET /lockers/{id}), which documents 404 or 400 (` + getLocker + `)`}},
		{"own status before the class", "POST", "/lockers/7/parcels", respond(409, jsonCT, body("locker_full")), nil},
		{"4XX fallback", "POST", "/lockers/7/parcels", respond(400, jsonCT, body("bad_size")), nil},
		{"4XX fallback, another status", "POST", "/lockers/7/parcels", respond(404, jsonCT, body("locker_not_found")), nil},
		{"4XX fallback, code not carried", "POST", "/lockers/7/parcels", respond(404, jsonCT, body("parcel_not_found")),
			[]string{`POST /lockers/7/parcels: 404: code "parcel_not_found" is not documented for depositParcel (POST /lockers/{id}/parcels) 4XX, which names "bad_size" or "locker_not_found" (` + deposit + `)`}},
		{"5XX fallback naming no codes", "POST", "/lockers/7/parcels", respond(502, "", ""), nil},
		{"wrong status and not carried: both rules", "POST", "/lockers/7/parcels", respond(409, jsonCT, body("bad_size")),
			[]string{
				`POST /lockers/7/parcels: 409: code "bad_size" is sent with status 409; the catalog says 400 (` + ref(t, cat, "bad_size") + `)`,
				`POST /lockers/7/parcels: 409: code "bad_size" is not documented for depositParcel (POST /lockers/{id}/parcels) 409, which names "locker_full" (` + deposit + `)`,
			}},
		{"default fallback", "GET", "/lockers/stats", respond(503, jsonCT, body("backend_down")), nil},
		{"default fallback, code not carried", "GET", "/lockers/stats", respond(404, jsonCT, body("locker_not_found")),
			[]string{`GET /lockers/stats: 404: code "locker_not_found" is not documented for lockerStats (GET /lockers/stats) default, which names "backend_down" (` + stats + `)`}},
		{"uncataloged code: its own rule only", "GET", "/lockers/7", respond(404, jsonCT, body("locker_gone")),
			[]string{`GET /lockers/7: 404: code "locker_gone" is not in the catalog`}},
		{"success is not checked", "GET", "/lockers/7", respond(200, jsonCT, body("parcel_not_found")), nil},
		{"no operation for the path", "GET", "/parcels/3", respond(409, jsonCT, body("locker_full")), nil},
		{"no operation, other rules still apply", "GET", "/parcels/3", respond(400, jsonCT, body("parcel_not_found")),
			[]string{`GET /parcels/3: 400: code "parcel_not_found" is sent with status 400; the catalog says 404 (` + ref(t, cat, "parcel_not_found") + `)`}},
		{"no operation for the method", "DELETE", "/lockers/7", respond(409, jsonCT, body("locker_full")), nil},
		{"no trailing-slash leniency", "GET", "/lockers/7/", respond(409, jsonCT, body("locker_full")), nil},
		{"HEAD is served as GET", "HEAD", "/lockers/7", respond(409, "", ""),
			[]string{`HEAD /lockers/7: 409: status 409 is not documented for getLocker (GET /lockers/{id}), which documents 404 or 400 (` + getLocker + `)`}},
		{"HEAD, documented for GET", "HEAD", "/lockers/7", respond(404, "", ""), nil},
	}
	for side, send := range sides {
		for _, tt := range tests {
			t.Run(side+"/"+tt.name, func(t *testing.T) {
				chk := New(cat, Collect())
				send(t, chk, tt.h, tt.method, tt.path)
				assert.Equal(t, tt.want, messages(chk.Violations()))
			})
		}
	}
}

func TestOperationViolationFields(t *testing.T) {
	cat := lockers(t)
	for side, send := range sides {
		chk := New(cat, Collect())
		send(t, chk, respond(404, jsonCT, `{"error":{"code":"parcel_not_found"}}`), "GET", "/lockers/7")
		send(t, chk, respond(409, "", ""), "GET", "/lockers/8")
		vs := chk.Violations()
		require.Len(t, vs, 2, side)
		assert.Equal(t, Violation{
			Rule:   RuleOperation,
			Method: "GET",
			Path:   "/lockers/7",
			Status: 404,
			Code:   "parcel_not_found",
			Ref:    "lockers-api.yaml:40",
			Msg:    `code "parcel_not_found" is not documented for getLocker (GET /lockers/{id}) 404, which names "locker_not_found" (lockers-api.yaml:40)`,
		}, vs[0], side)
		assert.Equal(t, Violation{
			Rule:   RuleOperation,
			Method: "GET",
			Path:   "/lockers/8",
			Status: 409,
			Ref:    "lockers-api.yaml:40",
			Msg:    `status 409 is not documented for getLocker (GET /lockers/{id}), which documents 404 or 400 (lockers-api.yaml:40)`,
		}, vs[1], side)
	}
}

// TestOperationReportsThroughTB: without Collect, an operation violation
// fails the test like any other.
func TestOperationReportsThroughTB(t *testing.T) {
	cat := lockers(t)
	tb := &recordingTB{TB: t}
	rec := httptest.NewRecorder()
	New(cat).Handler(tb, respond(503, "", "")).ServeHTTP(rec, httptest.NewRequest("GET", "/lockers/7", nil))
	assert.Equal(t, []string{
		`conformance: GET /lockers/7: 503: status 503 is not documented for getLocker (GET /lockers/{id}), which documents 404 or 400 (lockers-api.yaml:40)`,
	}, tb.errors)
}

func TestOperationCoverage(t *testing.T) {
	cat := lockers(t)
	for side, send := range sides {
		t.Run(side, func(t *testing.T) {
			chk := New(cat, Collect())
			assert.Equal(t, "conformance: 0 of 5 codes seen in 0 error responses; never seen: locker_not_found, parcel_not_found, locker_full, bad_size, backend_down"+
				"; 0 of 6 documented error responses seen; never produced: getLocker (GET /lockers/{id}) 404, getLocker (GET /lockers/{id}) 400, "+
				"depositParcel (POST /lockers/{id}/parcels) 409, depositParcel (POST /lockers/{id}/parcels) 4XX, depositParcel (POST /lockers/{id}/parcels) 5XX, "+
				"lockerStats (GET /lockers/stats) default",
				chk.Coverage().String())

			send(t, chk, respond(404, jsonCT, `{"error":{"code":"locker_not_found"}}`), "GET", "/lockers/1")
			send(t, chk, respond(404, jsonCT, `{"error":{"code":"locker_not_found"}}`), "GET", "/lockers/2")
			// Produced, though with a code it does not carry: counted, and
			// reported on its own.
			send(t, chk, respond(404, jsonCT, `{"error":{"code":"parcel_not_found"}}`), "POST", "/lockers/1/parcels")
			send(t, chk, respond(503, "", ""), "GET", "/lockers/stats")
			// Undocumented: falls under no documented response.
			send(t, chk, respond(409, "", ""), "GET", "/lockers/1")
			// For no operation.
			send(t, chk, respond(404, jsonCT, `{"error":{"code":"parcel_not_found"}}`), "GET", "/parcels/1")
			send(t, chk, respond(500, "", ""), "PUT", "/lockers/1")
			// Not an error response: neither seen nor unmatched.
			send(t, chk, respond(204, "", ""), "PUT", "/lockers/1")

			cov := chk.Coverage()
			assert.Equal(t, "conformance: 2 of 5 codes seen in 7 error responses; never seen: locker_full, bad_size, backend_down"+
				"; 3 of 6 documented error responses seen; never produced: getLocker (GET /lockers/{id}) 400, "+
				"depositParcel (POST /lockers/{id}/parcels) 409, depositParcel (POST /lockers/{id}/parcels) 5XX"+
				"; 2 error responses matched no operation",
				cov.String())
			var counts []string
			for _, d := range cov.Documented {
				counts = append(counts, d.String()+" "+strings.Repeat("x", d.Count))
			}
			assert.Equal(t, []string{
				"getLocker (GET /lockers/{id}) 404 xx",
				"getLocker (GET /lockers/{id}) 400 ",
				"depositParcel (POST /lockers/{id}/parcels) 409 ",
				"depositParcel (POST /lockers/{id}/parcels) 4XX x",
				"depositParcel (POST /lockers/{id}/parcels) 5XX ",
				"lockerStats (GET /lockers/stats) default x",
			}, counts, "pickUpParcel has no route: left out")
			assert.Equal(t, 2, cov.Unmatched)
		})
	}
}

// TestOperationCoverageSingular: the counts' nouns agree with them, and a
// catalog whose operations all lack a route adds nothing to the line.
func TestOperationCoverageSingular(t *testing.T) {
	const head = "version: 1\nwire:\n  code: error.code\ncodes:\n  - code: gone\n    status: 410\noperations:\n"
	cat, err := catalog.Parse("errcodes.yaml", []byte(head+"  - route: GET /a/{id}\n    responses:\n      \"410\": [gone]\n"))
	require.NoError(t, err)
	chk := New(cat, Collect())
	serve(chk, respond(410, jsonCT, `{"error":{"code":"gone"}}`), "GET", "/a/1")
	serve(chk, respond(410, jsonCT, `{"error":{"code":"gone"}}`), "GET", "/b")
	assert.Equal(t, "conformance: 1 of 1 code seen in 2 error responses; 1 of 1 documented error response seen; 1 error response matched no operation",
		chk.Coverage().String())

	cat, err = catalog.Parse("errcodes.yaml", []byte(head+"  - id: getA\n    responses:\n      \"410\": [gone]\n"))
	require.NoError(t, err)
	chk = New(cat, Collect())
	serve(chk, respond(410, jsonCT, `{"error":{"code":"gone"}}`), "GET", "/a/1")
	assert.Equal(t, "conformance: 1 of 1 code seen in 1 error response", chk.Coverage().String(),
		"operations named only by id: no request is matched, nothing to report")
	assert.Empty(t, chk.Violations())
}

// TestOperationManyCodes: a body with several codes (errors[]) is checked
// code by code, each code reported once.
func TestOperationManyCodes(t *testing.T) {
	cat, err := catalog.Parse("errcodes.yaml", []byte(`version: 1
wire:
  code: errors[].code
codes:
  - code: too_long
    status: 422
  - code: too_short
    status: 422
  - code: not_unique
    status: 422
operations:
  - route: PUT /names/{name}
    responses:
      "422": [too_long, too_short]
`))
	require.NoError(t, err)
	chk := New(cat, Collect())
	serve(chk, respond(422, jsonCT, `{"errors":[{"code":"too_long"},{"code":"not_unique"},{"code":"too_short"},{"code":"not_unique"}]}`),
		"PUT", "/names/x")
	assert.Equal(t, []string{
		`PUT /names/x: 422: code "not_unique" is not documented for PUT /names/{name} 422, which names "too_long" or "too_short" (errcodes.yaml:12)`,
	}, messages(chk.Violations()))
}
