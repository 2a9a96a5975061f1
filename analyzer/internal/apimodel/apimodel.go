// Package apimodel is errcodelint's model of the API in the code under
// analysis: where the catalog's codes and statuses live (the code type, the
// error types, the body types and their wire paths, the kinds of value a
// code can be), and how a value resolves to a cataloged code. Every pass
// asks it; none keeps heuristics of its own.
//
// Real repositories are full of other codes: internal enums whose field
// shares the wire name, other services' SDK errors, database errors. A value
// is a code of the cataloged API only when it is of go.code_type, a
// declared go.error_types code field, or read at the catalog's whole wire
// path from a body type that the module encodes into or decodes from HTTP
// bodies (read by a client: decoded from responses, see FieldRole); its
// kind must fit the catalog; and a type declared outside the
// analyzed module counts only when the catalog names it.
package apimodel

import (
	"fmt"
	"go/ast"
	"go/types"
	"strconv"
	"strings"

	"github.com/errcodelint/errcodelint/analyzer/internal/astx"
	"github.com/errcodelint/errcodelint/analyzer/internal/envelope"
	"github.com/errcodelint/errcodelint/analyzer/internal/facts/bodies"
	"github.com/errcodelint/errcodelint/analyzer/internal/flow"
	"github.com/errcodelint/errcodelint/analyzer/internal/values"
	"github.com/errcodelint/errcodelint/catalog"
	"golang.org/x/tools/go/analysis"
)

// A Model answers for one package under one catalog.
type Model struct {
	Cat    *catalog.Catalog
	info   *types.Info
	files  []*ast.File
	module string // path of the analyzed module; "" when the driver gives none
	pkg    *types.Package
	bodies *bodies.Result
	flow   *flow.Result

	ranges map[*types.Var]ast.Expr // range value variables and what they range over

	// codeAtWire records that some body path asked about landed at the
	// catalog's wire.code: see CodeAtWire.
	codeAtWire bool
}

// New returns the model of pass's package under cat. bodies is the result
// of the bodies analyzer, res the value-flow engine's.
func New(pass *analysis.Pass, cat *catalog.Catalog, b *bodies.Result, res *flow.Result) *Model {
	m := &Model{Cat: cat, info: pass.TypesInfo, files: pass.Files, pkg: pass.Pkg, bodies: b, flow: res}
	if pass.Module != nil {
		m.module = pass.Module.Path
	}
	return m
}

// A Role is what a value is to the API.
type Role int

// The roles.
const (
	None   Role = iota
	Code        // an error code
	Status      // an HTTP status
)

// IsCodeType reports whether t is the catalog's go.code_type.
func (m *Model) IsCodeType(t types.Type) bool {
	return m.Cat.Go.CodeType != "" && t != nil && qualified(t) == m.Cat.Go.CodeType
}

// KindFits reports whether a value of type t can hold one of the catalog's
// codes: a string catalog is never compared with integers. Interfaces
// (a map[string]any body) may hold either.
func (m *Model) KindFits(t types.Type) bool {
	if t == nil {
		return false
	}
	switch u := t.Underlying().(type) {
	case *types.Interface:
		return true
	case *types.Basic:
		switch {
		case u.Info()&types.IsString != 0:
			return true // numeric codes may travel as text ("51010")
		case u.Info()&types.IsInteger != 0:
			return m.Cat.Numeric()
		}
	}
	return false
}

// InModule reports whether pkg belongs to the analyzed module.
func (m *Model) InModule(pkg *types.Package) bool {
	if pkg == nil {
		return false
	}
	if pkg == m.pkg {
		return true
	}
	mod := m.module
	if mod == "" {
		// Without module information (GOPATH-style test data), the
		// module is the first element of the path, or the first three
		// when it names a host.
		mod = rootOf(m.pkg.Path())
	}
	p := pkg.Path()
	return p == mod || strings.HasPrefix(p, mod+"/")
}

func rootOf(path string) string {
	parts := strings.Split(path, "/")
	n := 1
	if strings.Contains(parts[0], ".") {
		n = 3
	}
	if n > len(parts) {
		n = len(parts)
	}
	return strings.Join(parts[:n], "/")
}

// Owned reports whether a named type belongs to the API's code: declared
// in the analyzed module, or named in the catalog.
func (m *Model) Owned(t types.Type) bool {
	t = astx.Deref(t)
	n, ok := types.Unalias(t).(*types.Named)
	if !ok {
		return true // an unnamed type is declared where it is used
	}
	name := qualified(n)
	if name == m.Cat.Go.CodeType {
		return true
	}
	for _, et := range m.Cat.Go.ErrorTypes {
		if et.Type == name {
			return true
		}
	}
	return m.InModule(n.Obj().Pkg())
}

// ErrorTypeRole says which role a field plays in an error type named in
// the catalog's go.error_types (None for other types and fields).
func (m *Model) ErrorTypeRole(recv types.Type, field string) Role {
	switch t := m.errorType(qualified(astx.Deref(recv))); {
	case t == nil:
	case field == t.Status:
		return Status
	case field == t.Code:
		return Code
	}
	return None
}

// IsRegisteredType reports whether t is a type of the API's codes made by
// registering descriptors (var ErrDenied = register(Descriptor{Value:
// "DENIED", HTTPStatusCode: 403})) whose texts include cataloged codes: a
// package that uses it treats the API's errors, with no go: hint needed.
func (m *Model) IsRegisteredType(t types.Type) bool {
	for _, text := range m.bodies.Registered(t) {
		if _, ok := m.Cat.Lookup(text); ok {
			return true
		}
	}
	return false
}

// IsErrorType reports whether t (or what it points to) is one of the
// catalog's go.error_types.
func (m *Model) IsErrorType(t types.Type) bool {
	return m.errorType(qualified(astx.Deref(t))) != nil
}

// errorType is the catalog's go.error_types entry for the type named name
// ("import/path.Name"), or nil.
func (m *Model) errorType(name string) *catalog.ErrorType {
	for i, t := range m.Cat.Go.ErrorTypes {
		if t.Type == name && name != "" {
			return &m.Cat.Go.ErrorTypes[i]
		}
	}
	return nil
}

// DeclaresCode reports whether the catalog says x holds a code: x is of
// go.code_type, or a go.error_types code field. A code found by the wire
// path alone is inferred, and text outside the catalog's lexicon there is
// a message (IsMessage).
func (m *Model) DeclaresCode(x ast.Expr) bool {
	if m.IsCodeType(m.info.TypeOf(x)) {
		return true
	}
	sel, ok := ast.Unparen(x).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	s := m.info.Selections[sel]
	return s != nil && s.Kind() == types.FieldVal && m.ErrorTypeRole(s.Recv(), sel.Sel.Name) == Code
}

// FieldRole classifies a field selection: a go.error_types status or code
// field, or a field read at the whole wire path (wire.code, wire.status)
// from a body type of the module that is decoded from responses.
func (m *Model) FieldRole(sel *ast.SelectorExpr) Role {
	s := m.info.Selections[sel]
	if s == nil || s.Kind() != types.FieldVal {
		return None
	}
	if r := m.ErrorTypeRole(s.Recv(), sel.Sel.Name); r != None {
		return r
	}
	root, jsonPath, xmlPath, ok := m.bodyPath(sel)
	if !ok {
		return None
	}
	rt := m.info.TypeOf(root)
	if rt == nil || !m.Owned(rt) {
		return None // another module's type the catalog does not name
	}
	// The whole wire path, from the body the root value sits in, as a
	// client reads it: a type the module only encodes, or decodes from
	// requests, is a server's resource (a Task whose "type" a handler
	// switches on), not an answer of the API.
	for _, at := range m.bodies.Paths(rt) {
		if at.Format != m.format() || !at.Read {
			continue // a JSON body's field is not read at an XML wire path
		}
		path := catalog.JoinPath(at.JSON, jsonPath)
		if at.Format == "xml" {
			path = catalog.JoinPath(at.XML, xmlPath)
		}
		if r := m.wireRole(path); r != None {
			return r
		}
	}
	return None // not read from a body of this API, or not at its wire path
}

// KeyRole classifies a keyed element of a struct literal the way FieldRole
// classifies a selection: ErrorResponse{Code: "NoSuchKey"} sets the code
// when ErrorResponse is a body of the API and Code sits at wire.code.
func (m *Model) KeyRole(lit *ast.CompositeLit, kv *ast.KeyValueExpr) Role {
	key, ok := kv.Key.(*ast.Ident)
	if !ok {
		return None
	}
	return m.StructFieldRole(m.info.TypeOf(lit), key.Name)
}

// StructFieldRole classifies the field name of a struct type t of the
// API: a go.error_types status or code field, or a field that a body of
// the API holds at wire.code or wire.status. Another module's type the
// catalog does not name has no roles.
func (m *Model) StructFieldRole(t types.Type, name string) Role {
	st, ok := astx.StructOf(t)
	if !ok || !m.Owned(t) {
		return None
	}
	for i := range st.NumFields() {
		if st.Field(i).Name() != name {
			continue
		}
		if r := m.ErrorTypeRole(t, name); r != None {
			return r
		}
		for _, at := range m.bodies.Paths(t) {
			if at.Format != m.format() {
				continue
			}
			j, x, ok := envelope.FieldPath(st, i, at.JSON, at.XML)
			path := j
			if at.Format == "xml" {
				path = x
			}
			if !ok {
				continue
			}
			if r := m.wireRole(path); r != None {
				return r
			}
		}
	}
	return None
}

// A RowField is a field of a row: a struct value in a table of codes and
// statuses, or one a constructor builds. Code and Status are the constant
// it holds read as a code (an enum as its String method spells it) and as
// it is; Unknown when it holds none.
type RowField struct {
	Name         string
	Code, Status values.Value
}

// RowRoles says which fields of a row of struct type t hold its code and
// its status, one Role for each field, in order. What the catalog and the
// bodies say comes first: on a go.error_types type, its status and code
// fields and nothing else; elsewhere a field of go.code_type is a code,
// and a field a body holds at wire.code or wire.status (StructFieldRole)
// is what it holds there. For the other fields of a row the values
// decide, never the names: a field holding a code the catalog lists is a
// code, and the one integer field holding an error status (4xx, 5xx) is
// the status, unless another field is one too. A row of another
// module's type the catalog does not name has no roles.
func (m *Model) RowRoles(t types.Type, fields []RowField) []Role {
	roles := make([]Role, len(fields))
	if _, ok := astx.StructOf(t); !ok || !m.Owned(t) {
		return roles
	}
	declared := m.IsErrorType(t)
	var byValue []int // the fields found to be the status by their values
	for i, f := range fields {
		ft := astx.FieldType(t, f.Name)
		switch {
		case ft == nil:
		case declared:
			roles[i] = m.ErrorTypeRole(t, f.Name)
		case m.StructFieldRole(t, f.Name) != None:
			roles[i] = m.StructFieldRole(t, f.Name)
		case m.IsCodeType(ft):
			roles[i] = Code
		case m.KindFits(ft) && m.listed(f.Code):
			roles[i] = Code
		case astx.IsInteger(ft) && f.Status.Kind == values.Int && catalog.IsErrorStatus(f.Status.Int):
			roles[i] = Status
			byValue = append(byValue, i)
		}
	}
	if statuses := countRole(roles, Status); statuses > 1 && len(byValue) > 0 {
		for _, i := range byValue {
			roles[i] = None // which is the status is not known
		}
	}
	return roles
}

func countRole(roles []Role, r Role) int {
	n := 0
	for _, x := range roles {
		if x == r {
			n++
		}
	}
	return n
}

// listed reports whether v is a known code the catalog lists.
func (m *Model) listed(v values.Value) bool {
	code, ok := m.Resolve(v)
	return ok && code != nil && v.Kind != values.Unknown
}

// bodyPath walks a selection chain down to its root value and returns the
// body path it reads: e.Error.Code is "error.code" from e; e.Errors[i].Code
// and a range variable over e.Errors read "errors[].code".
func (m *Model) bodyPath(x ast.Expr) (root ast.Expr, jsonPath, xmlPath string, ok bool) {
	for depth := 0; depth < 16; depth++ {
		x = ast.Unparen(x)
		switch e := x.(type) {
		case *ast.SelectorExpr:
			s := m.info.Selections[e]
			if s == nil || s.Kind() != types.FieldVal {
				return nil, "", "", false
			}
			j, xm, ok := envelope.SelectionPath(s)
			if !ok {
				return nil, "", "", false
			}
			jsonPath, xmlPath = catalog.JoinPath(j, jsonPath), catalog.JoinPath(xm, xmlPath)
			x = e.X
		case *ast.IndexExpr:
			if !isSequence(m.info.TypeOf(e.X)) {
				return x, jsonPath, xmlPath, true
			}
			jsonPath, xmlPath = elements(jsonPath), elements(xmlPath)
			x = e.X
		case *ast.StarExpr:
			x = e.X
		case *ast.Ident:
			v, isVar := m.info.Uses[e].(*types.Var)
			if !isVar {
				return x, jsonPath, xmlPath, true
			}
			over, isRange := m.rangeOf(v)
			if !isRange {
				return x, jsonPath, xmlPath, true
			}
			jsonPath, xmlPath = elements(jsonPath), elements(xmlPath)
			x = over
		default:
			return x, jsonPath, xmlPath, true
		}
	}
	return nil, "", "", false
}

// elements is the path read so far, read from the elements of an array:
// the step before it gets "[]".
func elements(path string) string {
	return catalog.JoinPath("[]", path)
}

func isSequence(t types.Type) bool {
	if t == nil {
		return false
	}
	switch t.Underlying().(type) {
	case *types.Slice, *types.Array:
		return true
	}
	return false
}

// rangeOf returns what v ranges over when v is the value variable of a
// range statement over a slice or array.
func (m *Model) rangeOf(v *types.Var) (ast.Expr, bool) {
	if m.ranges == nil {
		m.ranges = make(map[*types.Var]ast.Expr)
		for _, f := range m.files {
			ast.Inspect(f, func(n ast.Node) bool {
				rs, ok := n.(*ast.RangeStmt)
				if !ok || rs.Value == nil || !isSequence(m.info.TypeOf(rs.X)) {
					return true
				}
				if id, ok := rs.Value.(*ast.Ident); ok {
					if rv, ok := m.info.Defs[id].(*types.Var); ok {
						m.ranges[rv] = rs.X
					}
				}
				return true
			})
		}
	}
	x, ok := m.ranges[v]
	return x, ok
}

// Format is the catalog's wire format: "json" or "xml".
func (m *Model) Format() string { return m.format() }

func (m *Model) format() string {
	if m.Cat.Wire.Format == "xml" {
		return "xml"
	}
	return "json"
}

// wireRole says what a body path holds by the catalog's wire: the code
// at wire.code, the status at wire.status, as catalog.Wire.At matches
// them. A path at wire.code is recorded (see CodeAtWire).
func (m *Model) wireRole(path string) Role {
	w := &m.Cat.Wire
	switch {
	case w.At(path, w.CodePath):
		m.codeAtWire = true
		return Code
	case w.At(path, w.StatusPath):
		return Status
	}
	return None
}

// CodeAtWire reports whether a body path the model was asked about (a
// body type's field, an envelope or map literal's leaf, an emitter's code
// parameter) sat at the catalog's wire.code path: the model has matched
// the package's bodies with the catalog's wire. Every question goes
// through wireRole, which records the answer.
func (m *Model) CodeAtWire() bool { return m.codeAtWire }

// SawCodeAtWire records that a body written had a value at the catalog's
// wire.code path, as the value-flow engine found it.
func (m *Model) SawCodeAtWire() { m.codeAtWire = true }

// IsCode reports whether x holds a code of the API: a value of the code
// type, a code field (see FieldRole) whose kind fits the catalog, or a
// local given only such a value.
func (m *Model) IsCode(x ast.Expr) bool {
	return m.role(x, 0) == Code
}

// IsStatus reports whether x holds a status field of the API's bodies or
// error types (response statuses are the passes' own concern).
func (m *Model) IsStatus(x ast.Expr) bool {
	return m.role(x, 0) == Status
}

func (m *Model) role(x ast.Expr, depth int) Role {
	if depth > 4 {
		return None
	}
	t := m.info.TypeOf(x)
	if m.IsCodeType(t) {
		return Code
	}
	switch e := ast.Unparen(x).(type) {
	case *ast.SelectorExpr:
		r := m.FieldRole(e)
		switch {
		case r == Code && !m.KindFits(t):
			return None
		case r == Status && !astx.IsInteger(t):
			return None
		}
		return r
	case *ast.Ident:
		if def := m.flow.Def(e); def != nil {
			return m.role(def, depth+1)
		}
	}
	return None
}

// DecodesBody reports whether call encodes or decodes (encoding/json,
// encoding/xml) a body of the API: a type of the module, or named by the
// catalog, with a field at the whole wire.code path.
func (m *Model) DecodesBody(call *ast.CallExpr) bool {
	x, format := bodies.CodecValue(m.info, call)
	if x == nil || format != m.format() {
		return false
	}
	for _, n := range envelope.Structs(m.info.TypeOf(x)) {
		st, ok := n.Type.Underlying().(*types.Struct)
		if !ok || !m.Owned(n.Type) {
			continue
		}
		for i := range st.NumFields() {
			j, xm, ok := envelope.FieldPath(st, i, n.JSON, n.XML)
			path := j
			if m.Cat.Wire.Format == "xml" {
				path = xm
			}
			if ok && m.wireRole(path) == Code {
				return true
			}
		}
	}
	return false
}

// Prefixed reports whether v is a known string carrying the catalog's wire
// prefix: whatever it is compared with is a code.
func (m *Model) Prefixed(v values.Value) bool {
	return m.Cat.Wire.Prefix != "" && v.Kind == values.String && v.Known() && strings.HasPrefix(v.Text(), m.Cat.Wire.Prefix)
}

// Resolve finds the cataloged code a value is. ok is false when no code
// can be the value; code is nil with ok true when the value is unknown or
// partly known and may be several codes.
func (m *Model) Resolve(v values.Value) (code *catalog.Code, ok bool) {
	c := m.Cat
	if len(c.Codes) == 0 {
		// A catalog of operations alone names no code: no value is
		// known not to be one.
		return nil, true
	}
	switch v.Kind {
	case values.Int:
		if code, ok := c.LookupInt(v.Int); ok {
			return code, true
		}
		return c.Lookup(v.Text())
	case values.String:
		if v.Known() {
			s := v.Text()
			if code, ok := c.Lookup(s); ok {
				return code, true
			}
			if c.Numeric() {
				if n, err := strconv.ParseInt(s, 10, 64); err == nil {
					return c.LookupInt(n)
				}
				return c.LookupName(s)
			}
			return nil, false
		}
		switch matches := c.Match(v.Str); len(matches) {
		case 0:
			return nil, false
		case 1:
			return matches[0], true
		}
		return nil, true
	}
	return nil, true // unknown: nothing to say
}

// Spell renders a value as it reads in messages: quoted strings, bare
// numbers; a code that travels with the catalog's prefix is spelt as the
// catalog spells it (code "caa", not "urn:…:caa" nor "…caa").
func (m *Model) Spell(v values.Value) string {
	if v.Kind == values.Int {
		return v.Text()
	}
	if !v.Known() {
		if code, _ := m.Resolve(v); code != nil {
			return code.Quoted()
		}
		return strconv.Quote(catalog.Truncate(v.Text()))
	}
	return strconv.Quote(catalog.Truncate(strings.TrimPrefix(v.Text(), m.Cat.Wire.Prefix)))
}

// Unknown is the message for a value that no cataloged code matches:
// `code "x" is not in the catalog` with what follows (": this branch never
// matches") and a did-you-mean.
func (m *Model) Unknown(v values.Value, consequence string) string {
	if !v.Known() {
		return fmt.Sprintf("code %s matches no code in the catalog%s", m.Spell(v), consequence)
	}
	msg := fmt.Sprintf("code %s is not in the catalog%s", m.Spell(v), consequence)
	// Numbers one digit apart are not typos of each other.
	if v.Kind != values.String {
		return msg
	}
	s := v.Text()
	if p := m.Cat.Wire.Prefix; p != "" {
		s = strings.TrimPrefix(s, p)
	}
	if sug := m.Cat.Suggest(s); sug != "" {
		if code, ok := m.Cat.Lookup(sug); ok {
			sug = code.Quoted()
		}
		msg += fmt.Sprintf("; did you mean %s?", sug)
	}
	return msg
}

// qualified is "import/path.Name" for a named type, "" otherwise.
func qualified(t types.Type) string {
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return ""
	}
	return n.Obj().Pkg().Path() + "." + n.Obj().Name()
}
