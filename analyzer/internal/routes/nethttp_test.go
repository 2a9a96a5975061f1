package routes

import (
	"testing"

	"github.com/errcodelint/errcodelint/analyzer/internal/testdir"
)

// TestNetHTTP pins the routes of net/http's ServeMux: Go 1.22 patterns,
// every kind of handler, and what is not known.
func TestNetHTTP(t *testing.T) {
	testdir.Run(t, testdir.Path(t), testAnalyzer, "routes_nethttp")
}
