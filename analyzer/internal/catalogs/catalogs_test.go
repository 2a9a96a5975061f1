package catalogs_test

import (
	"flag"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"testing"

	"github.com/errcodelint/errcodelint/analyzer/internal/catalogs"
	"github.com/errcodelint/errcodelint/catalog"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/tools/go/analysis"
)

const good = "version: 1\ncodes:\n  - code: a\n    status: 400\n"

// module writes a module with the given files and returns its directory.
func module(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, body := range files {
		p := filepath.Join(dir, name)
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, []byte(body), 0o644))
	}
	return dir
}

// pass is a pass over the Go files of dir/pkg.
func pass(t *testing.T, dir string) *analysis.Pass {
	t.Helper()
	fset := token.NewFileSet()
	name := filepath.Join(dir, "pkg", "p.go")
	f, err := parser.ParseFile(fset, name, nil, 0)
	require.NoError(t, err)
	return &analysis.Pass{Fset: fset, Files: []*ast.File{f}}
}

func TestForDiscovers(t *testing.T) {
	t.Setenv(catalog.EnvVar, "")
	tests := []struct {
		name  string
		files map[string]string
		found bool
	}{
		{"at the module root", map[string]string{"go.mod": "module m\n", "errcodes.yaml": good, "pkg/p.go": "package pkg\n"}, true},
		{"beside the package", map[string]string{"go.mod": "module m\n", "pkg/errcodes.yaml": good, "pkg/p.go": "package pkg\n"}, true},
		{"none: the checks are silent", map[string]string{"go.mod": "module m\n", "pkg/p.go": "package pkg\n"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var s catalogs.Source
			cat, err := s.For(pass(t, module(t, tt.files)))
			require.NoError(t, err)
			assert.Equal(t, tt.found, cat != nil)
		})
	}
}

// A broken catalog fails every package it governs: none is analyzed as
// if it had no catalog. (The command prints the error once.)
func TestForFailsEveryPackage(t *testing.T) {
	t.Setenv(catalog.EnvVar, "")
	dir := module(t, map[string]string{"go.mod": "module m\n", "errcodes.yaml": "version: 1\ncodes:\n  - code: a\n    stauts: 400\n", "pkg/p.go": "package pkg\n"})
	var s catalogs.Source
	for range 2 {
		cat, err := s.For(pass(t, dir))
		require.Error(t, err)
		assert.Contains(t, err.Error(), `unknown key "stauts"`)
		assert.Nil(t, cat)
	}
}

// The flag loads its file when set, so a bad catalog is a flag error.
func TestBind(t *testing.T) {
	dir := module(t, map[string]string{"good.yaml": good, "bad.yaml": "version: 1\ncodes: 3\n"})
	var s catalogs.Source
	fs := flag.NewFlagSet("x", flag.ContinueOnError)
	s.Bind(fs)
	require.NoError(t, fs.Set("catalog", filepath.Join(dir, "good.yaml")))
	assert.Equal(t, filepath.Join(dir, "good.yaml"), s.Path)
	assert.Error(t, fs.Set("catalog", filepath.Join(dir, "bad.yaml")))
}

// A package without files has nothing to govern.
func TestForNoFiles(t *testing.T) {
	var s catalogs.Source
	cat, err := s.For(&analysis.Pass{Fset: token.NewFileSet()})
	assert.NoError(t, err)
	assert.Nil(t, cat)
}
