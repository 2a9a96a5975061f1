package statusbranch_test

import (
	"testing"

	"github.com/errcodelint/errcodelint/analyzer/internal/testdir"
	"github.com/errcodelint/errcodelint/analyzer/statusbranch"
)

func testdata(t *testing.T) string { return testdir.Path(t) }

func TestClients(t *testing.T) {
	testdir.Categories(t, testdir.Run(t, testdata(t), statusbranch.Analyzer,
		"clients/platform", "clients/registry", "clients/acme", "clients/camelcase", "clients/numeric", "clients/nocatalog", "clients/messages", "clients/registered/..."),
		statusbranch.Checks)
}

func TestStrict(t *testing.T) {
	a := statusbranch.New(statusbranch.Config{Strict: true})
	testdir.Run(t, testdata(t), a, "clients/strict")
}

// The flag and the config are one setting.
func TestStrictFlag(t *testing.T) {
	a := statusbranch.New(statusbranch.Defaults())
	if err := a.Flags.Set("strict", "true"); err != nil {
		t.Fatal(err)
	}
	testdir.Run(t, testdata(t), a, "clients/strict")
}

// The precision rules: only the API's bodies, kinds, module and responses
// count; tables from statuses to codes and test files are not branches.
func TestPrecision(t *testing.T) {
	testdir.Run(t, testdata(t), statusbranch.Analyzer,
		"precision/internal", "precision/foreign", "precision/upstream", "precision/unrelated",
		"precision/nested", "precision/intests", "precision/formats", "precision/resources/...")
}

// -tests reports test files too.
func TestTestsFlag(t *testing.T) {
	a := statusbranch.New(statusbranch.Defaults())
	if err := a.Flags.Set("tests", "true"); err != nil {
		t.Fatal(err)
	}
	testdir.Run(t, testdata(t), a, "precision/testsflag")
}

// A code with several statuses counts under each.
func TestMultiStatus(t *testing.T) {
	testdir.Run(t, testdata(t), statusbranch.Analyzer, "precision/multistatus/client")
}

// lint:ignore, lint:file-ignore and nolint silence findings; a directive
// naming statusbranch that silenced nothing, or without a reason, is
// reported.
func TestDirectives(t *testing.T) {
	testdir.Categories(t, testdir.Run(t, testdata(t), statusbranch.Analyzer, "ignore/statusbranch"), statusbranch.Checks)
}

// With -tests, directives in test files silence and are reported as
// elsewhere.
func TestDirectivesTestsFlag(t *testing.T) {
	a := statusbranch.New(statusbranch.Defaults())
	if err := a.Flags.Set("tests", "true"); err != nil {
		t.Fatal(err)
	}
	testdir.Run(t, testdata(t), a, "ignore/testsflag")
}
