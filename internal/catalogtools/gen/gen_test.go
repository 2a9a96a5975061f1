package gen

import (
	"fmt"
	"go/ast"
	"go/importer"
	goparser "go/parser"
	"go/token"
	"go/types"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/errcodelint/errcodelint/catalog"
	"github.com/errcodelint/errcodelint/internal/catalogtools/internal/toolstest"
)

// TestGenerateGolden generates Go for each style's catalog.
func TestGenerateGolden(t *testing.T) {
	for _, s := range toolstest.Styles {
		t.Run(s.Name, func(t *testing.T) {
			c := toolstest.LoadStyle(t, s.Name)
			src, err := Generate(c, Options{Package: s.Name, Source: c.Path})
			require.NoError(t, err)
			again, err := Generate(c, Options{Package: s.Name, Source: "elsewhere/" + filepath.Base(c.Path)})
			require.NoError(t, err)
			assert.Equal(t, string(src), string(again), "output depends only on the catalog")
			assert.True(t, strings.HasPrefix(string(src), Header+"\n"))
			toolstest.Golden(t, filepath.Join("testdata", s.Name+".go.golden"), src)
		})
	}
}

// TestGenerateConstantsCataloged parses the generated source: every
// constant of the code type is a cataloged plain code, and every plain
// code has one.
func TestGenerateConstantsCataloged(t *testing.T) {
	for _, s := range toolstest.Styles {
		t.Run(s.Name, func(t *testing.T) {
			c := toolstest.LoadStyle(t, s.Name)
			src, err := Generate(c, Options{Package: "apierr"})
			require.NoError(t, err)
			f, err := goparser.ParseFile(token.NewFileSet(), "gen.go", src, goparser.ParseComments)
			require.NoError(t, err)
			seen := make(map[*catalog.Code]bool)
			for _, spec := range typedConsts(f, "Code") {
				lit, ok := spec.Values[0].(*ast.BasicLit)
				require.True(t, ok, "constant %s has a literal value", spec.Names[0])
				code, ok := lookupLiteral(c, lit)
				require.True(t, ok, "constant %s = %s is in the catalog", spec.Names[0], lit.Value)
				assert.Nil(t, code.Template)
				assert.NotNil(t, spec.Doc, "constant %s has a doc comment", spec.Names[0])
				seen[code] = true
			}
			for _, code := range c.Codes {
				assert.Equal(t, code.Template == nil, seen[code], "code %s has a constant unless a template", code.Quoted())
			}
		})
	}
}

// typedConsts returns the const specs of the named type.
func typedConsts(f *ast.File, typ string) []*ast.ValueSpec {
	var out []*ast.ValueSpec
	for _, decl := range f.Decls {
		gd, ok := decl.(*ast.GenDecl)
		if !ok || gd.Tok != token.CONST {
			continue
		}
		for _, spec := range gd.Specs {
			vs := spec.(*ast.ValueSpec)
			if id, ok := vs.Type.(*ast.Ident); ok && id.Name == typ {
				out = append(out, vs)
			}
		}
	}
	return out
}

func lookupLiteral(c *catalog.Catalog, lit *ast.BasicLit) (*catalog.Code, bool) {
	if lit.Kind == token.INT {
		n, err := strconv.ParseInt(lit.Value, 10, 64)
		if err != nil {
			return nil, false
		}
		return c.LookupInt(n)
	}
	s, err := strconv.Unquote(lit.Value)
	if err != nil {
		return nil, false
	}
	return c.Lookup(s)
}

func TestGoName(t *testing.T) {
	tests := []struct {
		code *catalog.Code
		want string
	}{
		{&catalog.Code{Value: "secret_not_found"}, "SecretNotFound"},
		{&catalog.Code{Value: "rateLimited"}, "RateLimited"},
		{&catalog.Code{Value: "badCSR"}, "BadCSR"},
		{&catalog.Code{Value: "ip_not_allowed"}, "IPNotAllowed"},
		{&catalog.Code{Value: "ttl_exceeds_max"}, "TTLExceedsMax"},
		{&catalog.Code{Value: "access_denied|missing_permission"}, "AccessDeniedMissingPermission"},
		{&catalog.Code{Value: "not_found|{resource}"}, "NotFoundResource"},
		{&catalog.Code{Value: "invalid_chars:{param.name}"}, "InvalidCharsParamName"},
		{&catalog.Code{Value: "404_page"}, "Code404Page"},
		{&catalog.Code{Value: "51010", Numeric: true, Name: "InvalidCsrSignature"}, "InvalidCsrSignature"},
		{&catalog.Code{Value: "51010", Numeric: true}, "Code51010"},
		{&catalog.Code{Value: "x", Name: "lowerName"}, "LowerName"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, goName(tt.code), tt.code.Value)
	}
	assert.Equal(t, []string{"resource", "paramName", "part", "typePart", "resource2", "stringPart"},
		paramNames([]string{"resource", "param.name", "_", "type", "resource", "string"}))
}

func TestGenerateErrors(t *testing.T) {
	c := toolstest.ParseCodes(t, "c.yaml", "", "  - {code: a, status: 400}\n")
	tests := []struct {
		opts Options
		want string
	}{
		{Options{}, "no package name: give one, or set go.code_type in the catalog"},
		{Options{Package: "my-pkg"}, `package name "my-pkg" is not a Go identifier`},
		{Options{Package: "p", Type: "code"}, `type name "code" is not an exported Go identifier`},
	}
	for _, tt := range tests {
		_, err := Generate(c, tt.opts)
		require.Error(t, err)
		assert.Equal(t, tt.want, err.Error())
	}
}

// TestGenerateFromCodeType takes package and type from go.code_type, and
// numbers names that collide.
func TestGenerateFromCodeType(t *testing.T) {
	c := toolstest.ParseCodes(t, "c.yaml", "go:\n  code_type: example.com/api/apierr.ErrCode\n",
		"  - {code: not_found, status: 404}\n  - {code: notFound, status: 404}\n  - {code: lookup, status: 400}\n")
	src, err := Generate(c, Options{})
	require.NoError(t, err)
	for _, want := range []string{"package apierr\n", "type ErrCode string\n", `NotFound ErrCode = "not_found"`,
		`NotFound2 ErrCode = "notFound"`, `Lookup2 ErrCode = "lookup"`, "func Lookup(s string) (ErrCode, bool) {"} {
		assert.Contains(t, string(src), want)
	}
}

// TestGenerateBuilds writes the generated package of each style into a
// module with a main that prints what the generated API answers, builds
// it with go vet and go run, and checks the answers against the catalog.
func TestGenerateBuilds(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a module with the go command")
	}
	goCmd, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command in PATH")
	}
	dir := t.TempDir()
	write := func(name, content string) {
		p := filepath.Join(dir, name)
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, []byte(content), 0o644))
	}
	write("go.mod", "module gentest\n\ngo 1.26\n")
	var main, want strings.Builder
	main.WriteString("package main\n\nimport (\n\t\"fmt\"\n")
	for _, s := range toolstest.Styles {
		fmt.Fprintf(&main, "\t%q\n", "gentest/"+s.Name)
	}
	main.WriteString(")\n\nfunc main() {\n")
	for _, s := range toolstest.Styles {
		c := toolstest.LoadStyle(t, s.Name)
		src, err := Generate(c, Options{Package: s.Name, Source: c.Path})
		require.NoError(t, err)
		write(filepath.Join(s.Name, "codes_gen.go"), string(src))
		genMainChecks(t, &main, &want, s.Name, c)
	}
	main.WriteString("}\n")
	write("main.go", main.String())

	env := append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod", "GOTOOLCHAIN=local", "GOPROXY=off")
	for _, args := range [][]string{{"vet", "./..."}, {"run", "."}} {
		cmd := exec.Command(goCmd, args...)
		cmd.Dir, cmd.Env = dir, env
		out, err := cmd.CombinedOutput()
		require.NoError(t, err, "go %s:\n%s", strings.Join(args, " "), out)
		if args[0] == "run" {
			assert.Equal(t, want.String(), string(out))
		}
	}
}

// genMainChecks adds to main the calls that exercise one generated
// package, and to want the lines the catalog says they print.
func genMainChecks(t *testing.T, main, want *strings.Builder, pkg string, c *catalog.Catalog) {
	t.Helper()
	g, err := newGenerator(c, Options{Package: pkg})
	require.NoError(t, err)
	fmt.Fprintf(main, "\tfor _, c := range %s.Codes() {\n\t\tfmt.Println(%q, c, c.Status(), c.Retryable())\n\t}\n", pkg, pkg)
	for _, code := range g.consts {
		fmt.Fprintf(want, "%s %s %d %t\n", pkg, code.Value, code.Status, code.Retryable)
	}
	lookup := func(s string, ok bool, status int) {
		fmt.Fprintf(main, "\tif c, ok := %s.Lookup(%q); true {\n\t\tfmt.Println(%q, ok, c.Status())\n\t}\n", pkg, s, pkg+" lookup "+s)
		fmt.Fprintf(want, "%s lookup %s %t %d\n", pkg, s, ok, status)
	}
	for _, code := range g.consts {
		lookup(code.Value, true, code.Status)
		if code.Name != "" && code.Numeric {
			lookup(code.Name, true, code.Status)
		}
		if c.Wire.Prefix != "" {
			lookup(c.Wire.Prefix+code.Value, true, code.Status)
		}
	}
	lookup("no_such_code", false, 0)
	if c.Numeric() {
		lookup("12345678901234567890", false, 0)
		lookup("7", false, 0)
	}
	for _, code := range g.templates {
		args := make([]string, len(code.Template.Vars))
		for i := range args {
			args[i] = strconv.Quote("x" + strconv.Itoa(i))
		}
		instance := code.Template.Pattern().Instance("x")
		fmt.Fprintf(main, "\tfmt.Println(%q, %s.%s(%s).Status(), %s.%s(%s).Retryable())\n",
			pkg+" "+code.Value, pkg, g.names[code], strings.Join(args, ", "), pkg, g.names[code], strings.Join(args, ", "))
		fmt.Fprintf(want, "%s %s %d %t\n", pkg, code.Value, code.Status, code.Retryable)
		want, _ := c.Lookup(instance)
		lookup(instance, true, want.Status)
	}
}

// typeCheck type-checks generated source against the standard library.
func typeCheck(t *testing.T, src []byte) {
	t.Helper()
	fset := token.NewFileSet()
	f, err := goparser.ParseFile(fset, "gen.go", src, 0)
	require.NoError(t, err)
	conf := types.Config{Importer: importer.ForCompiler(fset, "source", nil)}
	_, err = conf.Check("apierr", fset, []*ast.File{f}, nil)
	require.NoError(t, err, "%s", src)
}

// TestGenerateStatusList: Status returns a code's default status; a
// Statuses method, written only when some code has several, returns them
// all.
func TestGenerateStatusList(t *testing.T) {
	c := toolstest.ParseCodes(t, "c.yaml", "", "  - {code: malformed, status: [400, 404, 415]}\n  - {code: gone, status: 410}\n  - {code: 'bad|{field}', status: [400, 422]}\n")
	src, err := Generate(c, Options{Package: "apierr"})
	require.NoError(t, err)
	typeCheck(t, src)
	s := string(src)
	assert.Contains(t, s, "// Malformed is \"malformed\", sent with status 400 (Bad Request) by default, also 404 (Not Found), 415 (Unsupported Media Type).\n")
	assert.Contains(t, s, "\tcase Malformed:\n\t\treturn []int{400, 404, 415}\n")
	assert.Contains(t, s, "func (c Code) Statuses() []int {")
	assert.Contains(t, s, `{regexp.MustCompile(`+"`^bad\\|(.+)$`"+`), 400, false, []int{400, 422}}, // bad|{field}`)

	single := toolstest.ParseCodes(t, "c.yaml", "", "  - {code: gone, status: 410}\n")
	src, err = Generate(single, Options{Package: "apierr"})
	require.NoError(t, err)
	assert.NotContains(t, string(src), "Statuses()", "no Statuses method when every code has one status")
}
