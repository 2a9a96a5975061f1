// Package astx holds small syntax and type helpers the passes share.
package astx

import (
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
	"strings"
)

// ImportName is the name under which f imports path, or "" when it does
// not (or imports it as _ or .).
func ImportName(f *ast.File, path string) string {
	for _, imp := range f.Imports {
		p, err := strconv.Unquote(imp.Path.Value)
		if err != nil || p != path {
			continue
		}
		if imp.Name != nil {
			if imp.Name.Name == "_" || imp.Name.Name == "." {
				return ""
			}
			return imp.Name.Name
		}
		return path[strings.LastIndex(path, "/")+1:]
	}
	return ""
}

// IsString reports whether t's underlying type is a string type; false
// for nil (an expression that did not type-check).
func IsString(t types.Type) bool { return isBasic(t, types.IsString) }

// IsInteger reports whether t's underlying type is an integer type.
func IsInteger(t types.Type) bool { return isBasic(t, types.IsInteger) }

func isBasic(t types.Type, info types.BasicInfo) bool {
	if t == nil {
		return false
	}
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&info != 0
}

// CompositeOf returns the literal of T{...} or &T{...}, or nil.
func CompositeOf(x ast.Expr) *ast.CompositeLit {
	x = ast.Unparen(x)
	if u, ok := x.(*ast.UnaryExpr); ok && u.Op == token.AND {
		x = ast.Unparen(u.X)
	}
	lit, _ := x.(*ast.CompositeLit)
	return lit
}

// Deref returns the element type of a pointer type, else t.
func Deref(t types.Type) types.Type {
	if p, ok := types.Unalias(t).Underlying().(*types.Pointer); ok {
		return p.Elem()
	}
	return t
}

// StructOf returns the struct type of t or of what t points to.
func StructOf(t types.Type) (*types.Struct, bool) {
	if t == nil {
		return nil, false
	}
	st, ok := Deref(t).Underlying().(*types.Struct)
	return st, ok
}

// FieldType returns the type of the field name of t's struct (or the one
// t points to), or nil when it has no such field.
func FieldType(t types.Type, name string) types.Type {
	st, ok := StructOf(t)
	if !ok {
		return nil
	}
	for i := range st.NumFields() {
		if st.Field(i).Name() == name {
			return st.Field(i).Type()
		}
	}
	return nil
}

// IsNamed reports whether t is the named type pkg.name.
func IsNamed(t types.Type, pkg, name string) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == pkg && n.Obj().Name() == name
}

// Params returns the parameters a function type declares, in order;
// unnamed parameters are nil.
func Params(info *types.Info, ft *ast.FuncType) []*types.Var {
	var out []*types.Var
	for _, field := range ft.Params.List {
		if len(field.Names) == 0 {
			out = append(out, nil)
			continue
		}
		for _, name := range field.Names {
			v, _ := info.Defs[name].(*types.Var)
			out = append(out, v)
		}
	}
	return out
}

// FileOf returns the file of files that holds pos, or nil.
func FileOf(files []*ast.File, pos token.Pos) *ast.File {
	for _, f := range files {
		if f.FileStart <= pos && pos <= f.FileEnd {
			return f
		}
	}
	return nil
}

// SameDecl reports whether a and b are in the same top-level declaration
// of files.
func SameDecl(files []*ast.File, a, b token.Pos) bool {
	f := FileOf(files, a)
	if f == nil || !a.IsValid() {
		return false
	}
	for _, d := range f.Decls {
		if d.Pos() <= a && a <= d.End() {
			return d.Pos() <= b && b <= d.End()
		}
	}
	return false
}
