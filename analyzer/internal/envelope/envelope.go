// Package envelope says where the fields of a body type land in its JSON
// or XML document: the path of a field selection ("error.code",
// "Error.Code"), and the struct types a body is made of, with the path of
// each ("errors[]" for the elements of an array field). The passes match
// these paths against the catalog's wire.code and wire.status; values are
// the value-flow engine's concern.
package envelope

import (
	"go/types"

	"reflect"
	"strings"

	"github.com/errcodelint/errcodelint/analyzer/internal/astx"
	"github.com/errcodelint/errcodelint/catalog"
)

// A step is one field selection: its names in JSON and XML ("" for an
// inlined embedded field).
type step struct {
	json, xml string
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
		j, x, ok := Names(st.Tag(i), f)
		if !ok {
			return nil, false
		}
		out = append(out, step{json: j, xml: x})
		t = f.Type()
	}
	return out, true
}

// Names returns a field's name under encoding/json and encoding/xml; ok is
// false when the field is not encoded. An embedded struct without a tag is
// inlined: its names are "". A field that only encoding/xml leaves out
// (xml:"-") has the XML name "-", which no element has.
func Names(tag string, f *types.Var) (jsonName, xmlName string, ok bool) {
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
		if name != "" {
			xmlName = name
		}
	}
	if !f.Exported() {
		return "", "", false
	}
	return jsonName, xmlName, true
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
			jsonPath = catalog.JoinPath(jsonPath, st.json)
		}
		if st.xml != "" {
			xmlPath = catalog.JoinPath(xmlPath, st.xml)
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
		structs(u.Elem(), catalog.JoinPath(jpath, "[]"), xpath, depth+1, out)
		return
	case *types.Array:
		structs(u.Elem(), catalog.JoinPath(jpath, "[]"), xpath, depth+1, out)
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
	jn, xn, ok := Names(st.Tag(i), st.Field(i))
	if !ok {
		return "", "", false
	}
	if jn != "" {
		jpath = catalog.JoinPath(jpath, jn)
	}
	if xn != "" {
		xpath = catalog.JoinPath(xpath, xn)
	}
	return jpath, xpath, true
}
