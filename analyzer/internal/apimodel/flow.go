package apimodel

import (
	"go/ast"
	"go/types"
	"strings"

	"github.com/errcodelint/errcodelint/analyzer/internal/astx"
	"github.com/errcodelint/errcodelint/analyzer/internal/flow"
	"github.com/errcodelint/errcodelint/analyzer/internal/values"
	"github.com/errcodelint/errcodelint/catalog"
)

// CodesIn returns what a body the value-flow engine found holds at the
// catalog's wire.code path: nil for bytes it cannot see into.
func (m *Model) CodesIn(body flow.Atom) flow.Value {
	return atWire(body, m.Cat.Wire.CodePath)
}

// StatusesIn returns what a body holds at the catalog's wire.status path
// (RFC 7807's "status"), or nil when the catalog has none.
func (m *Model) StatusesIn(body flow.Atom) flow.Value {
	return atWire(body, m.Cat.Wire.StatusPath)
}

// atWire selects a wire path in an encoded body, step by step (an
// array's elements are one set), the root element left out for XML (the
// encoded value is the root).
func atWire(body flow.Atom, wire []catalog.Segment) flow.Value {
	if body.Kind != flow.Encoded || body.Enc == "text" || len(wire) == 0 {
		return nil
	}
	if body.Enc == "xml" && len(wire) > 1 {
		wire = wire[1:]
	}
	v := body.Of
	for _, step := range wire {
		v = v.SelectWire(body.Enc, step).Flat()
	}
	return v
}

// DeclaredBody reports whether the catalog says where body's code is: the
// encoded value is of a go.error_types type. Elsewhere the code is found
// by the wire path alone, and text that cannot be a code is a message
// (see IsMessage).
func (m *Model) DeclaredBody(body flow.Atom) bool { return m.declared(body.Of) }

func (m *Model) declared(v flow.Value) bool {
	for _, a := range v.Flat() {
		switch {
		case a.Kind == flow.Global && m.declared(a.Of):
			return true
		case a.Kind == flow.Obj && m.errorType(a.Type) != nil:
			return true
		}
	}
	return false
}

// ErrorCodes says which codes an error value carries as the API sends it:
// the go.error_types code field of each value it may be, or wrap. plain
// says some member is an error of no declared type that wraps none of
// them (errors.New, fmt.Errorf): the API's renderer gives such an error a
// code of its own. A member the engine cannot see into (an error of
// another type, a value it cannot follow) adds nothing.
func (m *Model) ErrorCodes(v flow.Value) (codes flow.Value, plain bool) {
	for _, a := range v.Flat() {
		chain := flow.Value{a}.Unwrap()
		found, allPlain := false, true
		for _, e := range chain {
			switch {
			case e.Kind == flow.Obj && m.errorType(e.Type) != nil:
				if f := m.errorType(e.Type).Code; f != "" {
					codes = flow.Union(codes, flow.Value{e}.Select(f).Flat())
				}
				found = true
			case e.PlainError():
			case e.Kind == flow.Global:
			default:
				allPlain = false
			}
		}
		plain = plain || !found && allPlain
	}
	return codes, plain
}

// IsMessage reports whether v, a string found where an inferred body
// keeps its code, is a message and not a code: written outside the
// catalog's lexicon, and no near miss of one of its codes. Only its known
// parts are read when it is known in part.
func (m *Model) IsMessage(v values.Value) bool {
	if v.Kind != values.String {
		return false
	}
	var text strings.Builder
	for _, p := range v.Str.Parts() {
		text.WriteString(p.Lit)
	}
	return m.Cat.IsMessage(text.String())
}

// ConstCode is a code the engine knows, in full or with a known prefix,
// as the model reads codes; ok is false for anything else (a string whose
// start is unknown may be anything).
func (m *Model) ConstCode(a flow.Atom) (values.Value, bool) {
	if a.Kind == flow.Text && a.Parts[0] == "" {
		return values.Value{}, false
	}
	if a.Kind != flow.Const && a.Kind != flow.Text {
		return values.Value{}, false
	}
	return constOf(a)
}

// An Evaluator says what the expressions of a package are, as the passes
// read codes and statuses: one constant (or a string known in part), from
// the value-flow engine.
type Evaluator struct {
	res  *flow.Result
	info *types.Info
}

// NewEvaluator returns the evaluator of the package the engine's res is
// about.
func NewEvaluator(res *flow.Result, info *types.Info) Evaluator {
	return Evaluator{res, info}
}

// Eval returns what is known of x: the one value it has on every path, or
// Unknown when it may have several or is not known.
func (ev Evaluator) Eval(x ast.Expr) values.Value {
	out := One(ev.res.ValueOf(x))
	if out.Kind == values.Int && astx.IsString(ev.info.TypeOf(x)) {
		return values.Value{} // string(rune): not a decimal code
	}
	return out
}

// One is a value the engine found as one constant: Unknown when it may be
// several, or something other than constants.
func One(v flow.Value) values.Value {
	var out values.Value
	for i, a := range v.Flat() {
		c, ok := constOf(a)
		if !ok || i > 0 && (c.Kind != out.Kind || c.Text() != out.Text()) {
			return values.Value{}
		}
		out = c
	}
	return out
}

// constOf is the constant an atom stands for: a constant, a string known
// in part, or a package variable holding one.
func constOf(a flow.Atom) (values.Value, bool) {
	switch a.Kind {
	case flow.Global:
		if out := One(a.Of); out.Kind != values.Unknown {
			return out, true
		}
		return values.Value{}, false
	case flow.Text:
		var p catalog.Pattern
		for i, part := range a.Parts {
			if i > 0 {
				p = p.Concat(catalog.Hole())
			}
			p = p.Concat(catalog.Literal(part))
		}
		return values.Value{Kind: values.String, Str: p}, true
	}
	v := values.Of(a.Constant())
	return v, v.Kind != values.Unknown
}
