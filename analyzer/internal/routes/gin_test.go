package routes

import (
	"testing"

	"github.com/errcodelint/errcodelint/analyzer/internal/testdir"
)

// TestGin checks the routes registered with gin: on the engine, in
// groups, nested groups and a group passed to a function called once;
// and that a path, a method or a group prefix computed at run time, a
// group from elsewhere, and a handler in a variable or a slice are
// skipped.
func TestGin(t *testing.T) {
	testdir.Run(t, testdir.Path(t), testAnalyzer, "routes_gin")
}

// TestTemplatePath pins how gin's and echo's paths become templates, and
// how gin joins a group's prefix and a route's path.
func TestTemplatePath(t *testing.T) {
	for _, tc := range []struct{ prefix, rel, want string }{
		{"/", "/v1/secrets/:id", "/v1/secrets/{id}"},
		{"/", "", "/"},
		{"/v1", "", "/v1"},
		{"/v1", "/", "/v1/"},
		{"/v1", "keys/", "/v1/keys/"},
		{"/v1/", "/:kid/labels/:name", "/v1/{kid}/labels/{name}"},
		{"/", "/static/*filepath", "/static/{filepath}"},
		{"/", "/files/*", "/files/{*}"},
	} {
		if got := templatePath(ginJoin(tc.prefix, tc.rel)); got != tc.want {
			t.Errorf("templatePath(ginJoin(%q, %q)) = %q, want %q", tc.prefix, tc.rel, got, tc.want)
		}
	}
}
