package catalogcmd

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// styles are the five catalogs in ../../testdata/catalogs, one per seed
// reference style, with the seed file's number.
var styles = []struct{ name, seed string }{
	{"acme", "000"},
	{"platform", "001"},
	{"certcentral", "002"},
	{"camelcase", "003"},
	{"numeric", "004"},
}

func stylePath(name string) string {
	return filepath.Join("..", "..", "testdata", "catalogs", name+".yaml")
}

// golden compares got with the golden file, or rewrites it under -update.
func golden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
		require.NoError(t, os.WriteFile(path, []byte(got), 0o644))
		return
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test ./internal/catalogcmd -update to create it")
	assert.Equal(t, string(want), got, "%s differs; run go test ./internal/catalogcmd -update if the change is intended", path)
}

// writeFile writes content to name in a fresh temporary directory.
func writeFile(t *testing.T, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	require.NoError(t, os.WriteFile(p, []byte(content), 0o644))
	return p
}

// TestHelp: every command explains itself on stdout and exits 0, with the
// flags before or after the arguments.
func TestHelp(t *testing.T) {
	for _, cmd := range commands {
		for _, args := range [][]string{{cmd.name, "-h"}, {cmd.name, "x.yaml", "-h"}} {
			stdout, _, code := run(args...)
			assert.Equal(t, 0, code, args)
			assert.Contains(t, stdout, "usage: errcodelint catalog "+cmd.name+" [flags] "+cmd.args+"\n", args)
			assert.Contains(t, stdout, cmd.help, args)
		}
		// -h after the arguments is parsed by the command itself, which
		// prints the usage once.
		_, stderr, _ := run(cmd.name, "x.yaml", "-h")
		assert.Empty(t, stderr, cmd.name)
	}
}

// TestUsageErrors: a wrong command line exits 2 with the reason and usage
// on stderr.
func TestUsageErrors(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"doc"}, "errcodelint catalog doc: want 1 argument, got 0"},
		{[]string{"doc", "a.yaml", "b.yaml"}, "errcodelint catalog doc: want 1 argument, got 2"},
		{[]string{"doc", "a.yaml", "-format", "pdf"}, `invalid value "pdf" for flag -format: want one of markdown, html`},
		{[]string{"diff", "a.yaml"}, "errcodelint catalog diff: want 2 arguments, got 1"},
		{[]string{"diff", "-jsn", "a.yaml", "b.yaml"}, "flag provided but not defined: -jsn"},
		{[]string{"gen"}, "errcodelint catalog gen: want 1 argument, got 0"},
		{[]string{"gen", stylePath("acme")}, "errcodelint catalog gen: no package name: give one, or set go.code_type in the catalog"},
		{[]string{"gen", stylePath("acme"), "-pkg", "a-b"}, `errcodelint catalog gen: package name "a-b" is not a Go identifier`},
		{[]string{"gen", "x.yaml", "-pkg"}, "flag needs an argument: -pkg"},
		{[]string{"import"}, "errcodelint catalog import: want 1 argument, got 0"},
		{[]string{"check", "-strict"}, "errcodelint catalog check: want at least one catalog file"},
	}
	for _, tt := range tests {
		_, stderr, code := run(tt.args...)
		assert.Equal(t, 2, code, tt.args)
		assert.Contains(t, stderr, tt.want, tt.args)
	}
}

// TestBadCatalog: every command that reads a catalog reports its errors
// with positions and exits 1.
func TestBadCatalog(t *testing.T) {
	bad := writeFile(t, "errcodes.yaml", "version: 1\ncodes:\n  - code: a\n    status: 99\n")
	want := bad + ":4:13: status 99 is not an HTTP status\n"
	good := stylePath("acme")
	for _, args := range [][]string{
		{"check", bad}, {"doc", bad}, {"gen", "-pkg", "p", bad}, {"diff", bad, good}, {"diff", good, bad},
	} {
		stdout, stderr, code := run(args...)
		assert.Equal(t, 1, code, args)
		assert.Empty(t, stdout, args)
		assert.Equal(t, want, stderr, args)
	}
}
