package emitters

import (
	"fmt"
	"strconv"
	"strings"
)

// Emits is a fact on a function that writes an error response: the status
// it writes, and the codes it puts in the body, each taken from a parameter
// (or a field of one) or fixed inside.
type Emits struct {
	Writer int    // index of the http.ResponseWriter parameter; -1 when not a parameter
	Status Source // the status written
	Codes  []Code // the codes in the body
}

// A Source says where a value comes from.
type Source struct {
	Param  int      // parameter index, receiver excluded; Const or None below
	Fields []string // fields selected from the parameter: prob.HTTPStatus
	Const  int64    // the value when Param == Const
}

// Sentinel values of Source.Param.
const (
	None  = -1 // not known
	Const = -2 // a constant, in Source.Const
)

// A Code is a parameter (or a field of one) that lands at a body path.
type Code struct {
	From Source
	JSON string // the path under encoding/json: "error.code"
	XML  string // the path under encoding/xml
}

func (*Emits) AFact() {}

func (e *Emits) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "emits status=%s", e.Status)
	for _, c := range e.Codes {
		fmt.Fprintf(&b, " code=%s@%s", c.From, c.JSON)
	}
	if e.Writer >= 0 {
		fmt.Fprintf(&b, " writer=%d", e.Writer)
	}
	return b.String()
}

func (s Source) String() string {
	switch s.Param {
	case None:
		return "?"
	case Const:
		return strconv.FormatInt(s.Const, 10)
	}
	out := strconv.Itoa(s.Param)
	for _, f := range s.Fields {
		out += "." + f
	}
	return out
}

// IsParam reports whether s is a parameter or a field of one.
func (s Source) IsParam() bool { return s.Param >= 0 }

// Returns is a fact on a function all of whose returns build a struct with
// the same constant fields (a constructor such as BadNonce(detail)): those
// fields and their values.
type Returns struct {
	Fields []Field
}

// A Field is a constant field of a returned struct.
type Field struct {
	Name  string
	IsInt bool
	Int   int64
	Str   string
}

func (*Returns) AFact() {}

func (r *Returns) String() string {
	var parts []string
	for _, f := range r.Fields {
		if f.IsInt {
			parts = append(parts, f.Name+"="+strconv.FormatInt(f.Int, 10))
		} else {
			parts = append(parts, f.Name+"="+strconv.Quote(f.Str))
		}
	}
	return "returns " + strings.Join(parts, " ")
}

// Lookup returns the named field.
func (r *Returns) Lookup(name string) (Field, bool) {
	for _, f := range r.Fields {
		if f.Name == name {
			return f, true
		}
	}
	return Field{}, false
}

// Strings is a fact on a method with no arguments that maps constant
// receivers to constant strings (an enum's String): the table.
type Strings struct {
	Cases []Case
}

// A Case maps one receiver value to a result.
type Case struct {
	In  string // the receiver's constant, as constant.Value.ExactString
	Out string
}

func (*Strings) AFact() {}

func (s *Strings) String() string {
	var parts []string
	for _, c := range s.Cases {
		parts = append(parts, c.In+"→"+strconv.Quote(c.Out))
	}
	return "strings " + strings.Join(parts, " ")
}

// Headers is a fact on a function that sets headers on a response writer
// it is given, on at least one path: the writer parameter and the
// canonical keys.
type Headers struct {
	Writer int
	Keys   []string
}

func (*Headers) AFact() {}

func (h *Headers) String() string {
	return fmt.Sprintf("sets %d:%s", h.Writer, strings.Join(h.Keys, ","))
}

// Sets reports whether the function sets the canonical key.
func (h *Headers) Sets(key string) bool {
	for _, k := range h.Keys {
		if k == key {
			return true
		}
	}
	return false
}
