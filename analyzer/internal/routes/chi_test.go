package routes

import (
	"testing"

	"github.com/errcodelint/errcodelint/analyzer/internal/testdir"
)

// TestChi pins chi's routes: the methods' registrations, prefixes through
// Route, Group, With and Mount, and routers whose prefix is not known.
func TestChi(t *testing.T) {
	testdir.Run(t, testdir.Path(t), testAnalyzer, "routes_chi")
}
