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
	Param  int      // parameter index, receiver excluded; Const, None or Receiver below
	Fields []string // fields selected from the parameter: prob.HTTPStatus
	Const  int64    // the value when Param == Const
	// Table, when set, says the value is looked up in a table with the
	// value Param and Fields give as the key: codeMap[errors.ErrCode(err)].
	Table *Table
	// Unwrap says the fields are read through errors.As: of the error the
	// parameter is, or of one it wraps (fmt.Errorf("…: %w", err)).
	Unwrap bool
}

// Sentinel values of Source.Param.
const (
	None     = -1 // not known
	Const    = -2 // a constant, in Source.Const
	Receiver = -3 // the method's receiver (or a field of it)
	Unkeyed  = -4 // a Table's row for a key that is not known
)

// Key is where the key of a table look-up comes from: s without its table.
func (s Source) Key() Source {
	s.Table = nil
	return s
}

// A Table is a status table keyed by codes: a map literal that nothing
// changes, map[Code]int{NotFoundCode: http.StatusNotFound, …}.
type Table struct {
	Name    string // the map variable
	File    string // the base name of the file that declares it
	Entries []Entry
	Default int64 // the status when the key is not in the table; 0 when not known
}

// An Entry is a row of a Table.
type Entry struct {
	Key    string // the key's value as text: the code, or its number
	Status int64
	Line   int // the row's line in File
}

// Lookup returns the row for the key, or false.
func (t *Table) Lookup(key string) (Entry, bool) {
	i := slices.IndexFunc(t.Entries, func(e Entry) bool { return e.Key == key })
	if i < 0 {
		return Entry{}, false
	}
	return t.Entries[i], true
}

// StatusOf returns the status the table gives a key: its row's, else the
// default; false when the key has no row and there is no default.
func (t *Table) StatusOf(key string) (status int64, row Entry, inTable, ok bool) {
	if e, found := t.Lookup(key); found {
		return e.Status, e, true, true
	}
	return t.Default, Entry{}, false, t.Default != 0
}

// Statuses returns every status the table may give, each once, in row
// order, then the default.
func (t *Table) Statuses() []int64 {
	var out []int64
	for _, e := range t.Entries {
		if !slices.Contains(out, e.Status) {
			out = append(out, e.Status)
		}
	}
	if t.Default != 0 && !slices.Contains(out, t.Default) {
		out = append(out, t.Default)
	}
	return out
}

// Where names the row of a status for messages: TOO_MANY_REQUEST in
// codeMap, errors.go:41. It is false when only the default gives it.
func (t *Table) Where(status int64) (string, bool) {
	for _, e := range t.Entries {
		if e.Status == status {
			return fmt.Sprintf("%s in %s, %s:%d", e.Key, t.Name, t.File, e.Line), true
		}
	}
	return "", false
}

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
	var out string
	switch s.Param {
	case None:
		return "?"
	case Const:
		return strconv.FormatInt(s.Const, 10)
	case Receiver:
		out = "recv"
	case Unkeyed:
		out = "?"
	default:
		out = strconv.Itoa(s.Param)
	}
	if s.Unwrap {
		out = "as(" + out + ")"
	}
	for _, f := range s.Fields {
		out += "." + f
	}
	if t := s.Table; t != nil {
		out = t.Name + "[" + out + "]"
		if t.Default != 0 {
			out += "|" + strconv.FormatInt(t.Default, 10)
		}
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
