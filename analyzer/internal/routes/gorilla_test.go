package routes

import (
	"testing"

	"github.com/errcodelint/errcodelint/analyzer/internal/testdir"
)

// TestGorilla pins gorilla/mux's routes: methods before and after the
// handler, sub-routers' prefixes, and what is not known.
func TestGorilla(t *testing.T) {
	testdir.Run(t, testdir.Path(t), testAnalyzer, "routes_gorilla")
}
