package retryafter

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/constant"
	"go/printer"
	"go/types"
	"net/textproto"
	"strconv"
	"strings"
	"time"

	"github.com/errcodelint/errcodelint/analyzer/internal/astx"
	"github.com/errcodelint/errcodelint/analyzer/internal/nethttp"
	"github.com/errcodelint/errcodelint/analyzer/internal/values"
	"github.com/errcodelint/errcodelint/catalog"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"
)

// headerValue checks the value of a Retry-After set by Header().Set/Add:
// delay-seconds or an HTTP-date, never a Go duration.
func (c *checker) headerValue(call *ast.CallExpr) {
	info := c.pass.TypesInfo
	hw, ok := nethttp.AsHeaderCall(info, call)
	if !ok || hw.Value == nil {
		return
	}
	if k, ok := nethttp.HeaderKey(info, hw.Key); !ok || k != retryAfter {
		return
	}
	c.retryValue(hw.Value)
}

// headerIndex checks w.Header()[k] = v: a key that is not canonical is
// never found by Header.Get, which canonicalizes it (the map does not).
// That matters where the code reads the key back with Get, and for
// Retry-After, which clients look up canonically; elsewhere a server may
// keep its protocol's casing on purpose ("x-amz-request-id", "ETag").
func (c *checker) headerIndex(as *ast.AssignStmt) {
	info := c.pass.TypesInfo
	for i, lhs := range as.Lhs {
		if i >= len(as.Rhs) {
			break
		}
		hw, ok := nethttp.AsHeaderIndex(info, lhs, as.Rhs[i])
		if !ok {
			continue
		}
		k, ok := constKey(info, hw.Key)
		if !ok {
			continue
		}
		canon := textproto.CanonicalMIMEHeaderKey(k)
		if canon != k && (canon == retryAfter || c.readsBack(canon)) {
			c.report.Report(analysis.Diagnostic{
				Pos: hw.Key.Pos(), End: hw.Key.End(), Category: checkKey,
				Message: fmt.Sprintf("header key %q is not canonical: the header is sent as written, and Header.Get never finds it; use %q", k, canon),
				SuggestedFixes: []analysis.SuggestedFix{{
					Message:   "Use " + strconv.Quote(canon),
					TextEdits: []analysis.TextEdit{{Pos: hw.Key.Pos(), End: hw.Key.End(), NewText: []byte(strconv.Quote(canon))}},
				}},
			})
		}
		if canon == retryAfter {
			if lit, ok := ast.Unparen(as.Rhs[i]).(*ast.CompositeLit); ok {
				for _, elt := range lit.Elts {
					c.retryValue(elt)
				}
			}
		}
	}
}

// retryValue reports a Retry-After value that is neither delay-seconds nor
// an HTTP-date, when it is known, or when it is a time.Duration's text.
func (c *checker) retryValue(x ast.Expr) {
	if d := c.durationText(x); d != nil {
		diag := analysis.Diagnostic{
			Pos: x.Pos(), End: x.End(), Category: checkValue,
			Message: "Retry-After is set from a time.Duration's text (\"1m30s\"); clients expect delay-seconds: use strconv.Itoa(int(d.Seconds()))",
		}
		if astx.ImportName(c.file, "strconv") == "strconv" {
			fix := fmt.Sprintf("strconv.Itoa(int(%s.Seconds()))", c.source(d))
			diag.SuggestedFixes = []analysis.SuggestedFix{{
				Message:   "Use " + fix,
				TextEdits: []analysis.TextEdit{{Pos: x.Pos(), End: x.End(), NewText: []byte(fix)}},
			}}
		}
		c.report.Report(diag)
		return
	}
	v := c.eval.Eval(x)
	if v.Kind != values.String || !v.Known() {
		return
	}
	s := v.Text()
	if catalog.ValidRetryAfter(s) {
		return // the rule conformance applies at run time, whitespace and all
	}
	diag := analysis.Diagnostic{
		Pos: x.Pos(), End: x.End(), Category: checkValue,
		Message: fmt.Sprintf("Retry-After value %q is neither delay-seconds (a non-negative integer) nor an HTTP-date", s),
	}
	if lit, ok := ast.Unparen(x).(*ast.BasicLit); ok {
		if secs, ok := delaySeconds(s); ok {
			text := strconv.Quote(secs)
			diag.SuggestedFixes = []analysis.SuggestedFix{{
				Message:   "Use " + text + " (seconds)",
				TextEdits: []analysis.TextEdit{{Pos: lit.Pos(), End: lit.End(), NewText: []byte(text)}},
			}}
		}
	}
	c.report.Report(diag)
}

// delaySeconds reads a constant Retry-After value written as a Go duration
// ("45s", "2m", "1h", "1.5s") or as fractional seconds ("1.5") and returns
// it as delay-seconds, rounded up so that a client never comes back early:
// "2m" is "120", "1.5" is "2". It is false for a negative value and for
// text whose meaning is not clear (units ParseDuration does not know,
// spaces, an overflow).
//
// The fix is offered only where the value is written as a literal: a
// named constant may be used as a duration elsewhere (time.ParseDuration),
// and rewriting its declaration would break those uses.
func delaySeconds(s string) (string, bool) {
	if strings.HasPrefix(s, "-") {
		return "", false
	}
	if bareNumber(s) {
		s += "s"
	}
	d, err := time.ParseDuration(s)
	if err != nil || d < 0 {
		return "", false
	}
	secs := d / time.Second
	if d%time.Second != 0 {
		secs++
	}
	return strconv.FormatInt(int64(secs), 10), true
}

// bareNumber reports whether s is digits with at most one decimal point:
// "45", "1.5", ".5".
func bareNumber(s string) bool {
	digits, points := 0, 0
	for _, r := range s {
		switch {
		case '0' <= r && r <= '9':
			digits++
		case r == '.':
			points++
		default:
			return false
		}
	}
	return digits > 0 && points <= 1
}

// durationText returns d when x is d.String(), fmt.Sprint(d) or
// fmt.Sprintf("%v"/"%s", d) of a time.Duration d.
func (c *checker) durationText(x ast.Expr) ast.Expr {
	info := c.pass.TypesInfo
	call, ok := ast.Unparen(x).(*ast.CallExpr)
	if !ok {
		return nil
	}
	fn := typeutil.StaticCallee(info, call)
	if fn == nil {
		return nil
	}
	if nethttp.IsMethod(fn, "time", "Duration", "String") && len(call.Args) == 0 {
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
			return sel.X
		}
	}
	if fn.Pkg() != nil && fn.Pkg().Path() == "fmt" {
		switch {
		case fn.Name() == "Sprint" && len(call.Args) == 1 && isDuration(info.TypeOf(call.Args[0])):
			return call.Args[0]
		case fn.Name() == "Sprintf" && len(call.Args) == 2 && isDuration(info.TypeOf(call.Args[1])):
			if f := c.eval.Eval(call.Args[0]); f.Known() && (f.Text() == "%v" || f.Text() == "%s") {
				return call.Args[1]
			}
		}
	}
	return nil
}

func isDuration(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "time" && n.Obj().Name() == "Duration"
}

// source renders an expression as it reads.
func (c *checker) source(x ast.Expr) string {
	var b bytes.Buffer
	if err := printer.Fprint(&b, c.pass.Fset, x); err != nil {
		return types.ExprString(x)
	}
	return b.String()
}

// retryAfter is the header's canonical name.
const retryAfter = "Retry-After"

// constKey is a header key written as a constant string, as written.
func constKey(info *types.Info, x ast.Expr) (string, bool) {
	tv := info.Types[x]
	if tv.Value == nil || tv.Value.Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(tv.Value), true
}
