package errcode_test

import (
	"testing"

	"github.com/errcodelint/errcodelint/analyzer/errcode"
	"github.com/errcodelint/errcodelint/analyzer/internal/testdir"
	"golang.org/x/tools/go/analysis/analysistest"
)

// TestRowRoles pins that a code table's rows pair the field holding a
// cataloged code with the one field holding an error status, as
// apimodel.RowRoles tells them apart, whatever the fields are named.
func TestRowRoles(t *testing.T) {
	analysistest.Run(t, testdir.Path(t), errcode.Analyzer, "errcode_row_roles")
}
