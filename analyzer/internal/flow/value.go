package flow

import (
	"fmt"
	"go/constant"
	"go/token"
	"slices"
	"strconv"
	"strings"

	"github.com/errcodelint/errcodelint/catalog"
)

// Kind says what an Atom stands for.
type Kind uint8

const (
	// Unknown is a value the engine cannot follow: a result of a call it
	// has no summary for, an input of the program. It makes a Value
	// partly unknown; passes that must know every member stay silent.
	Unknown Kind = iota + 1
	// Const is a constant: Lit in Go syntax (constant.Value.ExactString),
	// CK its kind.
	Const
	// Param is the function's parameter Index (the receiver is parameter
	// 0 of a method, as in SSA), or the field Path below it. It appears
	// only in summaries, and is replaced by the argument at each call.
	Param
	// Obj is a struct value (or a pointer to one) of type Type whose
	// fields are known: those in Fields, the rest zero, or, when Of is
	// set, Of's (a parameter whose fields the function sets).
	Obj
	// Encoded is text or bytes that encode Of with Enc ("json", "xml")
	// or that are Of itself ("text": a string converted to bytes, or an
	// error's text).
	Encoded
	// Lookup is a row of a table of constant rows, chosen by Of (the key,
	// unknown until a call gives it), then the field Path of the row.
	Lookup
	// Global is a package variable named Type ("path.Name") whose only
	// store is its initializer; Of is that initial value. Its identity
	// matters as a map key (sentinel errors).
	Global
	// Field is whatever is stored to field Path of a value of type Type
	// anywhere in the program: an error left in a request context by a
	// handler of another package is read this way by the router.
	Field
	// Table is a map of constant rows (a map literal): Rows.
	Table
	// Func is a function named Type, as a value (a function-typed
	// variable's initializer).
	Func
	// As is what errors.As finds in Of (a parameter) when it looks for
	// type Type: known once a caller passes the error.
	As
	// Guard is Rows[0].Val when errors.As finds an error in a caller's
	// value (Of, an As atom) and Enc is "then", or finds none and Enc is
	// "else": a function's result on one branch of errors.As. Known at a
	// call that says which branch runs.
	Guard
	// Invoke is the result of method Type called on Of, a parameter: known
	// once a caller passes a value whose method is known (an error's
	// Error()).
	Invoke
	// Text is a string known in part: the literal Parts, with text the
	// engine cannot know between each two ("not_found|" + kind).
	Text
)

// An Atom is one thing a value may be. A Value is a set of them.
type Atom struct {
	Kind   Kind
	CK     constant.Kind // Const
	Lit    string        // Const
	Index  int           // Param
	Type   string        // Obj, Global, Field: the qualified name
	Path   []string      // Param, Lookup, Field: the fields selected below
	Fields []FieldValue  // Obj
	Of     Value         // Encoded, Global, Obj; Lookup: the key
	Enc    string        // Encoded
	Rows   []Row         // Lookup
	Parts  []string      // Text
	// Open says an Obj's pointer was passed on (to a call, into another
	// value): fields it does not hold may have been set there, and are
	// known by type (Field) rather than zero.
	Open bool
	// Keyed says a constant was chosen by a table's row for its key (not a
	// default): the row is where a wrong value is fixed. Row names that
	// row, for messages: "rate_limited in codeMap, httpx.go:17".
	Keyed bool
	Row   string
	// At and Arg say where a constant is written in this package, for
	// reports and fixes: At is the position of the construct that holds
	// it (a call's Lparen, a key-value's colon, a return), Arg the operand.
	// Zero in facts: positions do not cross packages.
	At  token.Pos `json:"-"`
	Arg int       `json:"-"`
}

// A FieldValue is a known field of an Obj.
type FieldValue struct {
	Name      string
	JSON, XML string // the field's key in JSON and XML bodies (envelope.Names); "" when inlined, "-" when left out
	// Array says the field is a slice or an array (not bytes), a list in
	// bodies; Dynamic that it is an interface, whose value decides.
	Array, Dynamic bool
	Val            Value
}

// A Row is one row of a table: its key and its value. A row with no key
// is the table's default: what a key no row has gives.
type Row struct {
	Key, Val Value
	// Where is the row's place, "file.go:line", for messages; it is kept
	// in facts, where positions are not.
	Where string
}

// A Value is the set of atoms an expression may be at run time. The empty
// Value is "nothing": no path gives it a value (a nil pointer's field).
type Value []Atom

// Limits keep every value finite, so summaries of recursive functions
// stop growing: a set holds at most maxAtoms atoms, and a value nests at
// most maxDepth levels; beyond that it is Unknown.
const (
	maxAtoms = 64
	maxDepth = 8
	maxPath  = 4
	maxText  = 256 // the longest string folded from constants
	maxParts = 4   // the most known parts of a string known in part
	maxSinks = 256 // the most responses one function's summary holds
)

// unknown is the Value that is only Unknown.
var unknown = Value{{Kind: Unknown}}

// ConstValue returns the Value of a constant.
func ConstValue(c constant.Value) Value {
	if c == nil {
		return unknown
	}
	return Value{{Kind: Const, CK: c.Kind(), Lit: c.ExactString()}}
}

// Constant returns the constant an atom stands for.
func (a Atom) Constant() constant.Value {
	if a.Kind != Const {
		return nil
	}
	switch a.CK {
	case constant.String:
		return constant.MakeFromLiteral(a.Lit, token.STRING, 0)
	case constant.Int:
		return constant.MakeFromLiteral(a.Lit, token.INT, 0)
	case constant.Bool:
		return constant.MakeBool(a.Lit == "true")
	}
	return nil
}

// HasUnknown reports whether some member of v is Unknown.
func (v Value) HasUnknown() bool {
	return slices.ContainsFunc(v, func(a Atom) bool { return a.Kind == Unknown })
}

// Union returns the atoms of vs, each once; unknown past maxAtoms, which
// it stops at, so that a union costs at most maxAtoms comparisons an atom.
func Union(vs ...Value) Value {
	var out Value
	for _, v := range vs {
		for _, a := range v {
			if !slices.ContainsFunc(out, a.equal) {
				if len(out) == maxAtoms {
					return unknown
				}
				out = append(out, a)
			}
		}
	}
	return out
}

// equal reports whether two atoms are the same, positions included: the
// same constant written twice is two atoms, each reported where it stands.
func (a Atom) equal(b Atom) bool {
	return a.Kind == b.Kind && a.CK == b.CK && a.Lit == b.Lit && a.Index == b.Index && a.Open == b.Open && a.Keyed == b.Keyed && a.Row == b.Row &&
		a.Type == b.Type && a.Enc == b.Enc && a.At == b.At && a.Arg == b.Arg &&
		slices.Equal(a.Path, b.Path) && slices.Equal(a.Parts, b.Parts) && a.Of.equal(b.Of) &&
		slices.EqualFunc(a.Fields, b.Fields, func(x, y FieldValue) bool { return x.Name == y.Name && x.Val.equal(y.Val) }) &&
		slices.EqualFunc(a.Rows, b.Rows, func(x, y Row) bool { return x.Key.equal(y.Key) && x.Val.equal(y.Val) })
}

func (v Value) equal(w Value) bool { return slices.EqualFunc(v, w, Atom.equal) }

// Equal reports whether v and w are the same set of atoms, in the same
// order: the same writer, for passes that follow one.
func (v Value) Equal(w Value) bool { return v.equal(w) }

// depth is how deeply v nests.
func (v Value) depth() int {
	d := 0
	for _, a := range v {
		n := a.Of.depth()
		for _, f := range a.Fields {
			n = max(n, f.Val.depth())
		}
		for _, r := range a.Rows {
			n = max(n, r.Key.depth(), r.Val.depth())
		}
		d = max(d, n+1)
	}
	return d
}

// bounded returns v, or Unknown when it nests too deeply.
func bounded(v Value) Value {
	if v.depth() > maxDepth {
		return unknown
	}
	return v
}

// Select returns field name of every member of v: the field of an Obj, a
// longer path below a parameter, a lookup or a field by type.
func (v Value) Select(name string) Value {
	var out Value
	for _, a := range v {
		out = Union(out, a.selectField(name))
	}
	return out
}

func (a Atom) selectField(name string) Value {
	switch a.Kind {
	case Obj:
		for _, f := range a.Fields {
			if f.Name == name {
				return f.Val
			}
		}
		if a.Of != nil {
			return a.Of.Select(name) // a field the function leaves as passed
		}
		if a.Open && a.Type != "" {
			return Value{{Kind: Field, Type: a.Type, Path: []string{name}}}
		}
		return nil // a field never set: its zero value, never a code or a status
	case Global:
		return a.Of.Select(name)
	case Table:
		// A map body: the row whose key is the name.
		var out Value
		for _, r := range a.Rows {
			for _, k := range r.Key {
				if c := k.Constant(); c != nil && c.Kind() == constant.String && constant.StringVal(c) == name {
					out = Union(out, r.Val)
				}
			}
		}
		return out
	case Guard:
		a.Rows = []Row{{Val: a.Rows[0].Val.Select(name)}}
		return Value{a}
	case Param, Lookup, Field, As, Invoke:
		if len(a.Path) >= maxPath {
			return unknown
		}
		a.Path = append(slices.Clone(a.Path), name)
		return Value{a}
	}
	return unknown
}

// Strip returns v without positions, for facts: positions name places in
// the package that computed them.
func (v Value) Strip() Value {
	if v == nil {
		return nil
	}
	out := make(Value, len(v))
	for i, a := range v {
		a.At, a.Arg = token.NoPos, 0
		a.Of = a.Of.Strip()
		a.Fields = slices.Clone(a.Fields)
		for j := range a.Fields {
			a.Fields[j].Val = a.Fields[j].Val.Strip()
		}
		a.Rows = slices.Clone(a.Rows)
		for j := range a.Rows {
			a.Rows[j] = Row{Key: a.Rows[j].Key.Strip(), Val: a.Rows[j].Val.Strip(), Where: a.Rows[j].Where}
		}
		out[i] = a
	}
	return out
}

// Consts returns the constants among v's members.
func (v Value) Consts() []Atom {
	var out []Atom
	for _, a := range v {
		if a.Kind == Const {
			out = append(out, a)
		}
	}
	return out
}

func (v Value) String() string {
	parts := make([]string, len(v))
	for i, a := range v {
		parts[i] = a.String()
	}
	if len(parts) == 1 {
		return parts[0]
	}
	return "{" + strings.Join(parts, ", ") + "}"
}

func (a Atom) String() string {
	path := ""
	if len(a.Path) > 0 {
		path = "." + strings.Join(a.Path, ".")
	}
	switch a.Kind {
	case Unknown:
		return "?"
	case Const:
		return a.Lit
	case Param:
		return fmt.Sprintf("param%d%s", a.Index, path)
	case Obj:
		fs := make([]string, len(a.Fields))
		for i, f := range a.Fields {
			fs[i] = f.Name + ":" + f.Val.String()
		}
		if a.Of != nil {
			return a.Of.String() + "+{" + strings.Join(fs, " ") + "}"
		}
		return short(a.Type) + "{" + strings.Join(fs, " ") + "}"
	case Encoded:
		return a.Enc + "(" + a.Of.String() + ")"
	case Lookup:
		return fmt.Sprintf("table[%s](%d rows)%s", a.Of, len(a.Rows), path)
	case Global:
		return short(a.Type)
	case Field:
		return "(" + short(a.Type) + ")" + path
	case Table:
		return fmt.Sprintf("table(%d rows)", len(a.Rows))
	case Func:
		return "func " + a.Type
	case As:
		return "as(" + short(a.Type) + ", " + a.Of.String() + ")" + path
	case Guard:
		return "if " + a.Enc + " " + a.Of.String() + ": " + a.Rows[0].Val.String()
	case Invoke:
		return a.Of.String() + "." + a.Type + "()" + path
	case Text:
		return strconv.Quote(strings.Join(a.Parts, "…"))
	}
	return "!"
}

// SelectWire returns the member of every atom of v that sits at step of
// a wire path in a body encoded in format ("json", "xml"): a struct field
// whose key there matches it (by catalog.StepMatches; a field without a
// tag goes by its Go name, and an inlined embedded struct's fields stand
// for themselves), or a map row; the elements of a list stand for it.
func (v Value) SelectWire(format string, step catalog.Segment) Value {
	var out Value
	for _, a := range v {
		switch a.Kind {
		case Obj:
			sel := a.selectWireField(format, step)
			if sel == nil && a.Of != nil {
				sel = a.Of.SelectWire(format, step)
			}
			out = Union(out, sel)
		case Global, Encoded:
			out = Union(out, a.Of.SelectWire(format, step))
		case Table:
			// A map body: the rows whose key is the name.
			for _, r := range a.Rows {
				for _, k := range r.Key {
					if c := k.Constant(); c != nil && c.Kind() == constant.String && catalog.StepMatches(format, constant.StringVal(c), step.Array, step) {
						out = Union(out, r.Val)
					}
				}
			}
		case Guard:
			b := a
			b.Rows = []Row{{Val: a.Rows[0].Val.SelectWire(format, step)}}
			out = Union(out, Value{b})
		case Lookup:
			// Each row at the key, row by row, so that a row's code
			// still goes with the same row's status.
			b := a
			b.Rows = make([]Row, len(a.Rows))
			for i, v := range a.RowValues() {
				b.Rows[i] = Row{Key: a.Rows[i].Key, Val: v.SelectWire(format, step), Where: a.Rows[i].Where}
			}
			b.Path = nil
			out = Union(out, Value{b})
		case Unknown:
			out = Union(out, unknown)
		}
	}
	return out
}

// selectWireField is what the fields of a at step hold, nil when none is
// there. What a map row or an interface holds is taken to be a list
// where the step wants one.
func (a Atom) selectWireField(format string, step catalog.Segment) Value {
	var out Value
	for _, f := range a.Fields {
		key := f.JSON
		if format == "xml" {
			key = f.XML
		}
		switch {
		case key == "":
			out = Union(out, f.Val.SelectWire(format, step)) // inlined
		case catalog.StepMatches(format, key, f.Array || f.Dynamic && step.Array, step):
			out = Union(out, f.Val)
		}
	}
	return out
}

// Subst returns v as seen by a caller that passes args: each Param is
// replaced by its argument (and the fields below it selected), and the
// lookups whose key that makes known are resolved to their rows.
func (v Value) Subst(args []Value) Value {
	var out Value
	for _, a := range v {
		out = Union(out, a.subst(args))
	}
	return bounded(out)
}

func (a Atom) subst(args []Value) Value {
	switch a.Kind {
	case Param:
		if a.Index >= len(args) {
			return unknown
		}
		x := args[a.Index]
		for _, f := range a.Path {
			x = x.Select(f)
		}
		return x
	case Obj:
		a.Fields = slices.Clone(a.Fields)
		for i := range a.Fields {
			a.Fields[i].Val = a.Fields[i].Val.Subst(args)
		}
		if a.Of != nil {
			return a.over(a.Of.Subst(args))
		}
	case Encoded:
		a.Of = a.Of.Subst(args)
		if a.Enc == "text" {
			// Text that turns out to be an encoding is that encoding.
			var out Value
			for _, x := range a.Of {
				if x.Kind == Encoded {
					out = Union(out, Value{x})
				} else {
					out = Union(out, Value{{Kind: Encoded, Enc: "text", Of: Value{x}}})
				}
			}
			return out
		}
	case Global:
		a.Of = a.Of.Subst(args)
	case As:
		return selectPath(asError(a.Of.Subst(args), a.Type), a.Path)
	case Guard:
		found := a.Of.Subst(args)
		val := a.Rows[0].Val.Subst(args)
		switch decided(found) {
		case decidedFound:
			if a.Enc == "then" {
				return val
			}
			return nil
		case decidedNone:
			if a.Enc == "else" {
				return val
			}
			return nil
		}
		if !found.has(Param) {
			return val // undecided for good: either branch may run
		}
		a.Of = found
		a.Rows = []Row{{Val: val}}
	case Invoke:
		recv := a.Of.Subst(args)
		if a.Type == "Error" {
			if t, ok := errorText(recv); ok {
				return selectPath(t, a.Path)
			}
		}
		if !recv.has(Param) {
			return unknown // a method the caller's values do not resolve
		}
		a.Of = recv
	case Table:
		a.Rows = slices.Clone(a.Rows)
		for i := range a.Rows {
			a.Rows[i] = Row{Key: a.Rows[i].Key.Subst(args), Val: a.Rows[i].Val.Subst(args), Where: a.Rows[i].Where}
		}
	case Lookup:
		v := lookup(a.Rows, a.Of.Subst(args), a.Path, a.Type)
		for i := range v {
			if v[i].Kind == Lookup {
				v[i].Type = a.Type
			}
		}
		return v
	}
	return Value{a}
}

// over is base with a's fields set on it: the structs of base get them in
// place of their own; anything else stays a's base.
func (a Atom) over(base Value) Value {
	var out Value
	for _, b := range base {
		if b.Kind != Obj || b.Type != a.Type {
			c := a
			c.Of = Value{b}
			out = Union(out, Value{c})
			continue
		}
		b.Fields = slices.Clone(b.Fields)
		for _, f := range a.Fields {
			i := slices.IndexFunc(b.Fields, func(g FieldValue) bool { return g.Name == f.Name })
			if i < 0 {
				b.Fields = append(b.Fields, f)
			} else {
				b.Fields[i].Val = f.Val
			}
		}
		out = Union(out, Value{b})
	}
	return out
}

// lookup is the value of rows[key], then the fields path of it. A key
// known in full picks its rows (none: the zero value, which is never a
// code or a status); any other key keeps the lookup, which may be any row.
func lookup(rows []Row, key Value, path []string, table string) Value {
	if len(key) == 0 || !known(key) {
		return Value{{Kind: Lookup, Rows: rows, Of: key, Path: path, Type: table}}
	}
	var out, fallback Value
	matched := false
	for _, r := range rows {
		v := r.Val
		for _, f := range path {
			v = v.Select(f)
		}
		switch {
		case r.Key == nil:
			fallback = Union(fallback, v) // the default row
		case matches(r.Key, key):
			out = Union(out, keyed(v, r.Name(table)))
			matched = true
		}
	}
	if !matched {
		return fallback
	}
	return out
}

// known reports whether every member of a key is a constant or a global:
// something a row's key can be compared with.
func known(v Value) bool {
	for _, a := range v {
		if a.Kind != Const && a.Kind != Global {
			return false
		}
	}
	return true
}

// matches reports whether some member of a row's key is some member of key.
func matches(rowKey, key Value) bool {
	for _, r := range rowKey {
		for _, k := range key {
			switch {
			case r.Kind == Const && k.Kind == Const && r.CK == k.CK && r.Lit == k.Lit:
				return true
			case r.Kind == Global && k.Kind == Global && r.Type == k.Type:
				return true
			}
		}
	}
	return false
}

// Rows returns, for a Lookup atom, each row's value with the atom's path
// selected: what the lookup may give, row by row.
func (a Atom) RowValues() []Value {
	out := make([]Value, 0, len(a.Rows))
	for _, r := range a.Rows {
		v := r.Val
		for _, f := range a.Path {
			v = v.Select(f)
		}
		if r.Key != nil {
			v = keyed(v, r.Name(a.Type))
		}
		out = append(out, v)
	}
	return out
}

// short is a qualified name with the package's last element only.
func short(name string) string {
	if i := strings.LastIndex(name, "/"); i >= 0 {
		return name[i+1:]
	}
	return name
}

// asError is what errors.As finds in v looking for type name: the errors
// of that type among v and those it wraps. A parameter's is known only at
// a call.
func asError(v Value, name string) Value {
	var out Value
	for _, a := range unwrap(v) {
		switch a.Kind {
		case Obj:
			if a.Type == name {
				out = Union(out, Value{a})
			}
		case Global:
			out = Union(out, asError(a.Of, name))
		case Param, Invoke, As, Field:
			out = Union(out, Value{{Kind: As, Type: name, Of: Value{a}}})
		case Unknown:
			out = Union(out, unknown)
		}
	}
	return out
}

// Unwrap is an error value and the errors it wraps: the structs it may be,
// and those in their fields, to any depth errors.As would look.
func (v Value) Unwrap() Value { return unwrap(v) }

// unwrap is an error value and the errors it wraps: the error-typed fields
// of the structs it may be, to any depth errors.As would look.
func unwrap(v Value) Value {
	out := v
	for range maxDepth {
		var next Value
		for _, a := range out {
			if a.Kind == Global {
				next = Union(next, a.Of)
			}
			for _, f := range a.Fields {
				for _, w := range f.Val {
					if w.Kind == Obj || w.Kind == Global {
						next = Union(next, Value{w})
					}
				}
			}
		}
		grown := Union(out, next)
		if len(grown) == len(out) {
			break
		}
		out = grown
	}
	return out
}

func selectPath(v Value, path []string) Value {
	for _, f := range path {
		v = v.Select(f)
	}
	return v
}

// SubstField returns v with what is stored to field name of type typ put
// in for the atoms that stand for it (Field), and the fields below them
// selected.
func (v Value) SubstField(typ, name string, val Value) Value {
	var out Value
	for _, a := range v {
		out = Union(out, a.substField(typ, name, val))
	}
	return bounded(out)
}

func (a Atom) substField(typ, name string, val Value) Value {
	switch a.Kind {
	case Field:
		if a.Type == typ && len(a.Path) > 0 && a.Path[0] == name {
			return selectPath(val, a.Path[1:])
		}
	case Obj:
		a.Fields = slices.Clone(a.Fields)
		for i := range a.Fields {
			a.Fields[i].Val = a.Fields[i].Val.SubstField(typ, name, val)
		}
	case Encoded, Global, As, Invoke:
		a.Of = a.Of.SubstField(typ, name, val)
	case Table, Lookup, Guard:
		a.Rows = slices.Clone(a.Rows)
		for i := range a.Rows {
			a.Rows[i] = Row{Key: a.Rows[i].Key.SubstField(typ, name, val), Val: a.Rows[i].Val.SubstField(typ, name, val), Where: a.Rows[i].Where}
		}
	}
	return Value{a}
}

// Flat is v with each branch of errors.As that no caller has decided
// taken as possible: what v may be, for a pass that checks it here.
func (v Value) Flat() Value {
	var out Value
	for _, a := range v {
		if a.Kind == Guard {
			out = Union(out, a.Rows[0].Val.Flat())
			continue
		}
		out = Union(out, Value{a})
	}
	return out
}

// What errors.As is known to find.
const (
	undecided = iota
	decidedFound
	decidedNone
)

// decided says whether what errors.As finds is known: structs of the
// type (found), nothing (none), or something not yet known.
func decided(found Value) int {
	if len(found) == 0 {
		return decidedNone
	}
	for _, a := range found {
		if a.Kind != Obj {
			return undecided
		}
	}
	return decidedFound
}

// keyed marks the constants of a table row's value as chosen by its key,
// in the row named row.
func keyed(v Value, row string) Value {
	out := slices.Clone(v)
	for i := range out {
		if out[i].Kind == Const {
			out[i].Keyed, out[i].Row = true, row
		}
	}
	return out
}

// Name names a row of table for messages: its key and where it is
// ("rate_limited in codeMap, httpx.go:17"), or "" when the table or the
// key has no name.
func (r Row) Name(table string) string {
	cs := r.Key.Consts()
	if table == "" || r.Where == "" || len(cs) == 0 {
		return ""
	}
	key := cs[0].Lit
	if c := cs[0].Constant(); c != nil && c.Kind() == constant.String {
		key = constant.StringVal(c)
	}
	return key + " in " + short(table) + ", " + r.Where
}
