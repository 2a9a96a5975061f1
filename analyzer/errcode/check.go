package errcode

import (
	"fmt"
	"go/ast"
	"strconv"

	"github.com/errcodelint/errcodelint/analyzer/internal/astx"
	"github.com/errcodelint/errcodelint/analyzer/internal/nethttp"
	"github.com/errcodelint/errcodelint/analyzer/internal/values"
	"github.com/errcodelint/errcodelint/catalog"
	"golang.org/x/tools/go/analysis"
)

// A codeUse is a code value found where codes go.
type codeUse struct {
	expr  ast.Expr // where it stands: reported when unknown
	value values.Value
	// wire says the value provably reaches the wire (a body's code field,
	// an emitter's code parameter) or is of the catalog's code type: only
	// then is an unknown value reported.
	wire bool
}

// A statusUse is the status a code is sent with, or mapped to.
type statusUse struct {
	expr  ast.Expr // the status expression, replaced by the fix; nil when fixed by a callee
	value int64
	via   string // the callee that fixes the status, when expr is nil
	verb  string // "sent with" or "mapped to"
}

// checkCode reports an uncataloged code (but not "" or 0: the zero value
// says "no code", as in return "", err); with a known status, it also
// reports a status other than the catalog's. It returns the cataloged code.
func (c *checker) checkCode(u codeUse, s *statusUse) *catalog.Code {
	if u.value.Kind == values.Unknown {
		return nil
	}
	code, ok := c.model.Resolve(u.value)
	if !ok {
		if u.wire && !u.value.Zero() {
			c.reportUnknown(u)
		}
		return nil
	}
	if code != nil && s != nil {
		c.checkStatus(u, code, *s)
	}
	return code
}

func (c *checker) reportUnknown(u codeUse) {
	c.reportf(checkUnknown, u.expr, "%s", c.model.Unknown(u.value, ""))
}

// checkStatus reports a code sent with (or mapped to) a status other than
// the catalog's. Reported codes travel in payloads, not as the HTTP
// status: they are not checked.
func (c *checker) checkStatus(u codeUse, code *catalog.Code, s statusUse) {
	if code.Reported || code.HasStatus(int(s.value)) {
		return // a code may travel with several statuses: any is right
	}
	at := s.expr
	sent := strconv.FormatInt(s.value, 10)
	if at == nil {
		at = u.expr
		sent += fmt.Sprintf(" (by %s)", s.via)
	}
	verb := s.verb
	if verb == "" {
		verb = "sent with"
	}
	d := analysis.Diagnostic{
		Pos:      at.Pos(),
		End:      at.End(),
		Category: checkStatus,
		Message: fmt.Sprintf("code %s is %s status %s; the catalog says %s (%s)",
			c.model.Spell(u.value), verb, sent, code.StatusText(), code.Ref()),
	}
	if s.expr != nil {
		for _, st := range code.AllStatuses() {
			d.SuggestedFixes = append(d.SuggestedFixes, c.statusFix(s.expr, st))
		}
	}
	c.report.Report(d)
}

// statusFix replaces a status expression with one of the catalog's
// statuses: net/http's constant where the file imports net/http, else the
// number.
func (c *checker) statusFix(expr ast.Expr, status int) analysis.SuggestedFix {
	text := strconv.Itoa(status)
	if name := nethttp.StatusName(status); name != "" {
		if pkg := astx.ImportName(astx.FileOf(c.pass.Files, expr.Pos()), "net/http"); pkg != "" {
			text = pkg + "." + name
		}
	}
	return analysis.SuggestedFix{
		Message:   "Use " + text,
		TextEdits: []analysis.TextEdit{{Pos: expr.Pos(), End: expr.End(), NewText: []byte(text)}},
	}
}

// codeRow is the rule for the rows of every table of codes and statuses
// the pass reads: a map literal, struct rows, a Status method's switch,
// two maps joined on their keys, a table the engine finds behind a
// response (errorStatuses, sinkBody). A table is its rows, each judged
// alone: a row whose status v is a known 4xx or 5xx pairs its code with
// it and is checked; a row with any other status (a success, a redirect,
// one not known) pairs nothing and is skipped, and the table's other rows
// are still checked.
func codeRow(v values.Value) bool {
	return v.Kind == values.Int && catalog.IsErrorStatus(v.Int)
}

func (c *checker) reportf(check string, at ast.Node, format string, args ...any) {
	c.report.Report(analysis.Diagnostic{Pos: at.Pos(), End: at.End(), Category: check, Message: fmt.Sprintf(format, args...)})
}
