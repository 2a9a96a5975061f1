package retryafter_test

import (
	"testing"

	"github.com/errcodelint/errcodelint/analyzer/internal/testdir"
	"github.com/errcodelint/errcodelint/analyzer/retryafter"
)

func testdata(t *testing.T) string { return testdir.Path(t) }

func TestNoCatalog(t *testing.T) {
	testdir.Categories(t, testdir.Run(t, testdata(t), retryafter.Analyzer, "retryafter_nocatalog"), retryafter.Checks)
}

func TestSuggestedFixes(t *testing.T) {
	testdir.RunWithSuggestedFixes(t, testdata(t), retryafter.Analyzer, "retryafter_fix", "retryafter_insert")
}

// Each catalog style's rate-limit codes, with helpers and a correct
// handler each.
func TestCatalogStyles(t *testing.T) {
	testdir.Categories(t, testdir.Run(t, testdata(t), retryafter.Analyzer, "ratelimit/..."), retryafter.Checks)
}

// Test servers answer 429 without Retry-After and set late headers on
// purpose: test files are not reported by default.
func TestTestFiles(t *testing.T) {
	testdir.Run(t, testdata(t), retryafter.Analyzer, "precision/intests")
}

// A code needs Retry-After when any of its statuses does.
func TestMultiStatus(t *testing.T) {
	testdir.Run(t, testdata(t), retryafter.Analyzer, "precision/multistatus/busy")
}

// lint:ignore, lint:file-ignore and nolint silence findings; a directive
// naming retryafter that silenced nothing, or without a reason, is
// reported.
func TestDirectives(t *testing.T) {
	testdir.Categories(t, testdir.Run(t, testdata(t), retryafter.Analyzer, "ignore/retryafter"), retryafter.Checks)
}

// TestCarriers: errors that carry their code, built anywhere and sent by a
// central renderer that looks the status up in a table.
func TestCarriers(t *testing.T) {
	testdir.Run(t, testdata(t), retryafter.Analyzer, "carriers/platform/httpx", "carriers/platform/middleware")
}

// A renderer that sets Retry-After on its 429 path, a table without 429,
// and an error whose code is not known: nothing to report.
func TestCarriersNegative(t *testing.T) {
	testdir.Run(t, testdata(t), retryafter.Analyzer, "carriers/platformok/...")
}

// A status table written as a switch, keyed by a code not known at the
// write: the table's 429 needs the header.
func TestSwitchTable(t *testing.T) {
	testdir.Run(t, testdata(t), retryafter.Analyzer, "carriers/switchtable")
}
