// Package bodies defines a fact-only Analyzer that records the types a
// package encodes into or decodes from HTTP bodies: the values it hands to
// encoding/json and encoding/xml (Marshal, Unmarshal, an Encoder's Encode,
// a Decoder's Decode) or to a framework's body writer, in a package that
// can see net/http.
//
// A field read from such a type at the catalog's wire path is a code of the
// API; the same field name in an internal enum, a database error or another
// service's SDK type is not. The fact is a package fact, so that a type
// decoded in one package is known as a body type where it is compared.
package bodies

import (
	"go/ast"
	"go/types"
	"reflect"
	"slices"
	"strings"

	"github.com/errcodelint/errcodelint/analyzer/internal/astx"
	"github.com/errcodelint/errcodelint/analyzer/internal/envelope"
	"github.com/errcodelint/errcodelint/analyzer/internal/nethttp"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"
)

// Types is the package fact: the named struct types that the package's
// bodies are made of (the bodies' own types and the types of their
// fields), each with the path at which it sits, where no package it
// depends on records the same.
type Types struct {
	Entries []Entry
}

// An Entry is a named type inside a body, and the path at which it sits.
type Entry struct {
	Type      string // "import/path.Name"
	JSON, XML string // "" for a body's own type; "errors[]" for array elements
	Format    string // "json" or "xml": how the body is encoded
	Read      bool   // decoded from a body that is not a request's (see Path)
}

func (*Types) AFact() {}

func (t *Types) String() string {
	var parts []string
	for _, e := range t.Entries {
		part := e.Type + "@" + e.Format + ":" + e.JSON
		if e.Read {
			part += " read"
		}
		parts = append(parts, part)
	}
	return "bodies " + strings.Join(parts, " ")
}

// Analyzer computes the facts. Its result is a *Result.
var Analyzer = &analysis.Analyzer{
	Name:       "errcodebodies",
	Doc:        "find the types a package encodes into or decodes from HTTP bodies (facts for errcodelint)",
	URL:        "https://pkg.go.dev/github.com/errcodelint/errcodelint/analyzer/internal/facts/bodies",
	Run:        run,
	FactTypes:  []analysis.Fact{new(Types), new(Registered)},
	ResultType: reflect.TypeFor[*Result](),
}

// A Path is where a type sits inside a body, and how that body is
// encoded: a field of a body encoded as JSON is not read at an XML path.
type Path struct {
	JSON, XML string
	Format    string // "json" or "xml"
	// Read says the body is decoded from something other than a
	// request's body: a response's, or bytes the syntax does not say
	// the origin of. A type only encoded, or decoded from requests, is
	// never read from a response.
	Read bool
}

// Result answers where a type travels in HTTP bodies, for this package
// and the packages it depends on.
type Result struct {
	named map[string][]Path // by "import/path.Name"
	// registered are the texts of the descriptors each type's values are
	// registered with, here and in the packages this one depends on.
	registered map[string][]string
	local      []localBody // unnamed struct types (an anonymous struct decoded in place)
}

type localBody struct {
	t    types.Type
	path Path
}

// Paths returns the paths at which a value of type t (or what it points
// to) sits inside the bodies encoded or decoded here and in the packages
// this one depends on; none when t does not travel in HTTP bodies.
func (r *Result) Paths(t types.Type) []Path {
	if t == nil {
		return nil
	}
	t = types.Unalias(t)
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	if name := qualified(t); name != "" {
		return r.named[name]
	}
	var out []Path
	for _, l := range r.local {
		if types.Identical(l.t, t) {
			out = append(out, l.path)
		}
	}
	return out
}

// Registered returns the texts of the descriptors that values of type t are
// registered with (see Registered); none when t's values are not made so.
func (r *Result) Registered(t types.Type) []string {
	if t == nil {
		return nil
	}
	return r.registered[qualified(types.Unalias(t))]
}

func (r *Result) addNamed(name string, p Path) bool {
	if slices.Contains(r.named[name], p) {
		return false
	}
	r.named[name] = append(r.named[name], p)
	return true
}

// add records that t sits at p; name is t's qualified name when it has
// one.
func (r *Result) add(t types.Type, p Path) (name string, added bool) {
	if name := qualified(t); name != "" {
		return name, r.addNamed(name, p)
	}
	for _, l := range r.local {
		if l.path == p && types.Identical(l.t, t) {
			return "", false
		}
	}
	r.local = append(r.local, localBody{t, p})
	return "", true
}

func run(pass *analysis.Pass) (any, error) {
	res := &Result{named: make(map[string][]Path), registered: make(map[string][]string)}
	for _, f := range pass.AllPackageFacts() {
		switch t := f.Fact.(type) {
		case *Types:
			for _, e := range t.Entries {
				res.addNamed(e.Type, Path{e.JSON, e.XML, e.Format, e.Read})
			}
		case *Registered:
			for _, r := range t.Types {
				res.registered[r.Type] = append(res.registered[r.Type], r.Texts...)
			}
		}
	}
	if own := registrations(pass.TypesInfo, pass.Files); len(own) > 0 {
		for _, r := range own {
			res.registered[r.Type] = append(res.registered[r.Type], r.Texts...)
		}
		pass.ExportPackageFact(&Registered{Types: own})
	}
	// No net/http below: nothing the package encodes goes to an HTTP body.
	if !nethttp.ImportsHTTP(pass.Pkg) {
		return res, nil
	}
	var own []Entry
	record := func(x ast.Expr, format string, read bool) {
		for _, n := range envelope.Structs(pass.TypesInfo.TypeOf(x)) {
			p := Path{n.JSON, n.XML, format, read}
			if name, added := res.add(n.Type, p); added && name != "" {
				own = append(own, Entry{Type: name, JSON: p.JSON, XML: p.XML, Format: format, Read: read})
			}
		}
	}
	for _, file := range pass.Files {
		ast.Inspect(file, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			if x, format := CodecValue(pass.TypesInfo, call); x != nil {
				record(x, format, readsResponse(pass.TypesInfo, call))
				return true
			}
			if sw, ok := nethttp.AsStatusWrite(pass.TypesInfo, call); ok && sw.Value != nil {
				record(sw.Value, formatOf(sw.XML), false)
			} else if bw, ok := nethttp.AsBodyWrite(pass.TypesInfo, call); ok && bw.Value != nil {
				record(bw.Value, formatOf(bw.XML), false)
			}
			return true
		})
	}
	if len(own) > 0 {
		slices.SortFunc(own, func(a, b Entry) int {
			return strings.Compare(a.Type+"@"+a.Format+":"+a.JSON, b.Type+"@"+b.Format+":"+b.JSON)
		})
		pass.ExportPackageFact(&Types{Entries: own})
	}
	return res, nil
}

// CodecValue returns the value a call of encoding/json or encoding/xml
// encodes or decodes into, and the format ("json" or "xml"); nil when the
// call is none of those.
func CodecValue(info *types.Info, call *ast.CallExpr) (ast.Expr, string) {
	fn, _ := typeutil.Callee(info, call).(*types.Func)
	if fn == nil || fn.Pkg() == nil {
		return nil, ""
	}
	var format string
	switch fn.Pkg().Path() {
	case "encoding/json":
		format = "json"
	case "encoding/xml":
		format = "xml"
	default:
		return nil, ""
	}
	switch fn.Name() {
	case "Marshal", "MarshalIndent", "Encode", "Decode":
		if len(call.Args) >= 1 {
			return call.Args[0], format
		}
	case "Unmarshal":
		if len(call.Args) == 2 {
			return call.Args[1], format
		}
	}
	return nil, ""
}

// readsResponse reports whether call decodes (Unmarshal, a Decoder's
// Decode) a body that is not a request's: a server decoding what a client
// sent is not reading the API's answers. A source the syntax does not name
// (bytes read elsewhere) may be a response.
func readsResponse(info *types.Info, call *ast.CallExpr) bool {
	fn, _ := typeutil.Callee(info, call).(*types.Func)
	var src ast.Expr
	switch {
	case fn.Name() == "Unmarshal" && len(call.Args) == 2:
		src = call.Args[0]
	case fn.Name() == "Decode":
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok {
			return true
		}
		src = sel.X
	default:
		return false // an encoder
	}
	request := false
	ast.Inspect(src, func(n ast.Node) bool {
		if sel, ok := n.(*ast.SelectorExpr); ok && sel.Sel.Name == "Body" && isRequest(info.TypeOf(sel.X)) {
			request = true
		}
		return !request
	})
	return !request
}

// isRequest reports whether t is *http.Request.
func isRequest(t types.Type) bool {
	p, ok := t.(*types.Pointer)
	return ok && astx.IsNamed(p.Elem(), "net/http", "Request")
}

func formatOf(xml bool) string {
	if xml {
		return "xml"
	}
	return "json"
}

// qualified is "import/path.Name" for a named type, "" otherwise.
func qualified(t types.Type) string {
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return ""
	}
	return n.Obj().Pkg().Path() + "." + n.Obj().Name()
}
