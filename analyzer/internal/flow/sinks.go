package flow

import (
	"go/constant"
	"go/types"
	"slices"

	"github.com/errcodelint/errcodelint/analyzer/internal/nethttp"
	"golang.org/x/tools/go/ssa"
)

// An event is one write to a response, where it happens in the function.
type event struct {
	instr ssa.Instruction
	sink  Sink
}

// sinks are the responses fn writes: its own writes, and those of the
// helpers it calls that depend on what it passes them. A body pairs with
// the status written to the same writer before it on every path (a write
// that dominates it). A status carries the header keys set on its writer
// before it on every path; a function that sets headers and writes
// nothing has a sink with its keys alone, for its callers.
func (ev *evaluator) sinks() []Sink {
	var statuses, bodies, headers, all []event
	var out []Sink
	defer func() { ev.e.events[ev.fn] = all }()
	for _, b := range ev.fn.Blocks {
		for _, instr := range b.Instrs {
			var ks []Sink
			switch instr := instr.(type) {
			case ssa.CallInstruction:
				ks = ev.writes(instr)
			case *ssa.MapUpdate:
				ks = ev.headerIndex(instr)
			}
			for _, k := range ks {
				all = append(all, event{instr, k})
			}
			if _, ok := instr.(*ssa.Defer); ok {
				// A deferred call runs when the function returns:
				// the headers it sets come after every write.
				ks = slices.DeleteFunc(ks, func(k Sink) bool { return k.Status == nil && k.Body == nil })
			}
			if len(ks) > 0 {
				if gs := ev.guards(b); len(gs) > 0 {
					// A write on one branch of errors.As on a
					// caller's error: a caller may know which runs.
					for i := range ks {
						ks[i].Status = guarded(ks[i].Status, gs)
						ks[i].Body = guarded(ks[i].Body, gs)
					}
				}
			}
			for _, k := range ks {
				switch {
				case k.Status != nil && k.Body != nil:
					out = append(out, k)
				case k.Status != nil:
					statuses = append(statuses, event{instr, k})
				case k.Body != nil:
					bodies = append(bodies, event{instr, k})
				case k.Headers != nil:
					headers = append(headers, event{instr, k})
				}
			}
		}
	}
	// setBefore adds the keys set on k's writer before instr on every path.
	// The keys are gathered first and joined once: a function may set
	// thousands of headers.
	setBefore := func(k Sink, instr ssa.Instruction) Sink {
		may, must := []Value{k.MayHeaders}, []Value{k.Headers}
		for _, h := range headers {
			if !h.sink.Writer.equal(k.Writer) {
				continue
			}
			may = append(may, h.sink.Headers)
			if before(h.instr, instr) {
				must = append(must, h.sink.Headers)
			}
		}
		k.MayHeaders, k.Headers = Union(may...), Union(must...)
		return k
	}
	for i := range out {
		out[i] = setBefore(out[i], nil)
	}
	for i := range statuses {
		statuses[i].sink = setBefore(statuses[i].sink, statuses[i].instr)
	}
	paired := make(map[int]bool)
	for _, body := range bodies {
		k := body.sink
		last := -1 // the status written last before the body, on every path
		for i, st := range statuses {
			if st.sink.Writer.equal(k.Writer) && before(st.instr, body.instr) &&
				(last < 0 || before(statuses[last].instr, st.instr)) {
				last = i
			}
		}
		if last >= 0 {
			st := statuses[last].sink
			k.Status, k.Headers, k.MayHeaders, k.StatusAt, k.StatusArg = st.Status, st.Headers, st.MayHeaders, st.StatusAt, st.StatusArg
			paired[last] = true
		}
		out = append(out, k)
	}
	for i, st := range statuses {
		if !paired[i] {
			out = append(out, st.sink)
		}
	}
	for _, h := range headers {
		if h.sink.Writer.has(Param) {
			out = append(out, h.sink) // a header setter, for its callers
		}
	}
	return dedupe(out)
}

// headerIndex recognizes w.Header()[key] = values.
func (ev *evaluator) headerIndex(u *ssa.MapUpdate) []Sink {
	for _, h := range ev.value(u.Map) {
		if h.Kind == Obj && h.Type == headerType {
			return []Sink{{Writer: h.Fields[0].Val, Headers: ev.operand(u.Key, u.Pos(), -2), At: u.Pos()}}
		}
	}
	return nil
}

// dedupe drops repeated sinks (a recursive helper's, found again each
// round) and keeps at most maxSinks.
func dedupe(sinks []Sink) []Sink {
	var out []Sink
	for _, k := range sinks {
		if !slices.ContainsFunc(out, k.equal) {
			out = append(out, k)
		}
		if len(out) == maxSinks {
			break
		}
	}
	return out
}

// before reports whether a runs before b on every path to b. Nothing runs
// before a nil b (a helper's whole response, set from inside).
func before(a, b ssa.Instruction) bool {
	if b == nil {
		return false
	}
	if a.Block() != b.Block() {
		return a.Block().Dominates(b.Block())
	}
	for _, instr := range a.Block().Instrs {
		switch instr {
		case a:
			return true
		case b:
			return false
		}
	}
	return false
}

// writes are the responses one call writes: a status, a body, or, for a
// helper, what its summary says once the arguments are put in.
func (ev *evaluator) writes(call ssa.CallInstruction) []Sink {
	c := call.Common()
	at := call.Pos()
	if _, ok := call.(*ssa.Go); ok {
		return nil // another goroutine: not this response, in order
	}
	args := ev.args(c, at)
	k, ok := ev.netHTTP(c, args)
	if !ok {
		k, ok = ev.framework(c, args)
	}
	if ok {
		k.At = at
		if k.Status != nil {
			k.StatusAt = at
		}
		if isFunc(c, "net/http", "Error") {
			// http.Error sets Content-Type (and X-Content-Type-Options)
			// before its status: lost, like the status, when the
			// response is already written.
			return []Sink{{Writer: k.Writer, Headers: ConstValue(constant.MakeString("Content-Type")), At: at}, k}
		}
		return []Sink{k}
	}
	var out []Sink
	for _, sum := range ev.callees(c, args) {
		for _, k := range sum.Sinks {
			if k.Status == nil && k.Body == nil {
				out = append(out, k.subst(args, at)) // headers a helper sets
				continue
			}
			if fn := c.StaticCallee(); fn != nil && fn.Pkg == ev.e.pkg && !k.DependsOnParams() {
				continue // the callee's own, found in the callee
			}
			if !k.DependsOnParams() && !k.Status.has(Field) && !k.Body.has(Field) {
				continue // another package's own response, checked there
			}
			out = append(out, k.subst(args, at))
		}
	}
	return out
}

// netHTTP recognizes net/http's writes: a status (WriteHeader, http.Error,
// http.NotFound) or a body (Write, io.WriteString, fmt.Fprint*, an encoder
// made for the writer).
func (ev *evaluator) netHTTP(c *ssa.CallCommon, args []Value) (Sink, bool) {
	var name string
	var recv types.Type
	var fn *types.Func
	if c.IsInvoke() {
		name, recv = c.Method.Name(), c.Value.Type()
	} else if f, ok := c.Value.(*ssa.Function); ok {
		fn, _ = f.Object().(*types.Func)
		if fn == nil {
			return Sink{}, false
		}
		name = fn.Name()
		if sig := fn.Type().(*types.Signature); sig.Recv() != nil {
			recv = sig.Recv().Type()
		}
	} else {
		return Sink{}, false
	}
	switch {
	case recv != nil && nethttp.IsResponseWriter(recv) && name == "WriteHeader" && len(args) == 2:
		return Sink{Writer: args[0], Status: args[1], StatusArg: 0}, true
	case recv != nil && nethttp.IsResponseWriter(recv) && name == "Write" && len(args) == 2:
		return Sink{Writer: args[0], Body: text(args[1])}, true
	case recv == nil && fn != nil && fn.Pkg() != nil:
		switch path := fn.Pkg().Path(); {
		case path == "net/http" && name == "Error" && len(args) == 3:
			return Sink{Writer: args[0], Status: args[2], StatusArg: 2}, true
		case path == "net/http" && name == "NotFound" && len(args) == 2:
			return Sink{Writer: args[0], Status: ConstValue(constant.MakeInt64(404)), StatusArg: Whole}, true
		case (path == "io" && name == "WriteString" || path == "fmt" && (name == "Fprint" || name == "Fprintln")) &&
			len(args) == 2 && isWriter(c.Args[0]):
			return Sink{Writer: args[0], Body: text(args[1])}, true
		case path == "fmt" && name == "Fprintf" && len(args) == 3 && isWriter(c.Args[0]):
			return Sink{Writer: args[0], Body: text(args[2])}, true
		}
	case recv != nil && (name == "Set" || name == "Add") && len(args) == 3 && isHeader(recv):
		for _, a := range args[0] {
			if a.Kind == Obj && a.Type == headerType {
				return Sink{Writer: a.Fields[0].Val, Headers: args[1]}, true
			}
		}
	case recv != nil && name == "Del" && len(args) == 2 && isHeader(recv):
		for _, a := range args[0] {
			if a.Kind == Obj && a.Type == headerType {
				return Sink{Writer: a.Fields[0].Val, Deleted: args[1]}, true
			}
		}
	case recv != nil && name == "Encode" && len(args) == 2:
		for _, a := range args[0] {
			if a.Kind == Obj && a.Type == encoderType {
				pkg := constString(a.Fields[1].Val)
				return Sink{Writer: a.Fields[0].Val, Body: ev.encoded(*pkg, args[1])}, true
			}
		}
	}
	return Sink{}, false
}

// framework is what a call of a web framework's response function or
// context method is, when it is one.
func framework(c *ssa.CallCommon) (nethttp.FrameworkWrite, bool) {
	fn := c.Method
	if !c.IsInvoke() {
		f, ok := c.Value.(*ssa.Function)
		if !ok {
			return nethttp.FrameworkWrite{}, false
		}
		fn, _ = f.Object().(*types.Func)
	}
	if fn == nil {
		return nethttp.FrameworkWrite{}, false
	}
	return nethttp.FrameworkCall(fn)
}

// framework recognizes a framework's writes: gin's and echo's c.JSON(s, v),
// fiber's c.Status(s) and c.JSON(v), chi's render.Status(r, s) and
// render.JSON(w, r, v), and the headers they set.
func (ev *evaluator) framework(c *ssa.CallCommon, args []Value) (Sink, bool) {
	fw, ok := framework(c)
	if !ok || max(fw.Writer, fw.Status, fw.Value, fw.Header) >= len(args) {
		return Sink{}, false
	}
	var writer Value
	if fw.Writer >= 0 {
		writer = args[fw.Writer]
	} else if writer = ev.contextParam(); writer == nil {
		return Sink{}, false // not in a handler
	}
	if fw.Self && fw.Status < 0 {
		return Sink{}, false // c.Response(): a value, not a write
	}
	k := Sink{Writer: writer, Deferred: fw.Deferred}
	if fw.Header >= 0 {
		k.Headers = args[fw.Header]
		return k, true
	}
	if fw.Status >= 0 {
		k.Status, k.StatusArg = args[fw.Status], fw.Status
		if c.IsInvoke() || c.Signature().Recv() != nil {
			k.StatusArg-- // a method's receiver is not an argument in the syntax
		}
	}
	if fw.Value >= 0 {
		if fw.Enc == "text" {
			k.Body = text(args[fw.Value])
		} else {
			k.Body = ev.encoded("encoding/"+fw.Enc, args[fw.Value])
		}
	}
	return k, true
}

// contextParam is the function's first parameter that is a framework's
// context, or nil.
func (ev *evaluator) contextParam() Value {
	for i, p := range ev.fn.Params {
		if nethttp.IsContext(p.Type()) {
			return Value{{Kind: Param, Index: i}}
		}
	}
	return nil
}

// isHeader reports whether t is net/http.Header.
func isHeader(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "net/http" && n.Obj().Name() == "Header"
}

// text is a body written as text or bytes: what it encodes, when it is an
// encoding; else the text itself.
func text(v Value) Value {
	var out Value
	for _, a := range v {
		if a.Kind == Encoded {
			out = Union(out, Value{a})
			continue
		}
		out = Union(out, Value{{Kind: Encoded, Enc: "text", Of: Value{a}}})
	}
	return out
}

// isWriter reports whether v is a response writer, before any conversion
// to an interface such as io.Writer.
func isWriter(v ssa.Value) bool { return nethttp.IsResponseWriter(underInterface(v).Type()) }
