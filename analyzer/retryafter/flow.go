package retryafter

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/errcodelint/errcodelint/analyzer/internal/astx"
	"github.com/errcodelint/errcodelint/analyzer/internal/envelope"
	"github.com/errcodelint/errcodelint/analyzer/internal/nethttp"
	"github.com/errcodelint/errcodelint/analyzer/internal/response"
	"github.com/errcodelint/errcodelint/analyzer/internal/values"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/cfg"
)

const retryAfter = "Retry-After"

// A state is what holds of each writer at a point of a function: on every
// path to it (must), or on some path (may).
type state struct {
	reached bool // false: no path reaches the point yet (the identity of meet)
	set     map[nethttp.Key]bool
	maySet  map[nethttp.Key]bool
	written map[nethttp.Key]token.Pos // the writer's status or body was written on every path, first at
}

func (s state) clone() state {
	return state{reached: s.reached, set: maps.Clone(s.set), maySet: maps.Clone(s.maySet), written: maps.Clone(s.written)}
}

func (s state) equal(t state) bool {
	return s.reached == t.reached && maps.Equal(s.set, t.set) && maps.Equal(s.maySet, t.maySet) && maps.Equal(s.written, t.written)
}

// meet joins the states of two paths into one point.
func meet(a, b state) state {
	if !a.reached {
		return b.clone()
	}
	if !b.reached {
		return a.clone()
	}
	out := state{reached: true, set: map[nethttp.Key]bool{}, maySet: maps.Clone(a.maySet), written: map[nethttp.Key]token.Pos{}}
	for k := range a.set {
		if b.set[k] {
			out.set[k] = true
		}
	}
	for k := range b.maySet {
		out.maySet[k] = true
	}
	for k, p := range a.written {
		if q, ok := b.written[k]; ok {
			out.written[k] = min(p, q)
		}
	}
	return out
}

// flow is the forward analysis of one function.
type flow struct {
	c      *checker
	fd     *ast.FuncDecl // the function; a closure's type and body
	body   *ast.BlockStmt
	tracer *response.Tracer // made when first needed
	enc    func(*types.Var) (ast.Expr, bool)
	// final is the last pass over the solved graph: it records problems,
	// which report then turns into diagnostics (finding the bad paths and
	// reporting them stay apart, as in lostcancel).
	final    bool
	problems []problem
	// lateHeaders enables the set-after-write report: not in tests, which
	// set late headers on purpose to see them dropped.
	lateHeaders bool
	// stmt is the statement being walked, where a fix inserts before.
	stmt ast.Stmt
	// ctx is the handler's framework context parameter: the writer of a
	// status returned as an error (echo.NewHTTPError).
	ctx ast.Expr
	// pending holds statuses stored on a request for a later render
	// (chi's render.Status), by request.
	pending map[nethttp.Key]pendingStatus
}

// A problem is what the final pass found at one statement.
type problem struct {
	at     ast.Node // the write, or the late header set
	late   bool     // a header set after the response is written; else a write without Retry-After
	key    nethttp.Key
	writer ast.Expr
	what   string    // what is written ("status 429"), or the header set ("header \"X\"")
	maySet bool      // some paths set Retry-After before the write
	stmt   ast.Stmt  // the statement a fix inserts before
	sent   token.Pos // a late header: where the response was written
}

type pendingStatus struct {
	values []values.Value
	at     ast.Expr
}

func (f *flow) solve(g *cfg.CFG) {
	if len(g.Blocks) == 0 {
		return
	}
	preds := make(map[*cfg.Block][]*cfg.Block)
	for _, b := range g.Blocks {
		for _, s := range b.Succs {
			preds[s] = append(preds[s], b)
		}
	}
	out := make(map[*cfg.Block]state)
	in := func(b *cfg.Block) state {
		if b == g.Blocks[0] {
			return state{reached: true, set: map[nethttp.Key]bool{}, maySet: map[nethttp.Key]bool{}, written: map[nethttp.Key]token.Pos{}}
		}
		var s state
		for _, p := range preds[b] {
			s = meet(s, out[p])
		}
		return s
	}
	// Iterate to a fixed point; the lattice is finite (writers of one
	// function), and a bound guards against the unforeseen.
	for range 64 {
		changed := false
		for _, b := range g.Blocks {
			if !b.Live {
				continue
			}
			s := f.block(b, in(b))
			if !s.equal(out[b]) {
				out[b], changed = s, true
			}
		}
		if !changed {
			break
		}
	}
	f.final = true
	for _, b := range g.Blocks {
		if b.Live {
			f.block(b, in(b))
		}
	}
}

// block applies a block's events to s in order.
func (f *flow) block(b *cfg.Block, s state) state {
	if !s.reached {
		return s
	}
	s = s.clone()
	for _, n := range b.Nodes {
		f.stmt, _ = n.(ast.Stmt)
		switch n.(type) {
		case *ast.DeferStmt, *ast.GoStmt:
			continue // runs later, or elsewhere: no order to rely on
		}
		ast.Inspect(n, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncLit, *ast.BlockStmt:
				return false // a closure runs when called; a nested block is its own node
			case *ast.CallExpr:
				f.call(n, &s)
			case *ast.AssignStmt:
				for i, lhs := range n.Lhs {
					if i < len(n.Rhs) {
						if hw, ok := nethttp.AsHeaderIndex(f.c.pass.TypesInfo, lhs, n.Rhs[i]); ok {
							f.header(hw, &s)
						}
					}
				}
			}
			return true
		})
	}
	return s
}

func (f *flow) call(call *ast.CallExpr, s *state) {
	info := f.c.pass.TypesInfo
	eff := f.c.classify.Of(call, f.enc)
	if eff.Header != nil {
		f.header(*eff.Header, s)
		return
	}
	if sw := eff.Status; sw != nil {
		writer := sw.Writer
		if writer == nil {
			writer = f.ctx // returned as an error: the handler's response
		}
		if writer == nil {
			return
		}
		key, ok := nethttp.WriterKey(info, writer)
		if !ok {
			return
		}
		if sw.Pending {
			f.pending[key] = pendingStatus{values: f.c.eval.EvalAll(sw.Status), at: sw.Status}
			return
		}
		if sw.Status != nil {
			if vs := f.c.eval.EvalAll(sw.Status); len(vs) > 0 {
				f.checkStatus(key, writer, vs, sw.Status, sw.Deferred, s)
			} else {
				f.tableStatus(key, writer, sw.Status, s)
			}
		} else if f.c.retryStatus(int64(sw.Fixed)) {
			f.missing(key, writer, call, fmt.Sprintf("status %d", sw.Fixed), false, s)
		}
		if !sw.Deferred || sw.Body {
			f.written(key, call, s)
		}
		return
	}
	if bw := eff.Body; bw != nil {
		key, ok := nethttp.WriterKey(info, bw.Writer)
		if !ok {
			return
		}
		if bw.Request != nil {
			if rk, ok := nethttp.WriterKey(info, bw.Request); ok {
				if p, ok := f.pending[rk]; ok {
					f.checkStatus(key, bw.Writer, p.values, p.at, false, s)
				}
			}
		}
		if !nethttp.IsContext(info.TypeOf(bw.Writer)) || !f.buffered(bw.Writer) {
			f.written(key, call, s)
		}
		return
	}
	if h := eff.Setter; h != nil && h.Writer < len(call.Args) {
		if key, ok := nethttp.WriterKey(info, call.Args[h.Writer]); ok && h.Sets(retryAfter) {
			s.set[key], s.maySet[key] = true, true
		}
	}
	if e := eff.Emitter; e != nil && e.Writer >= 0 && e.Writer < len(call.Args) {
		f.emitterCall(call, e, eff.Setter, s)
	}
}

// emitterCall checks a helper that writes a status given to it, or a code
// whose catalog status needs Retry-After. A status fixed inside the helper
// is checked in the helper.
func (f *flow) emitterCall(call *ast.CallExpr, e *response.Emitter, h *response.HeaderSetter, s *state) {
	info := f.c.pass.TypesInfo
	key, ok := nethttp.WriterKey(info, call.Args[e.Writer])
	if !ok {
		return
	}
	if h != nil && h.Writer == e.Writer && h.Sets(retryAfter) {
		// The helper sets Retry-After itself, on some path at least:
		// credited (precision first).
		f.written(key, call, s)
		return
	}
	if e.Status.Table != nil {
		f.renderCall(key, call, e, s)
		f.written(key, call, s)
		return
	}
	if e.Status.IsParam() && len(e.Status.Fields) == 0 && e.Status.Param < len(call.Args) {
		arg := call.Args[e.Status.Param]
		if vs := f.c.eval.EvalAll(arg); len(vs) > 0 {
			// The status is known: it decides, and the code adds nothing.
			f.checkStatus(key, call.Args[e.Writer], vs, arg, false, s)
			f.written(key, call, s)
			return
		}
	}
	if f.c.cat != nil {
		for _, code := range e.Codes {
			if !code.From.IsParam() || len(code.From.Fields) != 0 || code.From.Param >= len(call.Args) || !f.codePath(code) {
				continue
			}
			arg := call.Args[code.From.Param]
			v := f.c.eval.Eval(arg)
			if !v.Known() {
				continue
			}
			cc, _ := f.c.model.Resolve(v)
			if cc == nil || cc.Reported {
				continue
			}
			// A code sent with several statuses needs the header when
			// any of them does.
			i := slices.IndexFunc(cc.AllStatuses(), func(st int) bool { return f.c.retryStatus(int64(st)) })
			if i < 0 {
				continue
			}
			f.missing(key, call.Args[e.Writer], arg, fmt.Sprintf("code %s (status %d, %s)", cc.Quoted(), cc.AllStatuses()[i], cc.Ref()), false, s)
		}
	}
	f.written(key, call, s)
}

// tableStatus reports a status drawn from a status table, directly or
// through a helper that looks it up (w.WriteHeader(status) where status,
// _ := apiError(err)), when the table may give a status that needs
// Retry-After and nothing in the function sets it. A function that sets it
// somewhere is taken to set it for that status: the condition is not
// followed (precision first).
func (f *flow) tableStatus(key nethttp.Key, writer, at ast.Expr, s *state) {
	if f.tracer == nil {
		f.tracer = response.NewTracer(f.c.pass.Fset, f.c.pass.TypesInfo, f.fd, f.c.idx, f.c.eval, f.c.yields)
	}
	src := f.tracer.Trace(at)
	if src.Param == response.Const {
		// A table's row for a constant key: statusFor(RateLimited).
		f.checkStatus(key, writer, []values.Value{values.IntValue(src.Const)}, at, false, s)
		return
	}
	t := src.Table
	if t == nil || f.setsAnywhere(key) {
		return
	}
	all := t.Statuses()
	for _, st := range all {
		if !f.c.retryStatus(st) {
			continue
		}
		where, ok := t.Where(st)
		if !ok {
			where = fmt.Sprintf("when the code is not in %s, %s", t.Name, t.File)
		}
		f.missing(key, writer, at, fmt.Sprintf("status %d (%s; %s)", st, where, oneOf(all)), false, s)
		return
	}
}

// maxListed bounds the statuses a message lists.
const maxListed = 6

// oneOf says which statuses a table gives: "one of 400, 404, 429", in
// order, or "one of 12 statuses" when the list would be long.
func oneOf(statuses []int64) string {
	if len(statuses) > maxListed {
		return fmt.Sprintf("one of %d statuses", len(statuses))
	}
	sorted := slices.Sorted(slices.Values(statuses))
	texts := make([]string, len(sorted))
	for i, st := range sorted {
		texts[i] = strconv.FormatInt(st, 10)
	}
	return "one of " + strings.Join(texts, ", ")
}

// renderCall checks a call of a renderer that looks the status up in a
// table by the code of an error it is given (SendError(w, err)): where the
// error's code is known here, so is the status.
func (f *flow) renderCall(key nethttp.Key, call *ast.CallExpr, e *response.Emitter, s *state) {
	t := e.Status.Table
	code, _ := f.c.carriers.Arg(call, e.Status.Key())
	if !code.Known() {
		return
	}
	at := call.Args[e.Status.Param] // the error, as the call passes it
	st, row, inTable, ok := t.StatusOf(code.Text())
	if !ok || !f.c.retryStatus(st) {
		return
	}
	where := fmt.Sprintf("%s in %s, %s:%d", code.Text(), t.Name, t.File, row.Line)
	if !inTable {
		where = fmt.Sprintf("%s is not in %s, %s", code.Text(), t.Name, t.File)
	}
	f.missing(key, call.Args[e.Writer], at, fmt.Sprintf("status %d (%s) sent by %s", st, where, astx.CalleeName(call)), false, s)
}

func (f *flow) codePath(code response.Code) bool {
	return f.c.model.LeafMatch(envelope.Leaf{JSON: code.JSON, XML: code.XML}, f.c.cat.Wire.Code)
}

// checkStatus reports a write whose status may be one that needs
// Retry-After when the writer does not have it on every path.
func (f *flow) checkStatus(key nethttp.Key, writer ast.Expr, vs []values.Value, at ast.Expr, deferred bool, s *state) {
	var hit int64 = -1
	var all []string
	for _, v := range vs {
		if v.Kind != values.Int {
			return
		}
		all = append(all, v.Text())
		if hit < 0 && f.c.retryStatus(v.Int) {
			hit = v.Int
		}
	}
	if hit < 0 {
		return
	}
	what := fmt.Sprintf("status %d", hit)
	if len(vs) > 1 {
		what = fmt.Sprintf("status %d (one of %s)", hit, strings.Join(all, ", "))
	}
	f.missing(key, writer, at, what, deferred, s)
}

// missing reports that what (a status, a code) is written without
// Retry-After, unless the header is set on every path; where some paths set
// it, it says so, and names the condition when it can.
//
// A deferred status goes out when the body is written or the handler
// returns: a Retry-After set anywhere in the function may still precede
// it, and then nothing is reported (precision first).
func (f *flow) missing(key nethttp.Key, writer ast.Expr, at ast.Node, what string, deferred bool, s *state) {
	if !f.final || s.set[key] || deferred && f.setsAnywhere(key) {
		return
	}
	f.problems = append(f.problems, problem{at: at, key: key, writer: writer, what: what, maySet: s.maySet[key], stmt: f.stmt})
}

// report turns the problems the final pass found into diagnostics.
func (f *flow) report() {
	for _, p := range f.problems {
		var d analysis.Diagnostic
		switch {
		case p.late:
			d.Message = fmt.Sprintf("%s is set after the response is written (line %d) and is never sent",
				p.what, f.c.pass.Fset.Position(p.sent).Line)
		case p.maySet:
			d.Message = fmt.Sprintf("%s is written on a path without a %s header", p.what, retryAfter)
			if cond := f.conditionalSet(p.key, p.at.Pos()); cond != "" {
				d.Message += fmt.Sprintf(": it is set only when %s", cond)
			}
		default:
			d.Message = fmt.Sprintf("%s is written without a %s header", p.what, retryAfter)
			d.SuggestedFixes = f.insertFix(p.writer, p.at, p.stmt)
		}
		d.Pos, d.End = p.at.Pos(), p.at.End()
		f.c.report.Report(d)
	}
}

// conditionalSet finds the last if statement before pos whose body sets
// Retry-After on the writer and falls through: its condition, as source.
func (f *flow) conditionalSet(key nethttp.Key, pos token.Pos) string {
	info := f.c.pass.TypesInfo
	var found *ast.IfStmt
	ast.Inspect(f.body, func(n ast.Node) bool {
		ifs, ok := n.(*ast.IfStmt)
		if !ok || ifs.Pos() >= pos || ifs.Else != nil || leaves(ifs.Body) {
			return true
		}
		ast.Inspect(ifs.Body, func(m ast.Node) bool {
			call, ok := m.(*ast.CallExpr)
			if !ok {
				return true
			}
			if hw, ok := nethttp.AsHeaderCall(info, call); ok && hw.Method != "Del" {
				k, ok1 := nethttp.HeaderKey(info, hw.Key)
				wk, ok2 := nethttp.WriterKey(info, hw.Writer)
				if ok1 && ok2 && k == retryAfter && wk == key {
					found = ifs
				}
			}
			return true
		})
		return true
	})
	if found == nil {
		return ""
	}
	return f.c.source(found.Cond)
}

// leaves reports whether a block ends by leaving: return, panic, a branch.
func leaves(b *ast.BlockStmt) bool {
	if len(b.List) == 0 {
		return false
	}
	switch s := b.List[len(b.List)-1].(type) {
	case *ast.ReturnStmt, *ast.BranchStmt:
		return true
	case *ast.ExprStmt:
		if call, ok := s.X.(*ast.CallExpr); ok {
			if id, ok := call.Fun.(*ast.Ident); ok && id.Name == "panic" {
				return true
			}
		}
	}
	return false
}

// setsAnywhere reports whether the function sets Retry-After on the writer
// anywhere, directly or through a helper.
func (f *flow) setsAnywhere(key nethttp.Key) bool {
	info := f.c.pass.TypesInfo
	found := false
	ast.Inspect(f.body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || found {
			return !found
		}
		eff := f.c.classify.Of(call, f.enc)
		if hw := eff.Header; hw != nil && hw.Method != "Del" {
			k, ok1 := nethttp.HeaderKey(info, hw.Key)
			wk, ok2 := nethttp.WriterKey(info, hw.Writer)
			found = ok1 && ok2 && k == retryAfter && wk == key
			return !found
		}
		if h := eff.Setter; h != nil && h.Writer < len(call.Args) && h.Sets(retryAfter) {
			wk, ok := nethttp.WriterKey(info, call.Args[h.Writer])
			found = ok && wk == key
		}
		return !found
	})
	return found
}

// buffered reports whether a framework writer sends the whole response
// when the handler returns (fiber): nothing is written before that.
func (f *flow) buffered(w ast.Expr) bool {
	return nethttp.IsBuffered(f.c.pass.TypesInfo.TypeOf(w))
}

// written records that the writer's status is out.
func (f *flow) written(key nethttp.Key, at ast.Node, s *state) {
	if _, ok := s.written[key]; !ok {
		s.written[key] = at.Pos()
	}
}

// header handles a header write: Retry-After sets or clears the header,
// and any header set once the status is out is never sent.
func (f *flow) header(hw nethttp.HeaderWrite, s *state) {
	info := f.c.pass.TypesInfo
	key, ok := nethttp.WriterKey(info, hw.Writer)
	if !ok {
		return
	}
	name, known := nethttp.HeaderKey(info, hw.Key)
	if hw.Method == "index" {
		// Index keys are used as written.
		if k, ok := constKey(info, hw.Key); ok {
			name, known = k, true
		} else {
			known = false
		}
	}
	if f.final && f.lateHeaders && nethttp.LateHeadersLost(info, hw.Writer) {
		if at, ok := s.written[key]; ok && hw.Method != "Del" && !(known && isTrailer(name)) && !f.declaredTrailer(key, name) {
			what := "a header"
			if k, ok := constKey(info, hw.Key); ok {
				what = fmt.Sprintf("header %q", k)
			}
			f.problems = append(f.problems, problem{at: hw.Node, late: true, key: key, what: what, sent: at})
		}
	}
	if !known || name != retryAfter {
		return
	}
	if hw.Method == "Del" {
		delete(s.set, key)
		delete(s.maySet, key)
		return
	}
	s.set[key], s.maySet[key] = true, true
}

// isTrailer reports a key in net/http's trailer form ("Trailer:X-Sum").
func isTrailer(name string) bool { return strings.HasPrefix(name, "Trailer:") }

// declaredTrailer reports whether the function declares name as a trailer
// on the writer: w.Header().Set("Trailer", "X-Sum").
func (f *flow) declaredTrailer(key nethttp.Key, name string) bool {
	info := f.c.pass.TypesInfo
	found := false
	ast.Inspect(f.body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || found {
			return !found
		}
		hw, ok := nethttp.AsHeaderCall(info, call)
		if !ok || hw.Value == nil {
			return true
		}
		k, ok := nethttp.HeaderKey(info, hw.Key)
		wk, ok2 := nethttp.WriterKey(info, hw.Writer)
		if !ok || !ok2 || k != "Trailer" || wk != key {
			return true
		}
		if v := f.c.eval.Eval(hw.Value); v.Known() {
			for _, t := range strings.Split(v.Text(), ",") {
				if strings.EqualFold(strings.TrimSpace(t), name) {
					found = true
				}
			}
		} else {
			found = true // an unknown trailer list may name it
		}
		return !found
	})
	return found
}

func constKey(info *types.Info, x ast.Expr) (string, bool) {
	tv := info.Types[x]
	if tv.Value == nil {
		return "", false
	}
	s, err := strconv.Unquote(tv.Value.ExactString())
	return s, err == nil
}

// insertFix sets Retry-After on the writer just before the statement that
// writes the status, with a placeholder value the user must fill in (the
// pass reports "SECONDS" until then). There is no fix when the write is
// not a statement of its own or the writer is not a plain variable.
func (f *flow) insertFix(writer ast.Expr, at ast.Node, stmt ast.Stmt) []analysis.SuggestedFix {
	switch stmt.(type) {
	case *ast.ExprStmt, *ast.ReturnStmt, *ast.AssignStmt:
	default:
		return nil
	}
	if writer == nil || stmt.Pos() > at.Pos() || at.End() > stmt.End() {
		return nil
	}
	info := f.c.pass.TypesInfo
	if _, ok := nethttp.WriterKey(info, writer); !ok {
		return nil
	}
	set := nethttp.SetHeaderCall(info, writer, f.c.source(writer))
	if set == "" {
		return nil
	}
	col := f.c.pass.Fset.Position(stmt.Pos()).Column
	text := fmt.Sprintf(set, retryAfter, "SECONDS") + "\n" + strings.Repeat("\t", col-1)
	return []analysis.SuggestedFix{{
		Message:   "Set Retry-After before the status is written",
		TextEdits: []analysis.TextEdit{{Pos: stmt.Pos(), End: stmt.Pos(), NewText: []byte(text)}},
	}}
}
