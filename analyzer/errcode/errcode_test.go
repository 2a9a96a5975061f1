package errcode_test

import (
	"testing"

	"github.com/errcodelint/errcodelint/analyzer/errcode"
	"github.com/errcodelint/errcodelint/analyzer/internal/testdir"
	"github.com/errcodelint/errcodelint/analyzer/notice"
	"github.com/stretchr/testify/assert"
	"golang.org/x/tools/go/analysis"
)

func testdata(t *testing.T) string { return testdir.Path(t) }

func TestPlatform(t *testing.T) {
	testdir.Categories(t, testdir.Run(t, testdata(t), errcode.Analyzer, "platform/..."), errcode.Checks)
}

func TestACME(t *testing.T) {
	testdir.Run(t, testdata(t), errcode.Analyzer, "acme/...")
}

func TestCertCentral(t *testing.T) {
	testdir.Run(t, testdata(t), errcode.Analyzer, "certcentral/...")
}

func TestCamelCase(t *testing.T) {
	testdir.Run(t, testdata(t), errcode.Analyzer, "camelcase/...")
}

func TestNumeric(t *testing.T) {
	testdir.Run(t, testdata(t), errcode.Analyzer, "numeric/...")
}

// The fix for a wrong status is the catalog's, spelled with net/http's
// constant under the file's import name.
func TestSuggestedFix(t *testing.T) {
	testdir.RunWithSuggestedFixes(t, testdata(t), errcode.Analyzer, "errcode_fix")
}

// go.emitters covers helpers inference cannot see through.
func TestConfiguredEmitters(t *testing.T) {
	testdir.Categories(t, testdir.Run(t, testdata(t), errcode.Analyzer, "configured/...", "renderers/..."), errcode.Checks)
}

// Idiom 8: builders carry the code in an error; the table and the code
// constants are checked where they stand.
func TestBuilder(t *testing.T) {
	testdir.Run(t, testdata(t), errcode.Analyzer, "builder/...")
}

// The precision rules: other modules' types, integer fields of a string
// catalog and test files are not the API's.
func TestPrecision(t *testing.T) {
	testdir.Run(t, testdata(t), errcode.Analyzer,
		"precision/foreign", "precision/intests", "precision/codetext", "precision/messages")
}

// A code with several statuses is right with any of them; a wrong one is
// reported with each alternative as a fix.
func TestMultiStatus(t *testing.T) {
	testdir.Run(t, testdata(t), errcode.Analyzer, "precision/multistatus/server")
}

// lint:ignore, lint:file-ignore and nolint silence findings; a directive
// naming errcode that silenced nothing, or without a reason, is reported.
func TestDirectives(t *testing.T) {
	testdir.Categories(t, testdir.Run(t, testdata(t), errcode.Analyzer, "ignore/errcode"), errcode.Checks)
}

// TestCarriers: errors that carry their code, built anywhere and sent by a
// central renderer that looks the status up in a table.
func TestCarriers(t *testing.T) {
	testdir.Run(t, testdata(t), errcode.Analyzer, "carriers/platform/handlers")
}

// TestAppErrors: app errors kept in the request context and status errors,
// their code and status given to a constructor, are paired at the call.
func TestAppErrors(t *testing.T) {
	testdir.Run(t, testdata(t), errcode.Analyzer, "carriers/camelcase/...")
}

// With -notices, each package with HTTP code says whether a catalog
// governs it and whether the catalog's wire matched its bodies.
func TestNotices(t *testing.T) {
	a := errcode.New(errcode.Config{Notices: true})
	for _, r := range testdir.Run(t, testdata(t), a, "notices/...") {
		for _, d := range r.Diagnostics {
			assert.Equal(t, notice.Category, d.Category, "%s", d.Message)
		}
	}
}

// Without -notices (every driver but errcodelint's own), no notice.
func TestNoNoticesByDefault(t *testing.T) {
	for _, a := range []*analysis.Analyzer{errcode.Analyzer, errcode.New(errcode.Defaults())} {
		// The want comments are for TestNotices: what is missing here is
		// what this test wants.
		for _, r := range testdir.Run(discard{}, testdata(t), a, "notices/...") {
			for _, d := range r.Diagnostics {
				t.Errorf("%s: %s: unexpected %s", r.Action.Package.Fset.Position(d.Pos), d.Message, d.Category)
			}
		}
	}
}

type discard struct{}

func (discard) Errorf(string, ...any) {}

// TestValueFlow holds the shapes only the value-flow engine follows: bodies
// marshaled first, exported sentinels, wrappers that carry the status,
// sentinel text as the code, helpers of helpers, missing table rows, and
// table rows sent by a renderer.
func TestValueFlow(t *testing.T) {
	testdir.Categories(t, testdir.Run(t, testdata(t), errcode.Analyzer, "valueflow/..."), errcode.Checks)
}

// TestErrorTypes checks literals of the catalog's declared error type,
// codes written as a status's reason phrase (http.StatusText) included.
func TestErrorTypes(t *testing.T) {
	testdir.Categories(t, testdir.Run(t, testdata(t), errcode.Analyzer, "errortypes/..."), errcode.Checks)
}

// TestOperations holds handlers to the error responses their operations
// document: registered in their own package, where the status is written,
// and in another, where the route is.
func TestOperations(t *testing.T) {
	testdir.Categories(t, testdir.Run(t, testdata(t), errcode.Analyzer, "operations/..."), errcode.Checks)
}

// TestOperationsOnly: a catalog of operations alone names no code; the
// integers in its bodies' code field are not reported as unknown codes.
func TestOperationsOnly(t *testing.T) {
	testdir.Run(t, testdata(t), errcode.Analyzer, "operations_only")
}

// TestOperationsOpenAPI: a catalog that points at its OpenAPI document
// holds the document's codes and operations, cited at their lines there.
func TestOperationsOpenAPI(t *testing.T) {
	testdir.RunWithSuggestedFixes(t, testdata(t), errcode.Analyzer, "operations_openapi")
}
