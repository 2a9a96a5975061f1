package errcode

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"net/http"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/errcodelint/errcodelint/analyzer/internal/astx"
	"github.com/errcodelint/errcodelint/analyzer/internal/flow"
	"github.com/errcodelint/errcodelint/analyzer/internal/routes"
	"github.com/errcodelint/errcodelint/catalog"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/astutil"
	"golang.org/x/tools/go/ssa"
)

// operations checks each handler the package registers against the
// operations its route or operationId names in the catalog: an error
// status that no documented response covers, or a code that the response
// for its status does not carry. A route the catalog does not describe,
// and a status or code the engine cannot know, are not reported.
func (c *checker) operations() {
	if len(c.cat.Operations) == 0 {
		return // the catalog documents no operations
	}
	c.covered = make(map[string]bool)
	for _, reg := range c.registrations() {
		var found []finding
		for _, s := range c.handlerSends(reg.route) {
			if s.status == http.StatusMethodNotAllowed && reg.route.Method == "" && reg.route.Operation == "" {
				// A route of every method answers the methods the
				// document does not list: no operation's response.
				continue
			}
			if f, ok := undocumented(reg.ops, s); ok {
				found = append(found, f)
				continue
			}
			for _, o := range reg.ops {
				if resp := o.Response(s.status); resp != nil && (s.code == nil || resp.Carries(s.code)) {
					c.covered[o.ResponseName(resp)] = true
				}
			}
		}
		c.reportFindings(reg, found)
	}
}

// A registration is one handler registered for one or more operations:
// one call may register a handler for several methods (gorilla's
// Methods("GET", "DELETE")), and a route of any method serves every
// operation on its path. The handler may send what any of them documents.
type registration struct {
	route routes.Route // the first route of the registration
	ops   []*catalog.Operation
}

// registrations groups the package's routes by handler and registration,
// each with the operations the catalog describes for them.
func (c *checker) registrations() []*registration {
	type key struct {
		handler *ssa.Function
		at      token.Pos
	}
	var out []*registration
	byKey := make(map[key]*registration)
	for _, r := range routes.Find(c.pass, c.flow) {
		ops := c.operationsOf(r)
		if len(ops) == 0 {
			continue // a route the document does not describe
		}
		k := key{r.Handler, r.At}
		reg := byKey[k]
		if reg == nil {
			reg = &registration{route: r}
			byKey[k] = reg
			out = append(out, reg)
		}
		for _, o := range ops {
			if !slices.Contains(reg.ops, o) {
				reg.ops = append(reg.ops, o)
			}
		}
	}
	return out
}

// operationsOf returns the catalog's operations a route serves: by
// operationId for a generated server, by method and path for a route (a
// route of any method serves every operation on its path).
func (c *checker) operationsOf(r routes.Route) []*catalog.Operation {
	if r.Operation != "" {
		if o := c.cat.OperationByID(r.Operation); o != nil {
			return []*catalog.Operation{o}
		}
		return nil
	}
	return c.cat.OperationsAt(r.Method, r.Path)
}

// A sent response is what a handler can send: an error status, and the
// cataloged code its body carries when it is known.
type sent struct {
	status int
	code   *catalog.Code // nil when the body carries no known code
	// at is where the status is written in this package (the write, the
	// status expression, the typed result returned), or nil when the
	// handler is another package's: the registration is reported then.
	at ast.Node
	// pos is at's position; for a typed result, which has no expression
	// of its own here, the return's.
	pos token.Pos
}

// handlerSends returns the error responses a route's handler can send,
// each status once with each code.
func (c *checker) handlerSends(r routes.Route) []sent {
	var out []sent
	for _, res := range r.Results {
		if res.Status != 0 && catalog.IsErrorStatus(int64(res.Status)) {
			out = append(out, sent{status: res.Status, pos: res.At})
		}
	}
	if r.Writer < 0 {
		return append(out, c.typedStatuses(r.Handler)...)
	}
	for _, k := range c.writerSinks(r.Handler, r.Writer, make(map[*ssa.Function]bool)) {
		out = append(out, c.sinkSends(k)...)
	}
	return out
}

// typedStatuses returns the statuses a generated server's method sets in
// the typed responses it returns: the StatusCode field of a default
// response (oapi-codegen's GetSecretdefaultJSONResponse, ogen's
// ErrorStatusCode), when it is a constant error status. A status in a
// type's name is Route.Results'.
func (c *checker) typedStatuses(fn *ssa.Function) []sent {
	sum := c.summaryOf(fn)
	if len(sum.Results) == 0 {
		return nil
	}
	var out []sent
	for _, a := range everyRowOf(sum.Results[0]) {
		if a.Kind != flow.Obj {
			continue
		}
		for _, f := range a.Fields {
			if f.Name != "StatusCode" {
				continue
			}
			for _, st := range f.Val.Flat() {
				if n, ok := statusOf(st); ok && st.Kind == flow.Const && catalog.IsErrorStatus(n) {
					s := sent{status: int(n), at: c.exprAt(st)}
					if s.at != nil {
						s.pos = s.at.Pos()
					}
					out = append(out, s)
				}
			}
		}
	}
	return out
}

// everyRowOf returns the atoms v may be, a table's every row included: a
// result chosen by a key the caller gives may be any of them.
func everyRowOf(v flow.Value) []flow.Atom {
	var out []flow.Atom
	for _, a := range v.Flat() {
		if a.Kind != flow.Lookup {
			out = append(out, a)
			continue
		}
		for _, row := range a.RowValues() {
			out = append(out, everyRowOf(row)...)
		}
	}
	return out
}

// maxHelperDepth bounds the helpers followed from a handler: each one
// passed the handler's writer, to this depth.
const maxHelperDepth = 8

// writerSinks returns the responses fn writes on its parameter writer:
// those of its summary (a helper's that depend on their arguments already
// put in), and those of the helpers of this package fn passes the writer
// to, which write responses of their own on it. A helper of another
// package is known by its summary only.
func (c *checker) writerSinks(fn *ssa.Function, writer int, visiting map[*ssa.Function]bool) []flow.Sink {
	if visiting[fn] || len(visiting) > maxHelperDepth {
		return nil
	}
	visiting[fn] = true
	defer delete(visiting, fn)
	var out []flow.Sink
	for _, k := range c.summaryOf(fn).Sinks {
		if isParam(k.Writer, writer) && (k.Status != nil || k.Body != nil) {
			out = append(out, k)
		}
	}
	if len(fn.Blocks) == 0 || writer >= len(fn.Params) {
		return out // another package's: its summary is all there is
	}
	w := fn.Params[writer]
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			call, ok := instr.(ssa.CallInstruction)
			if !ok {
				continue
			}
			if _, isGo := call.(*ssa.Go); isGo {
				continue // another goroutine: not this response
			}
			callee := call.Common().StaticCallee()
			if callee == nil || callee.Pkg != fn.Pkg {
				continue // an interface's method, or another package's helper
			}
			for i, arg := range callArgs(call.Common()) {
				if flow.Unconverted(arg) == w {
					for _, k := range c.writerSinks(callee, i, visiting) {
						if !k.DependsOnParams() {
							out = append(out, k)
						}
					}
				}
			}
		}
	}
	return out
}

// summaryOf returns fn's summary, an empty one when there is none.
func (c *checker) summaryOf(fn *ssa.Function) *flow.Summary {
	if s := c.flow.SummaryOf(fn); s != nil {
		return s
	}
	return &flow.Summary{}
}

// callArgs returns a call's arguments, the receiver first for a method.
func callArgs(c *ssa.CallCommon) []ssa.Value {
	if c.IsInvoke() {
		return append([]ssa.Value{c.Value}, c.Args...)
	}
	return c.Args
}

// isParam reports whether v is parameter i itself, not a field of it.
func isParam(v flow.Value, i int) bool {
	return len(v) == 1 && v[0].Kind == flow.Param && v[0].Index == i && len(v[0].Path) == 0
}

// sinkSends returns the error responses one sink can send: each constant
// error status, with each cataloged code its body carries when the status
// is the only one. A status chosen from a table by a key not known here is
// not one the handler is known to send.
func (c *checker) sinkSends(k flow.Sink) []sent {
	var statuses []flow.Atom
	for _, a := range k.Status.Flat() {
		if n, ok := statusOf(a); ok && a.Kind == flow.Const && catalog.IsErrorStatus(n) {
			statuses = append(statuses, a)
		}
	}
	var codes []*catalog.Code
	if len(statuses) == 1 {
		for _, body := range k.Body.Flat() {
			if body.Kind != flow.Encoded || body.Enc == "text" {
				continue
			}
			for _, a := range c.model.CodesIn(body) {
				if a.Kind != flow.Const {
					continue
				}
				if v, ok := c.model.ConstCode(a); ok {
					if code, known := c.model.Resolve(v); known && code != nil && !slices.Contains(codes, code) {
						codes = append(codes, code)
					}
				}
			}
		}
	}
	var out []sent
	for _, a := range statuses {
		n, _ := statusOf(a)
		s := sent{status: int(n), at: c.exprAt(a)}
		if s.at == nil && k.StatusAt.IsValid() {
			s.at = c.exprAt(flow.Atom{At: k.StatusAt, Arg: k.StatusArg})
		}
		if s.at != nil {
			s.pos = s.at.Pos()
		}
		if len(codes) == 0 {
			out = append(out, s)
		}
		for _, code := range codes {
			s.code = code
			out = append(out, s)
		}
	}
	return out
}

// A finding is a response a handler can send that its operations do not
// document: its status, or its code, whose responses are in carried.
type finding struct {
	sent
	carried *catalog.Response // the response for the status, which does not carry the code; nil for a status
}

// undocumented returns the finding s is when none of ops documents it.
func undocumented(ops []*catalog.Operation, s sent) (finding, bool) {
	var carried *catalog.Response
	for _, o := range ops {
		if resp := o.Response(s.status); resp != nil {
			if s.code == nil || resp.Carries(s.code) {
				return finding{}, false // documented
			}
			carried = resp
		}
	}
	return finding{sent: s, carried: carried}, true
}

// reportFindings reports a registration's findings: each where the
// handler writes its status, in this package; the rest at the
// registration, in one report.
func (c *checker) reportFindings(reg *registration, found []finding) {
	byPos := make(map[token.Pos][]finding)
	var order []token.Pos
	for _, f := range found {
		pos := reg.route.At
		if f.pos.IsValid() && c.inPackage(f.pos) {
			pos = f.pos
		}
		if byPos[pos] == nil {
			order = append(order, pos)
		}
		byPos[pos] = append(byPos[pos], f)
	}
	for _, pos := range order {
		fs := byPos[pos]
		end := pos
		if at := fs[0].at; at != nil && at.Pos() == pos {
			end = at.End()
		} else if x := c.exprStartingAt(pos); x != nil {
			end = x.End() // the registration's handler argument
		}
		c.report.Report(analysis.Diagnostic{Pos: pos, End: end, Category: checkOperation, Message: operationMessage(reg, fs),
			SuggestedFixes: c.documentFix(reg, fs)})
	}
}

// documentFix is the fix that documents the statuses of fs no response
// covers, in the OpenAPI document the catalog points at, when the
// registration has one operation and the edit is mechanical
// (catalog.AddResponses). A code a response does not carry is left to
// the reader: the document may list it in an enum, an example or
// x-error-codes.
func (c *checker) documentFix(reg *registration, fs []finding) []analysis.SuggestedFix {
	if len(reg.ops) != 1 {
		return nil // which operation's is the reader's call
	}
	statuses := undocumentedStatuses(fs)
	o := reg.ops[0]
	edit, ok := c.cat.AddResponses(o, statuses)
	if !ok {
		return nil
	}
	tf := c.documentFile(edit)
	return []analysis.SuggestedFix{{
		Message:   fmt.Sprintf("Document %s for operation %s in %s", catalog.AndList(statusWords(statuses)), o.Name(), filepath.Base(edit.Path)),
		TextEdits: []analysis.TextEdit{{Pos: tf.Pos(edit.Offset), End: tf.Pos(edit.Offset), NewText: []byte(edit.Text)}},
	}}
}

// documentFile is the OpenAPI document an edit is in, as a file of the
// pass's file set, added once.
func (c *checker) documentFile(edit catalog.DocumentEdit) *token.File {
	if tf := c.docFiles[edit.Path]; tf != nil {
		return tf
	}
	tf := c.pass.Fset.AddFile(edit.Path, -1, len(edit.Content))
	tf.SetLinesForContent(edit.Content)
	if c.docFiles == nil {
		c.docFiles = make(map[string]*token.File)
	}
	c.docFiles[edit.Path] = tf
	return tf
}

// operationMessage says what a handler can send that its operations do
// not document: the statuses no response covers, or else the codes the
// responses for their statuses do not carry.
func operationMessage(reg *registration, fs []finding) string {
	names := make([]string, len(reg.ops))
	for i, o := range reg.ops {
		names[i] = o.Name()
	}
	// One operation "does not document; it documents", several "none of
	// ... documents; they document".
	which, they := "which operation "+names[0]+" does not document", "it documents"
	if len(names) > 1 {
		which, they = "which none of operations "+catalog.OrList(names)+" documents", "they document"
	}
	handler := handlerName(reg.route.Handler)
	if statuses := undocumentedStatuses(fs); len(statuses) > 0 {
		return fmt.Sprintf("%s can send status %s, %s; %s %s (%s)",
			handler, catalog.OrList(statusWords(statuses)), which, they, statusesOf(reg.ops), refsOf(reg.ops))
	}
	f := fs[0]
	return fmt.Sprintf("%s can send code %s with status %d, %s; its %s response carries %s (%s)",
		handler, f.code.Quoted(), f.status, which, f.carried.Key(), catalog.QuotedList(f.carried.Codes), refsOf(reg.ops))
}

// exprStartingAt returns the largest expression of the package's syntax
// that starts at pos, or nil.
func (c *checker) exprStartingAt(pos token.Pos) ast.Expr {
	f := astx.FileOf(c.pass.Files, pos)
	if f == nil {
		return nil
	}
	path, _ := astutil.PathEnclosingInterval(f, pos, pos)
	var out ast.Expr
	for _, n := range path {
		if x, ok := n.(ast.Expr); ok && x.Pos() == pos {
			out = x
		}
	}
	return out
}

// inPackage reports whether pos is in one of the package's files.
func (c *checker) inPackage(pos token.Pos) bool {
	for _, f := range c.pass.Files {
		if f.FileStart <= pos && pos <= f.FileEnd {
			return true
		}
	}
	return false
}

// handlerName names a handler in messages: "handler getSecret", "handler
// (*Server).GetSecret", or "the handler" for a function literal.
func handlerName(fn *ssa.Function) string {
	if fn.Parent() != nil || fn.Object() == nil {
		return "the handler"
	}
	recv := fn.Signature.Recv()
	if recv == nil {
		return "handler " + fn.Name()
	}
	t, star := recv.Type(), ""
	if p, ok := t.(*types.Pointer); ok {
		t, star = p.Elem(), "*"
	}
	name := t.String()
	if n, ok := t.(*types.Named); ok {
		name = n.Obj().Name()
	}
	return fmt.Sprintf("handler (%s%s).%s", star, name, fn.Name())
}

// undocumentedStatuses are the statuses of fs that no response covers,
// sorted, each once.
func undocumentedStatuses(fs []finding) []int {
	var statuses []int
	for _, f := range fs {
		if f.carried == nil && !slices.Contains(statuses, f.status) {
			statuses = append(statuses, f.status)
		}
	}
	slices.Sort(statuses)
	return statuses
}

// statusWords are statuses as a message writes them.
func statusWords(statuses []int) []string {
	words := make([]string, len(statuses))
	for i, st := range statuses {
		words[i] = strconv.Itoa(st)
	}
	return words
}

// statusesOf lists the response keys the operations document.
func statusesOf(ops []*catalog.Operation) string {
	var keys []string
	for _, o := range ops {
		for _, r := range o.Responses {
			if !slices.Contains(keys, r.Key()) {
				keys = append(keys, r.Key())
			}
		}
	}
	return catalog.OrList(keys)
}

// refsOf cites where the operations are defined.
func refsOf(ops []*catalog.Operation) string {
	refs := make([]string, len(ops))
	for i, o := range ops {
		refs[i] = o.Ref()
	}
	return strings.Join(refs, ", ")
}
