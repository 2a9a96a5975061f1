package apimodel

import (
	"go/constant"
	"go/types"
	"strings"

	"github.com/errcodelint/errcodelint/analyzer/internal/flow"
	"github.com/errcodelint/errcodelint/analyzer/internal/values"
	"github.com/errcodelint/errcodelint/catalog"
)

// CodesIn returns what a body the value-flow engine found holds at the
// catalog's wire.code path: nil for bytes it cannot see into.
func (m *Model) CodesIn(body flow.Atom) flow.Value {
	return m.atWire(body, m.Cat.Wire.Code)
}

// StatusesIn returns what a body holds at the catalog's wire.status path
// (RFC 7807's "status"), or nil when the catalog has none.
func (m *Model) StatusesIn(body flow.Atom) flow.Value {
	if m.Cat.Wire.Status == "" {
		return nil
	}
	return m.atWire(body, m.Cat.Wire.Status)
}

// atWire selects a wire path in an encoded body: the array steps dropped
// (an array's elements are one set), and for XML the root element (the
// encoded value is the root).
func (m *Model) atWire(body flow.Atom, wire string) flow.Value {
	if body.Kind != flow.Encoded || body.Enc == "text" || wire == "" {
		return nil
	}
	parts := strings.Split(strings.ReplaceAll(wire, "[]", ""), ".")
	if body.Enc == "xml" && len(parts) > 1 {
		parts = parts[1:]
	}
	v := body.Of
	for _, p := range parts {
		v = v.SelectWire(p).Flat()
	}
	return v
}

// ConstCode is a code the engine knows, in full or with a known prefix,
// as the model reads codes; ok is false for anything else (a string whose
// start is unknown may be anything).
func (m *Model) ConstCode(a flow.Atom) (values.Value, bool) {
	if a.Kind == flow.Text {
		if a.Parts[0] == "" {
			return values.Value{}, false
		}
		var p catalog.Pattern
		for i, part := range a.Parts {
			if i > 0 {
				p = p.Concat(catalog.Hole())
			}
			p = p.Concat(catalog.Literal(part))
		}
		return values.Value{Kind: values.String, Str: p}, true
	}
	switch c := a.Constant(); {
	case c == nil:
		return values.Value{}, false
	case c.Kind() == constant.String:
		return values.StringValue(constant.StringVal(c)), true
	case c.Kind() == constant.Int:
		n, ok := constant.Int64Val(c)
		return values.IntValue(n), ok
	}
	return values.Value{}, false
}

// Methods evaluates, for the syntactic evaluator, a method called on a
// known receiver (an enum's String) from the engine's summaries.
func Methods(res *flow.Result) values.MethodFunc {
	return func(fn *types.Func, recv values.Value) (values.Value, bool) {
		var c constant.Value
		switch {
		case recv.Kind == values.Int:
			c = constant.MakeInt64(recv.Int)
		case recv.Kind == values.String && recv.Known():
			c = constant.MakeString(recv.Text())
		default:
			return values.Value{}, false
		}
		out, ok := res.Method(fn, c)
		if !ok {
			return values.Value{}, false
		}
		switch out.Kind() {
		case constant.String:
			return values.StringValue(constant.StringVal(out)), true
		case constant.Int:
			n, ok := constant.Int64Val(out)
			return values.IntValue(n), ok
		}
		return values.Value{}, false
	}
}
