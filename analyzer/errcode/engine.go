package errcode

import (
	"go/ast"
	"go/constant"
	"go/types"
	"slices"
	"strconv"

	"github.com/errcodelint/errcodelint/analyzer/internal/astx"
	"github.com/errcodelint/errcodelint/analyzer/internal/flow"
	"github.com/errcodelint/errcodelint/analyzer/internal/values"
	"github.com/errcodelint/errcodelint/catalog"
	"golang.org/x/tools/go/types/typeutil"
)

// sinks checks the responses the value-flow engine found: each error body
// written with an error status, its code read at the catalog's wire path.
func (c *checker) sinks(res *flow.Result) {
	for _, k := range res.Sinks {
		k.Status, k.Body = k.Status.Flat(), k.Body.Flat()
		if k.Body == nil || !errorStatuses(k.Status) {
			// No status, or not only error statuses: not known to
			// be an error response.
			continue
		}
		for _, body := range k.Body {
			c.sinkBody(k, body)
		}
	}
}

// errorStatuses reports whether v is an error status on every path: each
// constant a known 4xx or 5xx, and each table a table of code rows (see
// codeRow), whose other rows are skipped where its rows pair with codes
// (sinkBody).
func errorStatuses(v flow.Value) bool {
	n := 0
	for _, a := range v {
		switch {
		case a.Kind == flow.Lookup:
			if !slices.ContainsFunc(a.RowValues(), errorStatuses) {
				return false // no row is a code row: not a table of them
			}
			n++
		case a.Kind != flow.Const:
			return false
		default:
			if s, ok := statusOf(a); !ok || !catalog.IsErrorStatus(s) {
				return false
			}
			n++
		}
	}
	return n > 0
}

// everyRow reports whether v is an error status on every path with every
// row of its tables: a code that is not one of a table's rows goes out
// with whichever status its key picks.
func everyRow(v flow.Value) bool {
	for _, a := range v {
		if a.Kind == flow.Lookup && !slices.ContainsFunc(a.RowValues(), func(row flow.Value) bool { return !errorStatuses(row) }) {
			continue
		}
		if a.Kind == flow.Lookup || !errorStatuses(flow.Value{a}) {
			return false
		}
	}
	return len(v) > 0
}

func statusOf(a flow.Atom) (int64, bool) {
	c := a.Constant()
	if c == nil || c.Kind() != constant.Int {
		return 0, false
	}
	return constant.Int64Val(c)
}

// sinkBody checks one body an error response may carry.
func (c *checker) sinkBody(k flow.Sink, body flow.Atom) {
	if body.Kind != flow.Encoded || body.Enc == "text" {
		return // bytes the engine cannot see into
	}
	c.bodyStatus(k, body)
	codes := c.model.CodesIn(body)
	if slices.ContainsFunc(codes, func(a flow.Atom) bool { return a.Kind != flow.Unknown }) {
		c.model.SawCodeAtWire()
	}
	declared := c.model.DeclaredBody(body)
	for _, code := range codes {
		switch code.Kind {
		case flow.Const, flow.Text:
			if everyRow(k.Status) {
				c.sinkCode(k, code, k.Status, len(codes), declared)
			}
		case flow.Lookup:
			// A row of a table chosen at run time: every row may go
			// out, with the status of that row when the status is
			// looked up in the same table; a row that is no code row
			// is skipped alone (codeRow).
			for i, row := range code.RowValues() {
				status := rowStatus(k.Status, code, i)
				if !everyRow(status) {
					continue
				}
				for _, rc := range row.Consts() {
					c.sinkCode(k, rc, status, 1, declared)
				}
			}
		}
	}
}

// rowStatus is the status that goes with row i of a table: the row's own
// when the status is looked up in the same table with the same key, else
// the statuses as they are.
func rowStatus(status flow.Value, table flow.Atom, i int) flow.Value {
	if len(status) != 1 || status[0].Kind != flow.Lookup || len(status[0].Rows) != len(table.Rows) ||
		status[0].Of.String() != table.Of.String() {
		return status
	}
	return status[0].RowValues()[i]
}

// sinkCode checks a code an error response carries, and the statuses it
// goes with. A finding is reported where this package wrote the value;
// values from other packages were checked there. declared says the
// catalog names where the code goes (a go.error_types field, an emitter's
// parameter); elsewhere text that cannot be a code is a message, and not
// reported as an unknown code.
func (c *checker) sinkCode(k flow.Sink, code flow.Atom, status flow.Value, codes int, declared bool) {
	v, ok := c.model.ConstCode(code)
	if !ok {
		return
	}
	codeExpr := c.exprAt(code)
	if codeExpr == nil {
		codeExpr = c.exprAt(flow.Atom{At: k.At, Arg: flow.Whole})
	}
	if codeExpr == nil {
		return
	}
	cat, known := c.model.Resolve(v)
	if known && cat != nil && everyRow(status) {
		c.sent[cat] = true
	}
	if !known {
		if code.At.IsValid() && !v.Zero() && (declared || !c.model.IsMessage(v)) {
			c.reportUnknown(codeUse{expr: codeExpr, value: v, wire: true})
		}
		return
	}
	if cat == nil || cat.Reported || !errorStatuses(status) {
		return
	}
	var sts []flow.Atom
	for _, s := range status {
		if s.Kind == flow.Lookup {
			return // a status looked up by another key: not known here
		}
		n, _ := statusOf(s)
		if cat.HasStatus(int(n)) {
			return // a code may travel with several statuses: any is right
		}
		sts = append(sts, s)
	}
	for _, s := range sts {
		n, _ := statusOf(s)
		use := codeUse{expr: codeExpr, value: v, wire: true}
		switch at := c.exprAt(s); {
		case at != nil && !s.Keyed && !astx.SameDecl(c.pass.Files, at.Pos(), k.At):
			// A status chosen inside a helper (a renderer's default)
			// for a code this call passes: the call is what is wrong.
			c.checkStatus(use, cat, statusUse{value: n, via: c.callName(flow.Atom{At: k.At})})
		case at != nil && codes > 1:
			// One status for several codes: the code is what is
			// wrong, not the status the others go out with.
			c.checkStatus(use, cat, statusUse{value: n, via: c.callName(s) + " at line " + strconv.Itoa(c.pass.Fset.Position(at.Pos()).Line)})
		case at != nil && s.Keyed:
			// A table's row: the row is where code and status pair.
			c.checkStatus(use, cat, statusUse{expr: at, value: n, verb: "mapped to"})
		case at != nil:
			c.checkStatus(use, cat, statusUse{expr: at, value: n})
		case code.At.IsValid():
			c.checkStatus(use, cat, statusUse{value: n, via: c.callName(flow.Atom{At: k.At})})
		}
	}
}

// callName is the name of the function called where a value stands (a
// status's WriteHeader, a helper), or "the call".
func (c *checker) callName(a flow.Atom) string {
	call, ok := c.exprAt(flow.Atom{At: a.At, Arg: flow.Whole}).(*ast.CallExpr)
	if !ok {
		return "the call"
	}
	if fn := typeutil.Callee(c.pass.TypesInfo, call); fn != nil {
		return fn.Name()
	}
	return "the call"
}

// exprAt is the expression a constant stands at in this package's syntax,
// or nil.
func (c *checker) exprAt(a flow.Atom) ast.Expr {
	if !a.At.IsValid() {
		return nil
	}
	if c.positions == nil {
		c.positions = flow.NewPositions(c.pass.Files)
	}
	return c.positions.Expr(a.At, a.Arg)
}

// emitterCalls checks the calls of the catalog's go.emitters, helpers the
// engine cannot see into (an interface's method, a function built
// elsewhere): the code each passes lands at the catalog's wire.code, with
// the status it passes.
func (c *checker) emitterCalls(res *flow.Result) {
	if len(c.cat.Go.Emitters) == 0 {
		return
	}
	calls := res.Calls(func(fn *types.Func) bool {
		_, ok := c.emitter(fn)
		return ok
	})
	for _, call := range calls {
		e, _ := c.emitter(call.Func)
		sig := call.Func.Signature()
		si, ci := e.Status.In(sig), e.Code.In(sig)
		if e.ByError() {
			ci = e.Error.In(sig)
		}
		if si < 0 || ci < 0 || si >= len(call.Args) || ci >= len(call.Args) {
			continue // the catalog names parameters the function lacks
		}
		k := flow.Sink{At: call.At, Status: call.Args[si].Flat()}
		codes := call.Args[ci].Flat()
		if e.ByError() {
			var plain bool
			codes, plain = c.model.ErrorCodes(codes)
			if plain && e.Fallback != "" {
				c.fallback(k, call, e, ci)
			}
		}
		for _, code := range codes {
			if code.Kind == flow.Const || code.Kind == flow.Text {
				c.sinkCode(k, code, k.Status, len(codes), true)
			}
		}
	}
}

// fallback checks the code an emitter sends for an error of no declared
// type (errors.New's): reported at the call's error argument when the
// catalog does not list it, checked against the call's status when it
// does.
func (c *checker) fallback(k flow.Sink, call flow.Call, e catalog.Emitter, arg int) {
	at := c.exprAt(flow.Atom{At: call.At, Arg: arg})
	if at == nil || c.report.Skipped(call.At) {
		return
	}
	v := values.StringValue(e.Fallback)
	if _, ok := c.model.Resolve(v); !ok {
		c.reportf(checkUnknown, at, "%s", c.model.Unknown(v, ": "+call.Func.Name()+" sends it for an error of no declared type"))
		return
	}
	lit := constant.MakeString(e.Fallback)
	c.sinkCode(k, flow.Atom{Kind: flow.Const, CK: lit.Kind(), Lit: lit.ExactString(), At: call.At, Arg: arg}, k.Status, 1, true)
}

// emitter returns the catalog's go.emitters entry for fn; ok is false
// when the catalog names no such function.
func (c *checker) emitter(fn *types.Func) (catalog.Emitter, bool) {
	name := fn.Origin().FullName()
	for _, e := range c.cat.Go.Emitters {
		if e.Func == name {
			return e, true
		}
	}
	return catalog.Emitter{}, false
}

// bodyStatus checks the status field of an error body (RFC 7807's
// "status") against the one HTTP status the response is written with.
func (c *checker) bodyStatus(k flow.Sink, body flow.Atom) {
	if len(k.Status) != 1 {
		return
	}
	sent, ok := statusOf(k.Status[0])
	if !ok {
		return
	}
	for _, s := range c.model.StatusesIn(body) {
		n, ok := statusOf(s)
		if at := c.exprAt(s); ok && at != nil && n != sent {
			c.reportf(checkBodyStatus, at, "body status %d disagrees with the HTTP status %d written before it", n, sent)
		}
	}
}
