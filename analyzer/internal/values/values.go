// Package values is what the passes know of a code or a status: an
// integer, a string (known in full, or in part, as a pattern with holes),
// or Unknown. The value-flow engine finds the values (see
// apimodel.Evaluator); the passes stay silent on what is Unknown.
package values

import (
	"go/constant"
	"strconv"

	"github.com/errcodelint/errcodelint/catalog"
)

// Kind classifies a Value.
type Kind int

const (
	Unknown Kind = iota
	Int
	String
)

// A Value is what is known of an expression.
type Value struct {
	Kind Kind
	Int  int64           // when Kind == Int
	Str  catalog.Pattern // when Kind == String; may have holes
}

// IntValue and StringValue make known values.
func IntValue(n int64) Value     { return Value{Kind: Int, Int: n} }
func StringValue(s string) Value { return Value{Kind: String, Str: catalog.Literal(s)} }

// Known reports whether v is wholly known: an integer, or a string without
// holes.
func (v Value) Known() bool {
	return v.Kind == Int || v.Kind == String && !v.Str.HasHoles()
}

// Zero reports whether v is known to be its type's zero value: "" or 0.
func (v Value) Zero() bool {
	return v.Kind == Int && v.Int == 0 || v.Kind == String && v.Known() && v.Text() == ""
}

// Text is the value as text: the integer in decimal, the string as it
// reads (with … for holes).
func (v Value) Text() string {
	switch v.Kind {
	case Int:
		return strconv.FormatInt(v.Int, 10)
	case String:
		return v.Str.String()
	}
	return "?"
}

// Of is the value of a constant: Unknown for a kind other than an integer
// (that fits in 64 bits) or a string.
func Of(c constant.Value) Value {
	switch {
	case c == nil:
	case c.Kind() == constant.String:
		return StringValue(constant.StringVal(c))
	case c.Kind() == constant.Int:
		if n, ok := constant.Int64Val(c); ok {
			return IntValue(n)
		}
	}
	return Value{}
}
