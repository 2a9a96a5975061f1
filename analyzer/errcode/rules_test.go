package errcode_test

import (
	"testing"

	"github.com/errcodelint/errcodelint/analyzer/errcode"
	"github.com/errcodelint/errcodelint/analyzer/internal/testdir"
)

// TestRowRoles pins that a code table's rows pair the field holding a
// cataloged code with the one field holding an error status, as
// apimodel.RowRoles tells them apart, whatever the fields are named.
func TestRowRoles(t *testing.T) {
	testdir.Run(t, testdir.Path(t), errcode.Analyzer, "errcode_row_roles")
}

// TestStatusRows pins that a table is its rows, each judged alone: a
// success row neither hides the table's other rows nor is checked itself,
// and a case that logs before its return is a row.
func TestStatusRows(t *testing.T) {
	testdir.Run(t, testdir.Path(t), errcode.Analyzer, "errcode_status_rows")
}
