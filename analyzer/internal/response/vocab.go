package response

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// An Emitter is a function that writes an error response: the status it
// writes, and the codes it puts in the body, each taken from a parameter
// (or a field of one) or fixed inside.
type Emitter struct {
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

func (e *Emitter) String() string {
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

// A HeaderSetter is a function that sets headers on a response writer it
// is given, on at least one path: the writer parameter and the canonical
// keys.
type HeaderSetter struct {
	Writer int
	Keys   []string
}

func (h *HeaderSetter) String() string {
	return fmt.Sprintf("sets %d:%s", h.Writer, strings.Join(h.Keys, ","))
}

// Sets reports whether the function sets the canonical key.
func (h *HeaderSetter) Sets(key string) bool {
	return slices.Contains(h.Keys, key)
}
