package conformance_test

import (
	"encoding/json"
	"encoding/xml"
	"fmt"
	"net/http"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/errcodelint/errcodelint/analyzer/errcode"
	"github.com/errcodelint/errcodelint/conformance"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A node is a part of an error body, made twice from one description: as
// Go source for the errcode pass, and as a value built with reflect for
// conformance, which the case's handler encodes. A node with no kids is a
// string field holding the code; one with kids a struct, a slice of one
// such struct (slice), or a map[string]any keyed by the kids' names (asMap).
type node struct {
	name, tag string // the field's name and tag (a map key: name alone)
	kids      []node
	slice     bool
	asMap     bool
	xmlName   bool // an XMLName xml.Name field: the root element's name, by tag
}

// A wireMatchCase is a catalog's wire.code and a body: whether a client
// decoding the body in the catalog's format finds the code at wire.code.
type wireMatchCase struct {
	name   string
	format string // "json" or "xml"
	wire   string
	body   []node // the root struct's fields
	at     bool
}

func str(name, tag string) node { return node{name: name, tag: tag} }

func obj(name, tag string, kids ...node) node { return node{name: name, tag: tag, kids: kids} }

func root(name string) node { return node{name: "XMLName", tag: `xml:"` + name + `"`, xmlName: true} }

// wireMatchCases are the keys a body may have and the wire paths that
// name them: JSON keys match without regard to case, as encoding/json
// decodes them (its fold is strings.EqualFold's); XML element names match
// exactly, as encoding/xml decodes them (catalog.KeyMatches).
var wireMatchCases = []wireMatchCase{
	{"json tags as the wire", "json", "error.code", []node{obj("Error", `json:"error"`, str("Code", `json:"code"`))}, true},
	{"json wire capitalized", "json", "Error.Code", []node{obj("Error", `json:"error"`, str("Code", `json:"code"`))}, true},
	{"json untagged Go names", "json", "error.code", []node{obj("Error", "", str("Code", ""))}, true},
	{"json keys in other cases", "json", "error.code", []node{obj("Error", `json:"ERROR"`, str("Code", `json:"cOdE"`))}, true},
	{"json Unicode fold (Kelvin sign)", "json", "error.kind", []node{obj("Error", `json:"error"`, str("Kind", "json:\"\u212aind\""))}, true},
	{"json other key", "json", "error.code", []node{obj("Error", `json:"err"`, str("Code", `json:"code"`))}, false},
	{"json code one level up", "json", "error.code", []node{str("Code", `json:"code"`)}, false},
	{"json array elements", "json", "errors[].code", []node{{name: "Errors", tag: `json:"errors"`, slice: true, kids: []node{str("Code", `json:"code"`)}}}, true},
	{"json array elements, other case", "json", "Errors[].Code", []node{{name: "Errors", tag: `json:"errors"`, slice: true, kids: []node{str("Code", `json:"code"`)}}}, true},
	{"json array where the wire has a field", "json", "errors.code", []node{{name: "Errors", tag: `json:"errors"`, slice: true, kids: []node{str("Code", `json:"code"`)}}}, false},
	{"json field where the wire has an array", "json", "errors[].code", []node{obj("Errors", `json:"errors"`, str("Code", `json:"code"`))}, false},
	{"json map keys in other cases", "json", "error.code", []node{{name: "Error", tag: `json:"error"`, asMap: true, kids: []node{{name: "CODE"}}}}, true},
	{"json map other key", "json", "error.code", []node{{name: "Error", tag: `json:"error"`, asMap: true, kids: []node{{name: "kode"}}}}, false},

	{"xml root and element as the wire", "xml", "Error.Code", []node{root("Error"), str("Code", "")}, true},
	{"xml wire below the root", "xml", "Code", []node{root("Error"), str("Code", "")}, true},
	{"xml element by its xml tag, not its json tag", "xml", "Error.Code", []node{root("Error"), str("Code", `json:"code" xml:"Code"`)}, true},
	{"xml untagged element, json tag aside", "xml", "Error.Code", []node{root("Error"), str("Code", `json:"code"`)}, true},
	{"xml element in another case", "xml", "Error.Code", []node{root("Error"), str("Code", `xml:"code"`)}, false},
	{"xml wire in another case", "xml", "error.code", []node{root("Error"), str("Code", "")}, false},
	{"xml nested element", "xml", "Error.Detail.Code", []node{root("Error"), obj("Detail", "", str("Code", ""))}, true},
	{"xml nested element in another case", "xml", "Error.Detail.Code", []node{root("Error"), obj("Detail", `xml:"detail"`, str("Code", ""))}, false},
}

// TestWireMatchSidesAgree runs each case through the errcode pass, over a
// package of its own under a catalog with the case's wire.code, and
// through conformance's two wrappers: the code, sent with a status the
// catalog does not give it, is reported by both or by neither.
func TestWireMatchSidesAgree(t *testing.T) {
	files := make(map[string]string)
	for i, tc := range wireMatchCases {
		dir := fmt.Sprintf("c%d/", i)
		files[dir+"errcodes.yaml"] = wireCatalog(tc)
		files[dir+"body.go"] = wireSource(i, tc)
	}
	reported := make(map[string][]string) // package dir → the pass's messages
	for _, d := range analyze(t, errcode.Analyzer, files) {
		dir, _, _ := strings.Cut(d.file, "/")
		reported[dir] = append(reported[dir], d.msg)
	}

	for i, tc := range wireMatchCases {
		t.Run(tc.name, func(t *testing.T) {
			msgs := reported[fmt.Sprintf("c%d", i)]
			if tc.at {
				assert.Equal(t, []string{`code "gone_away" is sent with status 400; the catalog says 410 (errcodes.yaml:7)`}, msgs, "the errcode pass")
			} else {
				assert.Empty(t, msgs, "the errcode pass")
			}
			body := wireBody(t, tc)
			h := http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
				w.Header().Set("Content-Type", "application/"+tc.format)
				w.WriteHeader(http.StatusBadRequest)
				_, _ = w.Write(body)
			})
			for side, chk := range exchange(t, wireCatalog(tc), h) {
				assert.Equal(t, tc.at, len(messages(chk, conformance.RuleStatus)) == 1, "conformance's %s on %s: %q", side, body, chk.Violations())
				assert.Equal(t, !tc.at, len(messages(chk, conformance.RuleNoCode)) == 1, "conformance's %s on %s: %q", side, body, chk.Violations())
			}
		})
	}
}

// wireCatalog is a case's catalog: gone_away, 410, on line 7.
func wireCatalog(tc wireMatchCase) string {
	return fmt.Sprintf("version: 1\napi: Agree\nwire:\n  code: %q\n  format: %s\ncodes:\n  - code: gone_away\n    status: 410\n", tc.wire, tc.format)
}

// wireSource is a case's package: a handler that sends its body with 400.
func wireSource(i int, tc wireMatchCase) string {
	rootNode := node{kids: tc.body}
	return fmt.Sprintf(`package c%d

import (
	"encoding/json"
	"encoding/xml"
	"net/http"
)

var (
	_ = json.Marshal
	_ xml.Name
)

type body %s

func handle(w http.ResponseWriter) {
	w.WriteHeader(http.StatusBadRequest)
	_ = %s.NewEncoder(w).Encode(body%s)
}
`, i, rootNode.goType(), tc.format, rootNode.goLit())
}

// goType is the node's Go type.
func (n node) goType() string {
	switch {
	case n.xmlName:
		return "xml.Name"
	case n.asMap:
		return "map[string]any"
	case n.kids == nil:
		return "string"
	}
	var b strings.Builder
	if n.slice {
		b.WriteString("[]")
	}
	b.WriteString("struct {")
	for _, k := range n.kids {
		fmt.Fprintf(&b, " %s %s %s;", k.name, k.goType(), strconv.Quote(k.tag))
	}
	b.WriteString(" }")
	return b.String()
}

// goLit is a composite literal of the node's type, without the type for
// the root, with the code at every string.
func (n node) goLit() string {
	switch {
	case n.asMap:
		var b strings.Builder
		b.WriteString("map[string]any{")
		for _, k := range n.kids {
			fmt.Fprintf(&b, "%q: %q, ", k.name, "gone_away")
		}
		return b.String() + "}"
	case n.kids == nil:
		return strconv.Quote("gone_away")
	}
	var b strings.Builder
	b.WriteString("{")
	for _, k := range n.kids {
		if !k.xmlName {
			fmt.Fprintf(&b, "%s: %s, ", k.name, k.typedLit())
		}
	}
	b.WriteString("}")
	if n.slice {
		elem := n
		elem.slice = false
		return "{" + elem.goType() + b.String() + "}"
	}
	return b.String()
}

func (n node) typedLit() string {
	if n.kids == nil || n.asMap {
		return n.goLit()
	}
	return n.goType() + n.goLit()
}

// wireBody is the case's body as the handler sends it: the same type,
// built with reflect, encoded in the case's format.
func wireBody(t *testing.T, tc wireMatchCase) []byte {
	v := node{kids: tc.body}.value().Interface()
	var (
		out []byte
		err error
	)
	if tc.format == "xml" {
		out, err = xml.Marshal(v)
	} else {
		out, err = json.Marshal(v)
	}
	require.NoError(t, err)
	return out
}

func (n node) rtype() reflect.Type {
	switch {
	case n.xmlName:
		return reflect.TypeFor[xml.Name]()
	case n.asMap:
		return reflect.TypeFor[map[string]any]()
	case n.kids == nil:
		return reflect.TypeFor[string]()
	}
	var fields []reflect.StructField
	for _, k := range n.kids {
		fields = append(fields, reflect.StructField{Name: k.name, Type: k.rtype(), Tag: reflect.StructTag(k.tag)})
	}
	st := reflect.StructOf(fields)
	if n.slice {
		return reflect.SliceOf(st)
	}
	return st
}

// value is a value of the node's type with the code at every string.
func (n node) value() reflect.Value {
	switch {
	case n.asMap:
		m := make(map[string]any)
		for _, k := range n.kids {
			m[k.name] = "gone_away"
		}
		return reflect.ValueOf(m)
	case n.kids == nil:
		return reflect.ValueOf("gone_away")
	}
	elem := n
	elem.slice = false
	v := reflect.New(elem.rtype()).Elem()
	for i, k := range n.kids {
		if !k.xmlName {
			v.Field(i).Set(k.value())
		}
	}
	if n.slice {
		return reflect.Append(reflect.MakeSlice(n.rtype(), 0, 1), v)
	}
	return v
}
