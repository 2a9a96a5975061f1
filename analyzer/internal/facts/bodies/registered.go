package bodies

import (
	"go/ast"
	"go/constant"
	"go/types"
	"slices"
	"sort"
	"strings"

	"github.com/errcodelint/errcodelint/catalog"
)

// Registrations: an API may keep its codes as values of a type of its own
// (registry's errcode.ErrorCode), each made by a call that registers a
// descriptor pairing the code's text with its status:
//
//	var ErrorCodeDenied = register("errcode", ErrorDescriptor{
//		Value: "DENIED", HTTPStatusCode: http.StatusForbidden, … })
//
// Registered is the package fact that records, for each such type, the
// texts its descriptors hold. It knows no catalog: apimodel decides
// whether the texts are the catalog's codes, and so whether the type is
// the API's, wherever the type is used.

// Registered is the package fact: the types whose package variables are
// made by registering a descriptor, each with the short texts of its
// descriptors, in this package.
type Registered struct {
	Types []Registration
}

// A Registration is a type made by registering descriptors, and the
// texts the descriptors hold.
type Registration struct {
	Type  string // "import/path.Name"
	Texts []string
}

func (*Registered) AFact() {}

func (r *Registered) String() string {
	var parts []string
	for _, t := range r.Types {
		parts = append(parts, t.Type+"("+strings.Join(t.Texts, " ")+")")
	}
	return "registered " + strings.Join(parts, " ")
}

// maxText bounds the texts kept: a code is short; a description is not.
const maxText = 64

// registrations finds the package variables made by a call given a
// descriptor: a struct literal with a constant error status (400 to 599)
// and constant texts.
func registrations(info *types.Info, files []*ast.File) []Registration {
	texts := make(map[string][]string)
	for _, f := range files {
		for _, d := range f.Decls {
			gd, ok := d.(*ast.GenDecl)
			if !ok {
				continue
			}
			for _, spec := range gd.Specs {
				vs, ok := spec.(*ast.ValueSpec)
				if !ok {
					continue
				}
				for i, v := range vs.Values {
					call, ok := ast.Unparen(v).(*ast.CallExpr)
					if !ok || i >= len(vs.Names) {
						continue
					}
					name := qualified(info.TypeOf(vs.Names[i]))
					if name == "" {
						continue
					}
					for _, arg := range call.Args {
						if ts, ok := descriptor(info, arg); ok {
							texts[name] = append(texts[name], ts...)
						}
					}
				}
			}
		}
	}
	var out []Registration
	for name, ts := range texts {
		slices.Sort(ts)
		out = append(out, Registration{Type: name, Texts: slices.Compact(ts)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Type < out[j].Type })
	return out
}

// descriptor returns the short constant texts of a struct literal that
// also holds a constant error status.
func descriptor(info *types.Info, x ast.Expr) ([]string, bool) {
	if u, ok := ast.Unparen(x).(*ast.UnaryExpr); ok {
		x = u.X
	}
	lit, ok := ast.Unparen(x).(*ast.CompositeLit)
	if !ok {
		return nil, false
	}
	if _, isStruct := info.TypeOf(lit).Underlying().(*types.Struct); !isStruct {
		return nil, false
	}
	var texts []string
	status := false
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		c := info.Types[kv.Value].Value
		switch {
		case c == nil:
		case c.Kind() == constant.String && len(constant.StringVal(c)) <= maxText:
			texts = append(texts, constant.StringVal(c))
		case c.Kind() == constant.Int:
			if n, ok := constant.Int64Val(c); ok && catalog.IsErrorStatus(n) {
				status = true
			}
		}
	}
	return texts, status && len(texts) > 0
}
