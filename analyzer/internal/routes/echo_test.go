package routes

import (
	"testing"

	"github.com/errcodelint/errcodelint/analyzer/internal/testdir"
)

// TestEcho checks the routes registered with echo: on the Echo, in
// groups, nested groups and a group passed to a function called once;
// and that a path, a method or a group prefix computed at run time, a
// group from elsewhere, and a handler in a variable are skipped.
func TestEcho(t *testing.T) {
	testdir.Run(t, testdir.Path(t), testAnalyzer, "routes_echo")
}
