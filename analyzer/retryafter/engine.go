package retryafter

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"strconv"
	"strings"

	"github.com/errcodelint/errcodelint/analyzer/internal/astx"
	vflow "github.com/errcodelint/errcodelint/analyzer/internal/flow"
	"github.com/errcodelint/errcodelint/analyzer/internal/nethttp"
	"github.com/errcodelint/errcodelint/catalog"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
	"golang.org/x/tools/go/types/typeutil"
)

// paths checks each function's responses along the paths of its SSA
// control-flow graph, from the events the value-flow engine found there:
// a status that needs Retry-After is written where the header is not set
// on every path before it, and a header set where the response is written
// on every path before it is never sent.
func (c *checker) paths(res *vflow.Result) {
	for _, fn := range res.Funcs() {
		evs := res.Events(fn)
		if len(evs) == 0 || c.report.Skipped(fn.Pos()) {
			continue
		}
		p := &pathCheck{c: c, fn: fn, events: make(map[ssa.Instruction][]vflow.Sink)}
		for _, ev := range evs {
			if _, deferred := ev.Instr.(*ssa.Defer); deferred {
				// A deferred call runs when the function returns: after
				// every write, in no order the code shows.
				continue
			}
			p.events[ev.Instr] = append(p.events[ev.Instr], ev.Sink)
			p.setsAnywhere = p.setsAnywhere || setsRetryAfter(ev.Sink.Headers)
		}
		p.solve()
	}
}

// A pathCheck is the path analysis of one function.
type pathCheck struct {
	c      *checker
	fn     *ssa.Function
	events map[ssa.Instruction][]vflow.Sink
	// setsAnywhere says Retry-After is set somewhere in the function: a
	// deferred status may go out after that.
	setsAnywhere bool
	// trailers are the function's settings of the Trailer header, found
	// on first need (see declaredTrailer).
	trailers *[]trailerDecl
}

// A trailerDecl is a setting of the Trailer header on a writer: the keys
// it declares, or any key when its value is not known.
type trailerDecl struct {
	writer vflow.Value
	keys   []string
	any    bool
}

// A state is what holds at one point of the function, by writer (the
// writer's value as text).
type state map[string]writerState

type writerState struct {
	set     bool      // Retry-After is set on every path here
	maySet  bool      // Retry-After is set on some path here
	written token.Pos // the response is written on every path here, first there
}

// join is the state where paths meet: what holds on each.
func join(a, b state) state {
	out := make(state)
	for w, x := range a {
		y, ok := b[w]
		if !ok {
			y = writerState{}
		}
		out[w] = writerState{set: x.set && y.set, maySet: x.maySet || y.maySet, written: bothWritten(x.written, y.written)}
	}
	for w, y := range b {
		if _, ok := a[w]; !ok {
			out[w] = writerState{maySet: y.maySet}
		}
	}
	return out
}

func bothWritten(a, b token.Pos) token.Pos {
	if !a.IsValid() || !b.IsValid() {
		return token.NoPos
	}
	return min(a, b)
}

func (s state) equal(t state) bool {
	if len(s) != len(t) {
		return false
	}
	for w, x := range s {
		if y, ok := t[w]; !ok || x != y {
			return false
		}
	}
	return true
}

// solve runs the analysis to its fixed point, then once more to report.
func (p *pathCheck) solve() {
	in := make(map[*ssa.BasicBlock]state)
	out := make(map[*ssa.BasicBlock]state)
	for changed := true; changed; {
		changed = false
		for _, b := range p.fn.Blocks {
			s := p.entry(b, out)
			if old, ok := in[b]; ok && old.equal(s) {
				continue
			}
			in[b] = s
			out[b] = p.block(b, s, false)
			changed = true
		}
	}
	for _, b := range p.fn.Blocks {
		if s, ok := in[b]; ok {
			p.block(b, s, true)
		}
	}
}

// entry is the state at the start of b: the join of its predecessors'
// states at their ends, those not yet reached left out.
func (p *pathCheck) entry(b *ssa.BasicBlock, out map[*ssa.BasicBlock]state) state {
	var s state
	for _, pred := range b.Preds {
		ps, ok := out[pred]
		switch {
		case !ok:
		case s == nil:
			s = ps
		default:
			s = join(s, ps)
		}
	}
	if s == nil {
		return state{}
	}
	return s
}

// block applies b's events to s, reporting when final.
func (p *pathCheck) block(b *ssa.BasicBlock, s state, final bool) state {
	s = clone(s)
	for _, instr := range b.Instrs {
		ks := p.events[instr]
		// A helper's headers are set inside it, before the status it
		// writes (its sinks say which are set on every path).
		for _, k := range ks {
			if k.Status == nil && k.Body == nil {
				p.event(k, s, final)
			}
		}
		for _, k := range ks {
			if k.Status != nil || k.Body != nil {
				p.event(k, s, final)
			}
		}
	}
	return s
}

func clone(s state) state {
	out := make(state, len(s))
	for w, x := range s {
		out[w] = x
	}
	return out
}

// event applies one write or header change to the state of its writer.
func (p *pathCheck) event(k vflow.Sink, s state, final bool) {
	w := k.Writer.String()
	if k.Writer.HasUnknown() {
		return // a writer the engine cannot name: no path to follow
	}
	ws := s[w]
	switch {
	case k.Deleted != nil:
		if setsRetryAfter(k.Deleted) {
			ws.set, ws.maySet = false, false
		}
	case k.Status == nil && k.Body == nil:
		// Only a set made here is reported late: a helper's are
		// checked in the helper.
		if final && ws.written.IsValid() && k.StatusArg != vflow.Whole && p.lateLost(k.Writer) {
			p.late(k, ws.written)
		}
		if setsRetryAfter(k.Headers) {
			ws.set, ws.maySet = true, true
		}
	default:
		// The headers a helper sets before its status.
		ws.set = ws.set || setsRetryAfter(k.Headers)
		ws.maySet = ws.maySet || ws.set || k.StatusArg == vflow.Whole && setsRetryAfter(k.MayHeaders)
		if final && k.Status != nil {
			p.status(k, ws)
		}
		if !k.Deferred && !ws.written.IsValid() {
			ws.written = k.At
		}
	}
	s[w] = ws
}

// lateLost reports whether headers set on a writer after its response is
// written are lost, for a writer that is a parameter of the function.
func (p *pathCheck) lateLost(w vflow.Value) bool {
	if len(w) != 1 || w[0].Kind != vflow.Param || len(w[0].Path) > 0 || w[0].Index >= len(p.fn.Params) {
		return false
	}
	return nethttp.LosesLateHeaders(p.fn.Params[w[0].Index].Type())
}

// late reports a header set once the response is out: it is never sent.
// Trailers (declared with the Trailer header, or in net/http's
// "Trailer:" form) are sent after the body on purpose.
func (p *pathCheck) late(k vflow.Sink, written token.Pos) {
	at := p.c.positions().Expr(k.At, vflow.Whole)
	keys := k.Headers.Consts()
	if at == nil || len(keys) != 1 || keys[0].CK != constant.String {
		return
	}
	key := constant.StringVal(keys[0].Constant())
	if strings.HasPrefix(key, "Trailer:") || p.declaredTrailer(k.Writer, key) {
		return
	}
	msg := fmt.Sprintf("header %q is set after the response is written (line %d) and is never sent",
		key, p.c.pass.Fset.Position(written).Line)
	if call := p.c.callAt(k.At); call != nil && isHTTPError(p.c.pass.TypesInfo, call) {
		if !p.statusAt(written) {
			// Written by a body alone: an encoder that fails has most
			// often written nothing (json's marshals first), and
			// http.Error is then the response.
			return
		}
		msg = fmt.Sprintf("http.Error after the response is written (line %d): its status and its headers are never sent, and its message is appended to the body",
			p.c.pass.Fset.Position(written).Line)
	}
	p.c.report.Report(analysis.Diagnostic{Pos: at.Pos(), End: at.End(), Category: checkLate, Message: msg})
}

// declaredTrailer reports whether the function declares key as a trailer
// of the writer (w.Header().Set("Trailer", "X-Sum")), or sets the Trailer
// header to a value it cannot know.
func (p *pathCheck) declaredTrailer(w vflow.Value, key string) bool {
	if p.trailers == nil {
		p.trailers = new(p.trailerDecls())
	}
	for _, t := range *p.trailers {
		if t.writer.Equal(w) && (t.any || slices.ContainsFunc(t.keys, func(k string) bool { return catalog.SameHeader(k, key) })) {
			return true
		}
	}
	return false
}

// trailerDecls are the function's settings of the Trailer header.
func (p *pathCheck) trailerDecls() []trailerDecl {
	var out []trailerDecl
	for _, ks := range p.events {
		for _, k := range ks {
			if k.Headers == nil || !slices.ContainsFunc(k.Headers.Consts(), func(a vflow.Atom) bool {
				return a.CK == constant.String && constant.StringVal(a.Constant()) == "Trailer"
			}) {
				continue
			}
			t := trailerDecl{writer: k.Writer}
			call := p.c.callAt(k.At)
			if call == nil || len(call.Args) != 2 {
				t.any = true
			} else if v := p.c.eval.Eval(call.Args[1]); !v.Known() {
				t.any = true
			} else {
				for _, name := range strings.Split(v.Text(), ",") {
					t.keys = append(t.keys, strings.TrimSpace(name))
				}
			}
			out = append(out, t)
		}
	}
	return out
}

// status checks a status written where Retry-After is not set on every
// path before it.
func (p *pathCheck) status(k vflow.Sink, ws writerState) {
	if ws.set || k.Deferred && p.setsAnywhere {
		// A deferred status goes out with the body or when the handler
		// returns: a Retry-After set anywhere in the function (on the
		// context, its writer, chi's writer) may precede it.
		return
	}
	what, at, table := p.c.retryStatus(k)
	if at == nil || p.c.report.Skipped(at.Pos()) || table && ws.maySet {
		// A function that sets Retry-After on some path is taken to
		// set it for the table's 429: the condition is not followed
		// (precision first).
		return
	}
	d := analysis.Diagnostic{Pos: at.Pos(), End: at.End(), Category: checkMissing}
	switch {
	case ws.maySet:
		d.Message = fmt.Sprintf("%s is written on a path without a %s header", what, retryAfter)
		if cond := p.c.conditionalSet(p, k.Writer, at.Pos()); cond != "" {
			d.Message += ": it is set only when " + cond
		}
	default:
		d.Message = fmt.Sprintf("%s is written without a %s header", what, retryAfter)
		d.SuggestedFixes = p.c.insertFix(k, at)
	}
	p.c.report.Report(d)
}

// retryStatus says what of a response needs Retry-After, and where to
// report it: a status of the rules (a constant, a table's row: table is
// true), or a code whose catalog status is one. at is nil when nothing
// known needs it.
func (c *checker) retryStatus(k vflow.Sink) (what string, at ast.Expr, table bool) {
	helper := k.StatusArg == vflow.Whole
	direct := c.positions().Expr(k.StatusAt, k.StatusArg)
	var all []int64
	var row *rowHit
	var hit *vflow.Atom
	partial, callers := false, false
	for _, a := range k.Status.Flat() {
		switch a.Kind {
		case vflow.Const:
			n, ok := constant.Int64Val(a.Constant())
			if !ok {
				return "", nil, false
			}
			all = append(all, n)
			callers = callers || astx.SameDecl(c.pass.Files, a.At, k.At)
			if hit == nil && c.isRetry(n) {
				hit = &a
			}
		case vflow.Lookup:
			if helper {
				partial = true // a row chosen by a key lost on the way
				continue
			}
			for i, rv := range a.RowValues() {
				for _, rc := range rv.Consts() {
					if n, ok := constant.Int64Val(rc.Constant()); ok {
						all = append(all, n)
						if row == nil && c.isRetry(n) {
							row = &rowHit{status: n, name: a.Rows[i].Name(a.Type), table: a.Type}
						}
					}
				}
			}
		default:
			partial = true // a status not known in full
		}
	}
	switch {
	case hit != nil && !partial:
		return c.constStatus(k, *hit, all, direct)
	case row != nil && !helper:
		// A table may give the status: whatever else it may be.
		return row.what(all), direct, true
	case !callers:
		// No status the caller decides: the code says what goes out.
		what, at = c.retryCode(k)
		return what, at, false
	}
	return "", nil, false
}

// A rowHit is a table's row whose status needs Retry-After.
type rowHit struct {
	status      int64
	name, table string
}

func (r *rowHit) what(all []int64) string {
	switch {
	case r.name != "":
		return fmt.Sprintf("status %d (%s; %s)", r.status, r.name, oneOf(all))
	case r.table != "":
		return fmt.Sprintf("status %d (a row of %s)", r.status, r.table)
	}
	return fmt.Sprintf("status %d (a row of a table)", r.status)
}

// constStatus says how a constant status that needs Retry-After is
// written: directly, among others, or passed to a helper (reported where
// it is written), or chosen by a table's row inside one.
func (c *checker) constStatus(k vflow.Sink, hit vflow.Atom, all []int64, direct ast.Expr) (string, ast.Expr, bool) {
	n, _ := constant.Int64Val(hit.Constant())
	what := fmt.Sprintf("status %d", n)
	if k.StatusArg != vflow.Whole {
		if len(all) > 1 {
			texts := make([]string, len(all))
			for i, st := range all {
				texts[i] = strconv.FormatInt(st, 10)
			}
			what += " (one of " + strings.Join(texts, ", ") + ")"
		}
		return what, direct, false
	}
	if at := c.positions().Expr(hit.At, hit.Arg); at != nil && astx.SameDecl(c.pass.Files, hit.At, k.At) {
		return what, at, false // passed by this call
	}
	if hit.Row != "" {
		return what + " (" + hit.Row + ") sent by " + c.callName(k.At), direct, false
	}
	return "", nil, false // the helper's own status, checked in the helper
}

// retryCode finds a code in the body whose catalog status needs
// Retry-After, written in this package: `code "rate_limited" (status 429,
// errcodes.yaml:7)`.
func (c *checker) retryCode(k vflow.Sink) (string, ast.Expr) {
	if c.cat == nil || c.model == nil {
		return "", nil
	}
	for _, body := range k.Body.Flat() {
		for _, code := range c.model.CodesIn(body) {
			at := c.positions().Expr(code.At, code.Arg)
			v, ok := c.model.ConstCode(code)
			if at == nil || !ok {
				continue
			}
			cc, _ := c.model.Resolve(v)
			if cc == nil || cc.Reported {
				continue
			}
			sts := cc.AllStatuses()
			if i := slices.IndexFunc(sts, func(st int) bool { return c.isRetry(int64(st)) }); i >= 0 {
				return fmt.Sprintf("code %s (status %d, %s)", cc.Quoted(), sts[i], cc.Ref()), at
			}
		}
	}
	return "", nil
}

// maxListed bounds the statuses a message lists.
const maxListed = 6

// oneOf says which statuses a table gives: "one of 400, 404, 429", in
// order, or "one of 12 statuses" when the list would be long. Statuses
// that are no HTTP status (a table's zero default) are left out.
func oneOf(statuses []int64) string {
	var sorted []int64
	for _, st := range statuses {
		if st >= 100 && !slices.Contains(sorted, st) {
			sorted = append(sorted, st)
		}
	}
	slices.Sort(sorted)
	if len(sorted) > maxListed {
		return fmt.Sprintf("one of %d statuses", len(sorted))
	}
	texts := make([]string, len(sorted))
	for i, st := range sorted {
		texts[i] = strconv.FormatInt(st, 10)
	}
	return "one of " + strings.Join(texts, ", ")
}

// setsRetryAfter reports whether the keys set hold Retry-After, in any
// case: a client finds it however it was written (catalog.SameHeader;
// the non-canonical map key is its own check).
func setsRetryAfter(keys vflow.Value) bool {
	for _, k := range keys.Consts() {
		if c := k.Constant(); c != nil && c.Kind() == constant.String && catalog.SameHeader(constant.StringVal(c), retryAfter) {
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

// statusAt reports whether the write at pos is a status (WriteHeader, a
// helper that writes one), not a body alone.
func (p *pathCheck) statusAt(pos token.Pos) bool {
	for _, ks := range p.events {
		for _, k := range ks {
			if k.At == pos && k.Status != nil {
				return true
			}
		}
	}
	return false
}

// isHTTPError reports whether call is net/http's Error.
func isHTTPError(info *types.Info, call *ast.CallExpr) bool {
	fn, _ := typeutil.Callee(info, call).(*types.Func)
	return nethttp.IsFunc(fn, "net/http", "Error")
}
