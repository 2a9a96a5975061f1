package errcode

import (
	"fmt"
	"go/ast"
	"go/token"
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

type reportKey struct {
	pos token.Pos
}

// report adds a diagnostic once per position: the same mistake can be
// reached as an emission and as a struct row (an emitter called with a
// literal problem), and one report says it.
func (c *checker) report(d analysis.Diagnostic) {
	k := reportKey{d.Pos}
	if c.reported[k] {
		return
	}
	c.reported[k] = true
	c.pass.Report(d)
}

// resolve finds the cataloged code a value is. ok is false when no code
// can be the value; code is nil with ok true when the value is partly
// known and may be several codes.
func (c *checker) resolve(v values.Value) (code *catalog.Code, ok bool) {
	switch v.Kind {
	case values.Int:
		if code, ok := c.cat.LookupInt(v.Int); ok {
			return code, true
		}
		return c.cat.Lookup(v.Text())
	case values.String:
		if v.Known() {
			s := v.Text()
			if code, ok := c.cat.Lookup(s); ok {
				return code, true
			}
			if c.cat.Numeric() {
				if n, err := strconv.ParseInt(s, 10, 64); err == nil {
					return c.cat.LookupInt(n)
				}
				return c.cat.LookupName(s)
			}
			return nil, false
		}
		switch m := c.cat.Match(v.Str); len(m) {
		case 0:
			return nil, false
		case 1:
			return m[0], true
		}
		return nil, true
	}
	return nil, true // unknown: nothing to say
}

// quote renders a value as it reads in messages.
func quote(v values.Value) string {
	if v.Kind == values.Int {
		return v.Text()
	}
	return strconv.Quote(v.Text())
}

// checkCode reports an uncataloged code (but not "" or 0: the zero value
// says "no code", as in return "", err); with a known status, it also
// reports a status other than the catalog's. It returns the cataloged code.
func (c *checker) checkCode(u codeUse, s *statusUse) *catalog.Code {
	if u.value.Kind == values.Unknown {
		return nil
	}
	code, ok := c.resolve(u.value)
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
	var msg string
	switch {
	case !u.value.Known():
		msg = fmt.Sprintf("code %s matches no code in the catalog", quote(u.value))
	default:
		msg = fmt.Sprintf("code %s is not in the catalog", quote(u.value))
		// Numbers one digit apart are not typos of each other.
		if s := c.cat.Suggest(u.value.Text()); s != "" && u.value.Kind == values.String {
			if code, ok := c.cat.Lookup(s); ok {
				s = code.Quoted()
			}
			msg += fmt.Sprintf("; did you mean %s?", s)
		}
	}
	c.report(analysis.Diagnostic{Pos: u.expr.Pos(), End: u.expr.End(), Message: msg})
}

// checkStatus reports a code sent with (or mapped to) a status other than
// the catalog's. Reported codes travel in payloads, not as the HTTP
// status: they are not checked.
func (c *checker) checkStatus(u codeUse, code *catalog.Code, s statusUse) {
	if code.Reported || int64(code.Status) == s.value {
		return
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
		Pos: at.Pos(),
		End: at.End(),
		Message: fmt.Sprintf("code %s is %s status %s; the catalog says %d (%s)",
			quote(u.value), verb, sent, code.Status, code.Ref()),
	}
	if s.expr != nil {
		d.SuggestedFixes = c.statusFix(s.expr, code.Status)
	}
	c.report(d)
}

// statusFix replaces a status expression with the catalog's status: net/http's
// constant where the file imports net/http, else the number.
func (c *checker) statusFix(expr ast.Expr, status int) []analysis.SuggestedFix {
	text := strconv.Itoa(status)
	if name := nethttp.StatusName(status); name != "" {
		if pkg := astx.ImportName(c.file, "net/http"); pkg != "" {
			text = pkg + "." + name
		}
	}
	return []analysis.SuggestedFix{{
		Message:   "Use " + text,
		TextEdits: []analysis.TextEdit{{Pos: expr.Pos(), End: expr.End(), NewText: []byte(text)}},
	}}
}

// errorStatus reports whether v is a known 4xx or 5xx status.
func errorStatus(v values.Value) bool {
	return v.Kind == values.Int && v.Int >= 400 && v.Int <= 599
}

func (c *checker) reportf(at ast.Node, format string, args ...any) {
	c.report(analysis.Diagnostic{Pos: at.Pos(), End: at.End(), Message: fmt.Sprintf(format, args...)})
}
