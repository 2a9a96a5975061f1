// Package envelope finds the fields of an error body: which expressions of
// an encoded value land at which path of the JSON (or XML) document.
//
// A body is a composite literal (struct, map[string]any, slice), possibly
// behind & or a local variable, possibly filled in by field assignments
// (body.Error.Code = c). Every scalar leaf is reported with its path, such
// as "error.code" or "errors[].code"; the passes match the paths against
// the catalog's wire.code and wire.status.
package envelope

import (
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"strconv"
	"strings"

	"github.com/errcodelint/errcodelint/analyzer/internal/astx"
	"github.com/errcodelint/errcodelint/analyzer/internal/locals"
)

// A Leaf is one scalar of a body and where it lands.
type Leaf struct {
	JSON string   // path under encoding/json: "error.code"
	XML  string   // path under encoding/xml: "Error.Code"
	Expr ast.Expr // the value
}

// A Walker finds leaves in one package.
type Walker struct {
	info   *types.Info
	locals *locals.Index // what each variable is given
}

// A step is one field selection: its names in JSON and XML ("" for an
// inlined embedded field).
type step struct {
	json, xml string
}

// New returns a walker over the package whose variables idx indexes.
func New(idx *locals.Index) *Walker {
	return &Walker{info: idx.Info(), locals: idx}
}

// setSteps returns the body path steps of a field assignment's selection
// chain (v.Error.Code): ok is false when a field on the way is not encoded.
func (w *Walker) setSteps(sel *ast.SelectorExpr) ([]step, bool) {
	var steps []step
	x := ast.Expr(sel)
	for {
		s, isSel := ast.Unparen(x).(*ast.SelectorExpr)
		if !isSel {
			return steps, true
		}
		fs := w.info.Selections[s]
		if fs == nil || fs.Kind() != types.FieldVal {
			return nil, false
		}
		path, ok := selectionSteps(fs)
		if !ok {
			return nil, false // an unencoded field: not part of the body
		}
		steps = append(path, steps...)
		x = s.X
	}
}

// selectionSteps returns the steps of a field selection, through any
// embedded fields it is promoted from.
func selectionSteps(s *types.Selection) ([]step, bool) {
	var out []step
	t := s.Recv()
	for _, i := range s.Index() {
		st, ok := astx.StructOf(t)
		if !ok || i >= st.NumFields() {
			return nil, false
		}
		f := st.Field(i)
		j, x, ok := names(st.Tag(i), f)
		if !ok {
			return nil, false
		}
		out = append(out, step{json: j, xml: x})
		t = f.Type()
	}
	return out, true
}

// SingleInit returns the one value ever given to the variable v, when it
// is never assigned again nor has fields assigned; else nil.
func (w *Walker) SingleInit(v *types.Var) ast.Expr { return w.locals.Single(v) }

// Leaves returns the scalar leaves of the body value x.
func (w *Walker) Leaves(x ast.Expr) []Leaf {
	var out []Leaf
	w.walk(x, "", "", 0, &out)
	return out
}

const maxDepth = 12

func join(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}

func (w *Walker) walk(x ast.Expr, jpath, xpath string, depth int, out *[]Leaf) {
	if depth > maxDepth || x == nil {
		return
	}
	x = ast.Unparen(x)
	switch e := x.(type) {
	case *ast.UnaryExpr:
		if e.Op == token.AND {
			w.walk(e.X, jpath, xpath, depth+1, out)
			return
		}
	case *ast.Ident:
		if init, sets, ok := w.locals.Body(w.locals.Var(e)); ok {
			if init != nil {
				w.walk(init, jpath, xpath, depth+1, out)
			}
			for _, fs := range sets {
				steps, ok := w.setSteps(fs.LHS)
				if !ok {
					continue
				}
				jp, xp := jpath, xpath
				for _, s := range steps {
					if s.json != "" {
						jp = join(jp, s.json)
					}
					if s.xml != "" {
						xp = join(xp, s.xml)
					}
				}
				w.walk(fs.RHS, jp, xp, depth+1, out)
			}
			return
		}
	case *ast.CompositeLit:
		w.composite(e, jpath, xpath, depth, out)
		return
	}
	if jpath != "" || xpath != "" {
		*out = append(*out, Leaf{JSON: jpath, XML: xpath, Expr: x})
	}
}

func (w *Walker) composite(lit *ast.CompositeLit, jpath, xpath string, depth int, out *[]Leaf) {
	t := w.info.TypeOf(lit)
	if t == nil {
		return
	}
	switch u := t.Underlying().(type) {
	case *types.Pointer:
		// &T{} elided in a slice of pointers: the element type.
		if st, ok := u.Elem().Underlying().(*types.Struct); ok {
			w.structLit(lit, st, jpath, xpath, depth, out)
		}
	case *types.Struct:
		w.structLit(lit, u, jpath, xpath, depth, out)
	case *types.Map:
		if !astx.IsString(u.Key()) {
			return
		}
		for _, elt := range lit.Elts {
			kv, ok := elt.(*ast.KeyValueExpr)
			if !ok {
				continue
			}
			tv := w.info.Types[kv.Key]
			if tv.Value == nil {
				continue
			}
			key, err := strconv.Unquote(tv.Value.ExactString())
			if err != nil {
				continue
			}
			w.walk(kv.Value, join(jpath, key), join(xpath, key), depth+1, out)
		}
	case *types.Slice, *types.Array:
		for _, elt := range lit.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				elt = kv.Value
			}
			w.walk(elt, jpath+"[]", xpath, depth+1, out)
		}
	}
}

func (w *Walker) structLit(lit *ast.CompositeLit, st *types.Struct, jpath, xpath string, depth int, out *[]Leaf) {
	for i, elt := range lit.Elts {
		var f *types.Var
		var val ast.Expr
		var tag string
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			id, ok := kv.Key.(*ast.Ident)
			if !ok {
				continue
			}
			for j := range st.NumFields() {
				if st.Field(j).Name() == id.Name {
					f, tag = st.Field(j), st.Tag(j)
				}
			}
			val = kv.Value
		} else if i < st.NumFields() {
			f, tag, val = st.Field(i), st.Tag(i), elt
		}
		if f == nil {
			continue
		}
		jn, xn, ok := names(tag, f)
		if !ok {
			continue
		}
		jp, xp := jpath, xpath
		if jn != "" {
			jp = join(jp, jn)
		}
		if xn != "" {
			xp = join(xp, xn)
		}
		w.walk(val, jp, xp, depth+1, out)
	}
}

// names returns a field's name under encoding/json and encoding/xml; ok is
// false when the field is not encoded. An embedded struct without a tag is
// inlined: its names are "".
func names(tag string, f *types.Var) (jsonName, xmlName string, ok bool) {
	st := reflect.StructTag(tag)
	jsonName, xmlName = f.Name(), f.Name()
	if f.Embedded() {
		jsonName, xmlName = "", ""
	}
	if j, found := st.Lookup("json"); found {
		name, _, _ := strings.Cut(j, ",")
		if name == "-" && !strings.Contains(j, ",") {
			return "", "", false
		}
		if name != "" && name != "-" {
			jsonName = name
		}
	}
	if x, found := st.Lookup("xml"); found {
		name, _, _ := strings.Cut(x, ",")
		if name == "-" {
			xmlName = ""
		} else if name != "" {
			xmlName = name
		}
	}
	if !f.Exported() {
		return "", "", false
	}
	return jsonName, xmlName, true
}

// A TypeLeaf is a scalar field reached from a struct type, with its path
// in the body and the chain of Go field names that selects it.
type TypeLeaf struct {
	JSON, XML string
	Fields    []string
}

// SelectionPath returns the body path that a field selection reads, under
// encoding/json and encoding/xml, through any embedded fields it is
// promoted from; ok is false when a field on the way is not encoded.
func SelectionPath(s *types.Selection) (jsonPath, xmlPath string, ok bool) {
	steps, ok := selectionSteps(s)
	if !ok {
		return "", "", false
	}
	for _, st := range steps {
		if st.json != "" {
			jsonPath = join(jsonPath, st.json)
		}
		if st.xml != "" {
			xmlPath = join(xmlPath, st.xml)
		}
	}
	return jsonPath, xmlPath, true
}

// A Nested is a struct type found inside a body type, and the path at
// which it sits ("" for the body itself, "errors[]" for the elements of an
// array field).
type Nested struct {
	Type      types.Type
	JSON, XML string
}

// Structs returns the struct types that a body of type t is made of, the
// body's own first, each with its path; pointers are followed, and slices
// and arrays add "[]".
func Structs(t types.Type) []Nested {
	var out []Nested
	structs(t, "", "", 0, &out)
	return out
}

func structs(t types.Type, jpath, xpath string, depth int, out *[]Nested) {
	if depth > 6 || t == nil {
		return
	}
	switch u := types.Unalias(t).Underlying().(type) {
	case *types.Pointer:
		structs(u.Elem(), jpath, xpath, depth+1, out)
		return
	case *types.Slice:
		structs(u.Elem(), jpath+"[]", xpath, depth+1, out)
		return
	case *types.Array:
		structs(u.Elem(), jpath+"[]", xpath, depth+1, out)
		return
	case *types.Struct:
		*out = append(*out, Nested{Type: t, JSON: jpath, XML: xpath})
		for i := range u.NumFields() {
			if jp, xp, ok := FieldPath(u, i, jpath, xpath); ok {
				structs(u.Field(i).Type(), jp, xp, depth+1, out)
			}
		}
	}
}

// FieldPath returns where field i of st lands under a body path: the
// path joined with the field's json and xml names.
func FieldPath(st *types.Struct, i int, jpath, xpath string) (jsonPath, xmlPath string, ok bool) {
	jn, xn, ok := names(st.Tag(i), st.Field(i))
	if !ok {
		return "", "", false
	}
	if jn != "" {
		jpath = join(jpath, jn)
	}
	if xn != "" {
		xpath = join(xpath, xn)
	}
	return jpath, xpath, true
}
