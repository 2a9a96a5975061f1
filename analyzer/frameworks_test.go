package analyzer_test

import (
	"testing"

	"github.com/errcodelint/errcodelint/analyzer/errcode"
	"github.com/errcodelint/errcodelint/analyzer/internal/testdir"
	"github.com/errcodelint/errcodelint/analyzer/retryafter"
	"github.com/errcodelint/errcodelint/analyzer/statusbranch"
)

// Each framework's response calls, for each pass, against stub packages
// of the frameworks in testdata/src (the frameworks are never
// dependencies of the module).
func TestFrameworks(t *testing.T) {
	dir := testdir.Path(t)
	t.Run("errcode", func(t *testing.T) {
		testdir.Run(t, dir, errcode.Analyzer,
			"frameworks/gin/errcode", "frameworks/echo/errcode", "frameworks/fiber2/errcode", "frameworks/fiber3/errcode", "frameworks/chi/errcode")
	})
	t.Run("retryafter", func(t *testing.T) {
		testdir.Run(t, dir, retryafter.Analyzer,
			"frameworks/gin/retryafter", "frameworks/echo/retryafter", "frameworks/fiber2/retryafter", "frameworks/fiber3/retryafter", "frameworks/chi/retryafter")
	})
	t.Run("statusbranch", func(t *testing.T) {
		testdir.Run(t, dir, statusbranch.Analyzer, "frameworks/gin/statusbranch", "frameworks/echo/statusbranch")
	})
}
