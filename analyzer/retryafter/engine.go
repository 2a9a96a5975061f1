package retryafter

import (
	"fmt"
	"go/constant"
	"slices"
	"strings"

	vflow "github.com/errcodelint/errcodelint/analyzer/internal/flow"
	"golang.org/x/tools/go/analysis"
)

// sinks checks the statuses the value-flow engine finds: a status that
// may be one of the rules' statuses (a row of a table a helper looks up,
// a branch of a status helper) and is written with no Retry-After set on
// its writer before it on every path.
func (c *checker) sinks(res *vflow.Result) {
	for _, k := range res.Sinks {
		if k.StatusArg == vflow.Whole {
			// A helper's write seen at its call: a row chosen by a key
			// the engine lost on the way is not known to be the 429.
			// The helper's own write is checked in the helper.
			continue
		}
		if k.Status == nil || !k.StatusAt.IsValid() || setsRetryAfter(k.MayHeaders) {
			// A function that sets Retry-After on some path is taken
			// to set it for the table's 429: the condition is not
			// followed (precision first).
			continue
		}
		what, ok := c.mayBe(k.Status.Flat())
		if !ok {
			continue
		}
		at := c.positions().Expr(k.StatusAt, k.StatusArg)
		if at == nil || c.report.Skipped(at.Pos()) {
			continue
		}
		c.report.Report(analysis.Diagnostic{
			Pos:     at.Pos(),
			End:     at.End(),
			Message: fmt.Sprintf("%s is written without a %s header", what, retryAfter),
		})
	}
}

// mayBe says which rule status a status may be, from a table's rows: the
// constants written directly are the older walk's to report.
func (c *checker) mayBe(status vflow.Value) (string, bool) {
	for _, a := range status {
		if a.Kind != vflow.Lookup {
			continue
		}
		for _, row := range a.RowValues() {
			for _, s := range row.Consts() {
				n, ok := constant.Int64Val(s.Constant())
				if ok && slices.Contains(c.statuses, int(n)) {
					table := "a table"
					if a.Type != "" {
						table = a.Type
					}
					return fmt.Sprintf("status %d (a row of %s)", n, table), true
				}
			}
		}
	}
	return "", false
}

// setsRetryAfter reports whether the keys set hold Retry-After, in any
// case: header names are case-insensitive on the wire, so a client finds
// it however it was written (the non-canonical map key is its own check).
func setsRetryAfter(keys vflow.Value) bool {
	for _, k := range keys.Consts() {
		if c := k.Constant(); c != nil && c.Kind() == constant.String && strings.EqualFold(constant.StringVal(c), retryAfter) {
			return true
		}
	}
	return false
}

func (c *checker) positions() *vflow.Positions {
	if c.pos == nil {
		c.pos = vflow.NewPositions(c.pass.Files)
	}
	return c.pos
}
