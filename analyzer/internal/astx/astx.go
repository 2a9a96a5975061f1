// Package astx holds small syntax helpers the passes share.
package astx

import (
	"go/ast"
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
