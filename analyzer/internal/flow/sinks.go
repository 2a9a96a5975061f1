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
// that dominates it).
func (ev *evaluator) sinks() []Sink {
	var statuses, bodies []event
	var out []Sink
	for _, b := range ev.fn.Blocks {
		for _, instr := range b.Instrs {
			call, ok := instr.(ssa.CallInstruction)
			if !ok {
				continue
			}
			for _, k := range ev.writes(call) {
				switch {
				case k.Status != nil && k.Body != nil:
					out = append(out, k)
				case k.Status != nil:
					statuses = append(statuses, event{instr, k})
				case k.Body != nil:
					bodies = append(bodies, event{instr, k})
				}
			}
		}
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
			k.Status = statuses[last].sink.Status
			paired[last] = true
		}
		out = append(out, k)
	}
	for i, st := range statuses {
		if !paired[i] {
			out = append(out, st.sink)
		}
	}
	return dedupe(out)
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

// before reports whether a runs before b on every path to b.
func before(a, b ssa.Instruction) bool {
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
	if k, ok := ev.netHTTP(c, args); ok {
		k.At = at
		return []Sink{k}
	}
	var out []Sink
	for _, sum := range ev.callees(c, args) {
		for _, k := range sum.Sinks {
			if fn := c.StaticCallee(); fn != nil && fn.Pkg == ev.e.pkg && !k.dependsOnParams() {
				continue // the callee's own, found in the callee
			}
			if !k.dependsOnParams() && !k.Status.has(Field) && !k.Body.has(Field) {
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
		return Sink{Writer: args[0], Status: args[1]}, true
	case recv != nil && nethttp.IsResponseWriter(recv) && name == "Write" && len(args) == 2:
		return Sink{Writer: args[0], Body: text(args[1])}, true
	case recv == nil && fn != nil && fn.Pkg() != nil:
		switch path := fn.Pkg().Path(); {
		case path == "net/http" && name == "Error" && len(args) == 3:
			return Sink{Writer: args[0], Status: args[2]}, true
		case path == "net/http" && name == "NotFound" && len(args) == 2:
			return Sink{Writer: args[0], Status: ConstValue(constant.MakeInt64(404))}, true
		case (path == "io" && name == "WriteString" || path == "fmt" && (name == "Fprint" || name == "Fprintln")) &&
			len(args) == 2 && isWriter(c.Args[0]):
			return Sink{Writer: args[0], Body: text(args[1])}, true
		case path == "fmt" && name == "Fprintf" && len(args) == 3 && isWriter(c.Args[0]):
			return Sink{Writer: args[0], Body: text(args[2])}, true
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
func isWriter(v ssa.Value) bool {
	for {
		switch x := v.(type) {
		case *ssa.MakeInterface:
			v = x.X
		case *ssa.ChangeInterface:
			v = x.X
		default:
			return nethttp.IsResponseWriter(v.Type())
		}
	}
}
