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
