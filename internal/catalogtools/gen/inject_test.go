package gen

import (
	"go/ast"
	goparser "go/parser"
	"go/token"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/errcodelint/errcodelint/catalog"
	"github.com/errcodelint/errcodelint/internal/catalogtools/internal/toolstest"
)

// topLevel lists the identifiers a generated file declares at top level,
// methods as Type.Method, and its imports.
func topLevel(t *testing.T, src []byte) (decls, imports []string) {
	t.Helper()
	f, err := goparser.ParseFile(token.NewFileSet(), "gen.go", src, goparser.ParseComments)
	require.NoError(t, err, "%s", src)
	for _, imp := range f.Imports {
		imports = append(imports, imp.Path.Value)
	}
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			name := d.Name.Name
			if d.Recv != nil {
				name = "." + name
			}
			decls = append(decls, name)
		case *ast.GenDecl:
			for _, spec := range d.Specs {
				switch spec := spec.(type) {
				case *ast.TypeSpec:
					decls = append(decls, spec.Name.Name)
				case *ast.ValueSpec:
					for _, n := range spec.Names {
						decls = append(decls, n.Name)
					}
				}
			}
		}
	}
	slices.Sort(decls)
	return decls, imports
}

// expectedDecls is what Generate must declare for c, and nothing else.
func expectedDecls(t *testing.T, c *catalog.Catalog, opts Options) []string {
	t.Helper()
	g, err := newGenerator(c, opts)
	require.NoError(t, err)
	want := []string{g.typ, "Codes", "Lookup", ".Status", ".Retryable"}
	for _, code := range c.Codes {
		want = append(want, g.names[code])
	}
	if c.Wire.Prefix != "" {
		want = append(want, "WirePrefix")
	}
	if g.several() {
		want = append(want, ".Statuses")
	}
	if len(g.templates) > 0 {
		want = append(want, "codeTemplate", "codeTemplates", ".template")
	}
	if g.numeric && len(g.named()) > 0 {
		want = append(want, ".Name")
	}
	slices.Sort(want)
	return want
}

// TestGenerateNoInjection: catalog text reaches generated Go only as
// quoted literals or as comments that cannot end early. Before, an api
// with a line break wrote a func init into the package.
func TestGenerateNoInjection(t *testing.T) {
	const inject = `X\nfunc init() { println(1) }\n//`
	tests := []struct{ name, src string }{
		{"api", `api: "` + inject + `"`},
		{"api carriage return", `api: "X\rfunc init() { println(1) }\r//"`},
		{"api line separator", `api: "X\u2028func init() {}\u0085//"`},
		{"api control characters", `api: "X\0\x01\x1b[31m\x7f\ufeff"`},
		{"api block comment end", `api: "X */ func init() {} /*"`},
		{"wire code", `wire: {code: "a.b\nc"}`},
		{"summary", `codes_extra: {summary: "` + inject + `"}`},
		{"group", `codes_extra: {group: "` + inject + `"}`},
		{"group nul", `codes_extra: {group: "G\0H"}`},
		{"name", `codes_extra: {name: "` + inject + `"}`},
		{"template code", `codes_extra: {code: "a\r|{x}\u2028z\x01"}`},
		{"prefix", `wire: {prefix: "` + inject + `"}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			head, extra := tt.src+"\n", ""
			if rest, ok := strings.CutPrefix(tt.src, "codes_extra: {"); ok {
				head, extra = "", ", "+strings.TrimSuffix(rest, "}")
			}
			codes := "  - {code: a, status: 400" + extra + "}\n  - {code: b, status: 404}\n"
			if strings.Contains(extra, "code:") {
				codes = "  - {status: 400" + extra + "}\n  - {code: b, status: 404}\n"
			}
			c := toolstest.ParseCodes(t, "c.yaml", head, codes)
			src, err := Generate(c, Options{Package: "apierr", Source: "dir/x\ny.yaml"})
			require.NoError(t, err)
			decls, _ := topLevel(t, src)
			assert.Equal(t, expectedDecls(t, c, Options{Package: "apierr"}), decls)
			assert.NotContains(t, string(src), "\nfunc init")
			typeCheck(t, src)
		})
	}
}

// FuzzGenerate: for any catalog that loads, Generate writes source that
// parses and declares exactly the expected identifiers (no func init,
// nothing else), importing only what it needs from the standard library.
func FuzzGenerate(f *testing.F) {
	for _, s := range toolstest.Styles {
		data, err := readStyle(s.Name)
		require.NoError(f, err)
		f.Add(data)
	}
	f.Add([]byte("version: 1\napi: \"X\\nfunc init() { println(1) }\\n//\"\ncodes:\n  - {code: a, status: 400, summary: \"s\\n*/\", group: \"g\\r\"}\n"))
	f.Add([]byte("version: 1\nwire: {prefix: \"p\\\"\"}\ncodes:\n  - {code: \"a|{x}\", status: [400, 404], retryable: true}\n  - {code: b, status: 429}\n"))
	f.Add([]byte("version: 1\ncodes:\n  - {code: 1, name: One, status: 400}\n  - {code: 99999999999, status: [500, 503]}\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := catalog.Parse("c.yaml", data)
		if err != nil {
			return
		}
		opts := Options{Package: "apierr", Source: "c.yaml"}
		if _, err := newGenerator(c, opts); err != nil {
			return // a bad option, such as an unexported go.code_type name
		}
		src, err := Generate(c, opts)
		require.NoError(t, err)
		decls, imports := topLevel(t, src)
		assert.Equal(t, expectedDecls(t, c, opts), decls)
		for _, imp := range imports {
			assert.Contains(t, []string{`"regexp"`, `"strconv"`, `"strings"`}, imp)
		}
	})
}

func readStyle(name string) ([]byte, error) { return os.ReadFile(toolstest.StylePath(name)) }
