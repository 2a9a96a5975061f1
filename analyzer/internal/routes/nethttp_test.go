package routes

import (
	"testing"

	"github.com/errcodelint/errcodelint/analyzer/internal/testdir"
	"github.com/stretchr/testify/assert"
)

// TestNetHTTP pins the routes of net/http's ServeMux: Go 1.22 patterns,
// every kind of handler, and what is not known.
func TestNetHTTP(t *testing.T) {
	testdir.Run(t, testdir.Path(t), testAnalyzer, "routes_nethttp")
}

// TestServeMuxPattern pins how a ServeMux pattern splits into a method and
// a path template.
func TestServeMuxPattern(t *testing.T) {
	for _, tc := range []struct {
		pattern, method, path string
		ok                    bool
	}{
		{"/healthz", "", "/healthz", true},
		{"GET /v1/secrets/{id}", "GET", "/v1/secrets/{id}", true},
		{"POST example.com/v1/x", "POST", "/v1/x", true},
		{"example.com/", "", "/", true},
		{"DELETE \t /files/{path...}", "DELETE", "/files/{path}", true},
		{"/{$}", "", "/", true},
		{"GET /v1/{$}", "GET", "/v1/", true},
		{"/assets/", "", "/assets/", true},
		{"GET v1", "", "", false},
		{"/v1/{id", "", "", false},
	} {
		method, path, ok := serveMuxPattern(tc.pattern)
		assert.Equal(t, tc.method, method, tc.pattern)
		assert.Equal(t, tc.path, path, tc.pattern)
		assert.Equal(t, tc.ok, ok, tc.pattern)
	}
}

// TestPathTemplate pins the templates of chi's and gorilla's patterns.
func TestPathTemplate(t *testing.T) {
	for _, tc := range []struct {
		pattern, path string
		ok            bool
	}{
		{"/v1/secrets/{id}", "/v1/secrets/{id}", true},
		{"/v1/secrets/{id:[0-9]+}", "/v1/secrets/{id}", true},
		{"/v1/{id:[0-9]{3}}/keys", "/v1/{id}/keys", true},
		{"/static/*", "/static/*", true},
		{"/v1/{id:[0-9]{3}", "", false},
	} {
		path, ok := pathTemplate(tc.pattern)
		assert.Equal(t, tc.path, path, tc.pattern)
		assert.Equal(t, tc.ok, ok, tc.pattern)
	}
}
