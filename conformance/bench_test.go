package conformance

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
)

// errorHandler sends a typical JSON error response, as httpx-style helpers do.
var errorHandler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusNotFound)
	_ = json.NewEncoder(w).Encode(map[string]any{"error": map[string]any{
		"code":       "secret_not_found",
		"message":    "no secret at " + r.URL.Path,
		"request_id": "0f8fad5b-d9cb-469f-a165-70867728950e",
	}})
})

// BenchmarkHandler measures the wrapper in process: the handler writes into a
// ResponseRecorder, with nothing else per request.
func BenchmarkHandler(b *testing.B) {
	chk := New(load(b, "platform"), Collect())
	req := httptest.NewRequest("GET", "/v1/secrets/db/password", nil)
	for _, bc := range []struct {
		name string
		h    http.Handler
	}{
		{"bare", errorHandler},
		{"checked", chk.Handler(nil, errorHandler)},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			defer reportCPU(b)()
			for b.Loop() {
				bc.h.ServeHTTP(httptest.NewRecorder(), req)
			}
		})
	}
	if len(chk.Violations()) > 0 {
		b.Fatal(chk.Violations())
	}
}

// BenchmarkServer measures the wrapper as tests use it: an httptest.Server
// called over loopback, one request at a time.
func BenchmarkServer(b *testing.B) {
	chk := New(load(b, "platform"), Collect())
	for _, bc := range []struct {
		name string
		h    http.Handler
	}{
		{"bare", errorHandler},
		{"checked", chk.Handler(nil, errorHandler)},
	} {
		b.Run(bc.name, func(b *testing.B) {
			srv := httptest.NewServer(bc.h)
			defer srv.Close()
			benchGet(b, srv.Client(), srv.URL)
		})
	}
}

// BenchmarkTransport measures the client-side wrapper over loopback.
func BenchmarkTransport(b *testing.B) {
	chk := New(load(b, "platform"), Collect())
	srv := httptest.NewServer(errorHandler)
	defer srv.Close()
	for _, bc := range []struct {
		name string
		rt   http.RoundTripper
	}{
		{"bare", srv.Client().Transport},
		{"checked", chk.Transport(nil, srv.Client().Transport)},
	} {
		b.Run(bc.name, func(b *testing.B) {
			benchGet(b, &http.Client{Transport: bc.rt}, srv.URL)
		})
	}
}

func benchGet(b *testing.B, c *http.Client, url string) {
	b.ReportAllocs()
	defer reportCPU(b)()
	for b.Loop() {
		resp, err := c.Get(url + "/v1/secrets/db/password")
		if err != nil {
			b.Fatal(err)
		}
		_, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
	}
}

// BenchmarkCheck measures the check of one typical JSON error response
// alone: the work the wrappers add, apart from copying the body.
func BenchmarkCheck(b *testing.B) {
	chk := New(load(b, "platform"), Collect())
	rec := httptest.NewRecorder()
	errorHandler.ServeHTTP(rec, httptest.NewRequest("GET", "/v1/secrets/db/password", nil))
	body := rec.Body.Bytes()
	b.ReportAllocs()
	defer reportCPU(b)()
	for b.Loop() {
		r := response{method: "GET", path: "/v1/secrets/db/password", status: http.StatusNotFound,
			contentType: "application/json", body: body}
		chk.check(nil, &r)
	}
	if len(chk.Violations()) > 0 {
		b.Fatal(chk.Violations())
	}
}
